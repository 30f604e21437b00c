//! The mailboxes that reports are read from: a Maildir (a folder with
//! `new/` and `cur/`, each message a file) or an mbox (one file, each
//! message after a `From ` line), read with mail-parser's readers. Nothing
//! in the mailbox is changed.

use std::{
    fs::File,
    io::{self, BufReader, Read},
    path::{Path, PathBuf},
};

use mail_parser::mailbox::{maildir, mbox};

/// A mailbox, known to be one when opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mailbox {
    Maildir(PathBuf),
    Mbox(PathBuf),
}

/// Why a path is not a mailbox to read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}", path.display())]
pub struct MailboxError {
    pub path: PathBuf,
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("no such file or folder")]
    Missing,
    #[error("a folder but not a Maildir (it has no new/ and cur/ folders)")]
    NotMaildir,
    #[error("neither a Maildir nor an mbox (an mbox begins with a \"From \" line)")]
    NotMbox,
    #[error("cannot be read: {0}")]
    Unreadable(io::Error),
}

/// One message of a mailbox: where it is (a Maildir's file, relative to
/// the Maildir; an mbox's position), and its bytes or why they could not
/// be read.
#[derive(Debug)]
pub struct MailboxMessage {
    pub place: String,
    pub contents: Result<Vec<u8>, String>,
}

impl Mailbox {
    /// The mailbox at `path`: a folder with `new/` and `cur/`, or a file
    /// that is empty or begins with `From `.
    pub fn open(path: &Path) -> Result<Mailbox, MailboxError> {
        let failed = |problem| MailboxError { path: path.to_owned(), problem };
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(failed(Problem::Missing)),
            Err(error) => return Err(failed(Problem::Unreadable(error))),
        };
        if metadata.is_dir() {
            return if path.join("new").is_dir() && path.join("cur").is_dir() {
                Ok(Mailbox::Maildir(path.to_owned()))
            } else {
                Err(failed(Problem::NotMaildir))
            };
        }
        let mut start = Vec::with_capacity(5);
        File::open(path)
            .and_then(|file| file.take(5).read_to_end(&mut start))
            .map_err(|error| failed(Problem::Unreadable(error)))?;
        if start.is_empty() || start == b"From " {
            Ok(Mailbox::Mbox(path.to_owned()))
        } else {
            Err(failed(Problem::NotMbox))
        }
    }

    /// For the command line's argument: the mailbox, or why not (the
    /// command line names the path).
    pub fn parse_arg(path: &str) -> Result<Mailbox, Problem> {
        Mailbox::open(Path::new(path)).map_err(|error| error.problem)
    }

    pub fn path(&self) -> &Path {
        match self {
            Mailbox::Maildir(path) | Mailbox::Mbox(path) => path,
        }
    }

    /// The mailbox's messages, read one at a time: a Maildir's in `cur/`
    /// and `new/`, an mbox's in order (until one cannot be read).
    pub fn messages(&self) -> Result<Box<dyn Iterator<Item = MailboxMessage>>, MailboxError> {
        let unreadable = |error| MailboxError { path: self.path().to_owned(), problem: Problem::Unreadable(error) };
        match self {
            Mailbox::Maildir(root) => {
                let root = root.clone();
                let messages = maildir::MessageIterator::new(root.clone()).map_err(unreadable)?;
                Ok(Box::new(messages.map(move |message| match message {
                    Ok(message) => MailboxMessage {
                        place: message.path().strip_prefix(&root).unwrap_or(message.path()).display().to_string(),
                        contents: Ok(message.contents().to_vec()),
                    },
                    Err(error) => MailboxMessage { place: "a message".to_owned(), contents: Err(error.to_string()) },
                })))
            }
            Mailbox::Mbox(path) => {
                let messages = mbox::MessageIterator::new(BufReader::new(File::open(path).map_err(unreadable)?));
                let mut failed = false;
                Ok(Box::new(messages.enumerate().map_while(move |(index, message)| {
                    if failed {
                        return None;
                    }
                    let place = format!("message {}", index + 1);
                    Some(match message {
                        Ok(message) => MailboxMessage { place, contents: Ok(message.unwrap_contents()) },
                        Err(error) => {
                            failed = true;
                            MailboxMessage { place, contents: Err(error.to_string()) }
                        }
                    })
                })))
            }
        }
    }
}
