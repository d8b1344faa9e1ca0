//! `ushtil serve`: its API answers with exactly the objects the command
//! line's `--format json` prints, refuses what a page elsewhere would ask,
//! says what is wrong with a bad request, and lets a curator correct a
//! document's groups from its page, into its `.align.tsv`.

mod common;
#[path = "serve/webdriver.rs"]
mod webdriver;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::{repo, shared_index, stderr, ushtil};

/// A server of the bundled corpus on a free port; killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start() -> Server {
        Server::of(&repo("corpus"), shared_index())
    }

    fn of(corpus: &std::path::Path, index: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ushtil"))
            .arg("--corpus")
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .trim()
            .rsplit_once("http://")
            .map(|(_, a)| a.trim_end_matches('/').to_owned())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, address }
    }

    /// A request with these headers (a `Host` of the server's own unless
    /// one is given): its status and body.
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
        self.send(method, path, headers, "")
    }

    /// A request with a body.
    fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        let mut head = format!("{method} {path} HTTP/1.0\r\n");
        if !body.is_empty() {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        if !headers.iter().any(|(n, _)| *n == "Host") {
            head.push_str(&format!("Host: {}\r\n", self.address));
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        stream.write_all(head.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, String) {
        self.request("GET", path, &[])
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the command line prints with `--format json`, as one JSON array.
fn cli_json(args: &[&str]) -> serde_json::Value {
    let out = ushtil(&repo("corpus"), shared_index(), args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::Value::Array(common::json_lines(&out))
}

fn api(server: &Server, path: &str) -> serde_json::Value {
    let (status, body) = server.get(path);
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

#[test]
fn the_api_answers_as_the_command_line_prints() {
    let server = Server::start();
    // сайлау, percent-encoded as a browser sends it.
    let search = api(
        &server,
        "/api/search?q=%D1%81%D0%B0%D0%B9%D0%BB%D0%B0%D1%83&n=3",
    );
    assert_eq!(search.as_array().unwrap().len(), 3);
    assert_eq!(
        search,
        cli_json(&["search", "сайлау", "--format", "json", "-n", "3"])
    );
    let filtered = api(&server, "/api/search?q=Alash&lang=en&section=body&n=5");
    assert_eq!(
        filtered,
        cli_json(&[
            "search",
            "Alash",
            "--lang",
            "en",
            "--section",
            "body",
            "--format",
            "json",
            "-n",
            "5"
        ])
    );
    let compare = api(
        &server,
        "/api/compare?doc=alash-constituent-assembly-1917&section=results",
    );
    assert_eq!(
        compare,
        cli_json(&[
            "compare",
            "alash-constituent-assembly-1917",
            "--section",
            "results",
            "--format",
            "json"
        ])
    );
    let concord = api(&server, "/api/concord?q=Alash&sort=right&n=20");
    assert_eq!(
        concord,
        cli_json(&["concord", "Alash", "--sort", "right", "-n", "20", "--format", "json"])
    );
    // The page, with the script that reads the API, from the binary.
    let (status, page) = server.get("/compare/alash-constituent-assembly-1917");
    assert_eq!(status, 200);
    assert!(page.contains("<title>ushtil</title>") && page.contains("/api/compare"));
}

#[test]
fn a_page_elsewhere_is_refused() {
    let server = Server::start();
    let path = "/api/search?q=Alash";
    // Another site's page, through the reader's browser.
    let (status, body) = server.request("GET", path, &[("Origin", "http://example.org")]);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("refused: a request from http://example.org"));
    // A name of another site pointed at this machine (DNS rebinding).
    let (status, body) = server.request("GET", path, &[("Host", "corpus.example.org")]);
    assert_eq!(status, 403, "{body}");
    // The server's own page may ask.
    let own = format!("http://{}", server.address);
    assert_eq!(server.request("GET", path, &[("Origin", &own)]).0, 200);
    // Nothing but GET.
    assert_eq!(server.request("POST", path, &[]).0, 405);
}

#[test]
fn a_bad_request_says_what_is_wrong() {
    let server = Server::start();
    for (path, status, message) in [
        (
            "/api/search?q=Alash%20AND%20(",
            400,
            "query \"Alash AND (\": expected word at character 12",
        ),
        (
            "/api/search?q=Alash&lang=de",
            400,
            "unknown language \"de\"",
        ),
        (
            "/api/search?q=Alash&n=0",
            400,
            "n=\"0\": a number from 1 to 1000",
        ),
        (
            "/api/search?q=Alash&doc=nosuch",
            400,
            "nosuch: no such document in the corpus",
        ),
        ("/api/search", 400, "q: no query"),
        (
            "/api/compare?doc=nosuch",
            404,
            "no document \"nosuch\" in the corpus",
        ),
        // A path is no document: nothing outside the corpus is read.
        (
            "/api/compare?doc=..%2Fcorpus%2Fx",
            400,
            "cannot name a document",
        ),
        (
            "/api/compare?doc=%2Fetc%2Fpasswd",
            400,
            "cannot name a document",
        ),
        (
            "/api/compare?doc=alash-constituent-assembly-1917&section=nowhere",
            400,
            "no part \"nowhere\"",
        ),
        (
            "/api/concord?q=Alash&sort=sideways",
            400,
            "sort=\"sideways\"",
        ),
        ("/nowhere", 404, "no such page: /nowhere"),
    ] {
        let (got, body) = server.get(path);
        assert_eq!(got, status, "{path}: {body}");
        let error: serde_json::Value = serde_json::from_str(&body).unwrap();
        let error = error["error"].as_str().unwrap();
        assert!(error.contains(message), "{path}: {error}");
        assert_eq!(error.lines().count(), 1);
    }
}

/// The page at `path` as Chromium (Debian's, headless; `.ci/run` installs
/// it) renders it once its script has read the API: the DOM, as HTML.
fn rendered(server: &Server, path: &str) -> String {
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("http://{}{path}", server.address))
        .output()
        .expect("chromium (apt-get install chromium; .ci/run installs it)");
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_page_shows_hits_comparisons_and_what_went_wrong() {
    let server = Server::start();
    // A search from its address: the Kazakh word and its translations marked.
    let page = rendered(&server, "/?q=%D1%81%D0%B0%D0%B9%D0%BB%D0%B0%D1%83&lang=kk");
    assert!(page.contains("<mark>сайлау</mark>"), "{page}");
    assert!(page.contains("<mark>выборов</mark>") && page.contains("<mark>elections</mark>"));
    assert!(page.contains("href=\"/compare/alash-constituent-assembly-1917\""));
    // A comparison: the three versions in columns, weak groups flagged.
    let page = rendered(&server, "/compare/alash-constituent-assembly-1917");
    assert!(page
        .contains("<th scope=\"col\">kk</th><th scope=\"col\">ru</th><th scope=\"col\">en</th>"));
    assert!(page.contains("abstract/introduction"));
    assert!(page.contains("<tr class=\"weak\" data-part="));
    // Nothing found, and a query that is wrong, are said.
    let page = rendered(&server, "/?q=zzzqqq");
    assert!(
        page.contains("role=\"status\">Nothing found.</p>"),
        "{page}"
    );
    let page = rendered(&server, "/?q=Alash%20AND%20(");
    assert!(
        page.contains("role=\"alert\">query \"Alash AND (\": expected word at character 12</p>")
    );
}

#[test]
fn while_a_build_runs_requests_answer_from_the_last_index() {
    let corpus = common::corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let built = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let server = Server::of(corpus.path(), index.path());
    let found = |server: &Server| {
        api(server, "/api/search?q=Alash&n=1000")
            .as_array()
            .unwrap()
            .len()
    };
    let before = found(&server);
    // The corpus grows while another build holds the index's lock.
    let text = std::fs::read(corpus.path().join(format!("{}.txt", common::BUNDLED))).unwrap();
    std::fs::write(corpus.path().join("second.txt"), &text).unwrap();
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(index.path().join("LOCK"))
        .unwrap();
    lock.lock().unwrap();
    // Answered at once, from the index as it was.
    assert_eq!(found(&server), before);
    // The build done, the next request brings the index up to date.
    drop(lock);
    assert_eq!(found(&server), 2 * before);
}

/// A part's groups as the API gives them: each one's kk, ru and en sentences.
fn groups_of(server: &Server, doc: &str, part: &str) -> Vec<[Vec<u64>; 3]> {
    let rows = api(server, &format!("/api/compare?doc={doc}"));
    let numbers = |v: &serde_json::Value| -> Vec<u64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect()
    };
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["unit"].as_str().unwrap_or(r["section"].as_str().unwrap()) == part)
        .map(|r| ["kk", "ru", "en"].map(|l| numbers(&r["sentences"][l])))
        .collect()
}

/// The groups of abstract section `name` in an alignment file, as the file
/// writes their numbers (`0,1`, `-`), with their confidence.
fn file_groups(text: &str, name: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with(&format!("{name}\t")))
        .map(|l| l.split('\t').skip(1).take(4).collect::<Vec<_>>().join(" "))
        .collect()
}

/// A group as `file_groups` shows it.
fn as_line(group: &[Vec<u64>; 3], confidence: &str) -> String {
    let numbers = |ids: &Vec<u64>| match ids.is_empty() {
        true => "-".to_owned(),
        false => ids.iter().map(u64::to_string).collect::<Vec<_>>().join(","),
    };
    format!("{} {confidence}", group.each_ref().map(numbers).join(" "))
}

#[test]
fn a_curator_searches_compares_and_corrects_from_the_page() {
    let corpus = common::corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let server = Server::of(corpus.path(), index.path());
    let base = format!("http://{}", server.address);
    let doc = common::BUNDLED;
    let file = corpus.path().join(format!("{doc}.align.tsv"));
    let browser = webdriver::Browser::start();

    // A search typed into the page, its state then in the address.
    browser.open(&format!("{base}/"));
    browser.type_into(&browser.find("input[type=search]"), "сайлау");
    browser.click(&browser.find("form button[type=submit]"));
    browser.when("document.querySelector('.hit mark')");
    let marks =
        browser.run("return [...document.querySelectorAll('.hit mark')].map(m => m.textContent)");
    assert!(
        marks.as_array().unwrap().iter().any(|m| m == "сайлау"),
        "{marks}"
    );
    assert_eq!(
        browser.run("return location.search"),
        "?q=%D1%81%D0%B0%D0%B9%D0%BB%D0%B0%D1%83"
    );

    // From a hit to its document's comparison, and to correcting it.
    browser.click(&browser.find(&format!(".hit a[href=\"/compare/{doc}\"]")));
    browser.when("document.querySelector('table.compare')");
    browser.click(&browser.find("main p a"));
    browser.when("document.querySelector('table.correcting')");

    // The first abstract part of two groups or more.
    let rows = api(&server, &format!("/api/compare?doc={doc}"));
    let part = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"].is_null() && r["group"] == 2)
        .map(|r| r["section"].as_str().unwrap().to_owned())
        .unwrap();
    let name = part.trim_start_matches("abstract/").to_owned();
    let before = groups_of(&server, doc, &part);
    let row = |group: usize| format!("tr[data-part=\"{part}\"][data-group=\"{group}\"]");
    // A button of the first group's row, by what it says it does.
    let press = |label: &str| {
        browser.click(&browser.find(&format!("{} button[aria-label=\"{label}\"]", row(1))))
    };
    let message = |text: &str| {
        let page = browser.when(&format!(
            "[...document.querySelectorAll('p.message')].some(p => p.textContent.includes({text:?}))"
        ));
        page.lines().find(|l| l.contains(text)).unwrap().to_owned()
    };

    // Merge the first two groups.
    press("merge group 1 with group 2");
    let said = message("Merged groups 1 and 2");
    assert_eq!(
        said,
        format!("Merged groups 1 and 2 of {part}: written to {doc}.align.tsv, status: checked.")
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("# status: checked"), "{text}");
    let merged: [Vec<u64>; 3] =
        std::array::from_fn(|l| [before[0][l].clone(), before[1][l].clone()].concat());
    assert_eq!(file_groups(&text, &name)[0], as_line(&merged, "1.00"));
    assert_eq!(groups_of(&server, doc, &part).len(), before.len() - 1);

    // Split it back as it was: the second group starts, in each language,
    // after the first group's sentences.
    press("split group 1");
    for (l, lang) in ["kk", "ru", "en"].iter().enumerate() {
        if merged[l].is_empty() {
            continue;
        }
        let option = format!(
            "{} form.split select[name={lang}] option[value=\"{}\"]",
            row(1),
            before[0][l].len()
        );
        browser.click(&browser.find(&option));
    }
    browser.click(&browser.find(&format!("{} form.split button[type=submit]", row(1))));
    message("Split group 1");
    assert_eq!(groups_of(&server, doc, &part), before);
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        file_groups(&text, &name)[..2],
        [as_line(&before[0], "1.00"), as_line(&before[1], "1.00")]
    );

    // Relink: the last sentence of the first group, in a language where it
    // has one and another language keeps the group, joins the second.
    let l = (0..3)
        .find(|&l| !before[0][l].is_empty() && (0..3).any(|o| o != l && !before[0][o].is_empty()))
        .unwrap();
    let lang = ["kk", "ru", "en"][l];
    let moved = *before[0][l].last().unwrap();
    press(&format!("move {lang} sentence {moved} to group 2"));
    message(&format!("Moved {lang} sentence {moved} to group 2"));
    let mut relinked = before.clone();
    relinked[0][l].pop();
    relinked[1][l].insert(0, moved);
    assert_eq!(groups_of(&server, doc, &part), relinked);

    // A correction to groups changed since the page showed them is refused,
    // said on the page, and writes nothing.
    let (status, _) = server.request("POST", "/api/correct", &[]);
    assert_eq!(status, 403, "a correction without its Origin");
    let changed = correct(
        &server,
        &format!(r#"{{"doc":"{doc}","part":"{part}","op":"merge","group":1}}"#),
    );
    assert_eq!(changed.0, 200, "{}", changed.1);
    let text = std::fs::read_to_string(&file).unwrap();
    press("merge group 1 with group 2");
    let said = message("changed since they were shown");
    assert_eq!(
        said,
        format!("{doc}: the groups of {part} changed since they were shown: load them again")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    // The corrections are the document's alignment from now on: a build
    // reads them, and compare prints them.
    let built = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let printed = ushtil(
        corpus.path(),
        index.path(),
        &["compare", doc, "--section", &name, "--format", "json"],
    );
    let printed = common::json_lines(&printed);
    assert_eq!(printed.len(), before.len() - 1);
    assert_eq!(printed[0]["confidence"], 1.0);
}

/// A correction POSTed as this server's own page sends one: its status and body.
fn correct(server: &Server, body: &str) -> (u16, String) {
    server.send(
        "POST",
        "/api/correct",
        &[
            ("Origin", &format!("http://{}", server.address)),
            ("Content-Type", "application/json"),
        ],
        body,
    )
}
