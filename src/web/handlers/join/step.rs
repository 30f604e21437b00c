//! The pages of the steps after the form: sent, the confirmation link's
//! page, confirmed, the status.

use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    text::i18n::Lang,
    web::{
        error::AppError,
        paths::{JoinPage, Page},
        state::AppState,
        view::{PageContext, render},
    },
};

/// A form with no field but its token.
#[derive(Debug, Default, Deserialize)]
pub struct NoFields {}

/// A form with one button.
pub struct Button {
    pub action: String,
    pub label: String,
}

/// A page that tells the outcome of a step.
#[derive(Template)]
#[template(path = "join_step.html")]
pub struct StepPage {
    pub ctx: PageContext,
    pub title: String,
    pub message: String,
    /// The authority the page is about, as its contact typed it.
    pub authority: Option<String>,
    /// Staff's reason, when declined.
    pub reason: Option<String>,
    /// A link (address, text) under the message.
    pub link: Option<(String, String)>,
    pub button: Option<Button>,
    /// Said above the button: that it came too late to be taken.
    pub notice: Option<String>,
    lang: Lang,
}

impl StepPage {
    /// A page of a step, its title and message by their Fluent ids.
    pub fn new(state: &AppState, lang: Lang, title: &str, message: &str) -> StepPage {
        let mut ctx = PageContext::bare(state, lang, Some(&Page::Pact));
        ctx.switch_href = JoinPage::Form.path(lang.other());
        StepPage {
            title: ctx.t(title),
            message: ctx.t(message),
            ctx,
            authority: None,
            reason: None,
            link: None,
            button: None,
            notice: None,
            lang,
        }
    }

    pub fn respond(&self) -> Result<Response, AppError> {
        render(self, self.lang)
    }
}
