//! The app: a stack of screens, overlays that take keys first, and the
//! effects that screens return, applied here against storage.

mod client;
mod review;

use super::Action;
use super::keymap::{self, KeyContext};
use crate::clock::Clock;
use crate::domain::auth::Viewer;
use crate::screens::{
    DashboardScreen, DemoOffer, Effect, EventState, HelpOverlay, OrderScreen, ReviewListScreen,
    RouteScreen, Screen, StoreCardScreen, StoreListScreen, VisitDetailScreen, VisitScreen,
};
use crate::service::{views, views_order};
use crate::storage::Database;
use crate::t;
use crate::ui::Theme;
use crate::ui::footer::Footer;
use crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::prelude::*;

enum EffectKind {
    New,
    Other,
}

/// A screen on the stack. The pump sees every one as a [`Screen`]; the
/// variants let effects reach the screen they change.
pub enum Page {
    Route(Box<RouteScreen>),
    StoreList(Box<StoreListScreen>),
    StoreCard(Box<StoreCardScreen>),
    Visit(Box<VisitScreen>),
    Order(Box<OrderScreen>),
    Dashboard(Box<DashboardScreen>),
    ReviewList(Box<ReviewListScreen>),
    VisitDetail(Box<VisitDetailScreen>),
    Conflicts(Box<crate::screens::ConflictsScreen>),
    ClientFile(Box<crate::screens::ClientFileScreen>),
    ContactPlan(Box<crate::screens::ContactPlanScreen>),
}

impl Page {
    fn screen(&self) -> &dyn Screen {
        match self {
            Page::Route(s) => s.as_ref(),
            Page::StoreList(s) => s.as_ref(),
            Page::StoreCard(s) => s.as_ref(),
            Page::Visit(s) => s.as_ref(),
            Page::Order(s) => s.as_ref(),
            Page::Dashboard(s) => s.as_ref(),
            Page::ReviewList(s) => s.as_ref(),
            Page::VisitDetail(s) => s.as_ref(),
            Page::Conflicts(s) => s.as_ref(),
            Page::ClientFile(s) => s.as_ref(),
            Page::ContactPlan(s) => s.as_ref(),
        }
    }

    fn screen_mut(&mut self) -> &mut dyn Screen {
        match self {
            Page::Route(s) => s.as_mut(),
            Page::StoreList(s) => s.as_mut(),
            Page::StoreCard(s) => s.as_mut(),
            Page::Visit(s) => s.as_mut(),
            Page::Order(s) => s.as_mut(),
            Page::Dashboard(s) => s.as_mut(),
            Page::ReviewList(s) => s.as_mut(),
            Page::VisitDetail(s) => s.as_mut(),
            Page::Conflicts(s) => s.as_mut(),
            Page::ClientFile(s) => s.as_mut(),
            Page::ContactPlan(s) => s.as_mut(),
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
    stack: Vec<Page>,
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
            .push(Page::Route(Box::new(RouteScreen::new(view, theme))));
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
                .map(|p| p.screen().context())
                .unwrap_or(KeyContext::Route),
        }
    }

    /// Keys left out of the footer and help: the layer's and the screen's.
    fn hide_now(&self) -> Vec<Action> {
        let mut hide = self.hidden.clone();
        if let Some(p) = self.stack.last() {
            hide.extend(p.screen().hidden_actions());
        }
        hide
    }

    /// The event pump: the popup, else the screen (its text fields first,
    /// then its keymap), and what neither takes goes to the global keys.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.status = None;
        if self.overlay.is_none()
            && let Some(page) = self.stack.last_mut()
        {
            match page.screen_mut().on_key(key) {
                EventState::NotConsumed => {}
                EventState::Consumed => return self.after_screen(Effect::None),
                EventState::Asked(effect) => return self.after_screen(effect),
            }
        }
        if let Some(action) = keymap::lookup(self.context(), key) {
            self.on_action(action);
        }
    }

    /// Pasted text goes to the field being typed in (never to the keymap).
    pub fn on_paste(&mut self, text: &str) {
        self.status = None;
        if self.overlay.is_some() {
            return;
        }
        if let Some(page) = self.stack.last_mut() {
            match page.screen_mut().on_paste(text) {
                EventState::NotConsumed => {}
                EventState::Consumed => self.after_screen(Effect::None),
                EventState::Asked(effect) => self.after_screen(effect),
            }
        }
    }

    pub fn on_action(&mut self, action: Action) {
        if self.overlay.is_some() {
            return self.overlay_action(action);
        }
        let Some(page) = self.stack.last_mut() else {
            self.quit = true;
            return;
        };
        let screen = page.screen_mut();
        if screen.unbound_actions().contains(&action) {
            return;
        }
        match screen.on_action(action) {
            Some(effect) => self.after_screen(effect),
            None => self.global(action),
        }
    }

    /// The keys every screen shares, handled once here.
    fn global(&mut self, action: Action) {
        let effect = match action {
            Action::Help => Effect::Help,
            Action::Back => Effect::Back,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        };
        self.apply(effect);
    }

    fn overlay_action(&mut self, action: Action) {
        match &self.overlay {
            Some(Overlay::Help(_)) => {
                if matches!(action, Action::Back | Action::Quit | Action::Help) {
                    self.overlay = None;
                }
            }
            Some(Overlay::DemoOffer(_)) => match action {
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
            None => {}
        }
    }

    /// Applies a screen's effect, then shows the screen's notice, if it
    /// has one (a failure the effect met is shown instead).
    fn after_screen(&mut self, effect: Effect) {
        let notice = self
            .stack
            .last_mut()
            .and_then(|p| p.screen_mut().take_notice());
        if self.apply(effect)
            && let Some(notice) = notice
        {
            self.status = Some(notice);
        }
    }

    /// Applies an effect; false when it failed (the footer says why).
    fn apply(&mut self, effect: Effect) -> bool {
        // a rep logged in works only at their own stores
        if self.refused_for_viewer(&effect) {
            return false;
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
                    Some(view) => self
                        .stack
                        .push(Page::StoreCard(Box::new(StoreCardScreen::new(
                            view, self.theme,
                        )))),
                    None => self.status = Some(t!("error-unknown-store", code = code)),
                },
                Effect::OpenStoreList { search } => {
                    let rows = views::store_rows(&self.db)?;
                    let screen = StoreListScreen::new(rows, search, self.theme);
                    self.stack.push(Page::StoreList(Box::new(screen)));
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
                            self.stack.push(Page::Order(Box::new(screen)));
                        }
                        None => self.status = Some(t!("error-unknown-store", code = code)),
                    }
                }
                Effect::SaveOrder => {
                    if let Some(Page::Order(s)) = self.stack.last_mut() {
                        if let Err(e) = self.db.put_order(&s.view.order) {
                            // as for a visit: what is stored comes back, and the footer says what failed
                            let code = s.view.store.code.clone();
                            if let Some(view) =
                                views_order::order_view(&self.db, &self.clock, &code)?
                            {
                                s.reload(view);
                            }
                            anyhow::bail!("{}", t!("order-save-failed", error = e.to_string()));
                        }
                        s.view.saved = true;
                        self.status = Some(t!("order-saved"));
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
                        Some(screen) => self.stack.push(Page::Visit(Box::new(screen))),
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
                    if let Some(Page::Route(s)) = self.stack.last_mut() {
                        s.set_plan(plan);
                    }
                }
                Effect::VisitWrites(writes) => {
                    if let Some(Page::Visit(s)) = self.stack.last_mut() {
                        super::views_visit::apply_writes(&self.db, &self.clock, s, &writes)?;
                    }
                }
                e @ (Effect::OpenClientFile(_)
                | Effect::OpenContactPlan
                | Effect::PlanDone(_)
                | Effect::PlanSnooze(_)
                | Effect::ClientWrite(_)) => self.apply_client(e)?,
                other => self.apply_review(other)?,
            }
            Ok(())
        })();
        match result {
            Ok(()) => true,
            Err(e) => {
                tracing::error!(error = %e, "action failed");
                self.status = Some(e.to_string());
                false
            }
        }
    }

    /// Reloads the screen on top from storage (after a change or on return).
    fn refresh(&mut self) -> anyhow::Result<()> {
        let rep = self.current_rep().map(str::to_string);
        if let Some(Page::Route(s)) = self.stack.last_mut() {
            s.reload(views::route_view(&self.db, &self.clock, rep.as_deref())?);
        }
        if let Some(Page::ContactPlan(_)) = self.stack.last() {
            self.refresh_plan()?;
        }
        if let Some(Page::ClientFile(s)) = self.stack.last_mut()
            && let Some(view) =
                crate::service::client_file::client_file(&self.db, &self.clock, &s.view.store_code)?
        {
            s.reload(view);
        }
        // back from a visit: the card shows the problems and returns it logged
        if let Some(Page::StoreCard(s)) = self.stack.last_mut()
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
        if let Some(page) = self.stack.last() {
            page.screen().render(main, buf);
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
