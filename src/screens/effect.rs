//! What a screen asks the app to do: the app applies it against storage.

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
    /// A store's client file.
    OpenClientFile(String),
    /// Write what the client file on top asks (a person, an entry).
    ClientWrite(Box<crate::screens::client_file::ClientWrite>),
    /// Today's contact plan of the rep on the route.
    OpenContactPlan,
    /// Log the contact a plan item asks for.
    PlanDone(Box<crate::domain::client::PlanItem>),
    /// Put a plan item off until tomorrow.
    PlanSnooze(Box<crate::domain::client::PlanItem>),
    /// Plan the day's drive (again) from the last store visited today,
    /// leaving out the skipped stores.
    PlanRoute {
        skipped: Vec<String>,
        from_store: Option<String>,
    },
}
