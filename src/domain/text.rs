//! Plain text as people type it into files and forms.

/// One line of plain text (a name, a title, an alternative text): white
/// space, line breaks included, folded to single spaces and trimmed; not
/// empty, no other control characters, at most `max` characters.
pub fn one_line(input: &str, max: usize) -> Result<String, TextError> {
    if input.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(TextError::ControlCharacter);
    }
    let folded = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        return Err(TextError::Empty);
    }
    if folded.chars().count() > max {
        return Err(TextError::TooLong(max));
    }
    Ok(folded)
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
