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
/// empty, no other control characters, no bidirectional controls, at most
/// `max` characters.
pub fn one_line(input: &str, max: usize) -> Result<String, TextError> {
    if input.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(TextError::ControlCharacter);
    }
    if let Some(control) = input.chars().find(|c| is_bidi_control(*c)) {
        return Err(TextError::BidiControl(control));
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

/// The Unicode bidirectional controls: the embeddings and overrides
/// (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks (U+200E,
/// U+200F, U+061C). Invisible, they change the direction of the text after
/// them: in a name, the words that follow it on the page's line.
pub fn is_bidi_control(c: char) -> bool {
    BIDI_CONTROLS.contains(&c)
}

/// Every bidirectional control (see [`is_bidi_control`]).
pub const BIDI_CONTROLS: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200E}', '\u{200F}', '\u{061C}',
];

/// Text read back from the database without the bidirectional controls
/// it may hold from before they were refused, so that it parses as it
/// would be typed today.
pub fn without_bidi_controls(stored: &str) -> Cow<'_, str> {
    if stored.contains(is_bidi_control) {
        Cow::Owned(stored.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(stored)
    }
}

/// A character as Unicode names its code point: `U+202E`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
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
    #[error("it contains {}, an invisible character that changes the direction of the text", code_point(*.0))]
    BidiControl(char),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidirectional_controls_are_refused_in_one_line() {
        for control in BIDI_CONTROLS {
            assert!(is_bidi_control(control), "{}", code_point(control));
            for text in [format!("{control}Lyon"), format!("Lyon{control}"), format!("Saint-{control}Étienne joins")] {
                assert_eq!(Title::parse(&text), Err(TextError::BidiControl(control)), "{text:?}");
            }
        }
        for neighbour in ['\u{2029}', '\u{202F}', '\u{2065}', '\u{206A}', '\u{200D}', '\u{061B}', 'ש', 'ع'] {
            assert!(!is_bidi_control(neighbour), "{}", code_point(neighbour));
        }
        // Right-to-left letters are letters.
        assert_eq!(Title::parse("  מבשרת ציון ").map(|t| t.0), Ok("מבשרת ציון".into()));
        assert_eq!(
            TextError::BidiControl('\u{202E}').to_string(),
            "it contains U+202E, an invisible character that changes the direction of the text"
        );
        assert_eq!(without_bidi_controls("Lyon\u{202E} nivroM\u{200F}"), "Lyon nivroM");
        assert!(matches!(without_bidi_controls("Lyon"), Cow::Borrowed("Lyon")));
    }

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
