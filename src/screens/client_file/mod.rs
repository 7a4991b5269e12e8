//! A store's client file: its people and dates to remember on the left,
//! everything that happened with it on the right (visits, orders, returns,
//! problems and the entries the rep logs), filterable by kind. Logging an
//! entry is a few numbered choices and its text.

mod form;
mod log;
mod render;

pub use form::{Field, Form, Value};
pub use log::{LogKind, Step};

use crate::domain::Channel;
use crate::domain::client::{Contact, ContactDraft, EntryKind, TimelineEntry, TimelineFilter};
use crate::domain::dates::DateToRemember;
use crate::domain::loyalty::Bar;
use crate::domain::order::OrderState;
use crate::keymap::{Action, KeyContext};
use crate::screens::{Effect, EventState};
use crate::ui::Theme;
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ulid::Ulid;

#[derive(Debug, Clone, PartialEq)]
pub struct ClientFileView {
    pub store_code: String,
    pub store_name: String,
    pub today: NaiveDate,
    /// People not removed.
    pub people: Vec<Contact>,
    pub dates: Vec<DateToRemember>,
    /// Newest first.
    pub timeline: Vec<TimelineRow>,
    /// Purchases per week, oldest first.
    pub bars: Vec<Bar>,
    pub last_purchase: Option<NaiveDate>,
    pub risk: Option<RiskLine>,
    pub loyalty: Option<LoyaltyLine>,
}

/// The loyalty index and its parts, worded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoyaltyLine {
    /// 0–100.
    pub index: u8,
    pub parts: Vec<LoyaltyPart>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoyaltyPart {
    pub label: String,
    /// 0–100; none: nothing to judge yet (left out of the index).
    pub score: Option<u8>,
    pub why: String,
    /// The buying rhythm: the risk line above already says why.
    pub is_purchase: bool,
}

impl LoyaltyLine {
    /// The parts pulling the index down most, weakest first.
    pub fn weakest(&self, n: usize) -> Vec<&LoyaltyPart> {
        let mut scored: Vec<&LoyaltyPart> = self
            .parts
            .iter()
            .filter(|p| !p.is_purchase && p.score.is_some_and(|s| s < 70))
            .collect();
        scored.sort_by_key(|p| p.score);
        scored.truncate(n);
        scored
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RiskLine {
    pub risk: f64,
    pub at_risk: bool,
    /// Why, in the user's words.
    pub reasons: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub date: NaiveDate,
    pub filter: TimelineFilter,
    pub kind: RowKind,
}

// one per row or screen: a box each would buy nothing
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    Visit {
        id: Ulid,
        submitted: bool,
    },
    Order {
        number: String,
        state: OrderState,
        lines: usize,
        struck: usize,
    },
    Return {
        name: String,
        qty: u32,
        reason: &'static str,
    },
    /// A problem logged during a visit.
    VisitProblem {
        text: String,
        due: NaiveDate,
        resolved: Option<NaiveDate>,
    },
    Entry(TimelineEntry),
}

/// What the client file asks the app to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientWrite {
    /// A new person (`existing` None) or an edit.
    SaveContact {
        existing: Option<Ulid>,
        draft: ContactDraft,
    },
    RemoveContact(Ulid),
    Log {
        kind: EntryKind,
        text: String,
    },
    /// A changed entry (a problem resolved).
    Update(TimelineEntry),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    People,
    Timeline,
}

// one per row or screen: a box each would buy nothing
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Browse,
    /// Logging: a numbered choice.
    Pick(Step),
    /// A form; `purpose` says what Enter saves.
    Form(Form, Purpose),
    ConfirmRemove(Ulid),
}

// one per row or screen: a box each would buy nothing
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Person(Option<Ulid>),
    Entry(log::Chosen),
    Resolve(TimelineEntry),
}

pub struct ClientFileScreen {
    pub view: ClientFileView,
    pub theme: Theme,
    pub pane: Pane,
    pub person: usize,
    pub row: usize,
    pub filter: TimelineFilter,
    pub mode: Mode,
    notice: Option<String>,
}

impl ClientFileScreen {
    pub fn new(view: ClientFileView, theme: Theme) -> Self {
        Self {
            view,
            theme,
            pane: Pane::Timeline,
            person: 0,
            row: 0,
            filter: TimelineFilter::All,
            mode: Mode::Browse,
            notice: None,
        }
    }

    /// New data after a write; the selection stays where it can.
    pub fn reload(&mut self, view: ClientFileView) {
        self.view = view;
        self.person = self.person.min(self.view.people.len().saturating_sub(1));
        self.row = self.row.min(self.rows().len().saturating_sub(1));
    }

    pub fn context(&self) -> KeyContext {
        match self.mode {
            Mode::Browse => KeyContext::ClientFile,
            Mode::Pick(_) => KeyContext::ClientPick,
            Mode::Form(..) => KeyContext::ClientForm,
            Mode::ConfirmRemove(_) => KeyContext::Confirm,
        }
    }

    /// The timeline rows the filter shows.
    pub fn rows(&self) -> Vec<&TimelineRow> {
        self.view
            .timeline
            .iter()
            .filter(|r| self.filter == TimelineFilter::All || r.filter == self.filter)
            .collect()
    }

    fn selected_person(&self) -> Option<&Contact> {
        self.view.people.get(self.person)
    }

    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// The form's fields refused by the app (its field ids and reasons).
    pub fn refuse(&mut self, errors: &[(&str, String)]) {
        if let Mode::Form(form, _) = &mut self.mode {
            form.set_errors(errors);
        }
    }

    /// Back to browsing after a write went through.
    pub fn written(&mut self) {
        self.mode = Mode::Browse;
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Browse => self.browse(action),
            Mode::Pick(step) => {
                self.mode = Mode::Pick(step.clone());
                if action == Action::Cancel {
                    self.mode = Mode::Browse;
                    return Some(Effect::None);
                }
                let pick = action.pick()?;
                self.mode = log::after_pick(step, pick, self.view.today);
                Some(Effect::None)
            }
            Mode::Form(mut form, purpose) => match action {
                Action::Cancel | Action::Back => Some(Effect::None),
                Action::NextField => {
                    form.step(1);
                    self.mode = Mode::Form(form, purpose);
                    Some(Effect::None)
                }
                Action::PrevField => {
                    form.step(-1);
                    self.mode = Mode::Form(form, purpose);
                    Some(Effect::None)
                }
                Action::Save | Action::Open => {
                    let effect = self.submit(&mut form, &purpose);
                    // the form stays up until the app says the write went through
                    self.mode = Mode::Form(form, purpose);
                    Some(effect)
                }
                _ => {
                    self.mode = Mode::Form(form, purpose);
                    None
                }
            },
            Mode::ConfirmRemove(id) => match action {
                Action::Yes => Some(Effect::ClientWrite(Box::new(ClientWrite::RemoveContact(
                    id,
                )))),
                _ => Some(Effect::None),
            },
        }
    }

    fn browse(&mut self, action: Action) -> Option<Effect> {
        let code = self.view.store_code.clone();
        match self.pane {
            Pane::People => {
                if let Some(i) = crate::screens::moved(action, self.person, self.view.people.len())
                {
                    self.person = i;
                    return Some(Effect::None);
                }
            }
            Pane::Timeline => {
                if let Some(i) = crate::screens::moved(action, self.row, self.rows().len()) {
                    self.row = i;
                    return Some(Effect::None);
                }
            }
        }
        match action {
            Action::SwitchPane => {
                self.pane = match self.pane {
                    Pane::People => Pane::Timeline,
                    Pane::Timeline => Pane::People,
                };
            }
            Action::CycleFilter => {
                let all = TimelineFilter::ALL;
                let at = all.iter().position(|f| *f == self.filter).unwrap_or(0);
                self.filter = all[(at + 1) % all.len()];
                self.row = 0;
            }
            Action::LogEntry => self.mode = Mode::Pick(Step::Kind),
            Action::AddPerson => {
                self.mode = Mode::Form(log::person_form(None), Purpose::Person(None));
            }
            Action::EditPerson | Action::Open if self.pane == Pane::People => {
                let c = self.selected_person()?.clone();
                self.mode =
                    Mode::Form(log::person_form(Some(&c)), Purpose::Person(Some(c.meta.id)));
            }
            Action::RemovePerson if self.pane == Pane::People => {
                self.mode = Mode::ConfirmRemove(self.selected_person()?.meta.id);
            }
            Action::Open => match &self.rows().get(self.row)?.kind {
                RowKind::Visit { id, .. } => return Some(Effect::OpenVisit(*id)),
                RowKind::Order { .. } => return Some(Effect::OpenOrder(code)),
                _ => return None,
            },
            Action::Resolve => {
                let row = self.rows().get(self.row).copied()?;
                match &row.kind {
                    RowKind::Entry(e) if matches!(&e.kind, EntryKind::Problem(p) if p.resolved.is_none()) =>
                    {
                        self.mode = Mode::Form(log::resolve_form(), Purpose::Resolve(e.clone()));
                    }
                    _ => self.notice = Some(crate::t!("client-resolve-which")),
                }
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    fn submit(&mut self, form: &mut Form, purpose: &Purpose) -> Effect {
        match purpose {
            Purpose::Person(existing) => {
                let draft = log::draft_of(form);
                // the same checks the app makes, so errors show before any write
                let meta = crate::domain::RecordMeta::new(
                    Ulid::nil(),
                    crate::domain::record::Stamp {
                        by: String::new(),
                        device: String::new(),
                        at: chrono::DateTime::UNIX_EPOCH,
                    },
                );
                match draft.validate(meta, &self.view.store_code, self.view.today) {
                    Ok(_) => Effect::ClientWrite(Box::new(ClientWrite::SaveContact {
                        existing: *existing,
                        draft,
                    })),
                    Err(errors) => {
                        let shown: Vec<(&str, String)> = errors
                            .iter()
                            .map(|(f, e)| {
                                (
                                    *f,
                                    crate::t!(&format!(
                                        "contact-error-{}",
                                        e.key().replace('_', "-")
                                    )),
                                )
                            })
                            .collect();
                        form.set_errors(&shown);
                        Effect::None
                    }
                }
            }
            Purpose::Entry(chosen) => match log::entry_of(chosen, form, self.view.today) {
                Ok((kind, text)) => Effect::ClientWrite(Box::new(ClientWrite::Log { kind, text })),
                Err(errors) => {
                    form.set_errors(&errors);
                    Effect::None
                }
            },
            Purpose::Resolve(entry) => match log::resolved(entry, form, self.view.today) {
                Ok(e) => Effect::ClientWrite(Box::new(ClientWrite::Update(e))),
                Err(errors) => {
                    form.set_errors(&errors);
                    Effect::None
                }
            },
        }
    }

    /// Keys for the form being typed in, before the keymap.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        match &mut self.mode {
            Mode::Form(form, _) => form.type_key(key),
            _ => false,
        }
    }

    /// The channel the selected person prefers (for the contact log's default).
    pub fn person_channel(&self) -> Channel {
        self.selected_person()
            .map_or(Channel::Visit, |c| c.preferred)
    }
}

impl crate::screens::Screen for ClientFileScreen {
    fn context(&self) -> KeyContext {
        ClientFileScreen::context(self)
    }

    fn on_key(&mut self, key: KeyEvent) -> EventState {
        if self.type_key(key) {
            EventState::Consumed
        } else {
            EventState::NotConsumed
        }
    }

    fn on_action(&mut self, action: Action) -> Option<Effect> {
        self.handle(action)
    }

    fn take_notice(&mut self) -> Option<String> {
        ClientFileScreen::take_notice(self)
    }

    fn render(&self, area: ratatui::prelude::Rect, buf: &mut ratatui::prelude::Buffer) {
        ratatui::prelude::Widget::render(self, area, buf)
    }
}
