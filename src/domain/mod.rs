//! Pure domain types and rules: nothing here knows the terminal or the database.

pub mod assortment;
pub mod commerce;
pub mod ean;
pub mod forecast;
pub mod money;
pub mod order;
pub mod product;
pub mod record;
pub mod rep;
pub mod route;
pub mod route_plan;
pub mod sales;
pub mod settings;
pub mod store;
pub mod visit;
pub mod weekdays;

pub use assortment::AssortmentLine;
pub use commerce::{DeliveryLine, Invoice, Promotion};
pub use ean::Ean;
pub use money::Money;
pub use product::Product;
pub use record::{RecordMeta, Stamp};
pub use rep::Rep;
pub use route::{RouteStop, todays_route};
pub use sales::{SalePoint, SalesSeries};
pub use settings::Settings;
pub use store::{Channel, Store};
pub use visit::{Visit, VisitStatus, VisitStep};
pub use weekdays::WeekdaySet;
pub mod auth;
pub mod journal;
pub mod kpi;
pub mod merge;
pub mod review;
