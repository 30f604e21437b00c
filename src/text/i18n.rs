//! Localization: the two languages of the site, their Fluent bundles, and
//! the choice of a language from a request.

use std::{borrow::Cow, collections::HashMap, fmt, sync::Arc};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use unic_langid::LanguageIdentifier;

/// A language the site is written in. French is the campaign's original.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];
    pub const DEFAULT: Lang = Lang::Fr;

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The other language, for the language switcher.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// Parses a language code as it appears in a URL or a cookie (`fr`, `en`).
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language that a request's path names in its first segment, if any.
    pub fn from_path(path: &str) -> Option<Lang> {
        let first = path.trim_start_matches('/').split('/').next()?;
        Lang::parse(first)
    }

    /// The visitor's preferred language according to an `Accept-Language`
    /// header, honouring quality values; `None` when neither language fits.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u16, usize)> = None;
        for (position, item) in header.split(',').enumerate().take(64) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            let Some(lang) = Lang::parse(&primary) else {
                continue;
            };
            let quality = parts.find_map(|p| p.trim().strip_prefix("q=").map(parse_quality)).unwrap_or(Some(1000));
            let Some(quality) = quality.filter(|q| *q > 0) else {
                continue;
            };
            // Highest quality wins; on a tie, the earlier entry.
            if best.is_none_or(|(_, q, pos)| quality > q || (quality == q && position < pos)) {
                best = Some((lang, quality, position));
            }
        }
        best.map(|(lang, _, _)| lang)
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::Fr => unic_langid::langid!("fr"),
            Lang::En => unic_langid::langid!("en"),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A quality value (`0.8`) in thousandths, or `None` when malformed.
fn parse_quality(text: &str) -> Option<u16> {
    let value: f32 = text.trim().parse().ok()?;
    (0.0..=1.0).contains(&value).then(|| (value * 1000.0).round() as u16)
}

/// Embeds each named message file of `locales/fr/` and `locales/en/`: the
/// two languages always have the same files.
macro_rules! message_files {
    ($($file:literal),* $(,)?) => {
        &[$(
            (Lang::Fr, $file, include_str!(concat!("../../locales/fr/", $file))),
            (Lang::En, $file, include_str!(concat!("../../locales/en/", $file))),
        )*]
    };
}

/// The message files, embedded in the binary.
const SOURCES: &[(Lang, &str, &str)] = message_files!(
    "main.ftl",
    "errors.ftl",
    "home.ftl",
    "pages.ftl",
    "calendar.ftl",
    "news.ftl",
    "newsletter.ftl",
    "sample.ftl",
    "countries.ftl"
);

/// The Fluent bundles of both languages, loaded once at start-up.
pub struct Locales {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl fmt::Debug for Locales {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Locales").finish_non_exhaustive()
    }
}

impl Locales {
    /// Parses the embedded message files. Fails on any syntax error or on a
    /// message defined twice, so that a broken file never reaches visitors.
    pub fn load() -> anyhow::Result<Locales> {
        let mut bundles = HashMap::new();
        for lang in Lang::ALL {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Bidi isolation marks would end up inside HTML attributes and text.
            bundle.set_use_isolating(false);
            for (_, file, source) in SOURCES.iter().filter(|(l, _, _)| *l == lang) {
                let resource = FluentResource::try_new((*source).to_owned())
                    .map_err(|(_, errors)| anyhow::anyhow!("locales/{lang}/{file}: {errors:?}"))?;
                bundle.add_resource(resource).map_err(|errors| anyhow::anyhow!("locales/{lang}/{file}: {errors:?}"))?;
            }
            bundles.insert(lang, bundle);
        }
        Ok(Locales { bundles })
    }

    /// Every message identifier of a language, from the embedded sources.
    pub fn message_ids(lang: Lang) -> Vec<String> {
        let mut ids = Vec::new();
        for (_, _, source) in SOURCES.iter().filter(|(l, _, _)| *l == lang) {
            if let Ok(resource) = FluentResource::try_new((*source).to_owned()) {
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(message) = entry {
                        ids.push(message.id.name.to_owned());
                    }
                }
            }
        }
        ids.sort();
        ids
    }

    /// Formats a message. A missing message shows its identifier (and is
    /// logged), never an empty string, so a gap is visible and never fatal.
    pub fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let Some(bundle) = self.bundles.get(&lang) else {
            return id.to_owned();
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::error!(%lang, id, "missing Fluent message");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(%lang, id, ?errors, "Fluent formatting error");
        }
        text.into_owned()
    }
}

/// A request's localizer: its language and the bundles, cheap to clone and
/// carried by every page so that templates can say `tr.t("nav-home")`.
#[derive(Clone, Debug)]
pub struct Tr {
    lang: Lang,
    locales: Arc<Locales>,
}

impl Tr {
    pub fn new(lang: Lang, locales: Arc<Locales>) -> Tr {
        Tr { lang, locales }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.locales.format(self.lang, id, None)
    }

    /// A message with arguments; counts are passed as numbers so that the
    /// plural selectors work, and are also offered formatted the language's
    /// way as `$<name>-text`.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Count(n) => {
                    fluent_args.set(*name, FluentValue::from(*n));
                    fluent_args.set(format!("{name}-text"), FluentValue::from(format_count(self.lang, *n)));
                }
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.clone())),
            }
        }
        self.locales.format(self.lang, id, Some(&fluent_args))
    }

    /// A date written out the language's way: "1er mai 2013", "1 May 2013".
    pub fn date(&self, date: time::Date) -> String {
        let month = self.t(&format!("month-{}", u8::from(date.month())));
        self.format(
            "date-long",
            &[
                ("day", Arg::Count(i64::from(date.day()))),
                ("month", Arg::Text(month.into())),
                ("year", Arg::Text(date.year().to_string().into())),
            ],
        )
    }

    /// A date with its day of the week: "jeudi 3 décembre 2026".
    pub fn weekday_date(&self, date: time::Date) -> String {
        let weekday = self.t(&format!("weekday-{}", date.weekday().number_from_monday()));
        self.format(
            "date-weekday",
            &[("weekday", Arg::Text(weekday.into())), ("date", Arg::Text(self.date(date).into()))],
        )
    }

    /// A time of day: "14 h 30" in French, "2:30 pm" in English.
    pub fn time_of_day(&self, at: time::Time) -> String {
        let hour = at.hour();
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        self.format(
            "time-of-day",
            &[
                ("hour", Arg::Text(hour.to_string().into())),
                ("hour12", Arg::Text(hour12.to_string().into())),
                ("minute", Arg::Text(format!("{:02}", at.minute()).into())),
                ("period", Arg::Text(if hour < 12 { "am" } else { "pm" }.into())),
            ],
        )
    }

    /// A month of a year: "décembre 2026".
    pub fn month_year(&self, year: i32, month: time::Month) -> String {
        let name = self.t(&format!("month-{}", u8::from(month)));
        self.format("month-year", &[("month", Arg::Text(name.into())), ("year", Arg::Text(year.to_string().into()))])
    }

    /// A message with one count, e.g. `tr.count("results", 12)`.
    pub fn count(&self, id: &str, name: &str, n: i64) -> String {
        self.format(id, &[(name, Arg::Count(n))])
    }
}

/// An argument to a Fluent message.
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    Count(i64),
    Text(Cow<'a, str>),
}

/// Writes a whole number the language's way: `12 345` in French (with a
/// narrow no-break space), `12,345` in English. Fluent's `NUMBER()` does
/// not group digits.
pub fn format_count(lang: Lang, n: i64) -> String {
    let separator = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::country::Country;

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("fr;q=0.1, en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de-DE,de;q=0.9,fr;q=0.5,en;q=0.4"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("FR-be"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("de, it"), None);
        assert_eq!(Lang::from_accept_language("en;q=0, fr;q=0"), None);
        assert_eq!(Lang::from_accept_language("en;q=nonsense"), None);
        assert_eq!(Lang::from_accept_language("*"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language(";;,,q=1"), None);
    }

    #[test]
    fn counts_are_grouped_the_languages_way() {
        assert_eq!(format_count(Lang::En, 0), "0");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::En, 12345), "12,345");
        assert_eq!(format_count(Lang::En, 1234567), "1,234,567");
        assert_eq!(format_count(Lang::Fr, 12345), "12\u{202F}345");
        assert_eq!(format_count(Lang::Fr, -1000), "-1\u{202F}000");
    }

    /// A family of messages whose identifiers the code builds at run time,
    /// so that no string literal names them.
    struct BuiltIds {
        prefix: &'static str,
        /// The one place that builds them.
        built_by: &'static str,
        /// Whether the rest of an identifier, after the prefix, is one the
        /// code can build: as narrow as the code.
        suffix: fn(&str) -> bool,
    }

    const BUILT_AT_RUN_TIME: &[BuiltIds] = &[
        BuiltIds {
            prefix: "country-",
            built_by: "Country::message_id",
            suffix: |code| Country::all().any(|c| c.code() == code),
        },
        BuiltIds {
            prefix: "month-",
            built_by: "Tr::date, Tr::month_year",
            suffix: |n| n.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)),
        },
        BuiltIds {
            prefix: "weekday-",
            built_by: "Tr::weekday_date",
            suffix: |n| n.parse::<u8>().is_ok_and(|n| (1..=7).contains(&n)),
        },
    ];

    /// The text of every file under `dir` (relative to the crate) whose name
    /// ends with one of `extensions`.
    fn sources(dir: &str, extensions: &[&str]) -> Vec<String> {
        let mut found = Vec::new();
        let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("read a source folder") {
                let path = entry.expect("a folder entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else if extensions.iter().any(|ext| path.extension().is_some_and(|e| e == *ext)) {
                    found.push(std::fs::read_to_string(&path).expect("read a source file"));
                }
            }
        }
        found
    }

    /// A message that nothing shows is dead weight that translators keep
    /// up to date: every message of both languages must be named, as a
    /// string literal, by a template (`.html` pages and `.txt` mails) or by
    /// the Rust code, unless its identifier is built at run time.
    #[test]
    fn every_message_is_used() {
        let mut texts = sources("templates", &["html", "txt"]);
        texts.extend(sources("src", &["rs"]));
        assert!(texts.len() > 20, "{} source files", texts.len());
        // An exception lasts as long as the code that needs it.
        for BuiltIds { prefix, built_by, .. } in BUILT_AT_RUN_TIME {
            let built = format!("\"{prefix}{{");
            assert!(
                texts.iter().any(|text| text.contains(&built)),
                "no source builds `{prefix}…` any more (was {built_by}): remove it from BUILT_AT_RUN_TIME"
            );
        }
        let mut unused = Vec::new();
        for lang in Lang::ALL {
            for id in Locales::message_ids(lang) {
                let built =
                    BUILT_AT_RUN_TIME.iter().any(|family| id.strip_prefix(family.prefix).is_some_and(family.suffix));
                let quoted = format!("\"{id}\"");
                if !built && !texts.iter().any(|text| text.contains(&quoted)) {
                    unused.push(format!("{lang}: {id}"));
                }
            }
        }
        assert!(unused.is_empty(), "messages that no template and no Rust source uses: {unused:?}");
    }

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
            if (breaking(before) && matches!(after, ':' | ';' | '!' | '?' | '»')) || (before == '«' && breaking(after))
            {
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

    /// The breaking spaces of a French message file: its messages' and
    /// terms' values and attributes, not its comments or Fluent syntax.
    fn breaking_spaces_in_french_messages(file: &str, source: &str) -> Vec<String> {
        use fluent_syntax::ast::Entry;
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{file}: {errors:?}"));
        let mut found = Vec::new();
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
                for text in pattern_texts(pattern) {
                    for (_, excerpt) in breaking_spaces_in_french(&text) {
                        found.push(format!("{file}: {name}: «{excerpt}»"));
                    }
                }
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

    #[test]
    fn path_names_its_language() {
        assert_eq!(Lang::from_path("/en/about"), Some(Lang::En));
        assert_eq!(Lang::from_path("/fr/"), Some(Lang::Fr));
        assert_eq!(Lang::from_path("/fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_path("/de/"), None);
        assert_eq!(Lang::from_path("/"), None);
    }
}
