//! The shared vocabulary of keymap, help, footer and tests: what a key means.
//! Each action's doc comment says what it does; its snake_case name is the
//! one keymap files use, and its label (a Fluent id) is what the footer and
//! `?` help show.

use serde::{Deserialize, Serialize};

macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $name:ident => $label:literal, )+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[doc = $doc])+ $name, )+
        }

        impl Action {
            /// Every action, in the order they are declared.
            pub const ALL: &'static [Action] = &[$(Action::$name),+];

            /// Fluent message id of the short label shown in the footer and help.
            pub fn label_key(self) -> &'static str {
                match self {
                    $(Self::$name => $label,)+
                }
            }

            /// What the action does (its doc comment).
            pub fn doc(self) -> &'static str {
                match self {
                    $(Self::$name => concat!($($doc),+),)+
                }
            }
        }
    };
}

actions! {
    /// Leave the app (asks nothing: every change is already saved).
    Quit => "key-quit",
    /// Go back to the screen before, or close a popup.
    Back => "key-back",
    /// Move the selection one row up (the footer's entry for moving).
    Up => "key-up",
    /// Move the selection one row down.
    Down => "key-down",
    /// Move the selection ten rows up.
    PageUp => "key-page-up",
    /// Move the selection ten rows down.
    PageDown => "key-page-down",
    /// Select the first row.
    Top => "key-top",
    /// Select the last row.
    Bottom => "key-bottom",
    /// Open the selected item, or end what is being typed.
    Open => "key-open",
    /// Type a search or filter.
    Search => "key-search",
    /// Show every key of the screen, with what it does.
    Help => "key-help",
    /// All stores, searchable by name, city or code.
    StoreList => "key-store-list",
    /// The next rep's route.
    NextRep => "key-next-rep",
    /// The previous rep's route.
    PrevRep => "key-prev-rep",
    /// Answer yes to the question asked.
    Yes => "key-yes",
    /// Answer no to the question asked.
    No => "key-no",
    /// The supervisor's dashboard of the team's figures.
    Dashboard => "key-dashboard",
    /// The list of visits to review.
    Review => "key-review",
    /// Add a comment to the visit (supervisor).
    Comment => "key-comment",
    /// Mark the visit reviewed (asks first).
    ApproveVisit => "key-mark-reviewed",
    /// Cycle the period shown (a week, four weeks, a quarter, all).
    PeriodLonger => "key-period-longer",
    /// Show the period before.
    PeriodBack => "key-period-back",
    /// Show the period after.
    PeriodForward => "key-period-forward",
    /// Cycle the review status filter.
    FilterStatus => "key-filter-status",
    /// Cycle the rep filter.
    FilterRep => "key-filter-rep",
    /// Kiosk: lock the screen for the next user.
    Logout => "key-logout",
    /// Kiosk: end the kiosk (a supervisor's PIN completes it).
    EndKiosk => "key-end-kiosk",
    /// Check in at the store, or pick its open visit up again.
    StartVisit => "key-start-visit",
    /// Audit: the line is on the shelf.
    OnShelf => "key-on-shelf",
    /// Audit: the line is missing (asks why).
    NotOnShelf => "key-not-on-shelf",
    /// Audit: type the line's facings.
    Facings => "key-facings",
    /// Audit: type the price seen on the shelf.
    PriceSeen => "key-price-seen",
    /// Visit: the next step (audit, expiry, returns, notes, check-out).
    NextStep => "key-next-step",
    /// Visit: the step before.
    PrevStep => "key-prev-step",
    /// Add a batch, a return or a note (by step).
    Add => "key-add",
    /// Notes: record a problem with a due date.
    AddProblem => "key-add-problem",
    /// Expiry: the batch was pulled from the shelf.
    Pulled => "key-pulled",
    /// Expiry: the batch was moved to the front.
    MoveFront => "key-move-front",
    /// Expiry: a markdown was proposed for the batch.
    Markdown => "key-markdown",
    /// Expiry: make the batch into a return.
    MakeReturn => "key-make-return",
    /// Returns: the return was written off.
    WriteOff => "key-write-off",
    /// Returns: close a written-off return.
    CloseReturn => "key-close-return",
    /// Notes: the selected problem is resolved.
    Resolve => "key-resolve",
    /// Check-out: submit the visit (asks first).
    Submit => "key-submit",
    /// Correct a submitted visit (asks first; changes become amendments).
    Amend => "key-amend",
    /// Form: the next field, or save on the last one.
    Save => "key-save",
    /// Form: the next field.
    NextField => "key-next-field",
    /// Form: the field before.
    PrevField => "key-prev-field",
    /// Close the form without saving.
    Cancel => "key-cancel",
    /// Type or scan a barcode: a digit starts it.
    Scan => "key-scan",
    /// The store's order (its open one, or a new draft).
    Order => "key-order",
    /// Order: type the selected line's quantity.
    EditQty => "key-edit-qty",
    /// Order: one case more on the selected line.
    MoreCase => "key-more",
    /// Order: one case less on the selected line.
    LessCase => "key-less",
    /// Order: strike the selected line (quantity 0).
    Strike => "key-strike",
    /// Order: add a product by name or EAN.
    AddLine => "key-add-line",
    /// Order: say why the decision maker lowered the line.
    Refusal => "key-refusal",
    /// Order: the decision maker reviewed the draft.
    MarkReviewed => "key-reviewed",
    /// Order: send the reviewed order (asks first).
    SendOrder => "key-send",
    /// Order: trust the store (its orders go out without review).
    TrustStore => "key-trust",
    /// Order: a new draft for a store whose last order was sent.
    NewOrder => "key-new-order",
    /// Open the conflict log (supervisor).
    Conflicts => "key-conflicts",
    /// Keep the value that stayed.
    KeepValue => "key-keep-value",
    /// Take the value that lost instead.
    TakeLost => "key-take-lost",
    /// Type a third value.
    TypeValue => "key-type-value",
    /// Route: plan (or re-plan from the current position) the day's drive.
    Replan => "key-replan",
    /// Route: skip the selected store today (the next re-plan leaves it out).
    Skip => "key-skip",
    /// Route: the map of the day's drive, or back to the list.
    ToggleMap => "key-map",
    /// Route: move the selected store one place earlier by hand.
    MoveUp => "key-move-up",
    /// Route: move the selected store one place later by hand.
    MoveDown => "key-move-down",
    /// A picker (why a line is missing, why an order line was lowered): the first choice.
    Pick1 => "key-pick-1",
    /// A picker: the second choice.
    Pick2 => "key-pick-2",
    /// A picker: the third choice.
    Pick3 => "key-pick-3",
    /// A picker: the fourth choice.
    Pick4 => "key-pick-4",
    /// A picker: the fifth choice.
    Pick5 => "key-pick-5",
    /// A picker: the sixth choice.
    Pick6 => "key-pick-6",
    /// A picker: the seventh choice.
    Pick7 => "key-pick-7",
    /// Store card, contact plan: the store's client file (people, dates, timeline).
    ClientFile => "key-client-file",
    /// Route: today's contact plan (greetings, calls, problems, stores at risk).
    ContactPlan => "key-contact-plan",
    /// Client file: log a complaint, refusal, problem, contact, competitor or referral.
    LogEntry => "key-log-entry",
    /// Client file: add a person to the store's people.
    AddPerson => "key-add-person",
    /// Client file: edit the selected person.
    EditPerson => "key-edit-person",
    /// Client file: remove the selected person (asks first).
    RemovePerson => "key-remove-person",
    /// Client file: move between the people and the timeline.
    SwitchPane => "key-switch-pane",
    /// Client file: show one kind of timeline entry, then the next kind.
    CycleFilter => "key-cycle-filter",
    /// Contact plan: the selected contact is made (logs it in the client file).
    MarkDone => "key-mark-done",
    /// Contact plan: put the selected item off until tomorrow.
    Snooze => "key-snooze",
}

impl Action {
    /// The name keymap files use (`start_visit`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The action of a keymap file's name.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The choice of a picker action (0-based).
    pub fn pick(self) -> Option<usize> {
        Some(match self {
            Self::Pick1 => 0,
            Self::Pick2 => 1,
            Self::Pick3 => 2,
            Self::Pick4 => 3,
            Self::Pick5 => 4,
            Self::Pick6 => 5,
            Self::Pick7 => 6,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_documented_and_named() {
        for a in Action::ALL {
            assert!(a.doc().trim().len() > 8, "{a:?} has no doc");
            assert_eq!(Action::from_name(&a.name()), Some(*a));
            assert!(a.label_key().starts_with("key-"));
        }
        assert_eq!(Action::StartVisit.name(), "start_visit");
    }
}
