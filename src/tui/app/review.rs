//! The app's side of review and dashboard: opening the screens and applying
//! their effects (comments and reviews are written here, for the viewer).

use super::{App, Page};
use crate::domain::auth::Viewer;
use crate::screens::Effect;
use crate::screens::{DashboardScreen, ReviewListScreen, VisitDetailScreen};
use crate::service::views_review as views;
use crate::t;
use crate::tui::Action;

impl App {
    /// Restricts the app to what `viewer` may see: a rep only their own route.
    pub fn set_viewer(&mut self, viewer: Viewer) {
        if let Some(own) = viewer.only_rep() {
            self.reps.retain(|r| r == own);
            self.rep = (!self.reps.is_empty()).then_some(0);
            let _ = self.refresh();
        }
        // keys a viewer may not use are not offered in the footer
        if !viewer.can_review() {
            self.hidden.extend([Action::Comment, Action::ApproveVisit]);
        }
        self.viewer = viewer;
    }

    /// The theme of screens opened from now on (the kiosk's high contrast).
    pub fn set_theme(&mut self, theme: crate::ui::Theme) {
        self.theme = theme;
    }

    pub fn viewer(&self) -> &Viewer {
        &self.viewer
    }

    /// Screens open on the stack (1: only the first screen).
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    pub fn has_overlay(&self) -> bool {
        self.overlay.is_some()
    }

    /// Gives the database back (the kiosk keeps it while locked).
    pub fn into_db(self) -> crate::storage::Database {
        self.db
    }

    /// Where a viewer starts: a supervisor on the team dashboard (Esc goes
    /// back to the route), a rep on their route.
    pub fn land_by_role(&mut self) -> anyhow::Result<()> {
        if self.viewer.is_supervisor() {
            let view =
                views::dashboard_view(&self.db, &self.clock, &self.viewer, self.clock.today(), 28)?;
            self.stack
                .push(Page::Dashboard(Box::new(DashboardScreen::new(
                    view, self.theme,
                ))));
        }
        Ok(())
    }

    /// Replaces the first screen with the dashboard (the kiosk's start).
    pub fn start_at_dashboard(&mut self) -> anyhow::Result<()> {
        let view =
            views::dashboard_view(&self.db, &self.clock, &self.viewer, self.clock.today(), 28)?;
        self.stack.clear();
        self.stack
            .push(Page::Dashboard(Box::new(DashboardScreen::new(
                view, self.theme,
            ))));
        Ok(())
    }

    /// True (with a message) when a logged-in rep asks to start or resume a
    /// visit, or open an order, at another rep's store.
    pub(super) fn refused_for_viewer(&mut self, effect: &Effect) -> bool {
        let Some(own) = self.viewer.only_rep() else {
            return false;
        };
        let code = match effect {
            Effect::StartVisit(code)
            | Effect::OpenOrder(code)
            | Effect::NewOrder(code)
            | Effect::OpenClientFile(code) => code,
            _ => return false,
        };
        let theirs = match self.db.store(code) {
            Ok(Some(store)) => store.rep != own,
            // unknown stores are refused by the screens themselves
            Ok(None) => false,
            Err(_) => true,
        };
        if theirs {
            self.status = Some(t!("error-own-visits-only"));
        }
        theirs
    }

    pub(super) fn apply_review(&mut self, effect: Effect) -> anyhow::Result<()> {
        match effect {
            Effect::OpenDashboard => {
                if let Some(i) = self
                    .stack
                    .iter()
                    .position(|s| matches!(s, Page::Dashboard(_)))
                {
                    self.stack.truncate(i + 1);
                    return Ok(());
                }
                let view = views::dashboard_view(
                    &self.db,
                    &self.clock,
                    &self.viewer,
                    self.clock.today(),
                    28,
                )?;
                self.stack
                    .push(Page::Dashboard(Box::new(DashboardScreen::new(
                        view, self.theme,
                    ))));
            }
            Effect::LoadDashboard { to, days } => {
                let view = views::dashboard_view(&self.db, &self.clock, &self.viewer, to, days)?;
                if let Some(Page::Dashboard(s)) = self.stack.last_mut() {
                    s.reload(view);
                }
            }
            Effect::OpenReview => {
                let (rows, reps) = views::review_rows(&self.db, &self.clock, &self.viewer)?;
                let (rep, period) = match self.stack.last() {
                    Some(Page::Dashboard(d)) => (
                        d.view
                            .rows
                            .get(d.selected)
                            .and_then(|r| r.who.split(' ').next())
                            .filter(|code| reps.iter().any(|r| r == code))
                            .map(str::to_string),
                        // the dashboard's period carries over: its last day and length
                        Some((d.view.to, (d.view.to - d.view.from).num_days() + 1)),
                    ),
                    _ => (None, None),
                };
                let mut screen =
                    ReviewListScreen::new(rows, reps, self.clock.today(), rep, self.theme);
                if let Some((to, days)) = period {
                    screen.set_period(to, days);
                }
                self.stack.push(Page::ReviewList(Box::new(screen)));
            }
            Effect::OpenVisit(id) => {
                let view = views::visit_detail(&self.db, &self.viewer, id)?;
                self.stack
                    .push(Page::VisitDetail(Box::new(VisitDetailScreen::new(
                        view, self.theme,
                    ))));
            }
            Effect::AddComment(id, text) => {
                self.db
                    .add_comment(&self.viewer, id, &text, self.clock.now())?;
                self.status = Some(t!("review-comment-saved"));
                self.refresh_review(id)?;
            }
            Effect::MarkReviewed(id) => {
                self.db.mark_reviewed(&self.viewer, id, self.clock.now())?;
                self.status = Some(t!("review-marked"));
                self.refresh_review(id)?;
            }
            Effect::OpenConflicts => {
                let rows = self.db.conflicts(false)?;
                self.stack.push(Page::Conflicts(Box::new(
                    crate::screens::ConflictsScreen::new(rows, self.theme),
                )));
            }
            Effect::SettleConflict(id, choice) => {
                if matches!(self.viewer, Viewer::Rep { .. }) {
                    self.status = Some(t!("conflicts-supervisor-only"));
                    return Ok(());
                }
                let stamp = crate::domain::Stamp {
                    by: self.viewer.actor().to_string(),
                    device: self.db.device().to_string(),
                    at: self.clock.now(),
                };
                let result = self.db.settle_conflict(&id, &choice, &stamp);
                // whatever happened, the list shows what is stored
                let rows = self.db.conflicts(false)?;
                if let Some(Page::Conflicts(s)) = self.stack.last_mut() {
                    s.reload(rows);
                }
                result?;
                let c = self.db.conflict(&id)?;
                let value = c
                    .resolution
                    .as_ref()
                    .map(|r| crate::screens::conflicts::readable(&r.value, &c.field))
                    .unwrap_or_default();
                self.status = Some(t!(
                    "conflicts-settled",
                    id = c.id().chars().take(10).collect::<String>(),
                    field = c.field.clone(),
                    value = value
                ));
            }
            Effect::Status(text) => self.status = Some(text),
            _ => {}
        }
        Ok(())
    }

    /// After a review or comment: the visit page and the list below it.
    fn refresh_review(&mut self, id: ulid::Ulid) -> anyhow::Result<()> {
        let view = views::visit_detail(&self.db, &self.viewer, id)?;
        let (rows, _) = views::review_rows(&self.db, &self.clock, &self.viewer)?;
        for screen in self.stack.iter_mut() {
            match screen {
                Page::VisitDetail(s) if s.view.id == id => s.reload(view.clone()),
                Page::ReviewList(s) => s.reload(rows.clone()),
                _ => {}
            }
        }
        Ok(())
    }
}
