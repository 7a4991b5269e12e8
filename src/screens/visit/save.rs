//! Turning what the rep entered into records: each save updates the
//! screen's copy and hands the change to the app, which writes it durably.

use super::form::{FieldKind, FormKind, Value, reason};
use super::{Mode, NotesItem, VisitScreen};
use crate::domain::visit::input::{InputError, as_scan};
use crate::domain::visit::returns::return_value;
use crate::domain::visit::{
    AuditLine, Batch, BatchAction, MissingReason, Note, Problem, ProblemStatus, ReturnLine,
    ReturnReason, ReturnStatus, VisitWrite,
};
use crate::screens::Effect;
use crate::t;
use crate::ui::Tone;

impl VisitScreen {
    /// The row's audit line to change: the saved one (stamped as changed now),
    /// or a new one; the caller sets what was seen.
    fn audit_line_of(&self, row: &super::AuditRow) -> AuditLine {
        match &row.audit {
            Some(a) => {
                let mut a = a.clone();
                a.meta.touch(self.stamp());
                a
            }
            None => AuditLine {
                meta: self.fresh_meta(),
                visit_id: self.view.visit.meta.id,
                sku: row.sku.clone(),
                on_shelf: true,
                facings: None,
                price_seen: None,
                missing: None,
                stock: None,
            },
        }
    }

    /// `y` / `n`+reason on the selected line: saved, then on to the next line.
    pub(super) fn save_shelf(&mut self, on_shelf: bool, missing: Option<MissingReason>) -> Effect {
        self.mode = Mode::Browse;
        let Some(row) = self.view.rows.get(self.audit_sel) else {
            return Effect::None;
        };
        let mut line = self.audit_line_of(row);
        line.on_shelf = on_shelf;
        line.missing = if on_shelf { None } else { missing };
        if !on_shelf {
            line.facings = None;
        }
        self.commit_line(line)
    }

    fn commit_line(&mut self, line: AuditLine) -> Effect {
        let name = self.view.rows[self.audit_sel].name.clone();
        self.view.rows[self.audit_sel].audit = Some(line.clone());
        self.audit_sel = crate::screens::step(self.audit_sel, self.view.rows.len(), 1);
        self.say(t!("visit-saved-line", name = name), Tone::Ok);
        Effect::VisitWrites(vec![VisitWrite::Audit(line), self.cursor_write()])
    }

    /// Enter in a form: the next field, or save on the last one.
    pub(super) fn form_enter(&mut self) -> Effect {
        let Mode::Form(form) = &self.mode else {
            return Effect::None;
        };
        if form.focus + 1 < form.fields.len() {
            self.form_next(1)
        } else {
            self.form_save()
        }
    }

    /// Leaves the focused field (checking it), or takes a scan typed into it.
    pub(super) fn form_next(&mut self, delta: usize) -> Effect {
        if let Some(effect) = self.form_scan() {
            return effect;
        }
        let today = self.view.today;
        let resolved = self.resolve_product_field();
        let Mode::Form(form) = &mut self.mode else {
            return Effect::None;
        };
        let ok = match form.fields.get(form.focus).map(|f| &f.kind) {
            Some(FieldKind::Product) => resolved,
            _ => form.check(form.focus, today).is_some(),
        };
        if ok && form.focus + delta < form.fields.len() {
            form.focus += delta;
        }
        Effect::None
    }

    /// A barcode typed or scanned into any field of a form.
    fn form_scan(&mut self) -> Option<Effect> {
        let Mode::Form(form) = &mut self.mode else {
            return None;
        };
        let field = form.fields.get(form.focus)?;
        let ean = as_scan(&field.text)?;
        if matches!(field.kind, FieldKind::Product) {
            return None;
        }
        if let FormKind::Line { .. } = form.kind {
            // the rep scanned the next product: leave this line as it was
            return Some(self.scanned(ean.as_str()));
        }
        let row = self.row_of_ean(ean.as_str());
        let Mode::Form(form) = &mut self.mode else {
            return None;
        };
        let focus = form.focus;
        form.fields[focus].text.clear();
        match row {
            Some(r) => {
                form.product = Some(r);
                if let Some(p) = form
                    .fields
                    .iter_mut()
                    .find(|f| f.kind == FieldKind::Product)
                {
                    p.text.set(ean.to_string());
                    p.error = None;
                }
            }
            None => {
                form.fields[focus].error = Some(t!("visit-unknown-ean", ean = ean.as_str()));
            }
        }
        Some(Effect::None)
    }

    /// While the product field is typed in: the line it matches now, shown
    /// under the field (what is wrong with it is said on Enter).
    pub(super) fn preview_product(&mut self) {
        let Mode::Form(form) = &self.mode else {
            return;
        };
        let Some(i) = form
            .fields
            .iter()
            .position(|f| f.kind == FieldKind::Product)
        else {
            return;
        };
        if form.focus != i {
            return;
        }
        let text = form.fields[i].text.trim().to_string();
        let row = match as_scan(&text) {
            Some(ean) => self.row_of_ean(ean.as_str()),
            None if text.is_empty() || text.chars().all(|c| c.is_ascii_digit()) => None,
            None => self.best_match(&text),
        };
        if let Mode::Form(form) = &mut self.mode {
            form.product = row;
            form.fields[i].error = None;
        }
    }

    /// Resolves the product field: a barcode of the store's list, or the
    /// best name match. False (with the reason on the field) when neither.
    fn resolve_product_field(&mut self) -> bool {
        let Mode::Form(form) = &self.mode else {
            return false;
        };
        let Some(i) = form
            .fields
            .iter()
            .position(|f| f.kind == FieldKind::Product)
        else {
            return true;
        };
        let text = form.fields[i].text.trim().to_string();
        let result = if text.is_empty() {
            Err(super::form::reason(&InputError::Empty))
        } else if let Some(ean) = as_scan(&text) {
            self.row_of_ean(ean.as_str())
                .ok_or_else(|| t!("visit-unknown-ean", ean = ean.as_str()))
        } else if text.chars().all(|c| c.is_ascii_digit()) {
            Err(t!("visit-not-a-barcode", code = text.as_str()))
        } else {
            self.best_match(&text)
                .ok_or_else(|| reason(&InputError::UnknownProduct))
        };
        let Mode::Form(form) = &mut self.mode else {
            return false;
        };
        match result {
            Ok(row) => {
                form.product = Some(row);
                form.fields[i].error = None;
                true
            }
            Err(e) => {
                form.product = None;
                form.fields[i].error = Some(e);
                false
            }
        }
    }

    /// Checks every field; on the first refusal the focus goes there.
    fn form_save(&mut self) -> Effect {
        if let Some(effect) = self.form_scan() {
            return effect;
        }
        let today = self.view.today;
        let product_ok = self.resolve_product_field();
        let Mode::Form(form) = &mut self.mode else {
            return Effect::None;
        };
        let mut values = Vec::new();
        let mut first_bad = None;
        for i in 0..form.fields.len() {
            let ok = if form.fields[i].kind == FieldKind::Product {
                values.push(Value::None);
                product_ok
            } else {
                match form.check(i, today) {
                    Some(v) => {
                        values.push(v);
                        true
                    }
                    None => {
                        values.push(Value::None);
                        false
                    }
                }
            };
            if !ok && first_bad.is_none() {
                first_bad = Some(i);
            }
        }
        if let Some(i) = first_bad {
            form.focus = i;
            return Effect::None;
        }
        let form = form.clone();
        self.mode = Mode::Browse;
        let product = form.product.and_then(|r| self.view.rows.get(r).cloned());
        match form.kind {
            FormKind::Line { row } => {
                let Some(r) = self.view.rows.get(row) else {
                    return Effect::None;
                };
                let mut line = self.audit_line_of(r);
                line.on_shelf = true;
                line.missing = None;
                line.facings = count(&values[0]).map(|n| n as u16);
                line.stock = count(&values[1]);
                line.price_seen = match values[2] {
                    Value::Price(p) => Some(p),
                    _ => None,
                };
                self.audit_sel = row;
                self.commit_line(line)
            }
            FormKind::Batch => {
                let (Some(p), Value::Date(expiry), Some(qty)) =
                    (product, values[1].clone(), count(&values[2]))
                else {
                    return Effect::None;
                };
                let batch = Batch {
                    meta: self.fresh_meta(),
                    visit_id: self.view.visit.meta.id,
                    store_code: self.view.visit.store_code.clone(),
                    sku: p.sku.clone(),
                    expiry,
                    qty,
                    action: None,
                };
                let class = self.class_of(&batch);
                self.view.batches.push(batch.clone());
                self.expiry_sel = self.view.batches.len() - 1;
                self.say(
                    t!(
                        "visit-saved-batch",
                        name = p.name,
                        class = t!(&format!("expiry-{}", class.key()))
                    ),
                    Tone::Ok,
                );
                Effect::VisitWrites(vec![VisitWrite::Batch(batch), self.cursor_write()])
            }
            FormKind::Return { from_batch } => {
                let (Some(p), Some(qty), Value::Choice(reason)) =
                    (product, count(&values[1]), values[2].clone())
                else {
                    return Effect::None;
                };
                let ret = ReturnLine {
                    meta: self.fresh_meta(),
                    visit_id: self.view.visit.meta.id,
                    store_code: self.view.visit.store_code.clone(),
                    sku: p.sku.clone(),
                    qty,
                    value: return_value(qty, p.list_price),
                    reason: ReturnReason::ALL
                        .get(reason)
                        .copied()
                        .unwrap_or(ReturnReason::Expired),
                    status: ReturnStatus::Logged,
                    logged: today,
                    written_off: None,
                    closed: None,
                    from_batch,
                };
                self.view.returns.push(ret.clone());
                self.returns_sel = self.visible_returns().len().saturating_sub(1);
                self.say(
                    t!(
                        "visit-saved-return",
                        name = p.name,
                        value = ret.value.to_string()
                    ),
                    Tone::Ok,
                );
                Effect::VisitWrites(vec![VisitWrite::Return(ret), self.cursor_write()])
            }
            FormKind::Note => {
                let Value::Text(text) = values[0].clone() else {
                    return Effect::None;
                };
                let note = Note {
                    meta: self.fresh_meta(),
                    visit_id: self.view.visit.meta.id,
                    store_code: self.view.visit.store_code.clone(),
                    text,
                };
                self.view.notes.push(note.clone());
                self.say(t!("visit-saved"), Tone::Ok);
                Effect::VisitWrites(vec![VisitWrite::Note(note)])
            }
            FormKind::Problem => {
                let (Value::Text(text), Value::Date(due)) = (values[0].clone(), values[1].clone())
                else {
                    return Effect::None;
                };
                let problem = Problem {
                    meta: self.fresh_meta(),
                    visit_id: self.view.visit.meta.id,
                    store_code: self.view.visit.store_code.clone(),
                    text,
                    due,
                    status: ProblemStatus::Open,
                    resolved: None,
                };
                self.view.problems.push(problem.clone());
                self.say(t!("visit-saved"), Tone::Ok);
                Effect::VisitWrites(vec![VisitWrite::Problem(problem)])
            }
        }
    }

    pub(super) fn batch_action(&mut self, action: BatchAction) -> Effect {
        let stamp = self.stamp();
        let Some(b) = self.view.batches.get_mut(self.expiry_sel) else {
            return Effect::None;
        };
        b.action = Some(action);
        b.meta.touch(stamp);
        let b = b.clone();
        self.say(t!("visit-saved"), Tone::Ok);
        Effect::VisitWrites(vec![VisitWrite::Batch(b)])
    }

    /// `r` on a batch: a return of the whole batch, reason expired, in one
    /// key (the returns step can change it); once per batch.
    pub(super) fn batch_to_return(&mut self) -> Effect {
        let Some(b) = self.view.batches.get(self.expiry_sel).cloned() else {
            return Effect::None;
        };
        if self
            .view
            .returns
            .iter()
            .any(|r| r.from_batch == Some(b.meta.id))
        {
            self.say(t!("visit-batch-returned"), Tone::Warn);
            return Effect::None;
        }
        let price = self
            .row_of_sku(&b.sku)
            .map(|r| r.list_price)
            .unwrap_or_default();
        let ret = ReturnLine {
            meta: self.fresh_meta(),
            visit_id: self.view.visit.meta.id,
            store_code: self.view.visit.store_code.clone(),
            sku: b.sku.clone(),
            qty: b.qty,
            value: return_value(b.qty, price),
            reason: ReturnReason::Expired,
            status: ReturnStatus::Logged,
            logged: self.view.today,
            written_off: None,
            closed: None,
            from_batch: Some(b.meta.id),
        };
        self.view.returns.push(ret.clone());
        let name = self.product_name(&b.sku);
        self.say(
            t!(
                "visit-saved-return",
                name = name,
                value = ret.value.to_string()
            ),
            Tone::Ok,
        );
        Effect::VisitWrites(vec![VisitWrite::Return(ret)])
    }

    pub(super) fn advance_return(&mut self, to: ReturnStatus) -> Effect {
        let Some(id) = self
            .visible_returns()
            .get(self.returns_sel)
            .map(|r| r.meta.id)
        else {
            return Effect::None;
        };
        let (today, stamp) = (self.view.today, self.stamp());
        let Some(r) = self.view.returns.iter_mut().find(|r| r.meta.id == id) else {
            return Effect::None;
        };
        if !r.advance(to, today) {
            let status = t!(&format!("return-status-{}", r.status.key()));
            // closing a logged return: say what comes first
            let text = if to == ReturnStatus::Closed && r.status == ReturnStatus::Logged {
                t!("visit-return-write-off-first", status = status)
            } else {
                t!("visit-return-cannot", status = status)
            };
            self.say(text, Tone::Warn);
            return Effect::None;
        }
        r.meta.touch(stamp);
        let r = r.clone();
        self.say(t!("visit-saved"), Tone::Ok);
        Effect::VisitWrites(vec![VisitWrite::Return(r)])
    }

    pub(super) fn resolve_problem(&mut self) -> Effect {
        let id = match self.notes_items().get(self.notes_sel) {
            Some(NotesItem::Problem(p)) if p.is_open() => p.meta.id,
            _ => return Effect::None,
        };
        let (today, stamp) = (self.view.today, self.stamp());
        let Some(p) = self.view.problems.iter_mut().find(|p| p.meta.id == id) else {
            return Effect::None;
        };
        p.status = ProblemStatus::Resolved;
        p.resolved = Some(today);
        p.meta.touch(stamp);
        let p = p.clone();
        self.say(t!("visit-saved"), Tone::Ok);
        Effect::VisitWrites(vec![VisitWrite::Problem(p)])
    }
}

fn count(v: &Value) -> Option<u32> {
    match v {
        Value::Count(n) => Some(*n),
        _ => None,
    }
}
