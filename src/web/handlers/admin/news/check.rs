//! A news item's form checked: its texts in each language written, its
//! image by its first bytes, and the moment to publish at.

use time::{OffsetDateTime, PrimitiveDateTime, Time};

use super::{
    form::{FORM, IMAGE, Intent, NewsForm, PUBLICATION},
    text_error,
};
use crate::{
    domain::{
        TimeZone,
        news::{Checking, FileName, Image, ImageError, NewsImage, TextField, TextKind, Translation},
    },
    store::{ImageChange, NewsTexts},
    text::{
        checks,
        i18n::{Lang, Tr},
    },
    web::edit::FieldErrors,
};

/// The image the form brings: none, or one checked by its first bytes.
fn check_upload(tr: &Tr, upload: Option<&[u8]>) -> Result<Option<NewsImage>, String> {
    let Some(upload) = upload else { return Ok(None) };
    let image = Image::parse(upload.to_vec()).map_err(|e| match e {
        ImageError::TooLarge(_) => tr.t("admin-news-error-image-too-large"),
        ImageError::NotAnImage => tr.t("admin-news-error-image-type"),
    })?;
    // Named by its content: two items' images never share a name in an export.
    let name = format!("{}.{}", &image.hash()[..16], image.kind().extension());
    let file_name = FileName::parse(&name).map_err(|_| tr.t("admin-news-error-image-type"))?;
    Ok(Some(NewsImage { file_name, image }))
}

/// The form's texts checked, given whether the item will have an image.
fn check_texts(tr: &Tr, form: &NewsForm, has_image: bool, errors: &mut FieldErrors) -> NewsTexts {
    let mut texts = NewsTexts { fr: None, en: None };
    for lang in Lang::ALL {
        let typed = form.lang(lang);
        if !typed.written() {
            continue;
        }
        let name = |field: TextField| format!("{}_{}", field.form_name(), lang.code());
        let translation = Translation::from_texts(Checking::Typed { has_image }, |field| Some(typed.text(field)));
        if let Err(failed) = &translation {
            for (field, error) in failed {
                errors.add(name(*field), tr.t(&text_error(*field, error)));
            }
        }
        // What a tool can check of the Markdown texts' accessibility.
        let mut accessible = true;
        for field in TextField::ALL {
            if let TextKind::Markdown { .. } = field.rules().kind
                && let Some(message) = checks::explain(tr, typed.text(field))
            {
                errors.add(name(field), message);
                accessible = false;
            }
        }
        if let (Ok(translation), true) = (translation, accessible) {
            match lang {
                Lang::Fr => texts.fr = Some(translation),
                Lang::En => texts.en = Some(translation),
            }
        }
    }
    if !form.fr.written() && !form.en.written() {
        errors.add(FORM, tr.t("admin-news-error-no-language"));
    }
    texts
}

/// The moment chosen to publish at, typed in the secretariat's time zone: `None` for now; `Err` when
/// "at this date and time" was chosen without a real one.
fn publish_at(form: &NewsForm, zone: &TimeZone) -> Result<Option<OffsetDateTime>, ()> {
    if !form.later {
        return Ok(None);
    }
    let date = crate::domain::date::parse(form.date.trim()).map_err(|_| ())?;
    let (hour, minute) = form.time.trim().split_once(':').ok_or(())?;
    let (hour, minute): (u8, u8) = (hour.parse().map_err(|_| ())?, minute.parse().map_err(|_| ())?);
    let time = Time::from_hms(hour, minute, 0).map_err(|_| ())?;
    // Written with the zone's offset, as the feeds then give it.
    Ok(Some(zone.local(zone.instant(PrimitiveDateTime::new(date, time)))))
}

/// What a press asks for, checked: the texts, what becomes of the image,
/// and the moment to publish at when it publishes.
pub struct Checked {
    pub(super) texts: NewsTexts,
    pub(super) change: ImageChange,
    pub(super) at: Option<OffsetDateTime>,
    pub(super) intent: Intent,
}

/// The form checked, given whether the item will have an image; or each
/// field's message.
pub(super) fn check(tr: &Tr, zone: &TimeZone, form: &NewsForm, has_image: bool) -> Result<Checked, FieldErrors> {
    let mut errors = FieldErrors::default();
    let image = check_upload(tr, form.upload.as_deref()).unwrap_or_else(|message| {
        errors.add(IMAGE, message);
        None
    });
    let texts = check_texts(tr, form, has_image, &mut errors);
    let at = if form.intent == Intent::Publish {
        publish_at(form, zone).unwrap_or_else(|()| {
            errors.add(PUBLICATION, tr.t("admin-news-error-publish-at"));
            None
        })
    } else {
        None
    };
    let change = match image {
        Some(image) => ImageChange::Replace(image),
        None if form.remove_image => ImageChange::Remove,
        None => ImageChange::Keep,
    };
    if errors.is_empty() { Ok(Checked { texts, change, at, intent: form.intent }) } else { Err(errors) }
}
