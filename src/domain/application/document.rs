//! The document an application carries: the council's decision or the
//! signed Pact, a PDF told by its first bytes.

/// The largest document we accept: 5 MiB.
pub const DOCUMENT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// A PDF document, at most [`DOCUMENT_MAX_BYTES`]. The value is the proof.
#[derive(Clone, PartialEq, Eq)]
pub struct Document(Vec<u8>);

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Document({} bytes)", self.0.len())
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("the file is not a PDF document")]
    NotPdf,
    #[error("the file is larger than 5 MiB")]
    TooLarge,
}

impl Document {
    /// A file's bytes, when they are a PDF's (whatever the file's name
    /// says); an empty file is no document.
    pub fn parse(bytes: Vec<u8>) -> Result<Option<Document>, DocumentError> {
        if bytes.is_empty() {
            return Ok(None);
        }
        if bytes.len() > DOCUMENT_MAX_BYTES {
            return Err(DocumentError::TooLarge);
        }
        if !bytes.starts_with(b"%PDF-") {
            return Err(DocumentError::NotPdf);
        }
        Ok(Some(Document(bytes)))
    }

    /// A document read back from the database.
    pub fn stored(bytes: Vec<u8>) -> Document {
        Document(bytes)
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}
