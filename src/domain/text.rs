//! Plain text as people type it into files and forms.

use std::borrow::Cow;

/// The longest title we accept, in characters.
pub const TITLE_MAX_CHARS: usize = 200;

/// A title (of a news item, an event, a venue): plain text on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title(String);

impl Title {
    pub fn parse(input: &str) -> Result<Title, TextError> {
        one_line(input, TITLE_MAX_CHARS).map(Title)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One line of plain text (a name, a title, an alternative text): white
/// space, line breaks included, folded to single spaces and trimmed; not
/// empty, no other control characters, at most `max` characters.
pub fn one_line(input: &str, max: usize) -> Result<String, TextError> {
    if input.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(TextError::ControlCharacter);
    }
    let folded = input.split(breaking_space).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ");
    // No-break spaces stay between words, not around the text.
    let folded = folded.trim_matches(char::is_whitespace).to_owned();
    if folded.is_empty() {
        return Err(TextError::Empty);
    }
    if folded.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    Ok(folded)
}

/// Text of several lines with one kind of line break: CRLF (what browsers
/// send from a text area) and a lone CR (old Mac files, some pasted text)
/// become LF, so that nothing shown or written from it meets a CR.
pub fn normalise_line_breaks(input: &str) -> Cow<'_, str> {
    if input.contains('\r') {
        Cow::Owned(input.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(input)
    }
}

/// White space that may be folded: every kind but the no-break spaces,
/// which French typography puts before `:` `;` `!` `?` and inside « ».
fn breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{202F}' | '\u{2007}')
}

/// What is wrong with a text, said of "it" so that callers can name the field.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("it is empty")]
    Empty,
    #[error("it is longer than {0} characters")]
    TooLong(usize),
    #[error("it contains a control character")]
    ControlCharacter,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_lf() {
        assert_eq!(normalise_line_breaks("a\rb"), "a\nb");
        assert_eq!(normalise_line_breaks("a\r\nb"), "a\nb");
        assert_eq!(normalise_line_breaks("a\r\r\nb\n\rc\r"), "a\n\nb\n\nc\n");
        assert!(matches!(normalise_line_breaks("a\nb\tc"), Cow::Borrowed("a\nb\tc")));
    }

    #[test]
    fn titles_fold_white_space_then_count() {
        assert_eq!(Title::parse("  Lyon \n joins ").map(|t| t.0), Ok("Lyon joins".into()));
        assert_eq!(Title::parse(" "), Err(TextError::Empty));
        assert_eq!(Title::parse("a\u{7}"), Err(TextError::ControlCharacter));
        assert_eq!(Title::parse(&"é".repeat(201)), Err(TextError::TooLong(200)));
        assert!(Title::parse(&format!("{}    {}", "a".repeat(100), "b".repeat(99))).is_ok());
        // French typography's no-break spaces stay.
        assert_eq!(
            Title::parse("Journée européenne\u{A0}: « lire »\u{202F}!").map(|t| t.0),
            Ok("Journée européenne\u{A0}: « lire »\u{202F}!".into())
        );
    }
}
