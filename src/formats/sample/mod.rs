//! The bundled sample data, so that a fresh checkout shows a whole site.
//! SAMPLE DATA: the names are real places, listed as an example only; they
//! are not the Pact's actual signatories. The news items are fictitious
//! examples, and say so in their text; so does the newsletter's sample
//! issue, sent to no one, which the archive shows.

use time::{Date, Duration, OffsetDateTime};

use super::{
    events_csv,
    news_files::{self, ImageReadError, SourceFile},
    signatories_csv,
};
use crate::{
    domain::newsletter_issue::{IssueError, IssueFields, IssueTexts},
    store::{self, ImportReport, Origin, Store},
};

/// The file opens with a `#` line that labels it as sample data.
const SIGNATORIES: &str = include_str!("signatories.csv");

/// The sample news, in the folder format of `news import` (no images).
const NEWS: &[(&str, &str)] = &[
    ("2024-11-18-european-day.fr.md", include_str!("news/2024-11-18-european-day.fr.md")),
    ("2024-11-18-european-day.en.md", include_str!("news/2024-11-18-european-day.en.md")),
    ("2025-03-10-brightwater-joins.fr.md", include_str!("news/2025-03-10-brightwater-joins.fr.md")),
    ("2025-03-10-brightwater-joins.en.md", include_str!("news/2025-03-10-brightwater-joins.en.md")),
    ("2025-06-05-guide-ecoles.fr.md", include_str!("news/2025-06-05-guide-ecoles.fr.md")),
    ("2025-10-28-online-safety-debate.fr.md", include_str!("news/2025-10-28-online-safety-debate.fr.md")),
    ("2025-10-28-online-safety-debate.en.md", include_str!("news/2025-10-28-online-safety-debate.en.md")),
    ("2026-03-02-valmorin-joins.fr.md", include_str!("news/2026-03-02-valmorin-joins.fr.md")),
    ("2026-03-02-valmorin-joins.en.md", include_str!("news/2026-03-02-valmorin-joins.en.md")),
    ("2026-09-15-webinar.en.md", include_str!("news/2026-09-15-webinar.en.md")),
    ("2026-11-18-european-day.fr.md", include_str!("news/2026-11-18-european-day.fr.md")),
    ("2026-11-18-european-day.en.md", include_str!("news/2026-11-18-european-day.en.md")),
];

/// The sample issue of the newsletter in each language: its subject on
/// the first line, then its Markdown body.
const ISSUE_FR: &str = include_str!("newsletter_issue.fr.md");
const ISSUE_EN: &str = include_str!("newsletter_issue.en.md");

fn issue() -> Result<IssueTexts, Vec<IssueError>> {
    let (subject_fr, body_fr) = ISSUE_FR.split_once('\n').unwrap_or((ISSUE_FR, ""));
    let (subject_en, body_en) = ISSUE_EN.split_once('\n').unwrap_or((ISSUE_EN, ""));
    IssueTexts::parse(&IssueFields { subject_fr, body_fr, subject_en, body_en })
}

fn signatories_csv() -> String {
    SIGNATORIES.lines().filter(|line| !line.starts_with('#')).map(|line| format!("{line}\n")).collect()
}

/// Events, with dates written `{D+12}`: twelve days after the day the
/// sample data is loaded, so that some are past and some to come.
const EVENTS: &str = include_str!("events.csv");

fn events_csv(today: Date) -> String {
    let mut out = String::with_capacity(EVENTS.len());
    let mut rest = EVENTS;
    while let Some(start) = rest.find("{D") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find('}') else { break };
        let days: i64 = rest[start + 2..start + len].parse().unwrap_or(0);
        out.push_str(&crate::domain::date::format(today + Duration::days(days)));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

fn news() -> Result<Vec<crate::domain::news::NewNewsItem>, news_files::FolderErrors> {
    let files: Vec<SourceFile> =
        NEWS.iter().map(|(name, text)| SourceFile { name: (*name).to_owned(), text: (*text).to_owned() }).collect();
    news_files::parse(&files, |_| Err(ImageReadError::Missing))
}

/// What loading the sample data did, by kind of data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SampleReport {
    pub signatories: ImportReport,
    pub events: ImportReport,
    pub news: ImportReport,
    /// Whether the sample issue of the newsletter was added now.
    pub newsletter_issue: bool,
}

impl std::fmt::Display for SampleReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (what, r) in [("signatories", self.signatories), ("events", self.events), ("news", self.news)] {
            writeln!(f, "{what}: {} added, {} updated, {} unchanged", r.added, r.updated, r.unchanged)?;
        }
        let issue = if self.newsletter_issue { "1 added" } else { "unchanged" };
        writeln!(f, "newsletter issue: {issue}")
    }
}

/// Loads the sample data; loading it twice changes nothing (sample events
/// already there are left as they are, whatever the day). The sample
/// events are dated around `now`.
pub async fn load(store: &Store, now: OffsetDateTime) -> anyhow::Result<SampleReport> {
    let file = signatories_csv::read(signatories_csv().as_bytes(), now.date())
        .map_err(|errors| anyhow::anyhow!("the bundled sample signatories do not parse:\n{errors}"))?;
    let signatories = store.import_signatories(&file.signatories, &file.kept, Origin::Sample).await?;
    let events = events_csv::parse(events_csv(now.date()).as_bytes())
        .map_err(|errors| anyhow::anyhow!("the bundled sample events do not parse:\n{errors}"))?;
    let mut resolved = Vec::with_capacity(events.len());
    for (_, event) in events {
        let signatory = match &event.signatory {
            Some(reference) => store.find_signatory(reference).await?,
            None => None,
        };
        resolved.push((event, signatory));
    }
    let events = store.import_events(&resolved, now, Origin::Sample).await?;
    let news = news().map_err(|errors| anyhow::anyhow!("the bundled sample news do not parse:\n{errors}"))?;
    let news = store.import_news(&news, store::instant(now), Origin::Sample).await?;
    let issue = issue().map_err(|errors| anyhow::anyhow!("the bundled sample issue does not parse: {errors:?}"))?;
    let newsletter_issue = store.add_sample_issue(&issue, now).await?;
    Ok(SampleReport { signatories, events, news, newsletter_issue })
}

#[cfg(test)]
mod tests {
    use crate::{domain::news::Translated, text::i18n::Lang};

    #[test]
    fn sample_has_77_signatories_in_22_countries() {
        let parsed = crate::formats::signatories_csv::read(
            super::signatories_csv().as_bytes(),
            time::macros::date!(2026 - 12 - 07),
        )
        .expect("sample parses")
        .signatories;
        assert_eq!(parsed.len(), 77);
        let mut countries: Vec<_> = parsed.iter().map(|s| s.country).collect();
        countries.sort();
        countries.dedup();
        assert_eq!(countries.len(), 22);
    }

    #[test]
    fn sample_events_parse_around_the_day_they_are_loaded() {
        let today = time::macros::date!(2026 - 11 - 28);
        let events =
            crate::formats::events_csv::parse(super::events_csv(today).as_bytes()).expect("sample events parse");
        assert_eq!(events.len(), 9);
        let now = time::macros::datetime!(2026-11-28 12:00 UTC);
        assert_eq!(events.iter().filter(|(_, e)| e.ends_at() < now).count(), 4);
    }

    #[test]
    fn the_sample_issue_parses_in_both_languages_and_says_it_is_one() {
        let issue = super::issue().expect("the sample issue parses");
        for lang in Lang::ALL {
            let text = issue.get(lang).expect("both languages");
            assert!(text.subject.as_str().starts_with("Exemple") || text.subject.as_str().starts_with("Sample"));
            assert!(text.body.as_str().contains("données d’exemple") || text.body.as_str().contains("sample data"));
        }
    }

    #[test]
    fn sample_news_parse_and_are_labelled() {
        let news = super::news().expect("sample news parse");
        assert_eq!(news.len(), 7);
        assert!(news.iter().any(|item| item.languages() == [Lang::Fr]));
        assert!(news.iter().any(|item| item.languages() == [Lang::En]));
        for (name, text) in super::NEWS {
            assert!(text.contains("# SAMPLE DATA"), "{name}");
            assert!(text.contains("données d’exemple") || text.contains("sample data"), "{name}");
        }
    }
}
