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
    /// A counted stock that covers a line's target level gives it 0; when
    /// false, such a line still gets one case.
    pub zero_when_stock_covers: bool,
    /// Orders delivered below this fill rate are chased.
    pub fill_rate_alert: f64,
    /// Drafts accepted in a row to mark a store trusted...
    pub trusted_after_drafts: u32,
    /// ...each with at least this share of lines unchanged.
    pub trusted_min_unchanged: f64,
    /// Kiosk locks after this many idle seconds.
    pub kiosk_idle_secs: u64,
    /// Automatic backups kept (before imports and migrations, once a day).
    pub backups_keep: u32,
    /// Minutes spent at each store on the day's plan.
    pub route_service_minutes: f64,
    /// Average driving speed, km/h.
    pub route_speed_kmh: f64,
    /// Road km per great-circle km.
    pub route_road_factor: f64,
    /// Length of the working day, hours (back at the start by its end).
    pub route_day_hours: f64,
    /// When the working day starts (8.5 = 08:30).
    pub route_start_hour: f64,
    /// Where the company's reps start and end the day ("LAT,LON"; empty: the first store).
    pub route_start: String,
    /// A rep's own start ("LAT,LON") by rep code (`--set route_start.R01=LAT,LON`).
    pub route_rep_start: std::collections::BTreeMap<String, String>,
    /// The currency of the price list and of every amount (ISO 4217: EUR,
    /// RUB, BGN, RON, GBP...); screens write it in the user's language.
    pub currency: String,
    /// The company's country (ISO 3166: RU, BG, RO, GB): the holidays of a
    /// store whose client file names no country of its own.
    pub country: String,
    /// Days ahead the contact plan and the client file list greetings.
    pub greeting_days: u32,
    /// Loyalty index weights (docs/loyalty.md); behaviour: keeping its buying rhythm...
    pub loyalty_weight_purchase: f64,
    /// ...visits on time...
    pub loyalty_weight_visits: f64,
    /// ...must-stock lines bought again...
    pub loyalty_weight_repeat: f64,
    /// ...drafts accepted unchanged...
    pub loyalty_weight_acceptance: f64,
    /// ...invoices paid on time; attitude: referrals...
    pub loyalty_weight_payment: f64,
    pub loyalty_weight_referrals: f64,
    /// ...complaints, refusals.
    pub loyalty_weight_complaints: f64,
    pub loyalty_weight_refusals: f64,
    /// Stores with at least this index count as loyal (promotions, bulletins).
    pub loyal_min_index: f64,
    /// Who gets an imported promotion whose row leaves `audience` empty:
    /// all, loyal, trusted or loyal_or_trusted.
    pub promotion_audience: super::commerce::Audience,
    /// Risk (0–1) from which a store is flagged at risk.
    pub at_risk_threshold: f64,
    /// A store silent for this many of its usual gaps...
    pub lost_after_gaps: f64,
    /// ...and at least this many days counts as lost.
    pub lost_min_days: i64,
    /// The risk is the chance of no purchase over the next this many days
    /// (or two of the store's usual gaps, if longer): a lapse (docs/loyalty.md).
    pub lapse_horizon_days: i64,
    /// Days of complaints, refusals, referrals and visits the index looks back on.
    pub loyalty_window_days: i64,
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
            zero_when_stock_covers: true,
            fill_rate_alert: 0.80,
            trusted_after_drafts: 3,
            trusted_min_unchanged: 0.90,
            kiosk_idle_secs: 120,
            backups_keep: 7,
            route_service_minutes: 20.0,
            route_speed_kmh: 40.0,
            route_road_factor: 1.3,
            route_day_hours: 9.0,
            route_start_hour: 8.0,
            route_start: String::new(),
            route_rep_start: Default::default(),
            currency: "EUR".into(),
            country: "GB".into(),
            greeting_days: 7,
            loyalty_weight_purchase: 0.30,
            loyalty_weight_visits: 0.15,
            loyalty_weight_repeat: 0.10,
            loyalty_weight_acceptance: 0.10,
            loyalty_weight_payment: 0.10,
            loyalty_weight_referrals: 0.05,
            loyalty_weight_complaints: 0.15,
            loyalty_weight_refusals: 0.05,
            loyal_min_index: 70.0,
            promotion_audience: super::commerce::Audience::All,
            at_risk_threshold: 0.5,
            lost_after_gaps: 4.0,
            lost_min_days: 60,
            lapse_horizon_days: 90,
            loyalty_window_days: 365,
        }
    }
}

impl Settings {
    /// Refuses values that would make the rules meaningless, naming the
    /// setting and the range it takes.
    pub fn validate(&self) -> Result<(), String> {
        let share = |name: &str, v: f64| -> Result<(), String> {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(format!("{name} is a share between 0 and 1, not {v}"))
            }
        };
        let at_least = |name: &str, v: f64, min: f64| -> Result<(), String> {
            if v >= min {
                Ok(())
            } else {
                Err(format!("{name} must be at least {min}, not {v}"))
            }
        };
        share("fast_mover_share", self.fast_mover_share)?;
        at_least("fast_mover_weeks", f64::from(self.fast_mover_weeks), 1.0)?;
        at_least("fast_mover_weight", self.fast_mover_weight, 1.0)?;
        share("price_tolerance", self.price_tolerance)?;
        at_least(
            "expiry_critical_days",
            self.expiry_critical_days as f64,
            0.0,
        )?;
        share("expiry_critical_share", self.expiry_critical_share)?;
        share("expiry_near_share", self.expiry_near_share)?;
        if self.expiry_near_share < self.expiry_critical_share {
            return Err(format!(
                "expiry_near_share ({}) must not be below expiry_critical_share ({})",
                self.expiry_near_share, self.expiry_critical_share
            ));
        }
        at_least(
            "returns_write_off_days",
            self.returns_write_off_days as f64,
            1.0,
        )?;
        at_least("delivery_lead_days", self.delivery_lead_days as f64, 0.0)?;
        if !(0.5..1.0).contains(&self.service_level) {
            return Err(format!(
                "service_level is between 0.5 and 1 (e.g. 0.95), not {}",
                self.service_level
            ));
        }
        share("fill_rate_alert", self.fill_rate_alert)?;
        at_least(
            "trusted_after_drafts",
            f64::from(self.trusted_after_drafts),
            1.0,
        )?;
        share("trusted_min_unchanged", self.trusted_min_unchanged)?;
        at_least("kiosk_idle_secs", self.kiosk_idle_secs as f64, 1.0)?;
        at_least("backups_keep", f64::from(self.backups_keep), 1.0)?;
        at_least("route_service_minutes", self.route_service_minutes, 0.0)?;
        at_least("route_speed_kmh", self.route_speed_kmh, 1.0)?;
        at_least("route_road_factor", self.route_road_factor, 1.0)?;
        if !(self.route_day_hours > 0.0 && self.route_day_hours <= 24.0) {
            return Err(format!(
                "route_day_hours is between 0 and 24, not {}",
                self.route_day_hours
            ));
        }
        if !(0.0..24.0).contains(&self.route_start_hour) {
            return Err(format!(
                "route_start_hour is between 0 and 24 (8.5 = 08:30), not {}",
                self.route_start_hour
            ));
        }
        if !super::money_format::is_currency_code(&self.currency) {
            return Err(format!(
                "currency is an ISO 4217 code of three capital letters (EUR, RUB, BGN, RON, GBP), not {:?}",
                self.currency
            ));
        }
        if super::dates::Calendar::of(&self.country).is_none() {
            let known: Vec<&str> = super::dates::Calendar::all()
                .iter()
                .map(|c| c.country.as_str())
                .collect();
            return Err(format!(
                "country is one whose holidays rounds knows ({}), not {:?}",
                known.join(", "),
                self.country
            ));
        }
        if !(1..=60).contains(&self.greeting_days) {
            return Err(format!(
                "greeting_days is between 1 and 60, not {}",
                self.greeting_days
            ));
        }
        self.validate_loyalty()?;
        self.start_of(None)
            .map_err(|e| format!("route_start: {e}"))?;
        for rep in self.route_rep_start.keys() {
            self.start_of(Some(rep))
                .map_err(|e| format!("route_start.{rep}: {e}"))?;
        }
        Ok(())
    }
}

impl Settings {
    /// The loyalty weights in index order, named (docs/loyalty.md).
    pub fn loyalty_weights(&self) -> [(&'static str, f64); 8] {
        [
            ("loyalty_weight_purchase", self.loyalty_weight_purchase),
            ("loyalty_weight_visits", self.loyalty_weight_visits),
            ("loyalty_weight_repeat", self.loyalty_weight_repeat),
            ("loyalty_weight_acceptance", self.loyalty_weight_acceptance),
            ("loyalty_weight_payment", self.loyalty_weight_payment),
            ("loyalty_weight_referrals", self.loyalty_weight_referrals),
            ("loyalty_weight_complaints", self.loyalty_weight_complaints),
            ("loyalty_weight_refusals", self.loyalty_weight_refusals),
        ]
    }

    fn validate_loyalty(&self) -> Result<(), String> {
        for (name, w) in self.loyalty_weights() {
            if !(w.is_finite() && w >= 0.0) {
                return Err(format!("{name} is a weight of 0 or more, not {w}"));
            }
        }
        if self.loyalty_weights().iter().map(|(_, w)| w).sum::<f64>() <= 0.0 {
            return Err("loyalty weights: at least one must be above 0".into());
        }
        if !(0.0..=100.0).contains(&self.loyal_min_index) {
            return Err(format!(
                "loyal_min_index is between 0 and 100, not {}",
                self.loyal_min_index
            ));
        }
        if !(self.at_risk_threshold > 0.0 && self.at_risk_threshold < 1.0) {
            return Err(format!(
                "at_risk_threshold is between 0 and 1 (e.g. 0.5), not {}",
                self.at_risk_threshold
            ));
        }
        if self.lost_after_gaps.is_nan() || self.lost_after_gaps < 1.0 {
            return Err(format!(
                "lost_after_gaps must be at least 1, not {}",
                self.lost_after_gaps
            ));
        }
        if self.lost_min_days < 1 {
            return Err(format!(
                "lost_min_days must be at least 1, not {}",
                self.lost_min_days
            ));
        }
        if !(1..=730).contains(&self.lapse_horizon_days) {
            return Err(format!(
                "lapse_horizon_days is between 1 and 730, not {}",
                self.lapse_horizon_days
            ));
        }
        if self.loyalty_window_days < 30 {
            return Err(format!(
                "loyalty_window_days must be at least 30, not {}",
                self.loyalty_window_days
            ));
        }
        Ok(())
    }

    /// Where `rep` starts the day: their own start, else the company's, else none.
    pub fn start_of(&self, rep: Option<&str>) -> Result<Option<super::route_plan::LatLon>, String> {
        let text = rep
            .and_then(|r| self.route_rep_start.get(r))
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.route_start);
        if text.trim().is_empty() {
            return Ok(None);
        }
        super::route_plan::LatLon::parse(text).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_are_named() {
        assert_eq!(Settings::default().validate(), Ok(()));
        let cases: [(&str, Settings); 7] = [
            (
                "loyalty_weight_visits",
                Settings {
                    loyalty_weight_visits: -0.1,
                    ..Settings::default()
                },
            ),
            (
                "at_risk_threshold",
                Settings {
                    at_risk_threshold: 1.0,
                    ..Settings::default()
                },
            ),
            (
                "lost_after_gaps",
                Settings {
                    lost_after_gaps: 0.5,
                    ..Settings::default()
                },
            ),
            (
                "price_tolerance",
                Settings {
                    price_tolerance: -1.0,
                    ..Settings::default()
                },
            ),
            (
                "service_level",
                Settings {
                    service_level: 1.5,
                    ..Settings::default()
                },
            ),
            (
                "expiry_near_share",
                Settings {
                    expiry_near_share: 0.05,
                    ..Settings::default()
                },
            ),
            (
                "returns_write_off_days",
                Settings {
                    returns_write_off_days: 0,
                    ..Settings::default()
                },
            ),
        ];
        for (name, s) in cases {
            let err = s.validate().expect_err(name);
            assert!(err.contains(name), "{err}");
        }
    }
}
