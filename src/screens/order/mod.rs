//! The order screen: the draft's lines with recent sales, quick quantity
//! edits, adding a product by name or EAN, refusal reasons, payment terms,
//! and the moves draft → reviewed → sent (send asks first).

mod render;

use super::step;
use crate::domain::order::{
    Acceptance, FillRate, MAX_CASES, Order, OrderError, OrderState, QtyError, RefusalReason,
    check_qty,
};
use crate::domain::{Invoice, Money, Store};
use crate::keymap::{Action, KeyContext};
use crate::screens::{Effect, EventState};
use crate::search::SearchIndex;
use crate::t;
use crate::ui::{Edit, TextInput, Theme};
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// A product as the order screen shows and adds it: code, barcode, name,
/// case pack and price.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderProduct {
    pub sku: String,
    pub ean: String,
    pub name: String,
    pub case_pack: u32,
    pub price: Money,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderView {
    pub today: NaiveDate,
    pub store: Store,
    pub order: Order,
    /// False for a fresh draft not written yet (written on the first change).
    pub saved: bool,
    pub products: HashMap<String, OrderProduct>,
    /// Last weeks' units per sku, oldest first.
    pub sparklines: HashMap<String, Vec<u64>>,
    pub next_visit: NaiveDate,
    pub lead_days: i64,
    pub cover_days: i64,
    pub trusted: bool,
    pub invoices: Vec<Invoice>,
    pub acceptance: Acceptance,
    pub fill: Option<FillRate>,
    pub fill_alert: f64,
}

/// What takes the keys besides the line list.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Browse,
    /// Typing a quantity for the selected line.
    EditQty(TextInput),
    /// Searching a product to add (name or EAN); hits are indexes into the catalog.
    Add {
        query: TextInput,
        hits: Vec<usize>,
        selected: usize,
    },
    /// Asking why the selected line was lowered or struck.
    Refusal(String),
    ConfirmSend,
}

pub struct OrderScreen {
    pub view: OrderView,
    pub selected: usize,
    pub mode: Mode,
    pub theme: Theme,
    /// The catalog for adding lines (every product), searched by name.
    pub catalog: Vec<OrderProduct>,
    index: Option<SearchIndex>,
    /// What the app should tell the user after the last action.
    pub notice: Option<String>,
    /// Why the typed quantity was refused (shown in the quantity popup).
    pub qty_error: Option<String>,
}

impl OrderScreen {
    pub fn new(view: OrderView, catalog: Vec<OrderProduct>, theme: Theme) -> Self {
        Self {
            view,
            selected: 0,
            mode: Mode::Browse,
            theme,
            catalog,
            index: None,
            notice: None,
            qty_error: None,
        }
    }

    /// What is stored, after a save failed: the unsaved edit is dropped.
    pub fn reload(&mut self, view: OrderView) {
        self.view = view;
        self.mode = Mode::Browse;
        self.selected = self.selected.min(self.lines().len().saturating_sub(1));
        self.notice = None;
        self.qty_error = None;
    }

    pub fn context(&self) -> KeyContext {
        match self.mode {
            Mode::Browse => match self.view.order.state {
                OrderState::Draft => KeyContext::Order,
                OrderState::Reviewed => KeyContext::OrderReviewed,
                OrderState::Sent => KeyContext::OrderSent,
            },
            Mode::EditQty(_) | Mode::Add { .. } => KeyContext::OrderTyping,
            Mode::Refusal(_) => KeyContext::OrderRefusal,
            Mode::ConfirmSend => KeyContext::OrderConfirm,
        }
    }

    /// The lines shown: every line of the order, struck ones included.
    pub fn lines(&self) -> &[crate::domain::order::OrderLine] {
        &self.view.order.lines
    }

    fn selected_sku(&self) -> Option<String> {
        self.lines().get(self.selected).map(|l| l.sku.clone())
    }

    fn info(&self, sku: &str) -> Option<&OrderProduct> {
        self.view.products.get(sku)
    }

    fn error(&mut self, e: OrderError) {
        let state = t!(&format!("order-state-{}", self.view.order.state.key()));
        self.notice = Some(match e {
            OrderError::NotDraft => t!("order-not-draft", state = state),
            OrderError::NotReviewed => t!("order-not-reviewed"),
            OrderError::Empty => t!("order-empty"),
        });
    }

    /// Sets the selected line's quantity; asks why when it went below the proposal.
    fn set_qty(&mut self, sku: &str, qty: u32) -> Effect {
        let price = self.info(sku).map(|p| p.price).unwrap_or_default();
        match self.view.order.set_qty(sku, qty, price) {
            Ok(lowered) => {
                if lowered {
                    self.mode = Mode::Refusal(sku.to_string());
                }
                Effect::SaveOrder
            }
            Err(e) => {
                self.error(e);
                Effect::None
            }
        }
    }

    /// Enter in the quantity popup: a bad quantity is refused in place with
    /// the reason (the text stays); one that breaks a case is set with a hint.
    fn enter_qty(&mut self, text: &str) -> Effect {
        let Some(sku) = self.selected_sku() else {
            self.mode = Mode::Browse;
            return Effect::None;
        };
        let pack = self.info(&sku).map(|p| p.case_pack).unwrap_or(1).max(1);
        match check_qty(text, pack) {
            Ok(ok) => {
                self.mode = Mode::Browse;
                self.qty_error = None;
                self.notice = None;
                let effect = self.set_qty(&sku, ok.qty);
                if ok.breaks_case && self.notice.is_none() {
                    self.notice = Some(t!(
                        "order-qty-breaks-case",
                        qty = i64::from(ok.qty),
                        pack = i64::from(pack),
                        cases = i64::from(ok.qty / pack),
                        rest = i64::from(ok.qty % pack)
                    ));
                }
                effect
            }
            Err(e) => {
                let why = match e {
                    QtyError::Empty => t!("order-qty-empty"),
                    QtyError::NotWhole => t!("order-qty-not-whole", text = text.trim()),
                    QtyError::Negative => t!("order-qty-negative", text = text.trim()),
                    QtyError::TooLarge { max } => t!(
                        "order-qty-too-large",
                        max = i64::from(max),
                        cases = i64::from(MAX_CASES),
                        pack = i64::from(pack)
                    ),
                };
                self.qty_error = Some(why.clone());
                self.notice = Some(why);
                Effect::None
            }
        }
    }

    fn step_case(&mut self, up: bool) -> Effect {
        let Some(sku) = self.selected_sku() else {
            return Effect::None;
        };
        let pack = self.info(&sku).map(|p| p.case_pack).unwrap_or(1).max(1);
        let qty = self.lines()[self.selected].qty;
        let next = if up {
            qty.saturating_add(pack)
        } else {
            // down to the case below (a hand-typed 7 with case 6 goes to 6)
            qty.saturating_sub(1) / pack * pack
        };
        self.set_qty(&sku, next)
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        self.notice = None;
        let len = self.lines().len();
        if let Some(i) = super::moved(action, self.selected, len) {
            self.selected = i;
            return Some(Effect::None);
        }
        match action {
            Action::EditQty => {
                if let Some(l) = self.lines().get(self.selected) {
                    if self.view.order.state != OrderState::Draft {
                        self.error(OrderError::NotDraft);
                    } else {
                        self.mode = Mode::EditQty(qty_field(l.qty));
                    }
                }
            }
            Action::MoreCase => return Some(self.step_case(true)),
            Action::LessCase => return Some(self.step_case(false)),
            Action::Strike => {
                if let Some(sku) = self.selected_sku() {
                    return Some(self.set_qty(&sku, 0));
                }
            }
            Action::Refusal => {
                if let Some(sku) = self.selected_sku() {
                    let l = &self.lines()[self.selected];
                    if l.qty < self.view.order.proposed_qty(&sku)
                        && self.view.order.state == OrderState::Draft
                    {
                        self.mode = Mode::Refusal(sku);
                    }
                }
            }
            Action::AddLine => {
                if self.view.order.state != OrderState::Draft {
                    self.error(OrderError::NotDraft);
                } else {
                    self.mode = Mode::Add {
                        query: TextInput::new(),
                        hits: vec![],
                        selected: 0,
                    };
                }
            }
            Action::MarkReviewed => match self.view.order.mark_reviewed(self.view.today) {
                Ok(()) => {
                    let r = self.view.order.review.clone();
                    self.notice = r.map(|r| {
                        if r.accepted_as_is {
                            t!("order-reviewed-as-is")
                        } else {
                            t!("order-reviewed-edited", share = pct(r.unchanged_share))
                        }
                    });
                    return Some(Effect::SaveOrder);
                }
                Err(e) => self.error(e),
            },
            Action::SendOrder => match self.view.order.state {
                OrderState::Reviewed if self.view.order.units() > 0 => {
                    self.mode = Mode::ConfirmSend
                }
                OrderState::Reviewed => self.error(OrderError::Empty),
                OrderState::Draft => self.error(OrderError::NotReviewed),
                OrderState::Sent => self.error(OrderError::NotDraft),
            },
            Action::Yes if self.mode == Mode::ConfirmSend => {
                self.mode = Mode::Browse;
                match self.view.order.send(self.view.today) {
                    Ok(()) => {
                        self.notice =
                            Some(t!("order-sent", number = self.view.order.number.clone()));
                        return Some(Effect::SaveOrder);
                    }
                    Err(e) => self.error(e),
                }
            }
            Action::No if self.mode == Mode::ConfirmSend => self.mode = Mode::Browse,
            Action::TrustStore if self.view.acceptance.can_trust && !self.view.trusted => {
                self.view.trusted = true;
                return Some(Effect::TrustStore(self.view.store.code.clone()));
            }
            Action::NewOrder if self.view.order.state == OrderState::Sent => {
                return Some(Effect::NewOrder(self.view.store.code.clone()));
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    /// Keys for the typing modes and the refusal picker, before the keymap.
    /// Returns the effect when the key was taken.
    pub fn type_key(&mut self, key: KeyEvent) -> EventState {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match &mut self.mode {
            Mode::Browse | Mode::ConfirmSend => EventState::NotConsumed,
            Mode::EditQty(text) => {
                match key.code {
                    KeyCode::Esc => {
                        self.mode = Mode::Browse;
                        self.qty_error = None;
                    }
                    KeyCode::Enter => {
                        let text = text.to_string();
                        return EventState::Asked(self.enter_qty(&text));
                    }
                    // anything typed stays on screen: Enter says what is wrong with it
                    _ => match text.handle(key) {
                        Edit::Changed => self.qty_error = None,
                        Edit::Moved => {}
                        Edit::Ignored => return EventState::NotConsumed,
                    },
                }
                EventState::Consumed
            }
            Mode::Refusal(_) if ctrl => EventState::NotConsumed,
            Mode::Refusal(sku) => {
                let sku = sku.clone();
                let reason = match crate::keymap::lookup(KeyContext::OrderRefusal, key) {
                    Some(Action::Back) => {
                        self.mode = Mode::Browse;
                        return EventState::Consumed;
                    }
                    Some(a) => a.pick().and_then(|i| RefusalReason::ALL.get(i)).copied(),
                    None => None,
                };
                let Some(r) = reason else {
                    return EventState::Consumed;
                };
                self.mode = Mode::Browse;
                self.view.order.refuse(&sku, r);
                self.notice = Some(t!(
                    "order-refusal-recorded",
                    why = crate::service::words::refusal_label(r)
                ));
                EventState::Asked(Effect::SaveOrder)
            }
            Mode::Add { .. } => self.add_key(key),
        }
    }

    fn add_key(&mut self, key: KeyEvent) -> EventState {
        let Mode::Add {
            query,
            hits,
            selected,
        } = &mut self.mode
        else {
            return EventState::NotConsumed;
        };
        match key.code {
            KeyCode::Esc => {
                self.mode = Mode::Browse;
                return EventState::Consumed;
            }
            KeyCode::Up => *selected = selected.saturating_sub(1),
            KeyCode::Down => *selected = step(*selected, hits.len(), 1),
            KeyCode::Enter => return EventState::Asked(self.add_picked()),
            _ => match query.handle(key) {
                Edit::Ignored if key.modifiers.contains(KeyModifiers::CONTROL) => {
                    return EventState::NotConsumed;
                }
                Edit::Ignored => return EventState::Consumed,
                _ => {}
            },
        }
        let q = query.trim().to_string();
        let found = self.find(&q);
        if let Mode::Add { hits, selected, .. } = &mut self.mode {
            *hits = found;
            *selected = (*selected).min(hits.len().saturating_sub(1));
        }
        EventState::Consumed
    }

    /// Enter in the add popup: the selected product's line goes up one case.
    fn add_picked(&mut self) -> Effect {
        let Mode::Add {
            query,
            hits,
            selected,
        } = &self.mode
        else {
            return Effect::None;
        };
        let Some(&i) = hits.get(*selected) else {
            self.notice = Some(t!("order-add-none", query = query.to_string()));
            return Effect::None;
        };
        self.mode = Mode::Browse;
        let p = self.catalog[i].clone();
        self.view.products.entry(p.sku.clone()).or_insert(p.clone());
        let existing = self.lines().iter().position(|l| l.sku == p.sku);
        let qty = existing.map(|i| self.lines()[i].qty).unwrap_or(0) + p.case_pack;
        let effect = self.set_qty(&p.sku, qty);
        self.selected = self
            .lines()
            .iter()
            .position(|l| l.sku == p.sku)
            .unwrap_or(0);
        effect
    }

    /// An EAN (digits) finds its product exactly; anything else is a fuzzy name search.
    fn find(&mut self, q: &str) -> Vec<usize> {
        if q.is_empty() {
            return vec![];
        }
        if q.len() >= 8 && q.chars().all(|c| c.is_ascii_digit()) {
            return self
                .catalog
                .iter()
                .position(|p| p.ean == q)
                .into_iter()
                .collect();
        }
        let catalog = &self.catalog;
        let index = self
            .index
            .get_or_insert_with(|| SearchIndex::new(catalog.iter().map(|p| p.name.as_str())));
        index
            .search(q)
            .into_iter()
            .take(8)
            .map(|h| h.index)
            .collect()
    }
}

/// The quantity field, pre-filled with the line's quantity.
fn qty_field(qty: u32) -> TextInput {
    let mut input = TextInput::new().max_chars(24);
    input.set(qty.to_string());
    input
}

pub fn pct(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

impl crate::screens::Screen for OrderScreen {
    fn context(&self) -> crate::keymap::KeyContext {
        OrderScreen::context(self)
    }

    fn on_key(&mut self, key: crossterm::event::KeyEvent) -> crate::screens::EventState {
        self.type_key(key)
    }

    fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    fn on_action(&mut self, action: crate::keymap::Action) -> Option<crate::screens::Effect> {
        self.handle(action)
    }

    fn render(&self, area: ratatui::prelude::Rect, buf: &mut ratatui::prelude::Buffer) {
        ratatui::prelude::Widget::render(self, area, buf)
    }
}
