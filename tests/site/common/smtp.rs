//! A small SMTP server for the tests: it accepts every mail and keeps it
//! (but to an address starting `no-such-mailbox`, refused for good),
//! and can be stopped and started again on the same port, as a real mail
//! server that goes down and comes back, or hold its answer to a mail, as
//! a slow one does.

use std::{sync::Arc, time::Duration};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
    sync::watch,
    task::JoinHandle,
};

/// A received mail: the envelope's recipients and the raw message.
#[derive(Clone, Debug)]
pub struct Received {
    pub recipients: Vec<String>,
    pub data: Vec<u8>,
}

pub struct SmtpServer {
    pub port: u16,
    /// What arrived, oldest first; waiting on it wakes when a mail arrives.
    received: Arc<watch::Sender<Vec<Received>>>,
    /// Whether a mail's data, once read, waits for [`SmtpServer::release`]
    /// before it is answered (and counted as received).
    held: Arc<watch::Sender<bool>>,
    /// How many mails' data was read, answered or not.
    read: Arc<watch::Sender<usize>>,
    task: Option<JoinHandle<()>>,
}

impl SmtpServer {
    /// A port on which nothing listens yet: mail to it fails until `start`.
    pub async fn reserve() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        drop(listener);
        SmtpServer {
            port,
            received: Arc::new(watch::Sender::new(Vec::new())),
            held: Arc::new(watch::Sender::new(false)),
            read: Arc::new(watch::Sender::new(0)),
            task: None,
        }
    }

    pub async fn started() -> SmtpServer {
        let mut server = SmtpServer::reserve().await;
        server.start().await;
        server
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub async fn start(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.expect("bind the SMTP port");
        let mailbox = Mailbox { received: self.received.clone(), held: self.held.clone(), read: self.read.clone() };
        self.task = Some(tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let mailbox = mailbox.clone();
                tokio::spawn(async move {
                    let _ = session(stream, mailbox).await;
                });
            }
        }));
    }

    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }

    /// Holds the answer to every mail from now on: the sender waits in
    /// the middle of its mail until [`SmtpServer::release`].
    pub fn hold(&self) {
        self.held.send_replace(true);
    }

    /// Answers the mails held, and those that come after at once.
    pub fn release(&self) {
        self.held.send_replace(false);
    }

    /// Waits until the data of at least `n` mails has been read (answered
    /// or held), for at most `within`.
    pub async fn wait_for_read(&self, n: usize, within: Duration) {
        let mut read = self.read.subscribe();
        if !matches!(tokio::time::timeout(within, read.wait_for(|read| *read >= n)).await, Ok(Ok(_))) {
            panic!("expected the data of {n} mails within {within:?}, got {}", *self.read.borrow());
        }
    }

    pub fn messages(&self) -> Vec<Received> {
        self.received.borrow().clone()
    }

    /// Waits until at least `n` mails have arrived, for at most `within`.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let mut received = self.received.subscribe();
        match tokio::time::timeout(within, received.wait_for(|mails| mails.len() >= n)).await {
            Ok(Ok(mails)) => mails.clone(),
            _ => panic!("expected {n} mails within {within:?}, got {}", self.messages().len()),
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What the sessions share with the server.
#[derive(Clone)]
struct Mailbox {
    received: Arc<watch::Sender<Vec<Received>>>,
    held: Arc<watch::Sender<bool>>,
    read: Arc<watch::Sender<usize>>,
}

async fn session(stream: tokio::net::TcpStream, mailbox: Mailbox) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 test.smtp ESMTP\r\n").await?;
    let mut recipients = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") {
            write.write_all(b"250-test.smtp\r\n250 8BITMIME\r\n").await?;
        } else if command.starts_with("RCPT TO:") {
            let recipient = line.trim_end()[8..].trim().trim_matches(['<', '>']).to_owned();
            if recipient.starts_with("no-such-mailbox") {
                // As a server with no such mailbox answers.
                write.write_all(b"550 5.1.1 no such mailbox here\r\n").await?;
                continue;
            }
            recipients.push(recipient);
            write.write_all(b"250 OK\r\n").await?;
        } else if command == "DATA" {
            write.write_all(b"354 go ahead\r\n").await?;
            let mut data = Vec::new();
            loop {
                let mut raw = Vec::new();
                if lines.read_until(b'\n', &mut raw).await? == 0 {
                    return Ok(());
                }
                if raw == b".\r\n" || raw == b".\n" {
                    break;
                }
                // Undo dot-stuffing.
                let raw = if raw.starts_with(b"..") { raw[1..].to_vec() } else { raw };
                data.extend_from_slice(&raw);
            }
            mailbox.read.send_modify(|read| *read += 1);
            let mut held = mailbox.held.subscribe();
            let _ = held.wait_for(|held| !*held).await;
            let mail = Received { recipients: std::mem::take(&mut recipients), data };
            mailbox.received.send_modify(|all| all.push(mail));
            write.write_all(b"250 queued\r\n").await?;
        } else if command == "QUIT" {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"250 OK\r\n").await?;
        }
    }
}
