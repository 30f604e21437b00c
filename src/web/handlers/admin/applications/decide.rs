//! Approving an application (the authority becomes a signatory, with a
//! news draft in both languages when asked) or declining it with a reason:
//! each mails the contact, in the application's language.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{ApplicationPage, application};
use crate::{
    domain::{
        EmailAddress, Slug,
        news::{Markdown, Translation},
        text::{Title, normalise_line_breaks},
    },
    infra::mail::{ApplicationMail, render_application},
    store::{AnnouncementDraft, Approval, NewsTexts, StoreError, StoredApplication},
    text::{
        collate,
        i18n::{Arg, Lang, Tr},
    },
    web::{
        error::AppError,
        extract::ItemId,
        paths::{Page, admin},
        staff::StaffForm,
        state::AppState,
        view::render_with_status,
    },
};

/// The approval's form: one box, for a news draft.
#[derive(Deserialize)]
pub struct ApproveForm {
    news: Option<String>,
}

/// The news draft announcing a signature, in both languages, for staff to
/// finish: a title and a sentence naming the authority and the date.
fn announcement(state: &AppState, a: &StoredApplication) -> Result<(Slug, NewsTexts), AppError> {
    let s = &a.authority;
    let date = crate::domain::date::format(s.joined_on);
    let text = |lang: Lang| -> Result<Translation, AppError> {
        let tr = Tr::new(lang, state.locales.clone());
        let args =
            [("authority", Arg::Text(s.display_name(lang).as_str().into())), ("date", Arg::Text(date.as_str().into()))];
        let invalid = |e: crate::domain::text::TextError| AppError::Internal(anyhow::anyhow!("news draft: {e}"));
        let title = tr.format("applications-news-title", &args).chars().take(200).collect::<String>();
        let body = tr.format("applications-news-body", &args);
        Ok(Translation {
            title: Title::parse(&title).map_err(invalid)?,
            summary: Markdown::parse(&body, 1000).map_err(invalid)?,
            body: Markdown::parse(&body, 100_000).map_err(invalid)?,
            image_alt: None,
        })
    };
    let slug = Slug::parse(&collate::slug(&format!("{} pact", s.name)))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("news draft slug: {e}")))?;
    Ok((slug, NewsTexts { fr: Some(text(Lang::Fr)?), en: Some(text(Lang::En)?) }))
}

/// POST `/admin/applications/{id}/approve`.
pub async fn approve(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<ApproveForm>,
) -> Result<Response, AppError> {
    let a = application(&state, id).await?;
    let draft = if form.news.as_deref() == Some("yes") { Some(announcement(&state, &a)?) } else { None };
    let draft_ref = draft.as_ref().map(|(slug, texts)| AnnouncementDraft { slug, texts });
    let tr = Tr::new(a.lang, state.locales.clone());
    let (mailer, base, to, name) = (&state.mailer, &state.config.base_url, &a.contact.email, a.authority.name.as_str());
    let message = |signatory: i64| -> Result<Vec<u8>, StoreError> {
        let url = format!("{base}{}", Page::Signatory { id: signatory, slug: String::new() }.path(a.lang));
        render_application(mailer, &tr, to, &ApplicationMail::Approved { authority: name, directory_url: &url })
            .map_err(|e| StoreError::Corrupt(format!("application {id}: its mail: {e}")))
    };
    match state.store.approve_application(id, draft_ref, message, &staff.actor(), state.config.clock.now()).await? {
        Approval::Done { .. } => {
            state.mailer.notify();
            Ok(Redirect::to(&format!("{}?done=approved", admin::APPLICATIONS)).into_response())
        }
        Approval::NotFound => Err(AppError::NotFound),
        Approval::Duplicate => {
            let lang = staff.lang;
            let mut page = ApplicationPage::new(&state, &staff, a);
            page.notice = Some(page.ctx.tr.t("applications-duplicate"));
            render_with_status(&page, lang, StatusCode::CONFLICT)
        }
    }
}

/// The decline's form: the reason, mailed to the contact.
#[derive(Deserialize)]
pub struct DeclineForm {
    #[serde(default)]
    reason: String,
}

/// POST `/admin/applications/{id}/decline`.
pub async fn decline(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<DeclineForm>,
) -> Result<Response, AppError> {
    let a = application(&state, id).await?;
    let reason = normalise_line_breaks(&form.reason).trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 2000 {
        let lang = staff.lang;
        let mut page = ApplicationPage::new(&state, &staff, a);
        page.reason_error = Some(page.ctx.tr.t("applications-reason-needed"));
        return render_with_status(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let apply_again_url = format!("{}{}", state.config.base_url, crate::web::paths::JoinPage::Form.path(a.lang));
    let tr = Tr::new(a.lang, state.locales.clone());
    let to: &EmailAddress = &a.contact.email;
    let mail = ApplicationMail::Declined {
        authority: a.authority.name.as_str(),
        reason: &reason,
        status_url: &apply_again_url,
    };
    let message = render_application(&state.mailer, &tr, to, &mail)?;
    if !state.store.decline_application(id, &reason, &message, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    state.mailer.notify();
    Ok(Redirect::to(&format!("{}?done=declined", admin::APPLICATIONS)).into_response())
}
