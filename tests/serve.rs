//! `ushtil serve`: its API answers with exactly the objects the command
//! line's `--format json` prints, refuses what a page elsewhere would ask,
//! and says what is wrong with a bad request.

mod common;

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
        let mut stream = TcpStream::connect(&self.address).unwrap();
        let mut head = format!("{method} {path} HTTP/1.0\r\n");
        if !headers.iter().any(|(n, _)| *n == "Host") {
            head.push_str(&format!("Host: {}\r\n", self.address));
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
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
    assert!(page.contains("<tr class=\"weak\">"));
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
