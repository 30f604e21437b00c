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
    "countries.ftl",
    "admin.ftl",
    "checks.ftl",
    "links.ftl",
    "import.ftl",
    "trash.ftl",
    "fit.ftl",
    "preview.ftl",
    "events.ftl",
    "audit.ftl",
    "issue_mail.ftl",
    "newsletter_archive.ftl",
    "newsletter_admin.ftl",
    "join.ftl",
    "applications_admin.ftl"
);

/// Every country's name in each language, with its ISO code, as
/// `countries.ftl` writes them (`country-FR = France`): for reading a
/// country typed by name.
pub fn country_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    SOURCES.iter().filter(|(_, file, _)| *file == "countries.ftl").flat_map(|(_, _, source)| {
        source.lines().filter_map(|line| {
            let (id, name) = line.strip_prefix("country-")?.split_once('=')?;
            Some((id.trim(), name.trim()))
        })
    })
}

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

    /// A time of day: "14 h 30" in French, "2.30 pm" in English.
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
#[path = "i18n_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "i18n_french_tests.rs"]
mod french_tests;
