//! The news items' own tests.

use super::*;

#[test]
fn markdown() {
    assert_eq!(Markdown::parse("\n\n# A\r\n\r\nb\n", 100).map(|m| m.0), Ok("# A\n\nb".into()));
    assert_eq!(Markdown::parse("  \n", 100), Err(TextError::Empty));
    assert_eq!(Markdown::parse("a\u{0}", 100), Err(TextError::ControlCharacter));
    assert_eq!(Markdown::parse("abc", 2), Err(TextError::TooLong(2)));
    assert_eq!(Markdown::parse("a\rb", 100).map(|m| m.0), Ok("a\nb".into()));
    assert_eq!(Markdown::parse("```\ra\r\nb\r```", 100).map(|m| m.0), Ok("```\na\nb\n```".into()));
    assert_eq!(Markdown::parse("\r", 100), Err(TextError::Empty));
}

#[test]
fn images_are_told_by_their_bytes() {
    assert_eq!(ImageType::sniff(b"\xFF\xD8\xFF\xE0rest"), Some(ImageType::Jpeg));
    assert_eq!(ImageType::sniff(b"\x89PNG\r\n\x1a\nrest"), Some(ImageType::Png));
    assert_eq!(ImageType::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(ImageType::Webp));
    assert_eq!(ImageType::sniff(b"RIFF\0\0\0\0WAVE"), None);
    assert_eq!(ImageType::sniff(b"<svg xmlns="), None);
    assert_eq!(ImageType::sniff(b"GIF89a"), None);
    assert_eq!(ImageType::sniff(b""), None);
    assert_eq!(Image::parse(b"not an image".to_vec()), Err(ImageError::NotAnImage));
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(IMAGE_MAX_BYTES + 1, 0);
    assert_eq!(Image::parse(big), Err(ImageError::TooLarge(IMAGE_MAX_BYTES + 1)));
    let mut fits = b"\x89PNG\r\n\x1a\n".to_vec();
    fits.resize(IMAGE_MAX_BYTES, 0);
    let image = Image::parse(fits).expect("2 MiB exactly fits");
    assert_eq!(image.hash().len(), 64);
    assert_eq!(image.kind(), ImageType::Png);
}

#[test]
fn file_names() {
    assert!(FileName::parse("lyon-2026_03.jpg").is_ok());
    for bad in ["", ".hidden", "../x.jpg", "a/b.jpg", "a b.jpg", "é.jpg", "C:\\x.jpg"] {
        assert!(FileName::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn published_keeps_its_offset() {
    let at = time::macros::datetime!(2026-03-01 10:00:00.5 +01:00);
    let published = Published::new(at);
    assert_eq!(published.utc(), time::macros::datetime!(2026-03-01 09:00:00 UTC));
    assert_eq!(published.offset_seconds(), 3600);
    assert_eq!(Published::from_parts(published.utc(), 3600), Some(published));
    assert_eq!(Published::from_parts(published.utc(), 100_000), None);
}

/// A text every field accepts.
fn sample(field: TextField) -> String {
    format!("The {}", field.name())
}

#[test]
fn every_field_reads_back_what_it_was_given() {
    let samples: Vec<String> = TextField::ALL.iter().map(|field| sample(*field)).collect();
    let text = |field: TextField| samples.get(field.index()).map(String::as_str);
    let translation = Translation::from_texts(Checking::Typed { has_image: true }, text).expect("every field given");
    for field in TextField::ALL {
        assert_eq!(translation.text(field), Some(sample(field).as_str()), "{field:?}");
        assert_eq!(TextField::from_name(field.name()), Some(field));
        assert_eq!(TextField::ALL[field.index()], field);
    }
    let stored = Translation::from_texts(Checking::Stored, |field| translation.text(field)).expect("as stored");
    assert_eq!(stored, translation);
    let without = Translation::from_texts(Checking::Typed { has_image: false }, text).expect("no image");
    for field in TextField::ALL {
        let kept = field.rules().needed != Needed::WithImage;
        assert_eq!(without.text(field), kept.then(|| sample(field)).as_deref(), "{field:?}");
    }
}

#[test]
fn each_field_is_checked_by_its_rules() {
    for field in TextField::ALL {
        let rules = field.rules();
        let too_long = "a".repeat(rules.longest.limit() + 1);
        assert_eq!(
            field.check(&too_long, Checking::Typed { has_image: true }),
            Err(TextError::TooLong(rules.longest.limit()))
        );
        let missing =
            Translation::from_texts(Checking::Typed { has_image: true }, |other| (other != field).then_some("A text"));
        let expected = match rules.needed {
            Needed::Optional => None,
            Needed::Always | Needed::WithImage => Some(vec![(field, TextError::Empty)]),
        };
        assert_eq!(missing.err(), expected, "{field:?}");
    }
    assert_eq!(TextField::from_name("alt"), None);
    assert_eq!(TextField::ImageAlt.form_name(), "alt");
}
