//! Just enough of the W3C WebDriver protocol to drive Debian's Chromium
//! through ChromeDriver (`apt-get install chromium chromium-driver`; `.ci/run`
//! installs both): open a page, find, click and type into its elements, run a
//! script in it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

/// A headless Chromium, driven; closed when dropped.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

/// An element of the page, by its WebDriver reference.
pub struct Element(String);

impl Browser {
    pub fn start() -> Browser {
        // A port that was free a moment ago: ChromeDriver takes no port 0.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (apt-get install chromium-driver; .ci/run installs it)");
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
        };
        // Until it listens.
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            std::thread::sleep(Duration::from_millis(50));
        }
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900"],
            },
        }}});
        let session = browser.call("POST", "/session", Some(capabilities));
        browser.session = session["sessionId"].as_str().unwrap().to_owned();
        // An element the page has yet to show is waited for: a guard against
        // a test that would hang, not a measure of speed.
        browser.session_call("POST", "/timeouts", Some(json!({"implicit": 120_000})));
        browser
    }

    /// One command: its `value`, or a panic with the driver's message.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            body.len()
        )
        .unwrap();
        // Read to the body's length: ChromeDriver may keep the connection open.
        let mut response = Vec::new();
        let mut buffer = [0u8; 8192];
        let (split, length) = loop {
            let n = stream.read(&mut buffer).unwrap();
            assert!(n > 0, "{method} {path}: the driver closed the connection");
            response.extend_from_slice(&buffer[..n]);
            if let Some(split) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .map(|n| n.trim().parse::<usize>().unwrap());
                break (split, length);
            }
        };
        let mut body = response[split + 4..].to_vec();
        match length {
            Some(length) => {
                while body.len() < length {
                    let n = stream.read(&mut buffer).unwrap();
                    assert!(n > 0, "{method} {path}: the answer was cut short");
                    body.extend_from_slice(&buffer[..n]);
                }
            }
            None => {
                stream.read_to_end(&mut body).unwrap();
                body = unchunk(&body);
            }
        }
        let body = String::from_utf8(body).unwrap();
        let value: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        let value = value["value"].clone();
        assert!(
            value.get("error").is_none(),
            "{method} {path}: {}",
            value["message"]
        );
        value
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.call(method, &path, body)
    }

    pub fn open(&self, url: &str) {
        self.session_call("POST", "/url", Some(json!({ "url": url })));
    }

    /// The first element `css` selects, once there is one.
    pub fn find(&self, css: &str) -> Element {
        let found = self.session_call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let reference = found.as_object().unwrap().values().next().unwrap();
        Element(reference.as_str().unwrap().to_owned())
    }

    pub fn click(&self, element: &Element) {
        self.session_call(
            "POST",
            &format!("/element/{}/click", element.0),
            Some(json!({})),
        );
    }

    pub fn type_into(&self, element: &Element, text: &str) {
        self.session_call(
            "POST",
            &format!("/element/{}/value", element.0),
            Some(json!({ "text": text })),
        );
    }

    /// What a script returns in the page.
    pub fn run(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// The page's text once `script` (an expression) is true in it.
    pub fn when(&self, script: &str) -> String {
        let check = format!("return !!({script});");
        let page = || {
            self.run("return document.body.innerText;")
                .as_str()
                .unwrap()
                .to_owned()
        };
        // A guard against a test that would hang, as the implicit wait is.
        for _ in 0..2400 {
            if self.run(&check) == Value::Bool(true) {
                return page();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("never {script}: the page says\n{}", page())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.call("DELETE", &path, None)
            }));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A chunked HTTP body, whole.
fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut whole = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&body[..end]).unwrap_or("0");
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let rest = &body[end + 2..];
        whole.extend_from_slice(&rest[..size]);
        body = rest[size..].strip_prefix(b"\r\n").unwrap_or(&rest[size..]);
    }
    whole
}
