//! The news folder format's own tests.

use super::*;
use crate::domain::news::Translated;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile { name: name.to_owned(), text: text.to_owned() }
}

fn no_images(_: &FileName) -> Result<Vec<u8>, ImageReadError> {
    Err(ImageReadError::Missing)
}

const FR: &str = "+++\nslug = \"lyon\"\npublished_at = 2026-03-02T10:00:00+01:00\ntitle = \"Lyon signe\"\n\
                  summary = \"Lyon *rejoint* le Pacte.\"\n+++\n\nLe corps.\n\n## Suite\n";

fn errors_of(files: &[SourceFile]) -> String {
    parse(files, no_images).expect_err("rejected").to_string()
}

#[test]
fn one_item_in_one_language() {
    let items = parse(&[file("a.fr.md", FR)], no_images).expect("parses");
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.slug.as_str(), "lyon");
    assert_eq!(item.published.offset_seconds(), 3600);
    assert_eq!(item.languages(), vec![Lang::Fr]);
    let fr = item.fr.as_ref().expect("French");
    assert_eq!(fr.title.as_str(), "Lyon signe");
    assert_eq!(fr.body.as_str(), "Le corps.\n\n## Suite");
}

#[test]
fn errors_name_the_file_and_line() {
    let missing = FR.replace("title = \"Lyon signe\"\n", "");
    assert_eq!(errors_of(&[file("a.fr.md", &missing)]), "a.fr.md: front matter: missing field `title`");
    let bad_date = FR.replace("2026-03-02T10:00:00+01:00", "2026-02-30T10:00:00+01:00");
    assert!(errors_of(&[file("a.fr.md", &bad_date)]).starts_with("a.fr.md: line 3: "));
    let local = FR.replace("2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00");
    assert!(errors_of(&[file("a.fr.md", &local)]).starts_with("a.fr.md: line 3: published_at: expected"));
    let text = FR.replace("2026-03-02T10:00:00+01:00", "\"yesterday\"");
    assert!(errors_of(&[file("a.fr.md", &text)]).starts_with("a.fr.md: line 3: published_at"));
    let slug = FR.replace("\"lyon\"", "\"Lyon City\"");
    assert!(errors_of(&[file("a.fr.md", &slug)]).starts_with("a.fr.md: line 2: slug:"));
    let unknown = FR.replace("+++\n\n", "author = \"x\"\n+++\n\n");
    assert!(errors_of(&[file("a.fr.md", &unknown)]).starts_with("a.fr.md: line 6: front matter: unknown field"));
    assert_eq!(
        errors_of(&[file("a.de.md", FR)]),
        "a.de.md: unknown language suffix \"de\": name the file NAME.fr.md or NAME.en.md"
    );
    assert!(errors_of(&[file("a.md", FR)]).starts_with("a.md: no language suffix"));
    assert!(errors_of(&[file("a.fr.md", "slug = 1\n")]).starts_with("a.fr.md: line 1: the file must start"));
    assert!(errors_of(&[file("a.fr.md", "+++\nslug = \"a\"\n")]).contains("not closed"));
    let empty_body = FR.split("+++\n\n").next().map(|f| format!("{f}+++\n  \n")).unwrap_or_default();
    assert!(errors_of(&[file("a.fr.md", &empty_body)]).contains("the body after the front matter: it is empty"));
    let image_without_alt = FR.replace("+++\n\n", "image = \"x.png\"\n+++\n\n");
    assert!(errors_of(&[file("a.fr.md", &image_without_alt)]).contains("line 6: image_alt"));
}

#[test]
fn files_of_one_item_must_agree() {
    let dup = errors_of(&[file("a.fr.md", FR), file("b.fr.md", FR)]);
    assert_eq!(dup, "b.fr.md: line 2: slug \"lyon\" in this language is already in a.fr.md");
    let en = FR.replace("10:00:00+01:00", "11:00:00+01:00");
    assert!(errors_of(&[file("a.fr.md", FR), file("a.en.md", &en)]).contains("a.en.md: published_at differs"));
    // The same instant written in another offset is not the same text.
    let same = FR.replace("10:00:00+01:00", "09:00:00Z");
    assert!(parse(&[file("a.fr.md", FR), file("a.en.md", &same)], no_images).is_err());
}

#[test]
fn images_are_read_and_checked() {
    let with = FR.replace("+++\n\n", "image = \"x.png\"\nimage_alt = \"Une place\"\n+++\n\n");
    let items = parse(&[file("a.fr.md", &with)], |name| {
        assert_eq!(name.as_str(), "x.png");
        Ok(PNG.to_vec())
    })
    .expect("parses");
    let image = items[0].image.as_ref().expect("image");
    assert_eq!(image.image.bytes(), PNG);
    let text = parse(&[file("a.fr.md", &with)], |_| Ok(b"GIF89a".to_vec())).expect_err("not an image");
    assert_eq!(text.to_string(), "a.fr.md: line 6: image x.png: the file is not a JPEG, PNG or WebP image");
    let missing = parse(&[file("a.fr.md", &with)], no_images).expect_err("missing");
    assert!(missing.to_string().contains("image x.png: there is no such file"));
    let escape = FR.replace("+++\n\n", "image = \"../x.png\"\nimage_alt = \"x\"\n+++\n\n");
    assert!(errors_of(&[file("a.fr.md", &escape)]).contains("line 6: image:"));
}

#[test]
fn written_files_read_back_the_same() {
    let en = "+++\nslug = \"lyon\"\npublished_at = \"2026-03-02T10:00:00+01:00\"\ntitle = 'Lyon \"signs\"'\n\
              summary = \"\"\"\nTwo\nlines\"\"\"\nimage = \"x.png\"\nimage_alt = \"A square\"\n+++\nBody\n";
    let fr = FR.replace("+++\n\n", "image = \"x.png\"\nimage_alt = \"Une place\"\n+++\n\n");
    let items = parse(&[file("a.fr.md", &fr), file("a.en.md", en)], |_| Ok(PNG.to_vec())).expect("parses");
    let written: Vec<SourceFile> = Lang::ALL
        .iter()
        .filter_map(|lang| {
            write_file(&items[0], *lang, Some("x.png"))
                .expect("writes")
                .map(|text| file(&format!("lyon.{lang}.md"), &text))
        })
        .collect();
    assert!(written[0].text.contains("published_at = 2026-03-02T10:00:00+01:00\n"), "{}", written[0].text);
    let again = parse(&written, |_| Ok(PNG.to_vec())).expect("reads back");
    assert_eq!(again, items);
}
