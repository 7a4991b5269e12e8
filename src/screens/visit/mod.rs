//! The visit screen: check-in at a store, then the steps (audit, expiry,
//! returns, notes, check-out) as tabs. Every change is handed to the app as
//! a `VisitWrite` and saved durably before the next key is read.

mod columns;
mod form;
mod keys;
mod render;
mod save;
mod steps;

pub use form::{Field, FieldKind, Form, FormKind};

use crate::clock::Clock;
use crate::domain::visit::audit::FigureInput;
use crate::domain::visit::{
    Amendment, AuditLine, Batch, ExpiryClass, ExpiryRules, Note, Problem, ReturnLine, ReturnStatus,
    ShelfFigures, VisitCursor, VisitWrite,
};
use crate::domain::{Money, RecordMeta, Settings, Stamp, Visit, VisitStatus, VisitStep};
use crate::keymap::KeyContext;
use crate::search::SearchIndex;
use crate::ui::{TextInput, Theme, Tone};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One must-stock line of the audit, with what the rep recorded for it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub sku: String,
    pub ean: String,
    pub name: String,
    pub list_price: Money,
    pub shelf_life_days: u32,
    pub fast: bool,
    pub audit: Option<AuditLine>,
}

/// Everything the visit screen shows, loaded by `tui::views_visit`.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitView {
    pub visit: Visit,
    pub store_name: String,
    pub today: NaiveDate,
    pub settings: Settings,
    /// Must-stock lines in audit order (fast movers first).
    pub rows: Vec<AuditRow>,
    pub batches: Vec<Batch>,
    /// The store's returns (all visits): pending ones stay visible.
    pub returns: Vec<ReturnLine>,
    /// The store's problems (all visits): open ones stay visible.
    pub problems: Vec<Problem>,
    pub notes: Vec<Note>,
    pub amendments: Vec<Amendment>,
    pub cursor: VisitCursor,
    /// True when an unfinished visit was picked up again.
    pub resumed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Submit,
    Amend,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// Digits typed outside a form: a barcode being scanned or typed.
    Scan(TextInput),
    /// `/`: fuzzy search, the selection follows the best match; the row
    /// selected before is restored on Esc.
    Search {
        query: TextInput,
        before: usize,
    },
    /// Choosing why the selected line is missing.
    Reason,
    Form(Form),
    Confirm(Confirm),
}

/// An item of the notes step.
pub enum NotesItem<'a> {
    Note(&'a Note),
    Problem(&'a Problem),
}

pub struct VisitScreen {
    pub view: VisitView,
    pub theme: Theme,
    pub step: VisitStep,
    pub audit_sel: usize,
    pub expiry_sel: usize,
    pub returns_sel: usize,
    pub notes_sel: usize,
    pub mode: Mode,
    /// A submitted visit being corrected: changes become amendments.
    pub amending: bool,
    /// A message for the rep on the screen (saved, refused, scanned).
    pub message: Option<(String, Tone)>,
    pub clock: Clock,
    /// Who makes the records (the rep).
    pub by: String,
    pub device: String,
    index: SearchIndex,
    by_ean: HashMap<String, usize>,
}

/// The field of a barcode typed outside a form: digits only.
pub fn scan_field(first: char) -> TextInput {
    let mut input = TextInput::new().accepting(|c| c.is_ascii_digit());
    input.insert(first);
    input
}

impl VisitScreen {
    pub fn new(view: VisitView, theme: Theme, clock: Clock, by: &str, device: &str) -> Self {
        let keys: Vec<String> = view
            .rows
            .iter()
            .map(|r| format!("{} {} {}", r.name, r.ean, r.sku))
            .collect();
        let index = SearchIndex::new(keys.iter().map(String::as_str));
        let by_ean = view
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.ean.clone(), i))
            .collect();
        let mut screen = Self {
            view,
            theme,
            step: VisitStep::Audit,
            audit_sel: 0,
            expiry_sel: 0,
            returns_sel: 0,
            notes_sel: 0,
            mode: Mode::Browse,
            amending: false,
            message: None,
            clock,
            by: by.to_string(),
            device: device.to_string(),
            index,
            by_ean,
        };
        screen.restore_cursor();
        screen
    }

    /// Puts the rep back where the visit was left.
    fn restore_cursor(&mut self) {
        let c = self.view.cursor.clone();
        self.step = c.step;
        self.audit_sel = c
            .audit_sku
            .as_deref()
            .and_then(|sku| self.view.rows.iter().position(|r| r.sku == sku))
            .unwrap_or(0);
        self.expiry_sel = c.expiry_row;
        self.returns_sel = c.returns_row;
        self.notes_sel = c.notes_row;
    }

    /// New data from storage (after a submit, an amendment or a failed
    /// write); keeps the step and the selection.
    pub fn reload(&mut self, mut view: VisitView) {
        view.cursor = self.cursor();
        let amending = self.amending && view.visit.status == VisitStatus::Submitted;
        let message = self.message.take();
        *self = Self::new(view, self.theme, self.clock, &self.by, &self.device);
        self.amending = amending;
        self.message = message;
    }

    pub fn cursor(&self) -> VisitCursor {
        VisitCursor {
            step: self.step,
            audit_sku: self.view.rows.get(self.audit_sel).map(|r| r.sku.clone()),
            expiry_row: self.expiry_sel,
            returns_row: self.returns_sel,
            notes_row: self.notes_sel,
        }
    }

    pub fn context(&self) -> KeyContext {
        match &self.mode {
            Mode::Form(_) | Mode::Scan(_) | Mode::Search { .. } => KeyContext::VisitForm,
            Mode::Reason => KeyContext::VisitReason,
            Mode::Confirm(_) => KeyContext::VisitConfirm,
            Mode::Browse => match self.step {
                VisitStep::Audit => KeyContext::VisitAudit,
                VisitStep::Expiry => KeyContext::VisitExpiry,
                VisitStep::Returns => KeyContext::VisitReturns,
                VisitStep::Notes => KeyContext::VisitNotes,
                VisitStep::Checkout => KeyContext::VisitCheckout,
            },
        }
    }

    /// Keys of the keymap that mean nothing right now (amend on an open
    /// visit): not offered and not acted on.
    pub fn unbound_actions(&self) -> Vec<crate::keymap::Action> {
        if !self.is_submitted() || self.amending {
            vec![crate::keymap::Action::Amend]
        } else {
            vec![]
        }
    }

    /// Keys left out of the footer and `?` help right now: the unbound ones,
    /// and `x` (close) unless the selected return is written off — pressed
    /// anyway, it says what to do first.
    pub fn hidden_actions(&self) -> Vec<crate::keymap::Action> {
        use crate::keymap::Action;
        let mut hidden = self.unbound_actions();
        let closable = self
            .visible_returns()
            .get(self.returns_sel)
            .is_some_and(|r| r.status == ReturnStatus::WrittenOff);
        if !closable || !self.editable() {
            hidden.push(Action::CloseReturn);
        }
        hidden
    }

    pub fn is_submitted(&self) -> bool {
        self.view.visit.status == VisitStatus::Submitted
    }

    /// Changes are allowed: the visit is open, or being amended.
    pub fn editable(&self) -> bool {
        !self.is_submitted() || self.amending
    }

    pub fn settings(&self) -> &Settings {
        &self.view.settings
    }

    pub fn figures(&self) -> ShelfFigures {
        ShelfFigures::compute(
            self.view.rows.iter().map(|r| FigureInput {
                fast: r.fast,
                audit: r.audit.as_ref(),
                list_price: r.list_price,
            }),
            &self.view.settings,
        )
    }

    pub fn rules(&self) -> ExpiryRules {
        ExpiryRules::from_settings(&self.view.settings)
    }

    pub fn row_of_sku(&self, sku: &str) -> Option<&AuditRow> {
        self.view.rows.iter().find(|r| r.sku == sku)
    }

    pub fn product_name(&self, sku: &str) -> String {
        self.row_of_sku(sku)
            .map(|r| r.name.clone())
            .unwrap_or_else(|| sku.to_string())
    }

    pub fn class_of(&self, b: &Batch) -> ExpiryClass {
        let life = self
            .row_of_sku(&b.sku)
            .map(|r| r.shelf_life_days)
            .unwrap_or(0);
        self.rules().classify(b.expiry, self.view.today, life)
    }

    /// Expired and critical batches not pulled yet and not made into a
    /// return (a returned batch leaves the shelf with the return).
    pub fn pull_list(&self) -> Vec<&Batch> {
        self.view
            .batches
            .iter()
            .filter(|b| {
                self.class_of(b).must_pull()
                    && b.action != Some(crate::domain::visit::BatchAction::Pulled)
                    && !self.is_returned(b)
            })
            .collect()
    }

    /// A return was made from this batch.
    pub fn is_returned(&self, b: &Batch) -> bool {
        self.view
            .returns
            .iter()
            .any(|r| r.from_batch == Some(b.meta.id))
    }

    /// Returns shown in the returns step: the store's pending ones and all
    /// of this visit's.
    pub fn visible_returns(&self) -> Vec<&ReturnLine> {
        let id = self.view.visit.meta.id;
        self.view
            .returns
            .iter()
            .filter(|r| r.visit_id == id || r.status != ReturnStatus::Closed)
            .collect()
    }

    /// This visit's notes, then the store's open problems and this visit's resolved ones.
    pub fn notes_items(&self) -> Vec<NotesItem<'_>> {
        let id = self.view.visit.meta.id;
        let notes = self.view.notes.iter().map(NotesItem::Note);
        let problems = self
            .view
            .problems
            .iter()
            .filter(|p| p.is_open() || p.visit_id == id)
            .map(NotesItem::Problem);
        notes.chain(problems).collect()
    }

    /// A fresh record's meta, made now by the rep.
    pub fn fresh_meta(&self) -> RecordMeta {
        RecordMeta::fresh(&self.by, &self.device, self.clock.now())
    }

    pub fn stamp(&self) -> Stamp {
        Stamp {
            by: self.by.clone(),
            device: self.device.clone(),
            at: self.clock.now(),
        }
    }

    /// The audit row of a barcode, if the store stocks it.
    pub fn row_of_ean(&self, ean: &str) -> Option<usize> {
        self.by_ean.get(ean).copied()
    }

    /// The best fuzzy match of a query among the store's products.
    pub fn best_match(&self, query: &str) -> Option<usize> {
        self.index.search(query).first().map(|h| h.index)
    }

    fn say(&mut self, text: String, role: Tone) {
        self.message = Some((text, role));
    }

    fn cursor_write(&self) -> VisitWrite {
        VisitWrite::Cursor(self.cursor())
    }
}

impl crate::screens::Screen for VisitScreen {
    fn context(&self) -> crate::keymap::KeyContext {
        VisitScreen::context(self)
    }

    fn on_key(&mut self, key: crossterm::event::KeyEvent) -> crate::screens::EventState {
        VisitScreen::on_key(self, key)
    }

    fn hidden_actions(&self) -> Vec<crate::keymap::Action> {
        VisitScreen::hidden_actions(self)
    }

    fn unbound_actions(&self) -> Vec<crate::keymap::Action> {
        VisitScreen::unbound_actions(self)
    }

    fn on_action(&mut self, action: crate::keymap::Action) -> Option<crate::screens::Effect> {
        self.handle(action)
    }

    fn render(&self, area: ratatui::prelude::Rect, buf: &mut ratatui::prelude::Buffer) {
        ratatui::prelude::Widget::render(self, area, buf)
    }
}
