//! The route table: every address of the site and its handler, registered
//! for each language from the paths in `paths`, and the layers every
//! request goes through. Adding a page: a line here, a handler, a template.

use std::time::Duration;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::StatusCode,
    middleware,
    response::Redirect,
    routing::{get, post},
};
use tower_http::{
    CompressionLevel,
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

use super::{
    edit::flow,
    error::AppError,
    handlers::{
        admin, assets, calendar, content, directory, event, health, history, home, join, language, map, news,
        newsletter, newsletter_archive, open_data, seo,
    },
    metrics,
    middleware::{error_pages, outage, render_bound, security, two_step},
    page_cache,
    paths::{self, JoinPage, NewsletterAction, Page},
    request_log::{RandomRequestId, request_span},
    settings::BODY_LIMIT,
    state::AppState,
};
use crate::text::{i18n::Lang, pages::Prose};
use admin::{events::Events, news::News, newsletter::Issues, signatories::Signatories};

const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// The compression of the answers that list every signatory, streamed
/// and megabytes long: brotli's fastest setting (the site's default,
/// quality 4, holds a window of 4 MiB and its tables for each stream,
/// which the process does not give back). The outer compression layer
/// passes an encoded answer by.
fn light_compression() -> CompressionLayer {
    CompressionLayer::new().quality(CompressionLevel::Fastest)
}

/// The whole site as one router, behind the page cache's fast path (`site`).
pub fn build_app(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(language::root))
        .route(paths::HEALTH, get(health::check))
        .route(paths::STATIC_ROUTE, get(assets::serve))
        .route(paths::MEDIA_ROUTE, get(news::image))
        .route(paths::OPEN_DATA_CSV, get(open_data::csv).layer(light_compression()))
        .route(paths::OPEN_DATA_JSON, get(open_data::json).layer(light_compression()))
        .route(paths::SITEMAP, get(seo::sitemap))
        .route(paths::SITEMAP_FILE_ROUTE, get(seo::sitemap_file).layer(light_compression()))
        .route(paths::ROBOTS, get(seo::robots));
    for lang in Lang::ALL {
        router = router.merge(localized(lang));
    }
    let two_step_required = || middleware::from_fn_with_state(state.clone(), two_step::layer);
    router = router.merge(back_office().route_layer(two_step_required()));
    router
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .merge(uploads().route_layer(two_step_required()))
        .merge(join_form())
        .layer(middleware::from_fn(security::valid_request))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), outage::layer))
        .layer(middleware::from_fn_with_state(state.clone(), render_bound::layer))
        .layer(middleware::from_fn_with_state(state.clone(), error_pages::layer))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), page_cache::layer))
        .layer(middleware::from_fn_with_state(state.clone(), security::layer))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &axum::extract::Request| request_span(request, None))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(middleware::from_fn_with_state(state.metrics.clone(), metrics::layer))
        .layer(SetRequestIdLayer::x_request_id(RandomRequestId))
        .with_state(state)
}

/// The pages of one language. Handlers learn the language from the path.
fn localized(lang: Lang) -> Router<AppState> {
    let page = |page: Page| page.path(lang);
    let items = |page: Page| page.item_route(lang);
    let mut router = Router::new()
        .route(&format!("/{lang}"), get(language::add_slash))
        .route(&page(Page::Home), get(home::show))
        .route(&page(Page::About), get(content::page(Prose::About)))
        .route(&page(Page::Aims), get(content::page(Prose::Aims)))
        .route(&page(Page::Pact), get(content::page(Prose::Pact)))
        .route(&page(Page::Privacy), get(content::page(Prose::Privacy)))
        .route(&page(Page::Legal), get(content::page(Prose::Legal)))
        .route(&page(Page::Accessibility), get(content::page(Prose::Accessibility)))
        .route(&page(Page::Contact), get(content::page(Prose::Contact)))
        .route(&page(Page::Help), get(content::page(Prose::Help)))
        .route(&page(Page::Directory), get(directory::show))
        .route(&items(Page::Directory), get(directory::signatory))
        .route(&paths::history_csv(lang), get(history::csv))
        .route(&page(Page::Map), get(map::show))
        .route(&page(Page::Calendar), get(calendar::upcoming))
        .route(&page(Page::CalendarArchive), get(calendar::archive))
        .route(&paths::calendar_feed(lang), get(calendar::feed))
        .route(&items(Page::Calendar), get(event::show))
        .route(&page(Page::News), get(news::list))
        .route(&items(Page::News), get(news::item))
        .route(&paths::news_feed(lang), get(news::feed))
        .route(&paths::news_preview_route(lang), get(news::preview))
        .route(&JoinPage::Confirm.token_route(lang), get(join::confirm_page).post(join::confirm))
        .route(&JoinPage::Status.token_route(lang), get(join::status))
        .route(&page(Page::Newsletter), get(newsletter::show).post(newsletter::subscribe))
        .route(&NewsletterAction::Leave.path(lang), post(newsletter::leave))
        .route(&page(Page::NewsletterArchive), get(newsletter_archive::list))
        .route(&paths::newsletter_issue_route(lang), get(newsletter_archive::issue))
        .route(
            &NewsletterAction::Confirm.token_route(lang),
            get(newsletter::link(NewsletterAction::Confirm)).post(newsletter::confirm),
        )
        .route(
            &NewsletterAction::Unsubscribe.token_route(lang),
            get(newsletter::link(NewsletterAction::Unsubscribe)).post(newsletter::unsubscribe),
        );
    // A section's slug in the other language leads to this language's.
    for section in Page::SECTIONS.into_iter().filter(|section| section.path_with_other_slug(lang) != section.path(lang))
    {
        let target = section.path(lang);
        router = router
            .route(&section.path_with_other_slug(lang), get(move || std::future::ready(Redirect::permanent(&target))));
    }
    router
}

/// The back office, under `/admin`, in each person's own language.
fn back_office() -> Router<AppState> {
    use paths::admin as at;
    Router::new()
        .route(at::ROOT, get(|| std::future::ready(Redirect::permanent(at::HOME))))
        .route(at::HOME, get(admin::dashboard::show))
        .route(at::SIGN_IN, get(admin::sign_in::show).post(admin::sign_in::sign_in))
        .route(at::SIGN_OUT, post(admin::sign_in::sign_out))
        .route(at::SAMPLE, get(admin::sample::show).post(admin::sample::remove))
        .route(at::APPLICATIONS, get(admin::applications::list))
        .route(at::APPLICATION_ROUTE, get(admin::applications::show).post(admin::applications::correct))
        .route(at::APPLICATION_DOCUMENT_ROUTE, get(admin::applications::document))
        .route(at::APPLICATION_APPROVE_ROUTE, post(admin::applications::approve))
        .route(at::APPLICATION_DECLINE_ROUTE, post(admin::applications::decline))
        .route(at::SUBSCRIBERS, get(admin::subscribers::list))
        .route(at::SUBSCRIBERS_EXPORT, get(admin::subscribers::export))
        .route(at::SUBSCRIBER_ROUTE, get(admin::subscribers::show))
        .route(at::SUBSCRIBER_ERASE_ROUTE, get(admin::subscribers::confirm_erase).post(admin::subscribers::erase))
        .route(at::ACCOUNT, get(admin::account::show))
        .route(at::ACCOUNT_PASSWORD, post(admin::account::set_password))
        .route(at::ACCOUNT_LANGUAGE, post(admin::account::set_language))
        .route(at::AUDIT, get(admin::audit::show))
        .route(at::ACCOUNTS, get(admin::accounts::list))
        .route(at::ACCOUNT_ROLE_ROUTE, post(admin::accounts::set_role))
        .route(at::ACCOUNT_DISABLE_ROUTE, post(admin::accounts::disable))
        .route(at::ACCOUNT_ENABLE_ROUTE, post(admin::accounts::enable))
        .route(at::INVITE, post(admin::invitations::invite))
        .route(at::INVITATION_RESEND_ROUTE, post(admin::invitations::resend))
        .route(at::INVITATION_WITHDRAW_ROUTE, post(admin::invitations::withdraw))
        .route(at::INVITATION_ROUTE, get(admin::invitations::show).post(admin::invitations::accept))
        .route(at::ACCOUNT_DELETE_ROUTE, get(admin::accounts::confirm_delete).post(admin::accounts::delete))
        .merge(flow::pages::<Signatories>())
        .route(at::SIGNATORIES_EXPORT, get(admin::signatories::export))
        .route(at::SIGNATORIES_IMPORT, get(admin::signatories::upload))
        .route(at::SIGNATORIES_TEMPLATE, get(admin::signatories::template))
        .route(at::SIGN_IN_TWO_STEP, get(admin::two_step::show).post(admin::two_step::check))
        .route(at::TWO_STEP_START, post(admin::account::start_two_step))
        .route(at::TWO_STEP_CONFIRM, post(admin::account::confirm_two_step))
        .route(at::TWO_STEP_OFF, post(admin::account::turn_off_two_step))
        .route(at::RECOVERY_CODES, post(admin::account::renew_recovery_codes))
        .route(at::TWO_STEP_SETTING, post(admin::accounts::set_two_step_required))
        .route(at::PAGES, get(admin::pages::list))
        .route(at::PAGE_ROUTE, get(admin::pages::edit))
        .route(at::PAGE_REVISIONS_ROUTE, get(admin::pages::revisions))
        .route(at::PAGE_REVISION_ROUTE, get(admin::pages::revision))
        .route(at::PAGE_COMPARE_ROUTE, get(admin::pages::compare))
        .route(at::PAGE_RESTORE_ROUTE, post(admin::pages::restore))
        .merge(flow::pages::<Events>())
        .route(at::EVENT_POSTPONE_ROUTE, get(admin::events::postpone_form).post(admin::events::postpone))
        .route(at::EVENT_CANCEL_ROUTE, get(admin::events::confirm_cancel).post(admin::events::cancel))
        .merge(flow::pages::<News>())
        .route(at::NEWS_PREVIEW_LINK_ROUTE, post(admin::news::create_preview_link))
        .route(at::NEWS_PREVIEW_WITHDRAW_ROUTE, post(admin::news::withdraw_preview_link))
        // The flow's list and deletion; an issue that has begun sending is kept.
        .route(at::NEWSLETTER, get(flow::list::<Issues>))
        .route(at::NEWSLETTER_DELETE_ROUTE, get(admin::newsletter::confirm_delete).post(admin::newsletter::delete))
        .route(at::NEWSLETTER_PREVIEW_ROUTE, get(admin::newsletter::mail_part))
        .route(at::NEWSLETTER_TEST_ROUTE, post(admin::newsletter::send_test))
        .route(at::NEWSLETTER_SEND_ROUTE, get(admin::newsletter::confirm_send).post(admin::newsletter::send))
        .route(at::NEWSLETTER_SCHEDULE_ROUTE, post(admin::newsletter::schedule))
        .route(at::NEWSLETTER_UNSCHEDULE_ROUTE, post(admin::newsletter::unschedule))
        .route(at::NEWSLETTER_PAUSE_ROUTE, post(admin::newsletter::pause))
        .route(at::NEWSLETTER_RESUME_ROUTE, post(admin::newsletter::resume))
        .route(at::TRASH, get(admin::trash::list))
        .route(at::TRASH_EMPTY, get(admin::trash::confirm_empty).post(admin::trash::empty))
        .route(at::TRASH_RESTORE_ROUTE, post(admin::trash::restore))
        .route(at::TRASH_ERASE_ROUTE, get(admin::trash::confirm_erase).post(admin::trash::erase))
}

/// The routes that take a larger body than [`BODY_LIMIT`], each with its
/// own limit: a CSV file of signatories, uploaded for its preview, and the
/// previewed file sent back to be applied; a prose page's text, saved or
/// previewed; an event's form; a news item's form with its image; a
/// newsletter issue's form.
fn uploads() -> Router<AppState> {
    use admin::signatories::{APPLY_LIMIT, UPLOAD_LIMIT};
    use paths::admin as at;
    let limited = |limit: usize| (DefaultBodyLimit::max(limit), RequestBodyLimitLayer::new(limit));
    Router::new()
        .route(at::SIGNATORIES_PREVIEW, post(admin::signatories::preview))
        .layer(limited(UPLOAD_LIMIT))
        .merge(Router::new().route(at::SIGNATORIES_APPLY, post(admin::signatories::apply)).layer(limited(APPLY_LIMIT)))
        .merge(
            Router::new()
                .route(at::PAGE_ROUTE, post(admin::pages::save))
                .route(at::PAGE_PREVIEW_ROUTE, post(admin::pages::preview))
                .layer(limited(admin::pages::FORM_LIMIT)),
        )
        .merge(flow::forms::<Events>())
        .merge(flow::forms::<News>())
        .merge(flow::forms::<Signatories>())
        .merge(flow::forms::<Issues>())
}

/// The form to join the Pact, in each language, with its own limit: the
/// document's 5 MiB and the fields (a bigger body: 413).
fn join_form() -> Router<AppState> {
    let limited = (DefaultBodyLimit::max(join::FORM_LIMIT), RequestBodyLimitLayer::new(join::FORM_LIMIT));
    let mut router = Router::new();
    for lang in Lang::ALL {
        router = router.route(&JoinPage::Form.path(lang), get(join::show).post(join::apply));
    }
    router.layer(limited)
}

/// Any address the site does not know.
async fn not_found() -> AppError {
    AppError::NotFound
}
