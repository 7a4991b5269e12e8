//! The client file of a store: its people, the relationship timeline
//! (complaints, refusals, problems, contacts made, competitors, referrals).
//! Visits, orders and returns are records of their own; the timeline
//! filter names them so one list can show everything.

mod bulletin;
mod contact;
mod plan;
mod profile;
mod timeline;
mod validate;

pub use bulletin::{Bulletin, BulletinError, Recipient, Segment, SegmentFacts, recipients};
pub use contact::{Birthday, Contact, ContactDraft, FieldError};
pub use plan::{PlanItem, PlanReason, PlanSnooze, PlanStore, contact_plan, done_entry};
pub use profile::StoreProfile;
pub use timeline::{
    ContactOutcome, ContactTopic, EntryKind, ProblemEntry, Resolution, TimelineEntry,
    TimelineFilter, WhyLost,
};
pub use validate::{
    ContactError, check_email, check_messenger, check_name, check_phone, parse_date,
};
