//! The counter's history: the chart the directory and the home page draw,
//! and its figures as open data, `/fr/adherents/historique.csv` and
//! `/en/members/history.csv`.

use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

use crate::{
    domain::History,
    text::i18n::Lang,
    web::{error::AppError, extract::PathLang, state::AppState, view::history::load},
};

/// The CSV's header, in the address's language.
fn header_row(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Fr => ["annee", "nouveaux_adherents", "total"],
        Lang::En => ["year", "new_signatories", "total"],
    }
}

/// The history as CSV: one row a year, from the first signature.
fn write(lang: Lang, history: &History) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header_row(lang))?;
    for year in &history.years {
        writer.write_record([year.year.to_string(), year.added.to_string(), year.total.to_string()])?;
    }
    writer.into_inner().map_err(|error| csv::Error::from(error.into_error()))
}

/// `/fr/adherents/historique.csv`, `/en/members/history.csv`.
pub async fn csv(State(state): State<AppState>, PathLang(lang): PathLang) -> Result<Response, AppError> {
    let history = load(&state).await?;
    let body = write(lang, &history).map_err(|error| AppError::Internal(error.into()))?;
    let filename = match lang {
        Lang::Fr => "attachment; filename=\"oneinfive-historique.csv\"",
        Lang::En => "attachment; filename=\"oneinfive-history.csv\"",
    };
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(filename));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_a_year_under_the_languages_header() -> Result<(), csv::Error> {
        let history = History::from_counts(&[(2016, 2), (2018, 1)], 2018);
        let text = String::from_utf8(write(Lang::En, &history)?).unwrap_or_default();
        assert_eq!(text, "year,new_signatories,total\n2016,2,2\n2017,0,2\n2018,1,3\n");
        Ok(())
    }
}
