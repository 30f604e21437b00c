//! The "Join the Pact" page: what signing means, then the form, with each
//! field's message and the values typed when it comes back.

use std::collections::HashMap;

use askama::Template;

use crate::{
    domain::application::{ApplicationError, ApplicationField, ApplicationFields},
    text::i18n::Lang,
    web::{
        forgery::Posted,
        paths::{JoinPage, Page},
        state::AppState,
        view::{
            Alternate, PageContext,
            application::error_message,
            listing::{Choice, country_choices, kind_choices},
        },
    },
};

/// The values typed, as sent (control characters dropped, bounded).
#[derive(Clone, Debug, Default)]
pub struct Typed {
    values: HashMap<&'static str, String>,
    consent: bool,
}

/// The form's text fields, in its order.
const TEXT_FIELDS: [ApplicationField; 12] = [
    ApplicationField::Name,
    ApplicationField::NameFr,
    ApplicationField::NameEn,
    ApplicationField::Kind,
    ApplicationField::Country,
    ApplicationField::Website,
    ApplicationField::DecidedOn,
    ApplicationField::ContactName,
    ApplicationField::ContactRole,
    ApplicationField::ContactEmail,
    ApplicationField::ContactPhone,
    ApplicationField::Message,
];

impl Typed {
    pub fn of(posted: &Posted) -> Typed {
        let keep = |field: ApplicationField| {
            let multiline = field == ApplicationField::Message;
            let value: String = posted
                .field(field.name())
                .chars()
                .filter(|c| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t')))
                .take(6000)
                .collect();
            (field.name(), value)
        };
        Typed { values: TEXT_FIELDS.into_iter().map(keep).collect(), consent: posted.field("consent") == "yes" }
    }

    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn fields(&self) -> ApplicationFields<'_> {
        let v = |field: ApplicationField| self.value(field.name());
        ApplicationFields {
            name: v(ApplicationField::Name),
            name_fr: v(ApplicationField::NameFr),
            name_en: v(ApplicationField::NameEn),
            kind: v(ApplicationField::Kind),
            country: v(ApplicationField::Country),
            website: v(ApplicationField::Website),
            decided_on: v(ApplicationField::DecidedOn),
            contact_name: v(ApplicationField::ContactName),
            contact_role: v(ApplicationField::ContactRole),
            contact_email: v(ApplicationField::ContactEmail),
            contact_phone: v(ApplicationField::ContactPhone),
            message: v(ApplicationField::Message),
            consent: self.consent,
        }
    }
}

#[derive(Template)]
#[template(path = "join.html")]
pub struct FormPage {
    pub ctx: PageContext,
    pub typed: Typed,
    /// Each field's message, by the field's name.
    pub errors: HashMap<&'static str, String>,
    pub kinds: Vec<Choice>,
    pub countries: Vec<Choice>,
    pub action: String,
    pub pact_href: String,
    pub privacy_href: String,
    /// Said above the form: a stale form, a duplicate, a file to choose again.
    pub notice: Option<String>,
    pub today: String,
}

impl FormPage {
    pub fn new(state: &AppState, lang: Lang) -> FormPage {
        FormPage::again(state, lang, Typed::default())
    }

    /// The page with what was typed.
    pub fn again(state: &AppState, lang: Lang, typed: Typed) -> FormPage {
        let mut ctx = PageContext::bare(state, lang, Some(&Page::Pact));
        ctx.switch_href = JoinPage::Form.path(lang.other());
        let base = &state.config.base_url;
        ctx.canonical = Some(format!("{base}{}", JoinPage::Form.path(lang)));
        ctx.alternates = Lang::ALL
            .iter()
            .map(|l| Alternate { hreflang: l.code(), href: format!("{base}{}", JoinPage::Form.path(*l)) })
            .chain([Alternate { hreflang: "x-default", href: format!("{base}{}", JoinPage::Form.path(Lang::DEFAULT)) }])
            .collect();
        let kinds = kind_choices(&ctx.tr, Some(typed.value("kind")));
        let countries = country_choices(&ctx.tr, Some(typed.value("country")));
        FormPage {
            typed,
            errors: HashMap::new(),
            kinds,
            countries,
            action: JoinPage::Form.path(lang),
            pact_href: Page::Pact.path(lang),
            privacy_href: Page::Privacy.path(lang),
            notice: None,
            today: crate::domain::date::format(state.config.today()),
            ctx,
        }
    }

    /// With what came too late to be taken (403).
    pub fn stale(mut self) -> FormPage {
        self.notice = Some(self.ctx.t("join-stale"));
        self
    }

    /// Told that the authority is a signatory or has applied already.
    pub fn duplicate(mut self) -> FormPage {
        self.notice = Some(self.ctx.t("join-duplicate"));
        self
    }

    /// With each field's message; the file is to be chosen again.
    pub fn with_errors(mut self, errors: &[(ApplicationField, ApplicationError)]) -> FormPage {
        for (field, error) in errors {
            self.errors.entry(field.name()).or_insert_with(|| self.ctx.t(error_message(error)));
        }
        self.notice = Some(self.ctx.t("join-errors"));
        self
    }

    pub fn error(&self, name: &str) -> Option<&String> {
        self.errors.get(name)
    }
}
