//! Two versions of a text compared line by line, as the back office shows
//! a page's revision beside the current one: the changed lines with a few
//! unchanged ones around them, each numbered in the version it belongs to.

use std::time::Duration;

use similar::{ChangeTag, TextDiff};

/// Unchanged lines kept around each change.
const CONTEXT: usize = 3;
/// How long the comparison may look for the smallest difference; past
/// this it settles for a larger, still correct, one.
const TIMEOUT: Duration = Duration::from_millis(500);

/// What happened to a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineChange {
    Unchanged,
    Removed,
    Added,
}

/// A line of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub change: LineChange,
    /// Its number in the older text (from 1), if it is there.
    pub old_number: Option<usize>,
    /// Its number in the newer text (from 1), if it is there.
    pub new_number: Option<usize>,
    /// The line, without its end.
    pub text: String,
}

/// The changes from `old` to `new`, in groups of nearby lines; none when
/// the texts have the same lines.
pub fn lines(old: &str, new: &str) -> Vec<Vec<Line>> {
    let diff = TextDiff::configure().timeout(TIMEOUT).diff_lines(old, new);
    diff.grouped_ops(CONTEXT)
        .iter()
        .map(|group| {
            group
                .iter()
                .flat_map(|op| diff.iter_changes(op))
                .map(|change| Line {
                    change: match change.tag() {
                        ChangeTag::Equal => LineChange::Unchanged,
                        ChangeTag::Delete => LineChange::Removed,
                        ChangeTag::Insert => LineChange::Added,
                    },
                    old_number: change.old_index().map(|i| i + 1),
                    new_number: change.new_index().map(|i| i + 1),
                    text: change.value().trim_end_matches(['\n', '\r']).to_owned(),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(change: LineChange, old_number: Option<usize>, new_number: Option<usize>, text: &str) -> Line {
        Line { change, old_number, new_number, text: text.to_owned() }
    }

    #[test]
    fn same_texts_have_no_changes() {
        assert!(lines("a\nb\n", "a\nb\n").is_empty());
        assert!(lines("", "").is_empty());
    }

    #[test]
    fn a_changed_line_is_removed_then_added_with_its_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        let groups = lines(old, new);
        assert_eq!(groups.len(), 1);
        assert_eq!(
            groups[0],
            [
                line(LineChange::Unchanged, Some(2), Some(2), "2"),
                line(LineChange::Unchanged, Some(3), Some(3), "3"),
                line(LineChange::Unchanged, Some(4), Some(4), "4"),
                line(LineChange::Removed, Some(5), None, "5"),
                line(LineChange::Added, None, Some(5), "five"),
                line(LineChange::Unchanged, Some(6), Some(6), "6"),
                line(LineChange::Unchanged, Some(7), Some(7), "7"),
                line(LineChange::Unchanged, Some(8), Some(8), "8"),
            ]
        );
    }

    #[test]
    fn far_apart_changes_are_in_separate_groups() {
        let old: String = (1..=30).map(|n| format!("line {n}\n")).collect();
        let new = old.replace("line 2\n", "line two\n").replace("line 29\n", "");
        let groups = lines(&old, &new);
        assert_eq!(groups.len(), 2);
        assert!(groups[1].iter().any(|l| l.change == LineChange::Removed && l.text == "line 29"));
        assert!(!groups[1].iter().any(|l| l.change == LineChange::Added));
    }

    #[test]
    fn line_ends_are_not_part_of_the_text() {
        let groups = lines("a\r\nb", "a\r\nc");
        assert!(groups[0].iter().all(|l| !l.text.ends_with(['\r', '\n'])));
    }
}
