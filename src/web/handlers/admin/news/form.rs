//! A news item's form: the values typed, by language and field, and the
//! press (save, preview, publish, back to draft) that sent them.

use axum::body::Bytes;
use time::OffsetDateTime;

use crate::{
    domain::{
        TimeZone,
        news::{Needed, TextField, Translation},
    },
    store::StaffNews,
    text::i18n::Lang,
    web::staff::{Staff, StaffMultipart},
};

/// What belongs to no single field, among the form's errors: the whole
/// form (no language written), the image, the publication.
pub const FORM: &str = "form";
pub const IMAGE: &str = "image";
pub const PUBLICATION: &str = "publication";

/// One language's fields, as typed.
#[derive(Clone, Debug)]
pub(super) struct LangFields {
    /// By field, in the order of [`TextField::ALL`].
    texts: Vec<String>,
}

impl Default for LangFields {
    fn default() -> LangFields {
        LangFields { texts: vec![String::new(); TextField::ALL.len()] }
    }
}

impl LangFields {
    pub(super) fn of(t: Option<&Translation>) -> LangFields {
        let text = |field: TextField| t.and_then(|t| t.text(field)).unwrap_or_default().to_owned();
        LangFields { texts: TextField::ALL.map(text).to_vec() }
    }

    /// A field as typed.
    pub(super) fn text(&self, field: TextField) -> &str {
        self.texts.get(field.index()).map_or("", String::as_str)
    }

    fn set(&mut self, field: TextField, text: String) {
        if let Some(slot) = self.texts.get_mut(field.index()) {
            *slot = text;
        }
    }

    /// Whether anything of the item's text (not the image's) was typed in
    /// this language.
    pub(super) fn written(&self) -> bool {
        TextField::ALL
            .into_iter()
            .filter(|field| field.rules().needed != Needed::WithImage)
            .any(|field| !self.text(field).trim().is_empty())
    }
}

/// What a press of one of the form's buttons asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Intent {
    /// Save the texts; the item stays as it stands for visitors.
    #[default]
    Save,
    /// Show the texts as they will look; save nothing.
    Preview,
    /// Save, then publish (now, or at the moment chosen).
    Publish,
    /// Save, then take the item back to draft.
    Unpublish,
}

/// The form's values, as posted.
#[derive(Clone, Default)]
pub struct NewsForm {
    pub(super) fr: LangFields,
    pub(super) en: LangFields,
    pub(super) version: Option<String>,
    pub(super) remove_image: bool,
    pub(super) intent: Intent,
    /// "Publish at this date and time" rather than "Publish now".
    pub(super) later: bool,
    pub(super) date: String,
    pub(super) time: String,
    /// The image chosen, as it came.
    pub(super) upload: Option<Bytes>,
}

impl NewsForm {
    /// The form of a stored item: a scheduled one at its moment.
    pub(super) fn of(item: &StaffNews, now: OffsetDateTime, zone: &TimeZone) -> NewsForm {
        let at = zone.local(item.published.utc());
        let scheduled = !item.draft && at > now;
        NewsForm {
            fr: LangFields::of(item.fr.as_ref()),
            en: LangFields::of(item.en.as_ref()),
            version: Some(item.version.to_string()),
            later: scheduled,
            date: if scheduled { crate::domain::date::format(at.date()) } else { String::new() },
            time: if scheduled { format!("{:02}:{:02}", at.hour(), at.minute()) } else { String::new() },
            ..NewsForm::default()
        }
    }

    pub(super) fn lang(&self, lang: Lang) -> &LangFields {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// The form from its text fields as sent (or as a draft kept them),
    /// and the image chosen.
    fn from_fields(fields: &[(String, String)], upload: Option<Bytes>) -> NewsForm {
        let mut form = NewsForm { upload, ..NewsForm::default() };
        for (name, text) in fields {
            let text = text.clone();
            let (prefix, lang) = match name.rsplit_once('_') {
                Some((prefix, "fr")) => (prefix, Some(Lang::Fr)),
                Some((prefix, "en")) => (prefix, Some(Lang::En)),
                _ => (name.as_str(), None),
            };
            if let Some(lang) = lang {
                let fields = match lang {
                    Lang::Fr => &mut form.fr,
                    Lang::En => &mut form.en,
                };
                if let Some(field) = TextField::ALL.into_iter().find(|field| field.form_name() == prefix) {
                    fields.set(field, text);
                }
                continue;
            }
            match prefix {
                "version" => form.version = Some(text),
                "remove_image" => form.remove_image = true,
                "when" => form.later = text == "later",
                "date" => form.date = text,
                "time" => form.time = text,
                "intent" => {
                    form.intent = match text.as_str() {
                        "preview" => Intent::Preview,
                        "publish" => Intent::Publish,
                        "unpublish" => Intent::Unpublish,
                        _ => Intent::Save,
                    }
                }
                _ => {}
            }
        }
        form
    }

    /// The form as the staff gate let it through.
    pub(super) fn posted(posted: &StaffMultipart) -> NewsForm {
        NewsForm::from_fields(&posted.fields, posted.file("image").map(|file| file.bytes.clone()))
    }

    /// The form as this browser typed it before its session ended, if the
    /// page is showing the form it was sent from.
    pub(super) fn restored(staff: &Staff, action: &str) -> Option<NewsForm> {
        let draft = staff.draft.as_ref().filter(|draft| draft.action == action)?;
        let mut form = NewsForm::from_fields(&draft.fields, None);
        form.intent = Intent::Save;
        Some(form)
    }
}
