//! The app's side of the client file and the contact plan: opening them and
//! writing what they ask (people, timeline entries, snoozes) as the viewer.

use super::{App, Page};
use crate::screens::client_file::ClientWrite;
use crate::screens::{ClientFileScreen, ContactPlanScreen, Effect};
use crate::service::client_file as service;
use crate::t;

impl App {
    /// Who signs the client file's records: the logged-in user, else the rep
    /// whose route is open.
    fn author(&self) -> String {
        match self.viewer.only_rep() {
            Some(rep) => rep.to_string(),
            None => self.current_rep().unwrap_or("rep").to_string(),
        }
    }

    pub(super) fn apply_client(&mut self, effect: Effect) -> anyhow::Result<()> {
        match effect {
            Effect::OpenClientFile(code) => {
                match service::client_file(&self.db, &self.clock, &code)? {
                    Some(view) => {
                        self.stack
                            .push(Page::ClientFile(Box::new(ClientFileScreen::new(
                                view, self.theme,
                            ))))
                    }
                    None => self.status = Some(t!("error-unknown-store", code = code)),
                }
            }
            Effect::OpenContactPlan => {
                let rep = self.current_rep().map(str::to_string);
                let items = service::contact_plan_of(&self.db, &self.clock, rep.as_deref())?;
                let screen = ContactPlanScreen::new(items, self.clock.today(), self.theme);
                self.stack.push(Page::ContactPlan(Box::new(screen)));
            }
            Effect::PlanDone(item) => {
                service::plan_done(&self.db, &self.clock, &self.author(), &item)?;
                self.status = Some(t!("plan-done-logged", store = item.store_name.clone()));
                self.refresh_plan()?;
            }
            Effect::PlanSnooze(item) => {
                service::plan_snooze(&self.db, &self.clock, &self.author(), &item)?;
                self.status = Some(t!("plan-snoozed", store = item.store_name.clone()));
                self.refresh_plan()?;
            }
            Effect::ClientWrite(write) => self.client_write(*write)?,
            _ => {}
        }
        Ok(())
    }

    fn client_write(&mut self, write: ClientWrite) -> anyhow::Result<()> {
        let by = self.author();
        let Some(Page::ClientFile(s)) = self.stack.last_mut() else {
            return Ok(());
        };
        let code = s.view.store_code.clone();
        let notice = match write {
            ClientWrite::SaveContact { existing, draft } => {
                let old = existing.and_then(|id| s.view.people.iter().find(|c| c.meta.id == id));
                let old = old.cloned();
                match service::save_contact(&self.db, &self.clock, &by, &code, old.as_ref(), &draft)
                {
                    Ok(c) => t!("client-person-saved", name = c.name),
                    Err(service::SaveError::Fields(errors)) => {
                        let shown: Vec<(&str, String)> = errors
                            .iter()
                            .map(|(f, e)| {
                                (
                                    *f,
                                    t!(&format!("contact-error-{}", e.key().replace('_', "-"))),
                                )
                            })
                            .collect();
                        s.refuse(&shown);
                        return Ok(());
                    }
                    Err(service::SaveError::Storage(e)) => return Err(e.into()),
                }
            }
            ClientWrite::RemoveContact(id) => {
                if let Some(c) = s.view.people.iter().find(|c| c.meta.id == id).cloned() {
                    service::remove_contact(&self.db, &self.clock, &by, &c)?;
                }
                t!("client-person-removed")
            }
            ClientWrite::Log { kind, text } => {
                let contact = s.view.people.get(s.person).map(|c| c.meta.id);
                let contact = contact.filter(|_| {
                    matches!(kind, crate::domain::client::EntryKind::ContactMade { .. })
                });
                service::log_entry(&self.db, &self.clock, &by, &code, kind, &text, contact)?;
                t!("client-logged")
            }
            ClientWrite::Update(entry) => {
                service::update_entry(&self.db, &self.clock, &by, &entry)?;
                t!("client-resolved")
            }
        };
        if let Some(view) = service::client_file(&self.db, &self.clock, &code)? {
            s.reload(view);
        }
        s.written();
        self.status = Some(notice);
        Ok(())
    }

    pub(super) fn refresh_plan(&mut self) -> anyhow::Result<()> {
        let rep = self.current_rep().map(str::to_string);
        let items = service::contact_plan_of(&self.db, &self.clock, rep.as_deref())?;
        if let Some(Page::ContactPlan(s)) = self.stack.last_mut() {
            s.reload(items);
        }
        Ok(())
    }
}
