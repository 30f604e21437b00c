//! The prose pages' Markdown rendered as HTML, shared by the public pages
//! and the back office's preview.

use crate::{
    text::{i18n::Lang, pages::Prose},
    web::{error::AppError, state::AppState},
};

/// A prose page's Markdown rendered as the public page shows it (see
/// [`PageTexts::render`](crate::text::pages::PageTexts::render)), off the
/// runtime's threads: a text may be 100 KB.
pub async fn render_text(state: &AppState, lang: Lang, prose: Prose, markdown: String) -> Result<String, AppError> {
    let pages = state.pages.clone();
    tokio::task::spawn_blocking(move || pages.render(lang, prose, &markdown))
        .await
        .map_err(|e| AppError::Internal(e.into()))
}
