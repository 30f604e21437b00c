//! The directory on a map, `/fr/adherents/carte` and `/en/members/map`:
//! each country of the Council of Europe shaded by its number of
//! signatories and linked to its part of the directory, a dot linked to
//! each signatory whose position is known, and the same countries as a list
//! below, which stays the way to browse on a small screen. The filters
//! `kind` and `country` are the directory's.

use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    domain::Signatory,
    store::{CountryCount, DirectoryFilter},
    text::i18n::{Arg, Lang, Tr, format_count},
    web::{
        error::AppError,
        extract::PageLanguages,
        page_cache::PageQuery,
        paths::{self, Page},
        state::AppState,
        view::{
            PageContext,
            directory::{
                CountryLink, DirectoryQuery, breakdown, country_counts, country_link, directory_href, filter_choices,
                kind_label,
            },
            listing::Choice,
            map::{Geometry, class_of, classes, geometry},
            render_remembering,
        },
    },
};

/// The most dots drawn at once; beyond, the page asks to choose a country,
/// so that it stays light however many signatories there are.
const MOST_DOTS: i64 = 400;

/// A country's outline, linked when it has signatories.
struct Shape {
    path: &'static str,
    /// 0 for a member state without signatories, else the shade's class.
    class: usize,
    link: Option<(String, String)>,
}

/// A signatory's dot.
struct Dot {
    href: String,
    label: String,
    x: String,
    y: String,
}

/// A step of the legend's scale.
struct Shade {
    class: usize,
    label: String,
}

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage {
    ctx: PageContext,
    view_box: String,
    /// Every state outside the Council of Europe, as one path.
    neighbours: String,
    shapes: Vec<Shape>,
    dots: Vec<Dot>,
    shades: Vec<Shade>,
    countries: Vec<CountryLink>,
    country_choices: Vec<Choice>,
    kinds: Vec<Choice>,
    filtered: bool,
    reset_href: String,
    directory_href: String,
    /// What the map leaves out, said in words.
    notes: Vec<String>,
}

/// A coordinate as the SVG gets it.
fn coordinate(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// `/fr/adherents/carte`, `/en/members/map`.
pub async fn show(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    PageQuery(query): PageQuery<DirectoryQuery>,
) -> Result<Response, AppError> {
    let (mut filter, _) = query.parse()?;
    filter.query = None;
    let ctx = PageContext::for_page(&state, lang, Page::Map, &state.locales.format(lang, "map-title", None));
    let tr = ctx.tr.clone();
    let (every_country, counts) = country_counts(&state, &tr, &filter).await?;
    let (country_choices, kinds) = filter_choices(&tr, &every_country, &filter);
    let bounds = classes(counts.iter().map(CountryCount::total).max().unwrap_or(0));

    let geometry = geometry();
    let (neighbours, shapes) = shapes(&tr, geometry, &bounds, &counts, &filter);
    let (placed, unplaced) = state.store.placed_signatories(&filter, MOST_DOTS + 1).await?;
    let (dots, mut notes) = dots(&tr, geometry, &placed);
    if unplaced > 0 {
        notes.push(tr.count("map-unplaced", "count", unplaced));
    }
    let countries = counts
        .iter()
        .map(|count| {
            let mut link = country_link(&tr, count, filter.country == Some(count.country));
            link.href = directory_href(lang, &DirectoryFilter { country: Some(count.country), ..filter.clone() }, 1);
            link
        })
        .collect();
    let page = MapPage {
        view_box: format!("0 0 {} {}", geometry.width, geometry.height),
        neighbours,
        shapes,
        dots,
        shades: shades(lang, &bounds),
        countries,
        country_choices,
        kinds,
        filtered: filter.country.is_some() || filter.kind.is_some(),
        reset_href: Page::Map.path(lang),
        directory_href: directory_href(lang, &filter, 1),
        notes,
        ctx,
    };
    render_remembering(&page, lang, cookie)
}

/// Every member state's outline, shaded by its count and linked to its part
/// of the directory when it has signatories; and the states outside the
/// Council of Europe, as one path.
fn shapes(
    tr: &Tr,
    geometry: &Geometry,
    bounds: &[i64],
    counts: &[CountryCount],
    filter: &DirectoryFilter,
) -> (String, Vec<Shape>) {
    let lang = tr.lang();
    let mut neighbours = String::new();
    let mut shapes = Vec::new();
    for outline in &geometry.outlines {
        let Some(country) = outline.country else {
            neighbours.push_str(outline.path);
            continue;
        };
        let shape = match counts.iter().find(|count| count.country == country) {
            Some(count) => Shape {
                path: outline.path,
                class: class_of(bounds, count.total()),
                link: Some((
                    directory_href(lang, &DirectoryFilter { country: Some(country), ..filter.clone() }, 1),
                    tr.format(
                        "map-country-label",
                        &[
                            ("country", Arg::Text(tr.t(&country.message_id()).into())),
                            ("count", Arg::Text(breakdown(tr, count).into())),
                        ],
                    ),
                )),
            },
            None => Shape { path: outline.path, class: 0, link: None },
        };
        shapes.push(shape);
    }
    (neighbours, shapes)
}

/// A dot for each placed signatory inside the drawing, and what the dots
/// leave out, said in words: too many to draw, or some outside the frame.
fn dots(tr: &Tr, geometry: &Geometry, placed: &[Signatory]) -> (Vec<Dot>, Vec<String>) {
    let lang = tr.lang();
    let mut notes = Vec::new();
    let mut dots = Vec::new();
    if i64::try_from(placed.len()).unwrap_or(i64::MAX) > MOST_DOTS {
        notes.push(tr.t("map-too-many-dots"));
        return (dots, notes);
    }
    let mut outside = 0;
    for signatory in placed {
        let s = &signatory.details;
        match s.position.and_then(|position| geometry.projection.point(position)) {
            Some(point) if geometry.contains(point) => dots.push(Dot {
                href: paths::signatory_page(signatory).path(lang),
                label: tr.format(
                    if signatory.sample { "map-dot-label-sample" } else { "map-dot-label" },
                    &[
                        ("name", Arg::Text(s.display_name(lang).to_string().into())),
                        ("kind", Arg::Text(kind_label(tr, s.kind).to_lowercase().into())),
                    ],
                ),
                x: coordinate(point.0),
                y: coordinate(point.1),
            }),
            _ => outside += 1,
        }
    }
    if outside > 0 {
        notes.push(tr.count("map-outside", "count", outside));
    }
    (dots, notes)
}

/// The legend's scale: one step a shade, "1", "2–5", "6–20"…
fn shades(lang: Lang, bounds: &[i64]) -> Vec<Shade> {
    let mut low = 1;
    bounds
        .iter()
        .enumerate()
        .map(|(index, &high)| {
            let label = if low == high {
                format_count(lang, high)
            } else {
                format!("{}–{}", format_count(lang, low), format_count(lang, high))
            };
            low = high + 1;
            Shade { class: index + 1, label }
        })
        .collect()
}
