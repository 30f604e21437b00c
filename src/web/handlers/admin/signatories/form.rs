//! A signatory's form, through the edit flow: every field parsed by the
//! same types as the CSV import; a name already used in the country is
//! refused beside the name.

use askama::Template;
use axum::response::Response;
use serde::Deserialize;
use time::OffsetDateTime;

use super::{ListQuery, country_choices, error_message, field_label, kind_choices, kind_label, list_page};
use crate::{
    domain::{Field, NewSignatory, SignatoryFields},
    store::{Saved, VersionedSignatory},
    text::i18n::Tr,
    web::{
        edit::{Confirmation, FieldErrors, FormView, Record},
        error::AppError,
        paths::{
            self,
            admin::{self, Area},
        },
        settings::BODY_LIMIT,
        staff::{Staff, StaffForm},
        state::AppState,
        view::{
            admin::AdminContext,
            form::{FormField, StoredValue},
            listing::Choice,
            render_with_status,
        },
    },
};

/// Signatories, as the edit flow keeps them.
pub struct Signatories;

/// The values typed in the form, as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct SignatoryForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    joined_on: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    latitude: String,
    #[serde(default)]
    longitude: String,
    version: Option<String>,
}

impl SignatoryForm {
    fn of(s: &NewSignatory) -> SignatoryForm {
        SignatoryForm {
            name: s.field_text(Field::Name),
            kind: s.field_text(Field::Kind),
            country: s.field_text(Field::Country),
            joined_on: s.field_text(Field::JoinedOn),
            name_fr: s.field_text(Field::NameFr),
            name_en: s.field_text(Field::NameEn),
            website: s.field_text(Field::Website),
            latitude: s.field_text(Field::Latitude),
            longitude: s.field_text(Field::Longitude),
            version: None,
        }
    }

    fn fields(&self) -> SignatoryFields<'_> {
        SignatoryFields {
            name: &self.name,
            kind: &self.kind,
            country: &self.country,
            joined_on: &self.joined_on,
            name_fr: &self.name_fr,
            name_en: &self.name_en,
            website: &self.website,
            latitude: &self.latitude,
            longitude: &self.longitude,
        }
    }

    fn value(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Kind => &self.kind,
            Field::Country => &self.country,
            Field::JoinedOn => &self.joined_on,
            Field::NameFr => &self.name_fr,
            Field::NameEn => &self.name_en,
            Field::Website => &self.website,
            Field::Latitude => &self.latitude,
            Field::Longitude => &self.longitude,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/signatory.html")]
struct FormPage {
    ctx: AdminContext,
    title: String,
    action: String,
    /// The version the form was read at; none for a new signatory.
    version: Option<i64>,
    inputs: Vec<FormField>,
    has_errors: bool,
    /// Someone else's change, when a save was refused for it.
    conflict: Option<Vec<StoredValue>>,
    sample: bool,
    public_href: Option<String>,
    delete_href: Option<String>,
    back_href: &'static str,
    /// What was just saved, said at the top, the public page beside it.
    pub(super) done: Option<String>,
}

impl Record for Signatories {
    type Stored = VersionedSignatory;
    type Form = SignatoryForm;
    type Body = StaffForm<SignatoryForm>;
    type Checked = NewSignatory;
    type ListQuery = ListQuery;

    const AREA: Area = Area::Signatories;
    const LIST: &'static str = admin::SIGNATORIES;
    const NEW: &'static str = admin::SIGNATORIES_NEW;
    const ITEM_ROUTE: &'static str = admin::SIGNATORY_ROUTE;
    const DELETE_ROUTE: &'static str = admin::SIGNATORY_DELETE_ROUTE;
    const FORM_LIMIT: usize = BODY_LIMIT;

    fn href(id: i64) -> String {
        admin::signatory(id)
    }

    fn delete_href(id: i64) -> String {
        admin::signatory_delete(id)
    }

    fn id(stored: &VersionedSignatory) -> i64 {
        stored.signatory.id
    }

    fn version(stored: &VersionedSignatory) -> i64 {
        stored.version
    }

    async fn load(state: &AppState, id: i64) -> Result<Option<VersionedSignatory>, AppError> {
        Ok(state.store.versioned_signatory(id).await?)
    }

    async fn list(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
        list_page(state, staff, query).await
    }

    fn blank() -> SignatoryForm {
        SignatoryForm::default()
    }

    fn form_of(_state: &AppState, stored: &VersionedSignatory) -> SignatoryForm {
        SignatoryForm::of(&stored.signatory.details)
    }

    fn restored(staff: &Staff, action: &str) -> Option<SignatoryForm> {
        staff.restored(action)
    }

    fn posted(StaffForm { staff, form }: StaffForm<SignatoryForm>) -> (Staff, SignatoryForm) {
        (staff, form)
    }

    fn typed_version(form: &SignatoryForm) -> Option<&str> {
        form.version.as_deref()
    }

    async fn check(
        state: &AppState,
        tr: &Tr,
        form: &SignatoryForm,
        _current: Option<&VersionedSignatory>,
    ) -> Result<Result<NewSignatory, FieldErrors>, AppError> {
        let today = state.config.today();
        Ok(form
            .fields()
            .parse(today)
            .map_err(|errors| errors.iter().map(|(field, e)| (field.column(), tr.t(error_message(e)))).collect()))
    }

    async fn insert(
        state: &AppState,
        staff: &Staff,
        checked: &NewSignatory,
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedSignatory>, AppError> {
        Ok(state.store.add_signatory(checked, &staff.actor(), now).await?)
    }

    async fn update(
        state: &AppState,
        staff: &Staff,
        current: &VersionedSignatory,
        version: i64,
        checked: &NewSignatory,
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedSignatory>, AppError> {
        Ok(state.store.update_signatory(current.signatory.id, version, checked, &staff.actor(), now).await?)
    }

    async fn remove(state: &AppState, staff: &Staff, id: i64, now: OffsetDateTime) -> Result<bool, AppError> {
        Ok(state.store.delete_signatory(id, &staff.actor(), now).await?)
    }

    fn duplicate(tr: &Tr) -> FieldErrors {
        [(Field::Name.column(), tr.t("admin-signatories-error-duplicate"))].into_iter().collect()
    }

    async fn page(state: &AppState, staff: &Staff, view: FormView<'_, Self>) -> Result<Response, AppError> {
        let page = FormPage::new(state, staff, view.form, &view.errors);
        let mut page = match view.stored {
            Some(stored) => page.for_signatory(stored),
            None => page.for_new(),
        };
        page.version = view.version;
        page.conflict = view.conflict;
        page.done = match view.done.as_deref() {
            Some("added") => Some(page.ctx.t("admin-signatories-added")),
            Some("saved") => Some(page.ctx.t("admin-signatories-saved")),
            _ => None,
        };
        render_with_status(&page, staff.lang, view.status)
    }

    fn theirs(tr: &Tr, theirs: &VersionedSignatory, form: &SignatoryForm) -> Vec<StoredValue> {
        let theirs = &theirs.signatory.details;
        Field::ALL
            .into_iter()
            .filter(|field| theirs.field_text(*field).trim() != form.value(*field).trim())
            .map(|field| StoredValue {
                label: tr.t(field_label(field)),
                value: match theirs.field_text(field) {
                    text if text.is_empty() => tr.t("admin-signatories-empty-value"),
                    _ if field == Field::Kind => kind_label(tr, theirs.kind),
                    text if field == Field::Country => format!("{} ({text})", tr.t(&theirs.country.message_id())),
                    text => text,
                },
            })
            .collect()
    }

    fn deletion(ctx: &AdminContext, _staff: &Staff, stored: &VersionedSignatory, _now: OffsetDateTime) -> Confirmation {
        let tr = &ctx.tr;
        let d = &stored.signatory.details;
        let fact = |field: Field, value: String| StoredValue { label: tr.t(field_label(field)), value };
        Confirmation {
            id: "signatory-delete".into(),
            heading: "admin-signatories-delete-title",
            explanation: "admin-signatories-delete-explanation",
            confirm: "admin-signatories-delete-confirm",
            back: "admin-cancel",
            facts: vec![
                fact(Field::Name, d.name.to_string()),
                fact(Field::Kind, kind_label(tr, d.kind)),
                fact(Field::Country, tr.t(&d.country.message_id())),
                fact(Field::JoinedOn, tr.date(d.joined_on)),
            ],
        }
    }
}

impl FormPage {
    fn new(state: &AppState, staff: &Staff, form: &SignatoryForm, errors: &FieldErrors) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Signatories));
        let tr = ctx.tr.clone();
        let error = |field: Field| errors.of(field.column());
        let input = |field: Field, id: &'static str, kind: &'static str, required: bool| FormField {
            kind,
            required,
            maxlength: (kind != "date").then_some(500),
            error: error(field),
            ..FormField::new(id, field.column(), tr.t(field_label(field)), form.value(field))
        };
        let mut name_fr = input(Field::NameFr, "signatory-name-fr", "text", false);
        name_fr.hint = Some(tr.t("admin-signatories-hint-translated"));
        let mut name_en = input(Field::NameEn, "signatory-name-en", "text", false);
        name_en.hint = Some(tr.t("admin-signatories-hint-translated"));
        let select = |field: Field, id: &'static str, choices: Vec<Choice>| FormField {
            blank: Some(tr.t("admin-signatories-choose")),
            choices,
            ..input(field, id, "select", true)
        };
        let kind = select(Field::Kind, "signatory-kind", kind_choices(&tr, Some(&form.kind)));
        let country = select(Field::Country, "signatory-country", country_choices(&tr, Some(&form.country)));
        let mut joined = input(Field::JoinedOn, "signatory-joined-on", "date", true);
        joined.hint = Some(tr.t("admin-signatories-hint-date"));
        joined.max = Some(crate::domain::date::format(state.config.today()));
        let mut website = input(Field::Website, "signatory-website", "url", false);
        website.hint = Some(tr.t("admin-signatories-hint-website"));
        let mut latitude = input(Field::Latitude, "signatory-latitude", "text", false);
        latitude.hint = Some(tr.t("admin-signatories-hint-position"));
        let longitude = input(Field::Longitude, "signatory-longitude", "text", false);
        let inputs = vec![
            input(Field::Name, "signatory-name", "text", true),
            name_fr,
            name_en,
            kind,
            country,
            joined,
            website,
            latitude,
            longitude,
        ];
        FormPage {
            title: String::new(),
            action: admin::SIGNATORIES_NEW.to_owned(),
            version: None,
            has_errors: !errors.is_empty(),
            inputs,
            conflict: None,
            sample: false,
            public_href: None,
            delete_href: None,
            back_href: admin::SIGNATORIES,
            done: None,
            ctx,
        }
    }

    /// The page of a stored signatory's form.
    fn for_signatory(mut self, stored: &VersionedSignatory) -> FormPage {
        let s = &stored.signatory;
        self.title = s.details.display_name(self.ctx.lang).to_string();
        self.action = admin::signatory(s.id);
        self.version = Some(stored.version);
        self.sample = s.sample;
        self.public_href = Some(paths::signatory_page(s).path(self.ctx.lang));
        self.delete_href = Some(admin::signatory_delete(s.id));
        self
    }

    fn for_new(mut self) -> FormPage {
        self.title = self.ctx.t("admin-signatories-new");
        self
    }
}
