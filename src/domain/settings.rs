//! Every threshold of the domain is a setting with the default of DESIGN.md,
//! so a company can tune it without a new release (`rounds settings`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Share of a store's must-stock lines that count as fast movers (by units, last 8 weeks).
    pub fast_mover_share: f64,
    /// Weeks of sales that decide the fast movers.
    pub fast_mover_weeks: u32,
    /// Weight of a fast mover in weighted OSA (other lines weigh 1).
    pub fast_mover_weight: f64,
    /// Price seen within ± this share of the list price is compliant.
    pub price_tolerance: f64,
    /// Critical: at most this many days left...
    pub expiry_critical_days: i64,
    /// ...or at most this share of the shelf life left.
    pub expiry_critical_share: f64,
    /// Near: at most this share of the shelf life left.
    pub expiry_near_share: f64,
    /// Returns not written off within this many days are flagged.
    pub returns_write_off_days: i64,
    /// Days from order to delivery.
    pub delivery_lead_days: i64,
    /// Service level for safety stock.
    pub service_level: f64,
    /// Orders delivered below this fill rate are chased.
    pub fill_rate_alert: f64,
    /// Drafts accepted in a row to mark a store trusted...
    pub trusted_after_drafts: u32,
    /// ...each with at least this share of lines unchanged.
    pub trusted_min_unchanged: f64,
    /// Kiosk locks after this many idle seconds.
    pub kiosk_idle_secs: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            fast_mover_share: 0.20,
            fast_mover_weeks: 8,
            fast_mover_weight: 2.0,
            price_tolerance: 0.03,
            expiry_critical_days: 1,
            expiry_critical_share: 0.10,
            expiry_near_share: 0.25,
            returns_write_off_days: 7,
            delivery_lead_days: 1,
            service_level: 0.95,
            fill_rate_alert: 0.80,
            trusted_after_drafts: 3,
            trusted_min_unchanged: 0.90,
            kiosk_idle_secs: 120,
        }
    }
}
