//! A CSV file's bytes as people have them, made text: UTF-8 with or
//! without a byte-order mark, or the Windows-1252 that Excel writes unless
//! "CSV UTF-8" was chosen; and the separator its header line uses (a
//! comma, or the semicolon of Excel in French, or a tab). The command line
//! and the back office read every file through here, the same way.

use std::fmt;

/// How a file's bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// The bytes were not UTF-8: Windows' Western European code page, as
    /// Excel writes "CSV" files.
    Windows1252,
}

impl TextEncoding {
    /// The name a form carries it back under.
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }

    pub fn parse(name: &str) -> Option<TextEncoding> {
        match name {
            "utf-8" => Some(TextEncoding::Utf8),
            "windows-1252" => Some(TextEncoding::Windows1252),
            _ => None,
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Windows1252 => "Windows-1252",
        })
    }
}

/// The character between a file's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The separator a header line uses: of comma, semicolon and tab, the
    /// one it has most of outside quotes (a comma when it has none). Lines
    /// starting with `#` are comments, not the header.
    pub fn of_header(text: &str) -> Delimiter {
        let header = text.lines().map(|line| line.trim_start_matches('\u{FEFF}')).find(|line| !line.starts_with('#'));
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for c in header.unwrap_or("").chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let candidates =
            [(Delimiter::Comma, counts[0]), (Delimiter::Semicolon, counts[1]), (Delimiter::Tab, counts[2])];
        // The first of the most frequent: a comma on a tie.
        let mut best = candidates[0];
        for candidate in &candidates[1..] {
            if candidate.1 > best.1 {
                best = *candidate;
            }
        }
        best.0
    }
}

impl fmt::Display for Delimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Delimiter::Comma => "commas",
            Delimiter::Semicolon => "semicolons",
            Delimiter::Tab => "tabs",
        })
    }
}

/// A file made text, and how. Its lines end with `\n` alone: the `csv`
/// crate counts the lines of a file ending them with `\r\n` (as Excel and
/// a browser's form do) one short, and a problem must name its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvText {
    pub text: String,
    pub encoding: TextEncoding,
}

impl CsvText {
    /// UTF-8 (its byte-order mark left out) when the bytes are valid
    /// UTF-8, or else Windows-1252, in which every byte is a character:
    /// a file in another encoding still reads, and its odd letters show in
    /// the preview.
    pub fn decode(bytes: &[u8]) -> CsvText {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => CsvText { text: unix_lines(text.to_owned()), encoding: TextEncoding::Utf8 },
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                CsvText { text: unix_lines(text.into_owned()), encoding: TextEncoding::Windows1252 }
            }
        }
    }

    /// Text already decoded, as a form sends a previewed file back, with
    /// the encoding its file was read in.
    pub fn decoded(text: String, encoding: TextEncoding) -> CsvText {
        let text = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        CsvText { text: unix_lines(text), encoding }
    }

    pub fn delimiter(&self) -> Delimiter {
        Delimiter::of_header(&self.text)
    }
}

/// Text with its `\r\n` line ends made `\n`.
fn unix_lines(text: String) -> String {
    if text.contains('\r') { text.replace("\r\n", "\n") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_such_without_its_mark() {
        let read = CsvText::decode("\u{FEFF}nom;pays\nZürich;CH\n".as_bytes());
        assert_eq!(read.encoding, TextEncoding::Utf8);
        assert_eq!(read.text, "nom;pays\nZürich;CH\n");
    }

    #[test]
    fn other_bytes_are_windows_1252() {
        let read = CsvText::decode(b"nom;date d\x92adh\xe9sion\nZ\xfcrich;\x80\n");
        assert_eq!(read.encoding, TextEncoding::Windows1252);
        assert_eq!(read.text, "nom;date d\u{2019}adhésion\nZürich;€\n");
    }

    #[test]
    fn lines_end_with_a_line_feed() {
        assert_eq!(CsvText::decode(b"a;b\r\nc;d\r\n").text, "a;b\nc;d\n");
        assert_eq!(CsvText::decoded("a\r\nb".into(), TextEncoding::Utf8).text, "a\nb");
    }

    #[test]
    fn the_header_tells_the_separator() {
        assert_eq!(Delimiter::of_header("name,kind,country"), Delimiter::Comma);
        assert_eq!(Delimiter::of_header("nom;type;pays\nA, B;ville;FR"), Delimiter::Semicolon);
        assert_eq!(Delimiter::of_header("\"a;b\",c\n"), Delimiter::Comma);
        assert_eq!(Delimiter::of_header("# a note; with, things\nname\tkind\n"), Delimiter::Tab);
        assert_eq!(Delimiter::of_header("name"), Delimiter::Comma);
        assert_eq!(Delimiter::of_header(""), Delimiter::Comma);
    }
}
