//! `ushtil serve`: the corpus in a browser, on this machine. One page (in the
//! binary, no request leaves the machine) for search, side-by-side compare
//! and concordance, its state in the address (`/?q=сайлау&lang=kk`,
//! `/compare/DOC`, `/concord?q=…`), and the JSON API it reads, whose objects
//! are exactly those `--format json` prints (`ushtil::view`).
//!
//! tiny_http serves it: a small synchronous server, no async runtime, which
//! is all a tool one person runs on a laptop needs. A few requests are
//! answered at once; one that finds the index stale builds it, and while a
//! build runs the others answer from the index as the last build committed it.
//!
//! A curator corrects a document's sentence groups from its comparison: a
//! POST to `/api/correct` merges, splits or relinks groups of one part and
//! writes the document's `.align.tsv`, marked checked, as a hand edit would.
//!
//! Only this machine's pages may ask: a request whose `Host` is not the
//! server's own (a page elsewhere that points a name at 127.0.0.1) or whose
//! `Origin` is another site's is refused; a correction must name its
//! `Origin` and send JSON, which a page elsewhere cannot without the
//! browser asking first (and being refused). Documents are named by corpus
//! id, never by path.

use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

use anyhow::anyhow;
use serde::{Deserialize, Serialize};
use tiny_http::{Header, Method, Request, Response};
use ushtil::align::correct::{Correction, CorrectionError};
use ushtil::build::CorrectError;
use ushtil::concord::order::{Order, Position, Selection};
use ushtil::concord::{self, Context as Around};
use ushtil::model::{Lang, PerLang};
use ushtil::search::{self, Filter};
use ushtil::view;

use super::{compare, concord as concord_command, Context, Status};

/// The page, with its script and styles.
const PAGE: &str = include_str!("serve/page.html");

/// The longest request line read: a query is short.
const MOST_URL: usize = 4096;
/// The most hits or lines one request gets.
const MOST_RESULTS: usize = 1000;
/// The largest correction read: a few groups' sentence numbers.
const MOST_BODY: usize = 64 * 1024;
/// Requests answered at once.
const WORKERS: usize = 4;

#[derive(clap::Args)]
pub struct Args {
    /// Port to listen on (0: any free one, printed on start).
    #[arg(long, default_value_t = 8470)]
    port: u16,
    /// Address to listen on: loopback unless you mean to share the corpus.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    // Built or opened now, so that a corpus that cannot be served says so at once.
    context.open_index()?;
    let server = tiny_http::Server::http(SocketAddr::new(args.bind, args.port))
        .map_err(|e| anyhow!("{}:{}: {e}", args.bind, args.port))?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| anyhow!("not a TCP address"))?;
    // The address is what the command gives: on standard output, whatever --quiet.
    println!("serving {} on http://{address}/", context.corpus.display());
    let serving = Serving {
        context,
        hosts: own_hosts(address),
        correcting: Mutex::new(()),
    };
    // A few requests at once, so that one that builds does not hold up the rest.
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            let (server, serving) = (&server, &serving);
            scope.spawn(move || {
                while let Ok(mut request) = server.recv() {
                    let answer = serving.answer(&mut request);
                    let _ = request.respond(answer);
                }
            });
        }
    });
    Ok(Status::Found)
}

/// The `Host`s a request to this server may name.
fn own_hosts(address: SocketAddr) -> Vec<String> {
    let port = address.port();
    let mut hosts = vec![address.to_string()];
    if address.ip().is_loopback() {
        hosts.extend([
            format!("localhost:{port}"),
            format!("127.0.0.1:{port}"),
            format!("[::1]:{port}"),
        ]);
    }
    hosts
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// The type of every JSON answer.
const JSON: &str = "application/json; charset=utf-8";

fn with_type(body: Vec<u8>, status: u16, content_type: &str) -> Answer {
    Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Cache-Control", "no-store"))
}

fn json(value: &impl Serialize) -> Answer {
    let body = serde_json::to_vec(value).expect("views serialise");
    with_type(body, 200, JSON)
}

/// A refusal: its status and a one-line message, as JSON.
fn refused(status: u16, message: &str) -> Answer {
    let body = serde_json::to_vec(&serde_json::Map::from_iter([(
        "error".to_owned(),
        serde_json::Value::from(message),
    )]))
    .expect("a message serialises");
    with_type(body, status, JSON)
}

/// What every worker answers with.
struct Serving<'c> {
    context: &'c Context,
    /// The `Host`s a request may name.
    hosts: Vec<String>,
    /// Held while a correction reads and writes an alignment file, so that
    /// two at once do not undo each other.
    correcting: Mutex<()>,
}

impl Serving<'_> {
    fn answer(&self, request: &mut Request) -> Answer {
        let (context, hosts) = (self.context, &self.hosts);
        let named = |name: &'static str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_owned())
        };
        let host = named("Host").unwrap_or_default();
        if !hosts.contains(&host) {
            return refused(403, &format!("refused: Host {host:?} is not this server's"));
        }
        if let Some(origin) = named("Origin") {
            if !hosts.iter().any(|h| origin == format!("http://{h}")) {
                return refused(403, &format!("refused: a request from {origin}"));
            }
        }
        let url = request.url().to_owned();
        if url.len() > MOST_URL {
            return refused(414, "the address is too long");
        }
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        if path == "/api/correct" {
            if *request.method() != Method::Post {
                return refused(405, "a correction is sent with POST");
            }
            // A page elsewhere cannot send JSON without the browser asking first.
            if named("Origin").is_none() {
                return refused(403, "refused: a correction names its Origin");
            }
            if !named("Content-Type").is_some_and(|t| t.starts_with("application/json")) {
                return refused(415, "a correction is sent as application/json");
            }
            return self
                .correct(request)
                .unwrap_or_else(|(s, m)| refused(s, &m));
        }
        if !matches!(request.method(), Method::Get | Method::Head) {
            return refused(405, "only GET is answered here");
        }
        let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let result = match path {
            // The page reads its view from the address.
            "/" | "/concord" => return page(),
            p if p.starts_with("/compare/") => return page(),
            "/api/search" => api_search(context, &params),
            "/api/compare" => api_compare(context, &params),
            "/api/concord" => api_concord(context, &params),
            _ => Err((404, format!("no such page: {path}"))),
        };
        result.unwrap_or_else(|(s, m)| refused(s, &m))
    }

    /// `/api/correct`: one correction of one document's groups, written to
    /// its alignment file; answers with the file's name in the corpus.
    fn correct(&self, request: &mut Request) -> Outcome {
        // Read one byte past the bound, whatever length the request claims.
        let mut body = Vec::new();
        request
            .as_reader()
            .take(MOST_BODY as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| (400, e.to_string()))?;
        if body.len() > MOST_BODY {
            return Err((413, format!("a correction is at most {MOST_BODY} bytes")));
        }
        let asked: CorrectionRequest =
            serde_json::from_slice(&body).map_err(|e| bad(format!("the correction: {e}")))?;
        let source = corpus_source(self.context, &asked.doc)?;
        let correction = asked.correction()?;
        let seen: Option<Vec<PerLang<Vec<usize>>>> = asked
            .seen
            .as_ref()
            .map(|groups| groups.iter().map(Sentences::per_lang).collect());
        let _one_at_a_time = self.correcting.lock().unwrap_or_else(|e| e.into_inner());
        let written =
            ushtil::build::correct_alignment(&source, &asked.part, &correction, seen.as_deref())
                .map_err(|error| match &error {
                    CorrectError::Refused {
                        source: CorrectionError::Changed(_),
                        ..
                    } => (409, error.to_string()),
                    CorrectError::Refused { .. } => bad(&error),
                    CorrectError::Read(_) => (500, ushtil::lifecycle::one_line(&error)),
                })?;
        let name = written
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(json(&serde_json::Map::from_iter([(
            "written".to_owned(),
            serde_json::Value::from(name),
        )])))
    }
}

/// A correction as the page sends it: the document, the part (a paragraph
/// group's unit, or an abstract section), what to do, and the part's groups
/// as the page showed them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionRequest {
    doc: String,
    part: String,
    /// `merge`, `split` or `relink`.
    op: String,
    group: usize,
    /// Of a split: the two groups it makes.
    into: Option<[Sentences; 2]>,
    /// Of a relink: the sentence's language and number.
    lang: Option<String>,
    sentence: Option<usize>,
    seen: Option<Vec<Sentences>>,
}

/// A group's sentence numbers in each language; a language left out has none.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sentences {
    #[serde(default)]
    kk: Vec<usize>,
    #[serde(default)]
    ru: Vec<usize>,
    #[serde(default)]
    en: Vec<usize>,
}

impl Sentences {
    fn per_lang(&self) -> PerLang<Vec<usize>> {
        PerLang {
            kk: self.kk.clone(),
            ru: self.ru.clone(),
            en: self.en.clone(),
        }
    }
}

impl CorrectionRequest {
    fn correction(&self) -> Result<Correction, (u16, String)> {
        let group = self.group;
        match self.op.as_str() {
            "merge" => Ok(Correction::Merge { group }),
            "split" => {
                let [a, b] = self
                    .into
                    .as_ref()
                    .ok_or_else(|| bad("a split names the two groups it makes, `into`"))?;
                Ok(Correction::Split {
                    group,
                    into: [a.per_lang(), b.per_lang()],
                })
            }
            "relink" => {
                let (Some(lang), Some(sentence)) = (&self.lang, self.sentence) else {
                    return Err(bad("a relink names the sentence's `lang` and `sentence`"));
                };
                Ok(Correction::Relink {
                    lang: lang.parse::<Lang>().map_err(bad)?,
                    sentence,
                    group,
                })
            }
            op => Err(bad(format!("op {op:?}: merge, split or relink"))),
        }
    }
}

/// The document `doc` of the corpus, named by its id, never by a path.
fn corpus_source(context: &Context, doc: &str) -> Result<ushtil::corpus::Source, (u16, String)> {
    ushtil::import::check_id(doc).map_err(bad)?;
    let (sources, _) =
        ushtil::corpus::sources(&context.corpus).map_err(|e| (500, e.to_string()))?;
    sources
        .into_iter()
        .find(|s| s.id == doc)
        .ok_or_else(|| (404, format!("no document {doc:?} in the corpus")))
}

/// The page, which may load nothing from elsewhere.
fn page() -> Answer {
    with_type(PAGE.as_bytes().to_vec(), 200, "text/html; charset=utf-8").with_header(header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    ))
}

type Outcome = Result<Answer, (u16, String)>;

fn bad(error: impl std::fmt::Display) -> (u16, String) {
    (400, error.to_string())
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn all(params: &[(String, String)], name: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// `n`, between 1 and [`MOST_RESULTS`], else `default`.
fn limit(params: &[(String, String)], default: usize) -> Result<usize, (u16, String)> {
    match param(params, "n") {
        None => Ok(default),
        Some(n) => match n.parse::<usize>() {
            Ok(n) if (1..=MOST_RESULTS).contains(&n) => Ok(n),
            _ => Err(bad(format!("n={n:?}: a number from 1 to {MOST_RESULTS}"))),
        },
    }
}

fn langs(params: &[(String, String)]) -> Result<Vec<Lang>, (u16, String)> {
    match param(params, "lang").filter(|l| !l.is_empty()) {
        None => Ok(Lang::ALL.to_vec()),
        Some(lang) => Ok(vec![lang.parse::<Lang>().map_err(bad)?]),
    }
}

/// The filters a request names, as the command line's options do.
fn filter(params: &[(String, String)]) -> Result<Filter, (u16, String)> {
    let years = match param(params, "year").filter(|y| !y.is_empty()) {
        Some(years) => Some(search::filter::parse_years(years).map_err(bad)?),
        None => None,
    };
    Ok(Filter {
        docs: all(params, "doc"),
        sections: all(params, "section"),
        years,
        journal: param(params, "journal").map(str::to_owned),
        authors: all(params, "author"),
    })
}

fn query(params: &[(String, String)]) -> Result<&str, (u16, String)> {
    param(params, "q")
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| bad("q: no query"))
}

fn api_search(context: &Context, params: &[(String, String)]) -> Outcome {
    let q = query(params)?;
    let index = context
        .open_index_now()
        .map_err(|e| (500, super::message(&e)))?;
    let mut compiled = search::compile(&index, q, &langs(params)?).map_err(bad)?;
    compiled.restrict(&index, &filter(params)?).map_err(bad)?;
    let (hits, _) = search::run_counted(&index, &compiled, limit(params, 10)?).map_err(bad)?;
    let views: Vec<view::UnitView> = hits.iter().map(view::UnitView::hit).collect();
    Ok(json(&views))
}

fn api_compare(context: &Context, params: &[(String, String)]) -> Outcome {
    let doc = param(params, "doc").ok_or_else(|| bad("doc: no document"))?;
    // A corpus id, never a path: nothing outside the corpus is read.
    corpus_source(context, doc)?;
    let section = param(params, "section").filter(|s| !s.is_empty());
    let units =
        compare::compared_units(context, doc, section).map_err(|e| bad(super::message(&e)))?;
    let rows = compare::rows(&units, None);
    let views: Vec<view::CompareRowView> = rows.iter().map(|r| r.view(&Lang::ALL)).collect();
    Ok(json(&views))
}

fn api_concord(context: &Context, params: &[(String, String)]) -> Outcome {
    use clap::ValueEnum;
    let q = query(params)?;
    let index = context
        .open_index_now()
        .map_err(|e| (500, super::message(&e)))?;
    let order = match param(params, "sort").unwrap_or("doc") {
        s if s.starts_with(['L', 'R', 'l', 'r']) && s.len() == 2 => {
            Order::Word(Position::parse(s).map_err(bad)?)
        }
        s => concord_command::order_of(
            concord_command::SortBy::from_str(s, true)
                .map_err(|_| bad(format!("sort={s:?}: doc, left, right, freq or L1…R5")))?,
            None,
        ),
    };
    let options = concord::Options {
        langs: langs(params)?,
        exact: param(params, "exact").is_some_and(|e| e == "1" || e == "true"),
        context: Around::Words(8),
        filter: filter(params)?,
    };
    let selection = Selection {
        sample: None,
        limit: Some(limit(params, 100)?),
    };
    // An array of the lines as the CLI's `--format json` prints them, in the order asked.
    let mut body = vec![b'['];
    concord::order::arranged(
        &index,
        q,
        &options,
        order,
        selection,
        &mut |line| serde_json::to_vec(&view::LineView::new(line)).map_err(std::io::Error::other),
        &mut |line| {
            if body.len() > 1 {
                body.push(b',');
            }
            body.extend_from_slice(line);
            Ok(())
        },
    )
    .map_err(bad)?;
    body.push(b']');
    Ok(with_type(body, 200, JSON))
}
