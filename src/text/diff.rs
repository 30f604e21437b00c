//! Two versions of a text compared line by line, as the back office shows
//! a page's revision beside the current one: the changed lines with a few
//! unchanged ones around them, each numbered in the version it belongs to,
//! and within a changed line the words that changed (a one-word change in
//! a long paragraph marks that word, not the paragraph).

use std::time::Duration;

use similar::{ChangeTag, InlineChangeMode, InlineChangeOptions, TextDiff};

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
    /// The line, without its end, in pieces: the words that changed, and
    /// those the other version has too. A line that has nothing in common
    /// with the other version is one changed piece.
    pub parts: Vec<Part>,
}

impl Line {
    /// The whole line, without its end.
    pub fn text(&self) -> String {
        self.parts.iter().map(|part| part.text.as_str()).collect()
    }
}

/// A piece of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    /// Removed from, or added to, the line (always false on an unchanged line).
    pub changed: bool,
}

/// The changes from `old` to `new`, in groups of nearby lines; none when
/// the texts have the same lines. A removed line followed by its added
/// counterpart has its changed words marked in each.
pub fn lines(old: &str, new: &str) -> Vec<Vec<Line>> {
    let diff = TextDiff::configure().timeout(TIMEOUT).diff_lines(old, new);
    let mut words = InlineChangeOptions::new();
    words.mode(InlineChangeMode::Words).semantic_cleanup(true);
    diff.grouped_ops(CONTEXT)
        .iter()
        .map(|group| {
            group
                .iter()
                .flat_map(|op| {
                    let changes: Vec<_> = diff.iter_inline_changes_with_options(op, words).collect();
                    // Words marked somewhere in the op: its lines were
                    // compared word by word.
                    let compared = changes.iter().any(|c| c.values().iter().any(|(emphasised, _)| *emphasised));
                    changes.into_iter().map(move |change| {
                        let kind = match change.tag() {
                            ChangeTag::Equal => LineChange::Unchanged,
                            ChangeTag::Delete => LineChange::Removed,
                            ChangeTag::Insert => LineChange::Added,
                        };
                        let pieces = change.iter_strings_lossy().map(|(changed, text)| (changed, text.into_owned()));
                        Line {
                            change: kind,
                            old_number: change.old_index().map(|i| i + 1),
                            new_number: change.new_index().map(|i| i + 1),
                            parts: parts(kind, compared, pieces),
                        }
                    })
                })
                .collect()
        })
        .collect()
}

/// A line's pieces, its end left out and neighbours of a kind joined: the
/// white space between two changed words is changed too. A changed line
/// not `compared` word by word with another (a line removed or added
/// alone, or too unlike its counterpart) or with only white space kept is
/// changed as a whole; one compared with nothing changed in it (words were
/// only added to its counterpart) has nothing marked.
fn parts(change: LineChange, compared: bool, pieces: impl Iterator<Item = (bool, String)>) -> Vec<Part> {
    let mut pieces: Vec<Part> =
        pieces.map(|(changed, text)| Part { text, changed: changed && change != LineChange::Unchanged }).collect();
    if let Some(last) = pieces.last_mut() {
        let kept = last.text.trim_end_matches(['\n', '\r']).len();
        last.text.truncate(kept);
    }
    pieces.retain(|part| !part.text.is_empty());
    for i in 1..pieces.len().saturating_sub(1) {
        if pieces[i - 1].changed && pieces[i + 1].changed && pieces[i].text.trim().is_empty() {
            pieces[i].changed = true;
        }
    }
    let kept_words = pieces.iter().any(|part| !part.changed && !part.text.trim().is_empty());
    let whole = change != LineChange::Unchanged && (!compared || !kept_words);
    let mut parts: Vec<Part> = Vec::new();
    for Part { text, changed } in pieces {
        let changed = changed || whole;
        match parts.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(&text),
            _ => parts.push(Part { text, changed }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(change: LineChange, old_number: Option<usize>, new_number: Option<usize>, text: &str) -> Line {
        let changed = change != LineChange::Unchanged;
        Line { change, old_number, new_number, parts: vec![Part { text: text.to_owned(), changed }] }
    }

    /// A line's pieces as `[kept]` and `{changed}`.
    fn marked(line: &Line) -> String {
        line.parts
            .iter()
            .map(|part| if part.changed { format!("{{{}}}", part.text) } else { format!("[{}]", part.text) })
            .collect()
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
        assert!(groups[1].iter().any(|l| l.change == LineChange::Removed && l.text() == "line 29"));
        assert!(!groups[1].iter().any(|l| l.change == LineChange::Added));
    }

    #[test]
    fn line_ends_are_not_part_of_the_text() {
        let groups = lines("a\r\nb", "a\r\nc");
        assert!(groups[0].iter().all(|l| !l.text().ends_with(['\r', '\n'])));
    }

    #[test]
    fn within_a_changed_paragraph_only_the_changed_word_is_marked() {
        let old = "Intro.\nThe Pact of cities and regions was signed in Lyon by forty mayors.\nEnd.\n";
        let new = "Intro.\nThe Pact of cities and regions was signed in Lille by forty mayors.\nEnd.\n";
        let groups = lines(old, new);
        let removed: Vec<_> = groups[0].iter().filter(|l| l.change == LineChange::Removed).collect();
        let added: Vec<_> = groups[0].iter().filter(|l| l.change == LineChange::Added).collect();
        assert_eq!(marked(removed[0]), "[The Pact of cities and regions was signed in ]{Lyon}[ by forty mayors.]");
        assert_eq!(marked(added[0]), "[The Pact of cities and regions was signed in ]{Lille}[ by forty mayors.]");
        // Unchanged lines have nothing marked.
        assert!(groups[0].iter().filter(|l| l.change == LineChange::Unchanged).all(|l| marked(l).starts_with('[')));
    }

    #[test]
    fn a_word_added_at_the_start_of_a_long_paragraph_marks_that_word() {
        let old = "The Congress of Local and Regional Authorities takes part in the Council of Europe’s ONE in FIVE \
                   campaign against sexual violence against children. It is responsible for the campaign’s local and \
                   regional dimensions.\n\n## The campaign\n";
        let new = old.replacen("Congress", "Congress (CLRAE)", 1);
        let groups = lines(old, &new);
        let added = groups[0].iter().find(|l| l.change == LineChange::Added).expect("an added line");
        assert_eq!(added.parts.iter().filter(|p| p.changed).count(), 1, "{}", marked(added));
        // Nothing was taken out of the older line: nothing marked in it.
        let removed = groups[0].iter().find(|l| l.change == LineChange::Removed).expect("a removed line");
        assert!(removed.parts.iter().all(|p| !p.changed), "{}", marked(removed));
        assert!(marked(added).starts_with("[The Congress]{ (CLRAE)}[ of Local"), "{}", marked(added));
    }

    #[test]
    fn words_in_any_script_are_marked_whole() {
        let groups = lines("Le pacte signé à Genève en été.\n", "Le pacte signé à Zürich en été.\n");
        let added = groups[0].iter().find(|l| l.change == LineChange::Added).expect("an added line");
        assert_eq!(marked(added), "[Le pacte signé à ]{Zürich}[ en été.]");
    }

    #[test]
    fn a_line_with_nothing_in_common_is_changed_as_a_whole() {
        let groups = lines("a b c d e\n", "v w x y z\n");
        for line in &groups[0] {
            assert_eq!(line.parts.len(), 1, "{line:?}");
            assert!(line.parts[0].changed);
        }
        // A new line alone is all added.
        let groups = lines("one\n", "one\ntwo\n");
        let added = groups[0].iter().find(|l| l.change == LineChange::Added).expect("an added line");
        assert_eq!(marked(added), "{two}");
    }
}
