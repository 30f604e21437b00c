//! Requests of every shape, as browsers, proxies and hostile clients send
//! them: methods a page does not take, encodings with quality values,
//! missing or doubled `Host`, overlong targets, silent connections, more
//! connections than the site takes.

use std::time::Duration;

use oneinfive::startup::config::ConnectionLimits;
use scraper::Html;
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    net::TcpStream,
};

use crate::common::{Backend, PATIENCE, TestApp, attr, both_backends, text};

/// Sends raw bytes on a new connection and reads the answer until the
/// server closes the connection (or `PATIENCE` runs out).
async fn raw(app: &TestApp, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(app.addr).await.expect("connect");
    stream.write_all(request).await.expect("write");
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(PATIENCE, stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// Reads the next answer on a keep-alive connection: its head, then as
/// many bytes of body as its `Content-Length` says.
async fn next_answer(stream: &mut BufReader<TcpStream>) -> (String, String) {
    let read = async {
        let mut head = String::new();
        loop {
            let mut line = String::new();
            assert!(stream.read_line(&mut line).await.expect("a head line") > 0, "closed before an answer: {head}");
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        let length = head
            .lines()
            .find_map(|line| line.to_ascii_lowercase().strip_prefix("content-length:").map(|n| n.trim().to_owned()))
            .and_then(|n| n.parse::<usize>().ok())
            .expect("a Content-Length");
        let mut body = vec![0; length];
        stream.read_exact(&mut body).await.expect("the body");
        (head, String::from_utf8_lossy(&body).into_owned())
    };
    tokio::time::timeout(PATIENCE, read).await.expect("an answer in time")
}

/// Whether the server closes `stream` (rather than the test's patience
/// running out), reading what comes before.
async fn closed_by_the_server(stream: &mut BufReader<TcpStream>) -> bool {
    let mut rest = Vec::new();
    matches!(tokio::time::timeout(PATIENCE, stream.read_to_end(&mut rest)).await, Ok(Ok(_)) | Ok(Err(_)))
}

fn page_language(body: &str) -> String {
    attr(&Html::parse_document(body), "html", "lang")
}

fn status_line(answer: &str) -> &str {
    answer.lines().next().unwrap_or("")
}

/// Bounds small enough to reach in a test.
fn small_limits() -> ConnectionLimits {
    ConnectionLimits {
        header_read_timeout: Duration::from_secs(1),
        max_connections: 3,
        shutdown_grace: Duration::from_secs(1),
    }
}

both_backends! {
    async fn a_method_a_page_does_not_take_is_405_with_allow(app.seeded()) {
        for path in ["/fr/a-propos", "/en/members", "/en/members/1-strasbourg", "/en/calendar.ics", "/fr/actualites.rss"] {
            let response = app.client.post(app.url(path)).send().await.expect("POST");
            assert_eq!(response.status(), 405, "{path}");
            assert_eq!(response.headers()["allow"], "GET,HEAD", "{path}");
            let lang = if path.starts_with("/fr/") { "Cette page ne permet pas cela" } else { "This page cannot do that" };
            let html = Html::parse_document(&response.text().await.expect("body"));
            assert_eq!(text(&html, "h1"), lang, "{path}");
        }
        // The newsletter page takes a form too.
        let response = app.client.put(app.url("/en/newsletter")).send().await.expect("PUT");
        assert_eq!(response.status(), 405);
        assert_eq!(response.headers()["allow"], "GET,HEAD,POST");
        // And a leave form is only posted.
        assert_eq!(app.get("/en/newsletter/leave").await.headers()["allow"], "POST");
    }

    async fn cached_pages_follow_the_quality_values_of_accept_encoding(app.seeded()) {
        let get = |accept: &'static str| app.client.get(app.url("/en/")).header("accept-encoding", accept).send();
        let coding = |response: &reqwest::Response| {
            response.headers().get("content-encoding").map(|v| v.to_str().expect("coding").to_owned())
        };
        // br refused: gzip, kept apart from what a br client gets.
        let first = get("gzip, br;q=0").await.expect("GET");
        assert_eq!(coding(&first).as_deref(), Some("gzip"));
        let second = get("br").await.expect("GET");
        assert_eq!(coding(&second).as_deref(), Some("br"));
        let third = get("gzip, br;q=0").await.expect("GET");
        assert_eq!(coding(&third).as_deref(), Some("gzip"));
        assert_ne!(first.headers()["etag"], second.headers()["etag"]);
        assert_eq!(first.headers()["etag"], third.headers()["etag"]);
        // Gzip preferred by its quality; nothing acceptable: identity.
        assert_eq!(coding(&get("br;q=0.5, gzip;q=1").await.expect("GET")).as_deref(), Some("gzip"));
        assert_eq!(coding(&get("br;q=0, gzip;q=0").await.expect("GET")), None);
        assert_eq!(coding(&get("identity").await.expect("GET")), None);
    }

    async fn an_http11_request_needs_exactly_one_host(app.seeded()) {
        assert!(status_line(&raw(app, b"GET /fr/ HTTP/1.1\r\nHost: site.test\r\nConnection: close\r\n\r\n").await).contains(" 200 "));
        let none = raw(app, b"GET /fr/ HTTP/1.1\r\nConnection: close\r\n\r\n").await;
        assert!(status_line(&none).contains(" 400 "), "{none}");
        let two = raw(app, b"GET /fr/ HTTP/1.1\r\nHost: a.test\r\nHost: b.test\r\nConnection: close\r\n\r\n").await;
        assert!(status_line(&two).contains(" 400 "), "{two}");
        // HTTP/1.0 had no Host.
        assert!(status_line(&raw(app, b"GET /fr/ HTTP/1.0\r\n\r\n").await).contains(" 200 "));
    }

    async fn an_overlong_request_target_is_414(app.seeded()) {
        let long = format!("/en/members?q={}", "a".repeat(3000));
        let response = app.get(&long).await;
        assert_eq!(response.status(), 414);
        let html = Html::parse_document(&response.text().await.expect("body"));
        assert_eq!(text(&html, "h1"), "Too much data");
        // Long but within bounds, with parameters the page ignores: answered.
        assert_eq!(app.get(&format!("/en/members?q=lyon&utm_source={}", "x".repeat(1500))).await.status(), 200);
    }

    async fn cookies_are_secure_over_https(app.seeded().base_url("https://oneinfive.example")) {
        let response = app.get("/fr/").await;
        assert_eq!(response.status(), 200);
        let cookie = response.headers()["set-cookie"].to_str().expect("cookie").to_owned();
        assert!(cookie.starts_with("lang=fr;") && cookie.ends_with("; Secure"), "{cookie}");
        assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000");
        // Served from the cache, the cookie is the same.
        let again = app.get("/fr/").await;
        assert!(again.headers()["set-cookie"].to_str().expect("cookie").ends_with("; Secure"));
    }

    async fn a_silent_connection_is_closed_after_the_header_time_out(app.connections(small_limits())) {
        let mut silent = TcpStream::connect(app.addr).await.expect("connect");
        let mut buffer = [0u8; 64];
        let read = tokio::time::timeout(PATIENCE, silent.read(&mut buffer)).await;
        assert!(matches!(read, Ok(Ok(0)) | Ok(Err(_))), "closed by the server, not by the test's patience: {read:?}");
        // A request sent slowly, header by header, is cut off too.
        let mut slow = TcpStream::connect(app.addr).await.expect("connect");
        slow.write_all(b"GET /fr/ HTTP/1.1\r\n").await.expect("write");
        let read = tokio::time::timeout(PATIENCE, slow.read(&mut buffer)).await;
        assert!(matches!(read, Ok(Ok(_)) | Ok(Err(_))), "{read:?}");
        // The site still answers.
        assert_eq!(app.get("/fr/").await.status(), 200);
    }

    async fn past_the_connection_cap_a_client_is_told_to_retry(app.connections(ConnectionLimits {
        header_read_timeout: Duration::from_secs(30),
        ..small_limits()
    })) {
        let mut held = Vec::new();
        for _ in 0..3 {
            held.push(TcpStream::connect(app.addr).await.expect("connect"));
        }
        // Give the server the time to take the three in: the fourth is refused.
        let answer = crate::common::settle(
            PATIENCE,
            || raw(app, b"GET /fr/ HTTP/1.1\r\nHost: site.test\r\n\r\n"),
            |answer: &String| answer.starts_with("HTTP/1.1 503"),
        )
        .await;
        assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
        assert!(answer.contains("Retry-After: 5"), "{answer}");
        // A well-formed answer: its body is as long as it says.
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        let length = head
            .lines()
            .find_map(|line| line.strip_prefix("Content-Length: "))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .expect("a Content-Length");
        assert_eq!(body.len(), length, "{answer}");
        // Once they close, there is room again.
        drop(held);
        let again = crate::common::settle(
            PATIENCE,
            || app.client.get(app.url("/fr/")).send(),
            |r: &reqwest::Result<reqwest::Response>| r.as_ref().is_ok_and(|r| r.status() == 200),
        )
        .await;
        assert_eq!(again.expect("GET").status(), 200);
    }

    async fn a_keep_alive_connection_answers_request_after_request(app.seeded().connections(small_limits())) {
        request_after_request(app).await;
    }

    async fn a_keep_alive_connection_answers_request_after_request_in_a_crowd(app.seeded().connections(ConnectionLimits {
        header_read_timeout: Duration::from_secs(3),
        max_connections: 1000,
        ..small_limits()
    })) {
        let _crowd = crowd(app).await;
        request_after_request(app).await;
    }

    async fn a_request_that_asks_to_close_is_answered_then_closed(app.seeded().connections(ConnectionLimits {
        header_read_timeout: Duration::from_secs(30),
        ..small_limits()
    })) {
        answered_then_closed(app).await;
    }

    async fn a_request_that_asks_to_close_is_answered_then_closed_in_a_crowd(app.seeded().connections(ConnectionLimits {
        header_read_timeout: Duration::from_secs(30),
        max_connections: 1000,
        ..small_limits()
    })) {
        let _crowd = crowd(app).await;
        answered_then_closed(app).await;
    }

    async fn every_answer_carries_its_request_id(app.seeded()) {
        let id = |response: &reqwest::Response| {
            response.headers().get("x-request-id").map(|v| v.to_str().expect("id").to_owned()).unwrap_or_default()
        };
        let first = app.get("/fr/").await;
        let second = app.get("/fr/").await;
        for response in [&first, &second] {
            let id = id(response);
            assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()), "{id:?}");
        }
        // The same cached page, a request id of its own.
        assert_ne!(id(&first), id(&second));
        // Behind a proxy that sets it, the proxy's id is kept.
        let proxied = app.client.get(app.url("/fr/")).header("x-request-id", "from-the-proxy-1").send().await.expect("GET");
        assert_eq!(id(&proxied), "from-the-proxy-1");
        // Error pages too.
        assert_eq!(id(&app.get("/fr/nowhere").await).len(), 32);
    }
}

/// More connections than the site lets hyper keep between requests (256),
/// each after one answered request: from now on the site takes each
/// connection back from hyper after its answers.
async fn crowd(app: &TestApp) -> Vec<BufReader<TcpStream>> {
    let mut crowd = Vec::new();
    for _ in 0..300 {
        crowd.push(BufReader::new(TcpStream::connect(app.addr).await.expect("connect")));
    }
    for stream in &mut crowd {
        stream.get_mut().write_all(b"GET /en/ HTTP/1.1\r\nHost: site.test\r\n\r\n").await.expect("write");
    }
    for stream in &mut crowd {
        assert!(status_line(&next_answer(stream).await.0).contains(" 200 "));
    }
    crowd
}

/// Requests one after the other on a connection, pipelined, with a body
/// and without; then silence, past the header time-out: closed.
async fn request_after_request(app: &TestApp) {
    let mut stream = BufReader::new(TcpStream::connect(app.addr).await.expect("connect"));
    // One after the other, each after the last answer (in a crowd, the
    // connection waits between them without hyper).
    for (path, lang) in [("/fr/", "fr"), ("/en/", "en"), ("/fr/a-propos", "fr")] {
        let request = format!("GET {path} HTTP/1.1\r\nHost: site.test\r\n\r\n");
        stream.get_mut().write_all(request.as_bytes()).await.expect("write");
        let (head, body) = next_answer(&mut stream).await;
        assert!(status_line(&head).contains(" 200 "), "{path}: {head}");
        assert!(!head.to_ascii_lowercase().contains("connection: close"), "{path}: {head}");
        assert_eq!(page_language(&body), lang, "{path}");
    }
    // Pipelined: three requests in one write, answered in order.
    stream
        .get_mut()
        .write_all(
            b"GET /en/ HTTP/1.1\r\nHost: site.test\r\n\r\nGET /fr/ HTTP/1.1\r\nHost: site.test\r\n\r\n\
              GET /en/about HTTP/1.1\r\nHost: site.test\r\n\r\n",
        )
        .await
        .expect("write");
    for lang in ["en", "fr", "en"] {
        let (head, body) = next_answer(&mut stream).await;
        assert!(status_line(&head).contains(" 200 "), "{head}");
        assert_eq!(page_language(&body), lang);
    }
    // A request with a body, then one without, on the same connection.
    stream
        .get_mut()
        .write_all(b"POST /en/ HTTP/1.1\r\nHost: site.test\r\nContent-Length: 5\r\n\r\nsmallGET /fr/ HTTP/1.1\r\nHost: site.test\r\n\r\n")
        .await
        .expect("write");
    assert!(status_line(&next_answer(&mut stream).await.0).contains(" 405 "));
    let (head, body) = next_answer(&mut stream).await;
    assert!(status_line(&head).contains(" 200 "), "{head}");
    assert_eq!(page_language(&body), "fr");
    // Then silent past the header time-out: closed.
    assert!(closed_by_the_server(&mut stream).await);
}

/// Requests that ask to close their connection (or speak HTTP/1.0) are
/// answered, then their connection closed at once (the header time-out
/// must be long for this to tell).
async fn answered_then_closed(app: &TestApp) {
    for request in [
        &b"GET /fr/ HTTP/1.1\r\nHost: site.test\r\nConnection: close\r\n\r\n"[..],
        b"GET /fr/ HTTP/1.1\r\nHost: site.test\r\n\r\nGET /en/ HTTP/1.1\r\nHost: site.test\r\nConnection: Close\r\n\r\n",
        b"GET /fr/ HTTP/1.0\r\n\r\n",
    ] {
        let mut stream = BufReader::new(TcpStream::connect(app.addr).await.expect("connect"));
        stream.get_mut().write_all(request).await.expect("write");
        let (head, _) = next_answer(&mut stream).await;
        assert!(status_line(&head).contains(" 200 "), "{head}");
        // Closed at once, not after the header time-out's thirty seconds.
        assert!(closed_by_the_server(&mut stream).await, "{}", String::from_utf8_lossy(request));
    }
}

/// A stop closes the connections that wait for a request, after its drain,
/// and the site's last answers say they close.
async fn a_stop_closes_waiting_connections(backend: Backend) {
    let limits = ConnectionLimits { header_read_timeout: Duration::from_secs(30), ..small_limits() };
    let Some(mut app) = TestApp::builder(backend).seeded().connections(limits).start().await else { return };
    let mut waiting = BufReader::new(TcpStream::connect(app.addr).await.expect("connect"));
    waiting.get_mut().write_all(b"GET /fr/ HTTP/1.1\r\nHost: site.test\r\n\r\n").await.expect("write");
    assert!(status_line(&next_answer(&mut waiting).await.0).contains(" 200 "));
    app.stop().await;
    assert!(closed_by_the_server(&mut waiting).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_closes_waiting_connections_sqlite() {
    a_stop_closes_waiting_connections(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stop_closes_waiting_connections_postgres() {
    a_stop_closes_waiting_connections(Backend::Postgres).await;
}
