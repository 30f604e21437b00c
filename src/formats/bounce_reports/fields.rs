//! The header-like blocks of a report's machine-readable part (RFC 3464's
//! `message/delivery-status`, RFC 5965's `message/feedback-report`):
//! groups of `Name: value` fields separated by blank lines, a value folded
//! onto the lines that begin with white space.

use super::NotUnderstood;

/// One group of fields, in their order: names in lower case, values
/// unfolded and trimmed.
#[derive(Debug, Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The first value of the field `name` (lower case).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, value)| value.as_str())
    }

    /// Every value of the field `name` (lower case).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(n, _)| n == name).map(|(_, value)| value.as_str())
    }
}

/// The groups of a block, in order; empty groups (several blank lines) are
/// none. A line that is neither a field nor the fold of one makes the block
/// not understood.
pub fn groups(text: &str) -> Result<Vec<Fields>, NotUnderstood> {
    let mut groups = Vec::new();
    let mut group = Fields::default();
    for (number, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !group.0.is_empty() {
                groups.push(std::mem::take(&mut group));
            }
        } else if line.starts_with([' ', '\t']) {
            let Some((_, value)) = group.0.last_mut() else {
                return Err(NotUnderstood::new(format!("line {} of its report continues no field", number + 1)));
            };
            value.push(' ');
            value.push_str(line.trim());
        } else {
            let Some((name, value)) = line.split_once(':').filter(|(name, _)| is_field_name(name)) else {
                return Err(NotUnderstood::new(format!("line {} of its report is not a field", number + 1)));
            };
            group.0.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    if !group.0.is_empty() {
        groups.push(group);
    }
    Ok(groups)
}

/// RFC 5322's field name: printable ASCII but the colon, at least one.
fn is_field_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
}

/// A value without its trailing comment, as in `5.1.1 (bad mailbox)` or
/// `failed (permanent)`: its first word.
pub fn first_word(value: &str) -> &str {
    value.split([' ', '\t', '(']).next().unwrap_or_default()
}
