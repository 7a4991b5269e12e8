//! All stores with fuzzy search: `/` to type, Enter opens the store card.

use super::moved;
use crate::keymap::{Action, KeyContext};
use crate::screens::Effect;
use crate::search::SearchIndex;
use crate::t;
use crate::ui::TextInput;
use crate::ui::{Theme, Tone};
use crossterm::event::KeyEvent;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

#[derive(Debug, Clone, PartialEq)]
pub struct StoreRow {
    pub code: String,
    pub name: String,
    pub city: String,
    pub rep: String,
}

pub struct StoreListScreen {
    rows: Vec<StoreRow>,
    index: SearchIndex,
    pub query: TextInput,
    pub typing: bool,
    /// Indexes into `rows` of the stores that match the query, best first.
    hits: Vec<usize>,
    pub selected: usize,
    pub theme: Theme,
}

impl StoreListScreen {
    pub fn new(rows: Vec<StoreRow>, typing: bool, theme: Theme) -> Self {
        // search the name, the city and the code together: reps remember any of them
        let keys: Vec<String> = rows
            .iter()
            .map(|r| format!("{} {} {}", r.name, r.city, r.code))
            .collect();
        let index = SearchIndex::new(keys.iter().map(String::as_str));
        let hits = (0..rows.len()).collect();
        Self {
            rows,
            index,
            query: TextInput::new(),
            typing,
            hits,
            selected: 0,
            theme,
        }
    }

    pub fn context(&self) -> KeyContext {
        if self.typing {
            KeyContext::StoreListTyping
        } else {
            KeyContext::StoreList
        }
    }

    pub fn visible(&self) -> impl Iterator<Item = &StoreRow> {
        self.hits.iter().map(|i| &self.rows[*i])
    }

    fn refilter(&mut self) {
        self.hits = self
            .index
            .search(&self.query)
            .into_iter()
            .map(|h| h.index)
            .collect();
        self.selected = 0;
    }

    /// Text input while typing a query; returns true when the key was taken.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        if !self.typing {
            return false;
        }
        match self.query.handle(key) {
            crate::ui::Edit::Changed => self.refilter(),
            crate::ui::Edit::Moved => {}
            crate::ui::Edit::Ignored => return false,
        }
        true
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        if let Some(selected) = moved(action, self.selected, self.hits.len()) {
            self.selected = selected;
            return Some(Effect::None);
        }
        match action {
            Action::Search => self.typing = true,
            Action::Open => {
                if let Some(i) = self.hits.get(self.selected) {
                    self.typing = false;
                    return Some(Effect::OpenStore(self.rows[*i].code.clone()));
                }
            }
            Action::Back if self.typing => {
                // first Esc leaves the query field, the second leaves the screen
                self.typing = false;
                if self.query.is_empty() {
                    return Some(Effect::Back);
                }
            }
            Action::Back => {
                if self.query.is_empty() {
                    return Some(Effect::Back);
                }
                self.query.clear();
                self.refilter();
            }
            _ => return None,
        }
        Some(Effect::None)
    }
}

impl Widget for &StoreListScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let block = crate::ui::framed(t!("stores-title", count = self.hits.len()), th);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let [query_area, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let prompt = if self.query.is_empty() && !self.typing {
            Line::styled(t!("stores-search-hint"), th.style(Tone::Muted))
        } else {
            Line::from(vec![
                Span::styled("/ ", th.style(Tone::Key)),
                Span::raw(self.query.shown(self.typing)),
            ])
        };
        Paragraph::new(prompt).render(query_area, buf);

        if self.hits.is_empty() {
            Line::styled(t!("stores-none"), th.style(Tone::Muted)).render(table_area, buf);
            return;
        }
        let header = Row::new([
            Cell::from(t!("col-store")),
            Cell::from(t!("col-city")),
            Cell::from(t!("col-code")),
            Cell::from(t!("col-rep")),
        ])
        .style(th.style(Tone::Muted));
        // build only the rows on screen: a frame stays fast with thousands of stores
        let height = table_area.height.saturating_sub(1) as usize;
        let offset = crate::ui::scroll_offset(self.selected, self.hits.len(), height);
        let rows = self.visible().skip(offset).take(height).map(|r| {
            Row::new([
                r.name.clone(),
                r.city.clone(),
                r.code.clone(),
                r.rep.clone(),
            ])
        });
        let table = Table::new(
            rows,
            [
                Constraint::Fill(3),
                Constraint::Fill(1),
                Constraint::Length(8),
                Constraint::Length(6),
            ],
        )
        .header(header)
        .row_highlight_style(th.style(Tone::Selected));
        let mut state = TableState::default().with_selected(Some(self.selected - offset));
        StatefulWidget::render(table, table_area, buf, &mut state);
    }
}

delegate_screen!(StoreListScreen, typed);
