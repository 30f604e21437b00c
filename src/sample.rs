//! The bundled sample data, so that a fresh checkout shows a whole site.
//! SAMPLE DATA: the names are real places, listed as an example only; they
//! are not the Pact's actual signatories.

use crate::{
    signatories_csv,
    store::{ImportReport, Store},
};

/// The file opens with a `#` line that labels it as sample data.
const SIGNATORIES: &str = include_str!("sample/signatories.csv");

fn signatories_csv() -> String {
    SIGNATORIES.lines().filter(|line| !line.starts_with('#')).map(|line| format!("{line}\n")).collect()
}

/// Loads the sample data; loading it twice changes nothing.
pub async fn load(store: &Store) -> anyhow::Result<ImportReport> {
    let signatories = signatories_csv::parse(signatories_csv().as_bytes())
        .map_err(|errors| anyhow::anyhow!("the bundled sample signatories do not parse:\n{errors}"))?;
    Ok(store.import_signatories(&signatories).await?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sample_has_77_signatories_in_22_countries() {
        let parsed = crate::signatories_csv::parse(super::signatories_csv().as_bytes()).expect("sample parses");
        assert_eq!(parsed.len(), 77);
        let mut countries: Vec<_> = parsed.iter().map(|s| s.country).collect();
        countries.sort();
        countries.dedup();
        assert_eq!(countries.len(), 22);
    }
}
