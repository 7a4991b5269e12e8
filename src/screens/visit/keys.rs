//! Keys of the visit screen. Text goes to the open form, search or scan
//! first; the rest is looked up in the keymap and handled as an action.

use super::form::{Field, FieldKind, Form, FormKind};
use super::{Confirm, Mode, VisitScreen};
use crate::domain::VisitStep;
use crate::domain::visit::input::as_scan;
use crate::domain::visit::{BatchAction, MissingReason, ReturnReason, ReturnStatus, VisitWrite};
use crate::keymap::Action;
use crate::keymap::{self, KeyContext};
use crate::screens::step;
use crate::screens::{Effect, EventState};
use crate::t;
use crate::ui::{Edit, Tone};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

impl VisitScreen {
    /// Keys taken before the keymap: `Some` when the key was consumed.
    pub fn on_key(&mut self, key: KeyEvent) -> EventState {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let mode = std::mem::replace(&mut self.mode, Mode::Browse);
        let (mode, effect) = match mode {
            // the audit's scan keys (the digits) start a barcode from every step
            Mode::Browse => match (keymap::lookup(KeyContext::VisitAudit, key), key.code) {
                (Some(Action::Scan), KeyCode::Char(c)) => {
                    self.message = None;
                    (Mode::Scan(super::scan_field(c)), EventState::Consumed)
                }
                _ => (Mode::Browse, EventState::NotConsumed),
            },
            Mode::Scan(mut code) => match key.code {
                KeyCode::Enter => {
                    let effect = self.scanned(code.value());
                    return EventState::Asked(effect);
                }
                KeyCode::Esc => (Mode::Browse, EventState::Consumed),
                _ => {
                    if !code.handle(key).taken() && ctrl {
                        self.mode = Mode::Scan(code);
                        return EventState::NotConsumed;
                    }
                    let mode = if code.is_empty() {
                        Mode::Browse
                    } else {
                        Mode::Scan(code)
                    };
                    (mode, EventState::Consumed)
                }
            },
            Mode::Search { mut query, before } => {
                match keymap::lookup(KeyContext::VisitForm, key) {
                    Some(Action::Save) => {
                        if as_scan(&query).is_some() {
                            return EventState::Asked(self.scanned(&query.to_string()));
                        }
                        (
                            Mode::Browse,
                            EventState::Asked(Effect::VisitWrites(vec![self.cursor_write()])),
                        )
                    }
                    Some(Action::Cancel) => {
                        self.audit_sel = before;
                        (Mode::Browse, EventState::Consumed)
                    }
                    Some(Action::NextField) => {
                        self.audit_sel = step(self.audit_sel, self.view.rows.len(), 1);
                        (Mode::Search { query, before }, EventState::Consumed)
                    }
                    Some(Action::PrevField) => {
                        self.audit_sel = step(self.audit_sel, self.view.rows.len(), -1);
                        (Mode::Search { query, before }, EventState::Consumed)
                    }
                    _ => {
                        if !query.handle(key).taken() && ctrl {
                            self.mode = Mode::Search { query, before };
                            return EventState::NotConsumed;
                        }
                        if let Some(i) = self.best_match(&query) {
                            self.audit_sel = i;
                        }
                        (Mode::Search { query, before }, EventState::Consumed)
                    }
                }
            }
            Mode::Reason if ctrl => (Mode::Reason, EventState::NotConsumed),
            Mode::Reason => match keymap::lookup(KeyContext::VisitReason, key) {
                Some(Action::Cancel) => (Mode::Browse, EventState::Consumed),
                Some(a) => match a.pick().and_then(|i| MissingReason::ALL.get(i)) {
                    Some(reason) => {
                        return EventState::Asked(self.save_shelf(false, Some(*reason)));
                    }
                    None => (Mode::Reason, EventState::Consumed),
                },
                None => (Mode::Reason, EventState::Consumed),
            },
            Mode::Confirm(kind) if ctrl => (Mode::Confirm(kind), EventState::NotConsumed),
            Mode::Confirm(kind) => match keymap::lookup(KeyContext::VisitConfirm, key) {
                Some(Action::Yes) => return EventState::Asked(self.confirmed(kind)),
                Some(Action::No) => (Mode::Browse, EventState::Consumed),
                _ => (Mode::Confirm(kind), EventState::Consumed),
            },
            Mode::Form(mut form) => match keymap::lookup(KeyContext::VisitForm, key) {
                Some(Action::Save) => {
                    self.mode = Mode::Form(form);
                    return EventState::Asked(self.form_enter());
                }
                Some(Action::NextField) => {
                    self.mode = Mode::Form(form);
                    return EventState::Asked(self.form_next(1));
                }
                Some(Action::PrevField) => {
                    form.focus = form.focus.saturating_sub(1);
                    (Mode::Form(form), EventState::Consumed)
                }
                Some(Action::Cancel) => (Mode::Browse, EventState::Consumed),
                _ => {
                    let edit = form.edit(key);
                    self.mode = Mode::Form(form);
                    if !edit.taken() && ctrl {
                        return EventState::NotConsumed;
                    }
                    if edit == Edit::Changed {
                        self.preview_product();
                    }
                    return EventState::Consumed;
                }
            },
        };
        self.mode = mode;
        effect
    }

    /// A barcode was typed or scanned outside a form: in the audit it jumps
    /// to the line; in expiry and returns it opens the form for that product.
    pub fn scanned(&mut self, code: &str) -> Effect {
        self.mode = Mode::Browse;
        let Some(ean) = as_scan(code) else {
            self.say(t!("visit-not-a-barcode", code = code), Tone::Danger);
            return Effect::None;
        };
        let Some(row) = self.row_of_ean(ean.as_str()) else {
            self.say(t!("visit-unknown-ean", ean = ean.as_str()), Tone::Danger);
            return Effect::None;
        };
        match self.step {
            VisitStep::Expiry if self.editable() => {
                self.open_batch_form(Some(row));
                Effect::None
            }
            VisitStep::Returns if self.editable() => {
                self.open_return_form(Some(row), None, None);
                Effect::None
            }
            _ => {
                self.step = VisitStep::Audit;
                self.audit_sel = row;
                let name = self.view.rows[row].name.clone();
                self.say(t!("visit-scanned", name = name), Tone::Ok);
                Effect::VisitWrites(vec![self.cursor_write()])
            }
        }
    }

    /// Actions from the keymap (browse mode).
    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        match action {
            // the app's: help, back, quit
            Action::Back | Action::Quit | Action::Help => return None,
            Action::NextStep | Action::PrevStep => {
                let delta = if action == Action::NextStep { 1 } else { -1 };
                self.step = self.step.offset(delta);
                self.message = None;
                return Some(Effect::VisitWrites(vec![self.cursor_write()]));
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                self.move_selection(action);
                return Some(Effect::VisitWrites(vec![self.cursor_write()]));
            }
            Action::Amend => {
                if self.is_submitted() && !self.amending {
                    self.mode = Mode::Confirm(Confirm::Amend);
                }
                return Some(Effect::None);
            }
            Action::Search if self.step == VisitStep::Audit => {
                self.mode = Mode::Search {
                    query: crate::ui::TextInput::new(),
                    before: self.audit_sel,
                };
                return Some(Effect::None);
            }
            _ => {}
        }
        if !self.editable() {
            self.say(t!("visit-read-only"), Tone::Warn);
            return Some(Effect::None);
        }
        match (self.step, action) {
            (VisitStep::Audit, Action::OnShelf) => return Some(self.save_shelf(true, None)),
            (VisitStep::Audit, Action::NotOnShelf) if !self.view.rows.is_empty() => {
                self.mode = Mode::Reason
            }
            (VisitStep::Audit, Action::Open | Action::Facings) => self.open_line_form(0),
            (VisitStep::Audit, Action::PriceSeen) => self.open_line_form(2),
            (VisitStep::Expiry, Action::Add) => {
                let row = (!self.view.rows.is_empty()).then_some(self.audit_sel);
                self.open_batch_form(row)
            }
            (VisitStep::Expiry, Action::Pulled) => {
                return Some(self.batch_action(BatchAction::Pulled));
            }
            (VisitStep::Expiry, Action::MoveFront) => {
                return Some(self.batch_action(BatchAction::MovedToFront));
            }
            (VisitStep::Expiry, Action::Markdown) => {
                return Some(self.batch_action(BatchAction::MarkdownProposed));
            }
            (VisitStep::Expiry, Action::MakeReturn) => return Some(self.batch_to_return()),
            (VisitStep::Returns, Action::Add) => self.open_return_form(None, None, None),
            (VisitStep::Returns, Action::WriteOff) => {
                return Some(self.advance_return(ReturnStatus::WrittenOff));
            }
            (VisitStep::Returns, Action::CloseReturn) => {
                return Some(self.advance_return(ReturnStatus::Closed));
            }
            (VisitStep::Notes, Action::Add) => {
                self.mode = Mode::Form(Form::new(
                    FormKind::Note,
                    "form-note",
                    vec![Field::new("field-text", FieldKind::Text)],
                ))
            }
            (VisitStep::Notes, Action::AddProblem) => {
                self.mode = Mode::Form(Form::new(
                    FormKind::Problem,
                    "form-problem",
                    vec![
                        Field::new("field-text", FieldKind::Text),
                        Field::new("field-due", FieldKind::DueDate).with_text("+7"),
                    ],
                ))
            }
            (VisitStep::Notes, Action::Resolve) => return Some(self.resolve_problem()),
            (VisitStep::Checkout, Action::Submit) => {
                if self.is_submitted() {
                    self.say(t!("visit-read-only"), Tone::Warn);
                } else {
                    self.mode = Mode::Confirm(Confirm::Submit);
                }
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    fn move_selection(&mut self, action: Action) {
        let len = match self.step {
            VisitStep::Audit => self.view.rows.len(),
            VisitStep::Expiry => self.view.batches.len(),
            VisitStep::Returns => self.visible_returns().len(),
            VisitStep::Notes => self.notes_items().len(),
            VisitStep::Checkout => 0,
        };
        let sel = match self.step {
            VisitStep::Audit => &mut self.audit_sel,
            VisitStep::Expiry => &mut self.expiry_sel,
            VisitStep::Returns => &mut self.returns_sel,
            VisitStep::Notes | VisitStep::Checkout => &mut self.notes_sel,
        };
        *sel = crate::screens::moved(action, *sel, len).unwrap_or(*sel);
    }

    fn open_line_form(&mut self, focus: usize) {
        let Some(row) = self.view.rows.get(self.audit_sel) else {
            return;
        };
        let a = row.audit.as_ref();
        let facings = a
            .and_then(|a| a.facings)
            .map(|f| f.to_string())
            .unwrap_or_default();
        let stock = a
            .and_then(|a| a.stock)
            .map(|n| n.to_string())
            .unwrap_or_default();
        let price = a
            .and_then(|a| a.price_seen)
            .map(|p| p.to_string())
            .unwrap_or_default();
        let mut form = Form::new(
            FormKind::Line {
                row: self.audit_sel,
            },
            "form-line",
            vec![
                Field::new("field-facings", FieldKind::Facings)
                    .optional()
                    .with_text(facings),
                Field::new("field-stock", FieldKind::Stock)
                    .optional()
                    .with_text(stock),
                Field::new("field-price", FieldKind::Price)
                    .optional()
                    .with_text(price),
            ],
        );
        form.focus = focus;
        self.mode = Mode::Form(form);
    }

    pub(super) fn open_batch_form(&mut self, row: Option<usize>) {
        let ean = row
            .and_then(|r| self.view.rows.get(r))
            .map(|r| r.ean.clone())
            .unwrap_or_default();
        let mut form = Form::new(
            FormKind::Batch,
            "form-batch",
            vec![
                Field::new("field-product", FieldKind::Product).with_text(ean),
                Field::new("field-expiry", FieldKind::Date),
                Field::new("field-qty", FieldKind::Qty),
            ],
        );
        form.product = row;
        form.focus = if row.is_some() { 1 } else { 0 };
        self.mode = Mode::Form(form);
    }

    pub(super) fn open_return_form(
        &mut self,
        row: Option<usize>,
        qty: Option<u32>,
        from_batch: Option<ulid::Ulid>,
    ) {
        let ean = row
            .and_then(|r| self.view.rows.get(r))
            .map(|r| r.ean.clone())
            .unwrap_or_default();
        let reasons: Vec<String> = ReturnReason::ALL
            .iter()
            .map(|r| t!(&format!("return-reason-{}", r.key())))
            .collect();
        let mut form = Form::new(
            FormKind::Return { from_batch },
            "form-return",
            vec![
                Field::new("field-product", FieldKind::Product).with_text(ean),
                Field::new("field-qty", FieldKind::Qty)
                    .with_text(qty.map(|q| q.to_string()).unwrap_or_default()),
                // a return made from an expired batch is an expired return
                Field::new("field-reason", FieldKind::Choice(reasons)).with_choice(0),
            ],
        );
        form.product = row;
        form.focus = match (row, qty) {
            (Some(_), Some(_)) => 2,
            (Some(_), None) => 1,
            _ => 0,
        };
        self.mode = Mode::Form(form);
    }

    fn confirmed(&mut self, kind: Confirm) -> Effect {
        self.mode = super::Mode::Browse;
        match kind {
            Confirm::Submit => {
                self.say(t!("visit-submitted-now"), Tone::Ok);
                Effect::VisitWrites(vec![VisitWrite::Submit {
                    at: self.clock.now(),
                }])
            }
            Confirm::Amend => {
                self.amending = true;
                self.say(t!("visit-amending"), Tone::Warn);
                Effect::None
            }
        }
    }
}
