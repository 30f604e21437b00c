//! The bundled sample data, so that a fresh checkout shows a whole site.
//! SAMPLE DATA: the names are real places, listed as an example only; they
//! are not the Pact's actual signatories. The news items are fictitious
//! examples, and say so in their text.

use crate::{
    news_files::{self, ImageReadError, SourceFile},
    signatories_csv,
    store::{self, ImportReport, Store},
};

/// The file opens with a `#` line that labels it as sample data.
const SIGNATORIES: &str = include_str!("sample/signatories.csv");

/// The sample news, in the folder format of `news import` (no images).
const NEWS: &[(&str, &str)] = &[
    ("2024-11-18-european-day.fr.md", include_str!("sample/news/2024-11-18-european-day.fr.md")),
    ("2024-11-18-european-day.en.md", include_str!("sample/news/2024-11-18-european-day.en.md")),
    ("2025-03-10-tromso-joins.fr.md", include_str!("sample/news/2025-03-10-tromso-joins.fr.md")),
    ("2025-03-10-tromso-joins.en.md", include_str!("sample/news/2025-03-10-tromso-joins.en.md")),
    ("2025-06-05-guide-ecoles.fr.md", include_str!("sample/news/2025-06-05-guide-ecoles.fr.md")),
    ("2025-10-28-congress-debate.fr.md", include_str!("sample/news/2025-10-28-congress-debate.fr.md")),
    ("2025-10-28-congress-debate.en.md", include_str!("sample/news/2025-10-28-congress-debate.en.md")),
    ("2026-03-02-aarhus-joins.fr.md", include_str!("sample/news/2026-03-02-aarhus-joins.fr.md")),
    ("2026-03-02-aarhus-joins.en.md", include_str!("sample/news/2026-03-02-aarhus-joins.en.md")),
    ("2026-09-15-webinar.en.md", include_str!("sample/news/2026-09-15-webinar.en.md")),
    ("2026-11-18-european-day.fr.md", include_str!("sample/news/2026-11-18-european-day.fr.md")),
    ("2026-11-18-european-day.en.md", include_str!("sample/news/2026-11-18-european-day.en.md")),
];

fn signatories_csv() -> String {
    SIGNATORIES.lines().filter(|line| !line.starts_with('#')).map(|line| format!("{line}\n")).collect()
}

fn news() -> Result<Vec<crate::domain::news::NewNewsItem>, news_files::FolderErrors> {
    let files: Vec<SourceFile> =
        NEWS.iter().map(|(name, text)| SourceFile { name: (*name).to_owned(), text: (*text).to_owned() }).collect();
    news_files::parse(&files, |_| Err(ImageReadError::Missing))
}

/// What loading the sample data did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SampleReport {
    pub signatories: ImportReport,
    pub news: ImportReport,
}

/// Loads the sample data; loading it twice changes nothing.
pub async fn load(store: &Store) -> anyhow::Result<SampleReport> {
    let signatories = signatories_csv::parse(signatories_csv().as_bytes())
        .map_err(|errors| anyhow::anyhow!("the bundled sample signatories do not parse:\n{errors}"))?;
    let news = news().map_err(|errors| anyhow::anyhow!("the bundled sample news do not parse:\n{errors}"))?;
    Ok(SampleReport {
        signatories: store.import_signatories(&signatories).await?,
        news: store.import_news(&news, store::now()).await?,
    })
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn sample_has_77_signatories_in_22_countries() {
        let parsed = crate::signatories_csv::parse(super::signatories_csv().as_bytes()).expect("sample parses");
        assert_eq!(parsed.len(), 77);
        let mut countries: Vec<_> = parsed.iter().map(|s| s.country).collect();
        countries.sort();
        countries.dedup();
        assert_eq!(countries.len(), 22);
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
