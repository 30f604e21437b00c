//! The counter's history drawn as a chart: an inline SVG step line of the
//! cumulative count, drawn on the server (no script, nothing from
//! elsewhere), and the same figures as a table for screen readers and for
//! anyone who prefers numbers.

use crate::{
    domain::History,
    text::i18n::{Arg, Tr, format_count},
    web::{error::AppError, state::AppState},
};

/// The history up to the current year.
pub async fn load(state: &AppState) -> Result<History, AppError> {
    let counts = state.store.signatures_by_year().await?;
    Ok(History::from_counts(&counts, state.config.clock.now().year()))
}

/// How large a chart is drawn: the directory's, or the home page's smaller one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartSize {
    Full,
    Compact,
}

impl ChartSize {
    /// The drawing's width and height, in the SVG's own units.
    fn frame(self) -> (f64, f64) {
        match self {
            ChartSize::Full => (640.0, 260.0),
            ChartSize::Compact => (320.0, 130.0),
        }
    }

    /// Room left for the axis labels: left, right, top, bottom.
    fn margins(self) -> (f64, f64, f64, f64) {
        match self {
            ChartSize::Full => (56.0, 56.0, 20.0, 34.0),
            ChartSize::Compact => (12.0, 44.0, 14.0, 24.0),
        }
    }

    /// At most this many years are named under the axis.
    fn year_labels(self) -> usize {
        match self {
            ChartSize::Full => 9,
            ChartSize::Compact => 2,
        }
    }
}

/// A label on an axis, at its position.
pub struct Tick {
    pub x: String,
    pub y: String,
    pub label: String,
}

/// A row of the table that follows the chart.
pub struct Row {
    pub year: i32,
    pub added: String,
    pub total: String,
}

/// Everything the chart's template draws.
pub struct HistoryChart {
    /// Unique in the page: the prefix of the chart's ids.
    pub id: &'static str,
    pub compact: bool,
    pub view_box: String,
    pub title: String,
    pub desc: String,
    /// The step line, as an SVG path.
    pub line: String,
    /// The plot's baseline and its horizontal grid lines.
    pub baseline: Tick,
    pub grid: Vec<Tick>,
    pub plot_left: String,
    pub plot_right: String,
    pub years: Vec<Tick>,
    /// The latest point, labelled with today's count.
    pub latest: Tick,
    pub table_summary: String,
    pub rows: Vec<Row>,
}

/// A coordinate as the SVG gets it: at most one decimal.
fn coordinate(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// The top of the scale: the smallest 1, 2 or 5 × 10ⁿ at or above `max`.
fn scale_top(max: i64) -> i64 {
    let mut unit = 1_i64;
    loop {
        for step in [1, 2, 5] {
            let top = step * unit;
            if top >= max {
                return top;
            }
        }
        unit = unit.saturating_mul(10);
    }
}

/// Which of `count` years get a label: evenly spaced, the last always.
fn labelled_years(count: usize, at_most: usize) -> Vec<usize> {
    if count <= at_most {
        return (0..count).collect();
    }
    let every = count.div_ceil(at_most.saturating_sub(1).max(1));
    let mut picked: Vec<usize> = (0..count).step_by(every).collect();
    let last = count - 1;
    // Keep the last year clear of the one before it.
    if let Some(&previous) = picked.last()
        && previous != last
    {
        if last - previous < every / 2 + 1 {
            picked.pop();
        }
        picked.push(last);
    }
    picked
}

impl HistoryChart {
    /// The chart of a history; `None` while nobody has signed.
    pub fn new(tr: &Tr, history: &History, size: ChartSize, id: &'static str) -> Option<HistoryChart> {
        let first = history.years.first()?;
        let latest = history.latest()?;
        let lang = tr.lang();
        let (width, height) = size.frame();
        let (left, right, top, bottom) = size.margins();
        let (plot_width, plot_height) = (width - left - right, height - top - bottom);
        let scale = scale_top(latest.total.max(1));
        let x_at = |index: usize| {
            let span = history.years.len().saturating_sub(1).max(1) as f64;
            if history.years.len() == 1 { left + plot_width / 2.0 } else { left + plot_width * index as f64 / span }
        };
        let y_at = |total: i64| top + plot_height * (1.0 - total as f64 / scale as f64);

        let mut line = String::new();
        for (index, year) in history.years.iter().enumerate() {
            let (x, y) = (coordinate(x_at(index)), coordinate(y_at(year.total)));
            if index == 0 {
                line.push_str(&format!("M{x} {y}"));
            } else {
                line.push_str(&format!("H{x}V{y}"));
            }
        }
        let grid = [scale / 2, scale]
            .into_iter()
            .filter(|&value| value > 0 && size == ChartSize::Full)
            .map(|value| Tick {
                x: coordinate(left - 8.0),
                y: coordinate(y_at(value)),
                label: format_count(lang, value),
            })
            .collect();
        let years = labelled_years(history.years.len(), size.year_labels())
            .into_iter()
            .map(|index| Tick {
                x: coordinate(x_at(index)),
                y: coordinate(height - bottom + 18.0),
                label: history.years[index].year.to_string(),
            })
            .collect();
        let last_index = history.years.len() - 1;
        let total = format_count(lang, latest.total);
        let desc = tr.format(
            "history-desc",
            &[
                ("first", Arg::Text(first.year.to_string().into())),
                ("firstCount", Arg::Count(first.total)),
                ("last", Arg::Text(latest.year.to_string().into())),
                ("count", Arg::Count(latest.total)),
            ],
        );
        Some(HistoryChart {
            id,
            compact: size == ChartSize::Compact,
            view_box: format!("0 0 {} {}", coordinate(width), coordinate(height)),
            title: tr.t("history-title"),
            desc,
            line,
            baseline: Tick { x: coordinate(left - 8.0), y: coordinate(y_at(0)), label: format_count(lang, 0) },
            grid,
            plot_left: coordinate(left),
            plot_right: coordinate(width - right),
            years,
            latest: Tick { x: coordinate(x_at(last_index)), y: coordinate(y_at(latest.total)), label: total },
            table_summary: tr.t("history-table-summary"),
            rows: history
                .years
                .iter()
                .map(|year| Row {
                    year: year.year,
                    added: format_count(lang, year.added),
                    total: format_count(lang, year.total),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_ends_on_a_round_figure() {
        assert_eq!(scale_top(1), 1);
        assert_eq!(scale_top(3), 5);
        assert_eq!(scale_top(77), 100);
        assert_eq!(scale_top(100), 100);
        assert_eq!(scale_top(101), 200);
        assert_eq!(scale_top(100_000), 100_000);
    }

    #[test]
    fn every_year_is_named_when_there_are_few() {
        assert_eq!(labelled_years(5, 9), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn many_years_are_thinned_out_and_the_last_is_kept() {
        let picked = labelled_years(30, 9);
        assert!(picked.len() <= 9, "{picked:?}");
        assert_eq!(picked.first(), Some(&0));
        assert_eq!(picked.last(), Some(&29));
        assert_eq!(labelled_years(11, 2), [0, 10]);
    }

    #[test]
    fn coordinates_are_short() {
        assert_eq!(coordinate(12.0), "12");
        assert_eq!(coordinate(12.345), "12.3");
    }
}
