//! The columns of a step's table and how they fit the terminal: the product
//! name keeps its room and the other columns give way as the width falls.

use super::VisitScreen;
use crate::ui::Tone;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Row, Table, TableState};

/// A column of a step's table: `width` 0 is the product name (it takes the
/// rest); `rank` None is always shown, otherwise lower ranks are kept first.
pub(super) struct Col {
    header: String,
    width: u16,
    rank: Option<u8>,
}

impl Col {
    pub(super) fn new(header: String, width: u16, rank: Option<u8>) -> Self {
        Self {
            header,
            width,
            rank,
        }
    }
}

/// Which columns to draw in `width` cells: the product name keeps at least
/// `name_min` and the optional columns come in by rank until one would push
/// the name below that; so on a narrow terminal the EAN, list price, reason
/// and the like go first and the name is never the column that disappears.
fn fit(cols: &[Col], width: u16, name_min: u16) -> Vec<bool> {
    // the selection marker takes one cell, each column one cell of spacing
    let cost = |c: &Col| c.width + 1;
    let mut left = i32::from(width) - 1;
    let mut keep: Vec<bool> = cols.iter().map(|c| c.rank.is_none()).collect();
    for c in cols.iter().filter(|c| c.rank.is_none() && c.width > 0) {
        left -= i32::from(cost(c));
    }
    let mut ranked: Vec<(u8, usize)> = cols
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.rank.map(|r| (r, i)))
        .collect();
    ranked.sort();
    for (_, i) in ranked {
        let after = left - i32::from(cost(&cols[i]));
        if after < i32::from(name_min) {
            break;
        }
        left = after;
        keep[i] = true;
    }
    keep
}

/// Draws the kept columns of `cols` (and of every row's cells).
#[allow(clippy::too_many_arguments)]
pub(super) fn fitted_table<'a>(
    rows: Vec<Vec<Cell<'a>>>,
    cols: Vec<Col>,
    name_min: u16,
    selected: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
    screen: &VisitScreen,
) {
    let keep = fit(&cols, area.width, name_min);
    let pick = |cells: Vec<Cell<'a>>| -> Vec<Cell<'a>> {
        cells
            .into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c)
            .collect()
    };
    let rows: Vec<Row> = rows.into_iter().map(|r| Row::new(pick(r))).collect();
    let (header, widths): (Vec<String>, Vec<Constraint>) = cols
        .into_iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| {
            let w = if c.width == 0 {
                Constraint::Fill(1)
            } else {
                Constraint::Length(c.width)
            };
            (c.header, w)
        })
        .unzip();
    table(rows, header, widths, selected, area, buf, screen);
}

fn table<'a>(
    rows: Vec<Row<'a>>,
    header: Vec<String>,
    widths: Vec<Constraint>,
    selected: Option<usize>,
    area: Rect,
    buf: &mut Buffer,
    screen: &VisitScreen,
) {
    let th = screen.theme;
    let t = Table::new(rows, widths)
        .header(Row::new(header).style(th.style(Tone::Muted)))
        .row_highlight_style(th.style(Tone::Selected))
        // a marker too, so the selection shows without colours
        .highlight_symbol("▸")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(selected);
    StatefulWidget::render(t, area, buf, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Col> {
        vec![
            Col::new(String::new(), 1, None),
            Col::new("name".into(), 0, None),
            Col::new("ean".into(), 13, Some(5)),
            Col::new("shelf".into(), 5, None),
            Col::new("facings".into(), 4, Some(2)),
            Col::new("seen".into(), 8, Some(1)),
            Col::new("list".into(), 8, Some(4)),
            Col::new("reason".into(), 14, Some(3)),
        ]
    }

    #[test]
    fn narrow_terminals_drop_the_extra_columns_not_the_name() {
        // (width, kept columns)
        let cases: [(u16, [bool; 8]); 4] = [
            (20, [true, true, false, true, false, false, false, false]),
            (58, [true, true, false, true, true, true, false, false]),
            (78, [true, true, false, true, true, true, true, true]),
            (120, [true; 8]),
        ];
        for (width, want) in cases {
            assert_eq!(fit(&cols(), width, 28), want, "width {width}");
        }
    }
}
