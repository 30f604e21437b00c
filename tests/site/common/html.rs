//! Reading pages with a real HTML parser: the text and attributes of what
//! a CSS selector matches.

use scraper::{Html, Selector};

/// The text of every element a CSS selector matches, white space folded.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector)
        .map(|element| element.text().collect::<String>().split_ascii_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The text of the one element a selector must match.
pub fn text(html: &Html, selector: &str) -> String {
    let all = texts(html, selector);
    assert_eq!(all.len(), 1, "expected one {selector}, found {all:?}");
    all.into_iter().next().unwrap_or_default()
}

/// An attribute of every element a selector matches.
pub fn attrs(html: &Html, selector: &str, attribute: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).filter_map(|e| e.value().attr(attribute).map(str::to_owned)).collect()
}

/// An attribute of the one element a selector must match.
pub fn attr(html: &Html, selector: &str, attribute: &str) -> String {
    let all = attrs(html, selector, attribute);
    assert_eq!(all.len(), 1, "expected one {selector}[{attribute}], found {all:?}");
    all.into_iter().next().unwrap_or_default()
}
