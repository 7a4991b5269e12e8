//! The app: a stack of screens, overlays that take keys first, and the
//! effects that screens return, applied here against storage.

mod review;

use super::keymap::{self, KeyContext};
use super::{Action, views, views_order};
use crate::clock::Clock;
use crate::domain::auth::Viewer;
use crate::screens::{
    DashboardScreen, DemoOffer, HelpOverlay, OrderScreen, ReviewListScreen, RouteScreen,
    StoreCardScreen, StoreListScreen, VisitDetailScreen, VisitScreen,
};
use crate::storage::Database;
use crate::t;
use crate::ui::Theme;
use crate::ui::footer::Footer;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::prelude::*;

/// What a screen asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Back,
    Quit,
    Help,
    OpenStore(String),
    OpenStoreList {
        search: bool,
    },
    SwitchRep(isize),
    /// Check in at a store, or resume its open visit.
    StartVisit(String),
    /// Changes of the visit on top, to be saved durably.
    VisitWrites(Vec<crate::domain::visit::VisitWrite>),
    /// The order screen of a store (its open order, or a new draft).
    OpenOrder(String),
    /// Write the order on the order screen (durably) after a change.
    SaveOrder,
    TrustStore(String),
    /// Start a new draft for a store whose last order was sent.
    NewOrder(String),
    OpenDashboard,
    LoadDashboard {
        to: chrono::NaiveDate,
        days: i64,
    },
    OpenReview,
    OpenVisit(ulid::Ulid),
    AddComment(ulid::Ulid, String),
    MarkReviewed(ulid::Ulid),
    /// The conflict log (supervisors).
    OpenConflicts,
    /// Settle a conflict by id.
    SettleConflict(String, crate::storage::Choice),
    /// A message for the footer.
    Status(String),
    /// Plan the day's drive (again) from the last store visited today,
    /// leaving out the skipped stores.
    PlanRoute {
        skipped: Vec<String>,
        from_store: Option<String>,
    },
}

enum EffectKind {
    New,
    Other,
}

pub enum Screen {
    Route(Box<RouteScreen>),
    StoreList(Box<StoreListScreen>),
    StoreCard(Box<StoreCardScreen>),
    Visit(Box<VisitScreen>),
    Order(Box<OrderScreen>),
    Dashboard(Box<DashboardScreen>),
    ReviewList(Box<ReviewListScreen>),
    VisitDetail(Box<VisitDetailScreen>),
    Conflicts(Box<crate::screens::ConflictsScreen>),
}

impl Screen {
    fn context(&self) -> KeyContext {
        match self {
            Screen::Route(s) => s.context(),
            Screen::StoreList(s) => s.context(),
            Screen::StoreCard(s) => s.context(),
            Screen::Visit(s) => s.context(),
            Screen::Order(s) => s.context(),
            Screen::Dashboard(s) => s.context(),
            Screen::ReviewList(s) => s.context(),
            Screen::VisitDetail(s) => s.context(),
            Screen::Conflicts(s) => s.context(),
        }
    }
}

enum Overlay {
    Help(HelpOverlay),
    DemoOffer(DemoOffer),
}

pub struct App {
    db: Database,
    clock: Clock,
    theme: Theme,
    reps: Vec<String>,
    rep: Option<usize>,
    stack: Vec<Screen>,
    overlay: Option<Overlay>,
    status: Option<String>,
    pub quit: bool,
    /// Who is looking (Local on an unlocked laptop); see `set_viewer`.
    viewer: Viewer,
    /// Actions the footer leaves out (a layer such as the kiosk blocks them).
    pub hidden: Vec<Action>,
}

impl App {
    /// `rep`: the rep whose route opens first (else the first rep by code).
    /// The database the app works on (the kiosk's inbox imports into it).
    pub fn db(&self) -> &Database {
        &self.db
    }

    /// A message for the footer (shown until the next key).
    pub fn set_status(&mut self, text: String) {
        self.status = Some(text);
    }

    pub fn new(db: Database, clock: Clock, rep: Option<&str>) -> anyhow::Result<Self> {
        let theme = Theme::Standard;
        let mut app = Self {
            db,
            clock,
            theme,
            reps: vec![],
            rep: None,
            stack: vec![],
            overlay: None,
            status: None,
            quit: false,
            viewer: Viewer::Local,
            hidden: vec![],
        };
        app.load_reps(rep)?;
        let view = views::route_view(&app.db, &app.clock, app.current_rep())?;
        app.stack
            .push(Screen::Route(Box::new(RouteScreen::new(view, theme))));
        if app.db.is_empty()? {
            app.overlay = Some(Overlay::DemoOffer(DemoOffer { theme }));
        }
        Ok(app)
    }

    fn load_reps(&mut self, wanted: Option<&str>) -> anyhow::Result<()> {
        self.reps = self.db.reps()?.into_iter().map(|r| r.code).collect();
        self.rep = match wanted {
            Some(code) => match self.reps.iter().position(|r| r == code) {
                Some(i) => Some(i),
                None => anyhow::bail!("{}", t!("error-unknown-rep", rep = code)),
            },
            None => (!self.reps.is_empty()).then_some(0),
        };
        Ok(())
    }

    fn current_rep(&self) -> Option<&str> {
        self.rep.and_then(|i| self.reps.get(i)).map(String::as_str)
    }

    pub fn context(&self) -> KeyContext {
        match &self.overlay {
            Some(Overlay::Help(_)) => KeyContext::Help,
            Some(Overlay::DemoOffer(_)) => KeyContext::DemoOffer,
            None => self
                .stack
                .last()
                .map(Screen::context)
                .unwrap_or(KeyContext::Route),
        }
    }

    /// Keys the top screen says do not apply right now (e.g. amend on an open visit).
    fn screen_hidden(&self) -> Vec<Action> {
        match self.stack.last() {
            Some(Screen::Visit(s)) => s.hidden_actions(),
            _ => vec![],
        }
    }

    /// Keys the top screen does not act on right now.
    fn screen_unbound(&self) -> Vec<Action> {
        match self.stack.last() {
            Some(Screen::Visit(s)) => s.unbound_actions(),
            _ => vec![],
        }
    }

    /// Keys left out of the footer and help: the layer's and the screen's.
    fn hide_now(&self) -> Vec<Action> {
        let mut hide = self.hidden.clone();
        hide.extend(self.screen_hidden());
        hide
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.status = None;
        // a screen with a text field takes printable keys before the keymap
        if self.overlay.is_none()
            && let Some(Screen::StoreList(s)) = self.stack.last_mut()
            && s.type_key(key)
        {
            return;
        }
        // the visit takes text for its forms, search and scans first
        if self.overlay.is_none()
            && let Some(Screen::Visit(s)) = self.stack.last_mut()
            && let Some(effect) = s.on_key(key)
        {
            self.apply(effect);
            return;
        }
        if self.overlay.is_none()
            && let Some(Screen::Order(s)) = self.stack.last_mut()
            && let Some(effect) = s.type_key(key)
        {
            self.after_order(effect);
            return;
        }
        if self.overlay.is_none() {
            let typed = match self.stack.last_mut() {
                Some(Screen::ReviewList(s)) => s.type_key(key),
                Some(Screen::VisitDetail(s)) => s.type_key(key),
                Some(Screen::Conflicts(s)) => s.type_key(key),
                _ => false,
            };
            if typed {
                return;
            }
        }
        if let Some(action) = keymap::lookup(self.context(), key) {
            if self.overlay.is_none() && self.screen_unbound().contains(&action) {
                return;
            }
            self.on_action(action);
        }
    }

    pub fn on_action(&mut self, action: Action) {
        if let Some(overlay) = &self.overlay {
            match overlay {
                Overlay::Help(_) => {
                    if matches!(action, Action::Back | Action::Quit | Action::Help) {
                        self.overlay = None;
                    }
                }
                Overlay::DemoOffer(_) => match action {
                    Action::Yes => {
                        self.overlay = None;
                        self.load_demo();
                    }
                    Action::No => {
                        self.overlay = None;
                        self.status = Some(t!("demo-declined"));
                    }
                    Action::Quit => self.quit = true,
                    _ => {}
                },
            }
            return;
        }
        let effect = match self.stack.last_mut() {
            Some(Screen::Route(s)) => s.handle(action),
            Some(Screen::StoreList(s)) => s.handle(action),
            Some(Screen::StoreCard(s)) => s.handle(action),
            Some(Screen::Visit(s)) => s.handle(action),
            Some(Screen::Dashboard(s)) => s.handle(action),
            Some(Screen::ReviewList(s)) => s.handle(action),
            Some(Screen::VisitDetail(s)) => s.handle(action),
            Some(Screen::Conflicts(s)) => s.handle(action),
            Some(Screen::Order(s)) => {
                let effect = s.handle(action);
                self.after_order(effect);
                return;
            }
            None => Effect::Quit,
        };
        self.apply(effect);
    }

    /// Applies an order screen's effect, then shows its notice (unless saving failed).
    fn after_order(&mut self, effect: Effect) {
        let saving = effect == Effect::SaveOrder;
        self.apply(effect);
        if let Some(Screen::Order(s)) = self.stack.last_mut()
            && let Some(notice) = s.notice.take()
        {
            self.status = Some(notice);
        } else if saving && self.status.is_none() {
            self.status = Some(t!("order-saved"));
        }
    }

    fn apply(&mut self, effect: Effect) {
        // a rep logged in works only at their own stores
        if self.refused_for_viewer(&effect) {
            return;
        }
        let effect_kind = if matches!(effect, Effect::NewOrder(_)) {
            EffectKind::New
        } else {
            EffectKind::Other
        };
        let result: anyhow::Result<()> = (|| {
            match effect {
                Effect::None => {}
                Effect::Quit => self.quit = true,
                Effect::Back => {
                    if self.stack.len() > 1 {
                        self.stack.pop();
                        self.refresh()?;
                    } else {
                        self.quit = true;
                    }
                }
                Effect::Help => {
                    self.overlay = Some(Overlay::Help(HelpOverlay {
                        for_ctx: self.context(),
                        theme: self.theme,
                        hide: self.hide_now(),
                    }))
                }
                Effect::OpenStore(code) => match views::store_card(&self.db, &self.clock, &code)? {
                    Some(view) => {
                        self.stack
                            .push(Screen::StoreCard(Box::new(StoreCardScreen::new(
                                view, self.theme,
                            ))))
                    }
                    None => self.status = Some(t!("error-unknown-store", code = code)),
                },
                Effect::OpenStoreList { search } => {
                    let rows = views::store_rows(&self.db)?;
                    let screen = StoreListScreen::new(rows, search, self.theme);
                    self.stack.push(Screen::StoreList(Box::new(screen)));
                }
                Effect::OpenOrder(code) | Effect::NewOrder(code) => {
                    let fresh = matches!(effect_kind, EffectKind::New);
                    let view = if fresh {
                        views_order::new_order_view(&self.db, &self.clock, &code)?
                    } else {
                        views_order::order_view(&self.db, &self.clock, &code)?
                    };
                    match view {
                        Some(view) => {
                            let catalog = views_order::catalog(&self.db)?;
                            let screen = OrderScreen::new(view, catalog, self.theme);
                            if fresh {
                                self.stack.pop();
                            }
                            self.stack.push(Screen::Order(Box::new(screen)));
                        }
                        None => self.status = Some(t!("error-unknown-store", code = code)),
                    }
                }
                Effect::SaveOrder => {
                    if let Some(Screen::Order(s)) = self.stack.last_mut() {
                        self.db.put_order(&s.view.order)?;
                        s.view.saved = true;
                    }
                }
                Effect::TrustStore(code) => {
                    self.db.put_store_trust(&crate::storage::StoreTrust {
                        meta: crate::domain::RecordMeta::fresh(
                            "rep",
                            self.db.device(),
                            self.clock.now(),
                        ),
                        store_code: code.clone(),
                        trusted: true,
                        since: self.clock.today(),
                    })?;
                    self.status = Some(t!("order-marked-trusted", store = code));
                }
                Effect::SwitchRep(delta) => {
                    if !self.reps.is_empty() {
                        let n = self.reps.len() as isize;
                        let cur = self.rep.unwrap_or(0) as isize;
                        self.rep = Some((cur + delta).rem_euclid(n) as usize);
                        self.refresh()?;
                    }
                }
                Effect::StartVisit(code) => {
                    match super::views_visit::open_visit(&self.db, &self.clock, &code, self.theme)?
                    {
                        Some(screen) => self.stack.push(Screen::Visit(Box::new(screen))),
                        None => self.status = Some(t!("error-unknown-store", code = code)),
                    }
                }
                Effect::PlanRoute {
                    skipped,
                    from_store,
                } => {
                    let rep = self.current_rep().map(str::to_string);
                    let plan = match rep.as_deref() {
                        Some(rep) => views::plan_route(
                            &self.db,
                            &self.clock,
                            rep,
                            &skipped,
                            from_store.as_deref(),
                        )?,
                        None => None,
                    };
                    self.status = Some(match &plan {
                        None => t!("route-nothing-to-plan"),
                        Some(p) => {
                            let stops = p.plan.stops.len();
                            let km = format!("{:.1}", p.plan.total_km);
                            match &from_store {
                                Some(store) => {
                                    t!(
                                        "route-replanned-from",
                                        store = store.clone(),
                                        stops = stops,
                                        km = km
                                    )
                                }
                                None => t!("route-replanned", stops = stops, km = km),
                            }
                        }
                    });
                    if let Some(Screen::Route(s)) = self.stack.last_mut() {
                        s.set_plan(plan);
                    }
                }
                Effect::VisitWrites(writes) => {
                    if let Some(Screen::Visit(s)) = self.stack.last_mut() {
                        super::views_visit::apply_writes(&self.db, &self.clock, s, &writes)?;
                    }
                }
                other => self.apply_review(other)?,
            }
            Ok(())
        })();
        if let Err(e) = result {
            tracing::error!(error = %e, "action failed");
            self.status = Some(e.to_string());
        }
    }

    /// Reloads the screen on top from storage (after a change or on return).
    fn refresh(&mut self) -> anyhow::Result<()> {
        let rep = self.current_rep().map(str::to_string);
        if let Some(Screen::Route(s)) = self.stack.last_mut() {
            s.reload(views::route_view(&self.db, &self.clock, rep.as_deref())?);
        }
        // back from a visit: the card shows the problems and returns it logged
        if let Some(Screen::StoreCard(s)) = self.stack.last_mut()
            && let Some(view) = views::store_card(&self.db, &self.clock, &s.view.store.code)?
        {
            s.view = view;
        }
        Ok(())
    }

    fn load_demo(&mut self) {
        match crate::demo::load(&self.db, &self.clock) {
            Ok(summary) => {
                self.status = Some(t!("demo-loaded", stores = summary.stores));
                if let Err(e) = self.load_reps(None).and_then(|_| self.refresh()) {
                    self.status = Some(e.to_string());
                }
            }
            Err(e) => self.status = Some(e.to_string()),
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [main, footer] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        match self.stack.last() {
            Some(Screen::Route(s)) => s.render(main, buf),
            Some(Screen::StoreList(s)) => s.render(main, buf),
            Some(Screen::StoreCard(s)) => s.render(main, buf),
            Some(Screen::Visit(s)) => s.render(main, buf),
            Some(Screen::Dashboard(s)) => s.render(main, buf),
            Some(Screen::ReviewList(s)) => s.render(main, buf),
            Some(Screen::VisitDetail(s)) => s.render(main, buf),
            Some(Screen::Conflicts(s)) => s.render(main, buf),
            Some(Screen::Order(s)) => s.render(main, buf),
            None => {}
        }
        match &self.overlay {
            Some(Overlay::Help(h)) => h.render(main, buf),
            Some(Overlay::DemoOffer(d)) => d.render(main, buf),
            None => {}
        }
        Footer {
            ctx: self.context(),
            theme: self.theme,
            status: self.status.clone(),
            hide: self.hide_now(),
        }
        .render(footer, buf);
    }
}
