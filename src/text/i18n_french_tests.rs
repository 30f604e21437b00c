//! The French text checked: its typography (no-break spaces, apostrophes)
//! and its words for electronic mail, in the messages and the pages.

use super::*;

/// Stands for what a message or page shows but does not spell out
/// itself: an argument, a reference, a URL, code.
const STAND_IN: char = '\u{FFFC}';

/// French typography separates `:` `;` `!` `?` and `»` from the word
/// before them, and `«` from the word after it, by a no-break space
/// (U+00A0, or the narrow U+202F): an ordinary space, a tab or a line
/// break there lets a line end or begin with the sign. Each place where
/// `text` has one: the line it is on (from 1) and an excerpt.
fn breaking_spaces_in_french(text: &str) -> Vec<(usize, String)> {
    let breaking = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, pair) in chars.windows(2).enumerate() {
        let (before, after) = (pair[0], pair[1]);
        if (breaking(before) && matches!(after, ':' | ';' | '!' | '?' | '»')) || (before == '«' && breaking(after)) {
            let line = 1 + chars[..=i].iter().filter(|c| **c == '\n').count();
            let excerpt: String = chars[i.saturating_sub(24)..(i + 26).min(chars.len())].iter().collect();
            found.push((line, excerpt.replace('\n', "⏎")));
        }
    }
    found
}

/// Every text a Fluent pattern can show: one per combination of the
/// variants of its select expressions, with its string literals
/// unescaped and `STAND_IN` for its arguments and references.
fn pattern_texts(pattern: &fluent_syntax::ast::Pattern<&str>) -> Vec<String> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn expression_texts(expression: &Expression<&str>) -> Vec<String> {
        match expression {
            Expression::Select { variants, .. } => {
                variants.iter().flat_map(|variant| pattern_texts(&variant.value)).collect()
            }
            Expression::Inline(InlineExpression::StringLiteral { value }) => {
                vec![fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()]
            }
            Expression::Inline(InlineExpression::Placeable { expression }) => expression_texts(expression),
            Expression::Inline(_) => vec![STAND_IN.to_string()],
        }
    }
    let mut texts = vec![String::new()];
    for element in &pattern.elements {
        let parts = match element {
            PatternElement::TextElement { value } => vec![(*value).to_owned()],
            PatternElement::Placeable { expression } => expression_texts(expression),
        };
        texts = texts.iter().flat_map(|text| parts.iter().map(move |part| format!("{text}{part}"))).collect();
    }
    texts
}

/// Every text a message file can show: each of its messages' and terms'
/// values and attributes (see `pattern_texts`), named `id` or
/// `id.attribute`; not its comments or Fluent syntax.
fn message_texts(file: &str, source: &str) -> Vec<(String, String)> {
    use fluent_syntax::ast::Entry;
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
    let mut texts = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(message) => (message.id.name, message.value.as_ref(), &message.attributes),
            Entry::Term(term) => (term.id.name, Some(&term.value), &term.attributes),
            _ => continue,
        };
        let patterns = value
            .map(|pattern| (id.to_owned(), pattern))
            .into_iter()
            .chain(attributes.iter().map(|attribute| (format!("{id}.{}", attribute.id.name), &attribute.value)));
        for (name, pattern) in patterns {
            texts.extend(pattern_texts(pattern).into_iter().map(|text| (name.clone(), text)));
        }
    }
    texts
}

/// The breaking spaces of a French message file.
fn breaking_spaces_in_french_messages(file: &str, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (name, text) in message_texts(file, source) {
        for (_, excerpt) in breaking_spaces_in_french(&text) {
            found.push(format!("{file}: {name}: «{excerpt}»"));
        }
    }
    found
}

/// The prose of a Markdown page, with `STAND_IN` for what is not prose:
/// fenced code blocks, HTML comments, code spans, URLs (link targets,
/// autolinks, bare addresses) and the `!` of an image. Line breaks are
/// kept, so that line numbers stay right.
fn markdown_prose(markdown: &str) -> String {
    // Fenced code blocks, line by line.
    let mut without_code = String::with_capacity(markdown.len());
    let mut fence: Option<&str> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let marker =
            ["```", "~~~"].into_iter().find(|marker| line.len() - trimmed.len() < 4 && trimmed.starts_with(marker));
        match (fence, marker) {
            (None, None) => without_code.push_str(line),
            (None, Some(opening)) => fence = Some(opening),
            (Some(opening), Some(closing)) if opening == closing => fence = None,
            (Some(_), _) => {}
        }
        if fence.is_some() || marker.is_some() {
            without_code.push(STAND_IN);
            if line.ends_with('\n') {
                without_code.push('\n');
            }
        }
    }
    // The rest, as it comes.
    let text = without_code.as_str();
    let mut prose = String::with_capacity(text.len());
    let mut rest = text;
    // Replaces the first `len` bytes of `rest` by one stand-in.
    let skip = |prose: &mut String, rest: &mut &str, len: usize| {
        prose.push(STAND_IN);
        prose.extend(rest[..len].chars().filter(|c| *c == '\n'));
        *rest = &rest[len..];
    };
    // The length of `rest` up to the first `end` after `from`, `end`
    // included; all of it when there is none.
    let until =
        |rest: &str, from: usize, end: &str| rest[from..].find(end).map_or(rest.len(), |at| from + at + end.len());
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<!--") {
            let len = until(rest, 4, "-->");
            skip(&mut prose, &mut rest, len);
        } else if c == '`' {
            let ticks = rest.len() - rest.trim_start_matches('`').len();
            let len = until(rest, ticks, &rest[..ticks]);
            skip(&mut prose, &mut rest, len);
        } else if rest.starts_with("](") {
            prose.push(']');
            rest = &rest[1..];
            let len = until(rest, 1, ")");
            skip(&mut prose, &mut rest, len);
        } else if ["<http://", "<https://", "<mailto:"].iter().any(|scheme| rest.starts_with(scheme)) {
            let len = until(rest, 1, ">");
            skip(&mut prose, &mut rest, len);
        } else if ["http://", "https://", "mailto:", "www."].iter().any(|scheme| rest.starts_with(scheme)) {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            skip(&mut prose, &mut rest, len);
        } else if rest.starts_with("![") {
            skip(&mut prose, &mut rest, 1);
        } else {
            prose.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    prose
}

/// The breaking spaces of a French Markdown page's prose.
fn breaking_spaces_in_french_markdown(file: &str, markdown: &str) -> Vec<String> {
    breaking_spaces_in_french(&markdown_prose(markdown))
        .into_iter()
        .map(|(line, excerpt)| format!("{file}:{line}: «{excerpt}»"))
        .collect()
}

/// The files of one folder (relative to the crate) whose names end
/// with `.extension`, by path, in order.
fn folder_files(folder: &str, extension: &str) -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<(String, String)> = std::fs::read_dir(root.join(folder))
        .expect("read a folder")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == extension))
        .map(|path| {
            let name = path.strip_prefix(root).unwrap_or(&path).display().to_string();
            (name, std::fs::read_to_string(&path).expect("read a file"))
        })
        .collect();
    found.sort();
    found
}

/// What visitors read in French follows French typography (see
/// `breaking_spaces_in_french`): every message of `locales/fr/*.ftl`
/// and the prose of the pages `locales/fr/pages/*.md`.
#[test]
fn french_text_uses_no_break_spaces() {
    let messages = folder_files("locales/fr", "ftl");
    let pages = folder_files("locales/fr/pages", "md");
    // At least the message files the site embeds, and some pages.
    assert!(
        messages.len() >= SOURCES.len() / Lang::ALL.len() && !pages.is_empty(),
        "{} message files, {} pages",
        messages.len(),
        pages.len()
    );
    let mut found = Vec::new();
    for (file, source) in &messages {
        found.extend(breaking_spaces_in_french_messages(file, source));
    }
    for (file, markdown) in &pages {
        found.extend(breaking_spaces_in_french_markdown(file, markdown));
    }
    assert!(
        found.is_empty(),
        "an ordinary space, tab or line break where French wants a no-break space (U+00A0 before `:`, U+202F before `;` `!` `?` `»` and after `«`):\n{}",
        found.join("\n")
    );
}

/// The typography checks catch what they are for, in every variant of
/// a message and on every line of a page, and leave alone Fluent
/// syntax, comments, code and URLs.
#[test]
fn typography_checks_find_breaking_spaces() {
    let messages = "# Un commentaire : libre\n\
        good = Voir\u{a0}: { $x } «\u{202f}oui\u{202f}»\u{202f}!\n\
        colon = Voir : { $x }\n\
        quotes = «\u{202f}un » et « deux\u{202f}»\n\
        select = { $n ->\n    [one] un ?\n   *[other] { $n }\u{202f}?\n}\n\
        literal = { \" \" }; fin\n\
        attribute = Bien\n    .title = Quoi !\n\
        -term = Terme :\n";
    let found = breaking_spaces_in_french_messages("sample.ftl", messages);
    let names: Vec<&str> = found.iter().map(|f| f.split(": ").nth(1).unwrap_or("")).collect();
    assert_eq!(names, ["colon", "quotes", "quotes", "select", "literal", "attribute.title", "term"], "{found:?}");

    let page = "Texte\u{a0}: bien.\n\
        Mal : ici.\n\
        ```\n\
        code : libre\n\
        ```\n\
        <!-- note : libre,\n  sur deux lignes ; libre -->\n\
        Voir [le lien](https://example.org/?a=b), <https://example.org/x?y>, `a : b` ou https://example.org/?q.\n\
        Voir ![image](x.png).\n\
        Une ligne\n\
        ; commence mal.\n\
        « Citation\u{202f}»\n";
    let found = breaking_spaces_in_french_markdown("sample.md", page);
    let lines: Vec<&str> = found.iter().map(|f| f.split(": ").next().unwrap_or("")).collect();
    assert_eq!(lines, ["sample.md:2", "sample.md:11", "sample.md:12"], "{found:?}");
}

/// French names electronic mail in French: « adresse électronique »
/// for an address, « courriel » for a message. These words, singular or
/// plural and in any case, are what it says instead.
const NOT_FRENCH_FOR_MAIL: &[&str] = &["e-mail", "email", "mail", "mél", "mèl"];

/// Each word of `text` that is in `NOT_FRENCH_FOR_MAIL`, as written, with
/// the line it is on (from 1). A word joined to an address, a host name
/// or a path (`nom@mail.example.org`, `mail.coe.int`, `/mail/`) is part
/// of them, not a word of the text.
fn mail_words_in_french(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let in_word = |c: char| c.is_alphanumeric() || c == '-';
    let mut found = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if !in_word(chars[start]) {
            start += 1;
            continue;
        }
        let end = chars[start..].iter().position(|c| !in_word(*c)).map_or(chars.len(), |len| start + len);
        let joined_before = start > 0 && matches!(chars[start - 1], '@' | '.' | '/' | '_');
        let joined_after = match chars.get(end) {
            Some('@' | '/' | '_') => true,
            Some('.' | ':') => chars.get(end + 1).is_some_and(|c| c.is_alphanumeric()),
            _ => false,
        };
        let word: String = chars[start..end].iter().collect::<String>().trim_matches('-').to_owned();
        let lower = word.to_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        if NOT_FRENCH_FOR_MAIL.contains(&singular) && !joined_before && !joined_after {
            let line = 1 + chars[..start].iter().filter(|c| **c == '\n').count();
            found.push((line, word));
        }
        start = end;
    }
    found
}

/// The mail words of a French message file, outside its arguments and
/// references (`{ $email }`) and, as in a page, outside URLs and code.
fn mail_words_in_french_messages(file: &str, source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (name, text) in message_texts(file, source) {
        for (_, word) in mail_words_in_french(&markdown_prose(&text)) {
            found.push(format!("{file}: {name}: «{word}»"));
        }
    }
    found
}

/// The mail words of a French Markdown page's prose.
fn mail_words_in_french_markdown(file: &str, markdown: &str) -> Vec<String> {
    mail_words_in_french(&markdown_prose(markdown))
        .into_iter()
        .map(|(line, word)| format!("{file}:{line}: «{word}»"))
        .collect()
}

/// Every message of `locales/fr/*.ftl` and the prose of the pages
/// `locales/fr/pages/*.md` say « adresse électronique » and « courriel »
/// (see `NOT_FRENCH_FOR_MAIL`).
#[test]
fn french_names_mail_in_french() {
    let mut found = Vec::new();
    for (file, source) in &folder_files("locales/fr", "ftl") {
        found.extend(mail_words_in_french_messages(file, source));
    }
    for (file, markdown) in &folder_files("locales/fr/pages", "md") {
        found.extend(mail_words_in_french_markdown(file, markdown));
    }
    assert!(
        found.is_empty(),
        "French says « adresse électronique » for an address and « courriel » for a message, not:\n{}",
        found.join("\n")
    );
}

/// The check of mail words catches them in every variant of a message
/// and on every line of a page, and leaves alone arguments, addresses,
/// URLs, code and comments.
#[test]
fn mail_word_check_finds_english_words_for_mail() {
    let words = |text: &str| mail_words_in_french(text).into_iter().map(|(_, word)| word).collect::<Vec<_>>();
    assert_eq!(words("Indiquez votre e-mail."), ["e-mail"]);
    assert!(words("Recevez-la par courriel, à votre adresse électronique.").is_empty());
    assert_eq!(
        words("Un Mail, deux e-mails, trois mèls\u{a0}; un EMAIL, des méls."),
        ["Mail", "e-mails", "mèls", "EMAIL", "méls"]
    );
    assert!(words("nom@mail.example.org, mail@example.org, mail.coe.int, /mail/, e-mailing, Gmail").is_empty());

    let messages = "# Un commentaire : votre e-mail\n\
        good = Par courriel, à { $email }\u{a0}: [le lien](https://example.org/e-mail), `--mail-from`, <mailto:mail@example.org>.\n\
        bad = Votre e-mail\n\
        select = { $n ->\n    [one] un courriel\n   *[other] des mails\n}\n\
        attribute = Bien\n    .title = Par mél\n";
    let found = mail_words_in_french_messages("sample.ftl", messages);
    let names: Vec<&str> = found.iter().map(|f| f.split(": ").nth(1).unwrap_or("")).collect();
    assert_eq!(names, ["bad", "select", "attribute.title"], "{found:?}");

    let page = "Écrivez-nous par courriel.\n\
        Votre e-mail\u{a0}: ici.\n\
        <!-- the newsletter's confirmation by email -->\n\
        Voir `mail`, <https://example.org/mail> ou mailto:nom@example.org.\n\
        Un Mél.\n";
    let found = mail_words_in_french_markdown("sample.md", page);
    assert_eq!(found, ["sample.md:2: «e-mail»", "sample.md:5: «Mél»"], "{found:?}");
}

/// Each straight apostrophe `'` of `text` outside HTML tags (whose
/// attributes may quote with it), with the line it is on (from 1) and an
/// excerpt: both languages write the typographic `’`.
fn straight_apostrophes(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut in_tag = false;
    for (i, c) in chars.iter().enumerate() {
        match c {
            '<' if chars.get(i + 1).is_some_and(|next| next.is_ascii_alphabetic() || *next == '/') => in_tag = true,
            '>' => in_tag = false,
            '\'' if !in_tag => {
                let line = 1 + chars[..i].iter().filter(|c| **c == '\n').count();
                let excerpt: String = chars[i.saturating_sub(24)..(i + 24).min(chars.len())].iter().collect();
                found.push((line, excerpt.replace('\n', "⏎")));
            }
            _ => {}
        }
    }
    found
}

/// Every message and the prose of every page, in both languages, write
/// the apostrophe `’`, not `'` (URLs, code, comments and HTML tags aside).
#[test]
fn apostrophes_are_typographic() {
    let mut found = Vec::new();
    for lang in Lang::ALL {
        for (file, source) in &folder_files(&format!("locales/{lang}"), "ftl") {
            for (name, text) in message_texts(file, source) {
                for (_, excerpt) in straight_apostrophes(&markdown_prose(&text)) {
                    found.push(format!("{file}: {name}: «{excerpt}»"));
                }
            }
        }
        for (file, markdown) in &folder_files(&format!("locales/{lang}/pages"), "md") {
            for (line, excerpt) in straight_apostrophes(&markdown_prose(markdown)) {
                found.push(format!("{file}:{line}: «{excerpt}»"));
            }
        }
    }
    assert!(found.is_empty(), "a straight apostrophe where the text wants ’:\n{}", found.join("\n"));
}

/// The apostrophe check finds `'` on every line of a page, and leaves
/// alone HTML tags, code, URLs and comments.
#[test]
fn apostrophe_check_leaves_tags_urls_and_code_alone() {
    let lines =
        |text: &str| straight_apostrophes(&markdown_prose(text)).into_iter().map(|(line, _)| line).collect::<Vec<_>>();
    assert_eq!(lines("Each person's choice"), [1]);
    assert!(lines("Each person’s choice").is_empty());
    let page = "The Congress’s Pact.\n\
        <abbr title='Council of Europe'>CoE</abbr>, `it's code`, [a link](https://example.org/it's)\n\
        <!-- the campaign's home page -->\n\
        It's 2 < 3 and isn't.\n";
    assert_eq!(lines(page), [4, 4]);
}
