//! A retail store on a rep's route, with its client file basics.

use super::{Money, RecordMeta, WeekdaySet};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Channel {
    #[default]
    Visit,
    Phone,
    Email,
    Messenger,
}

impl Channel {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "" | "visit" => Some(Self::Visit),
            "phone" | "call" => Some(Self::Phone),
            "email" | "e-mail" | "mail" => Some(Self::Email),
            "messenger" | "chat" | "whatsapp" | "viber" | "telegram" => Some(Self::Messenger),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Messenger => "messenger",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub meta: RecordMeta,
    pub code: String,
    pub name: String,
    pub address: String,
    pub city: String,
    pub decision_maker: String,
    pub phone: String,
    pub email: String,
    pub preferred_channel: Channel,
    pub visit_every_days: u16,
    pub visit_weekdays: WeekdaySet,
    /// Code of the rep whose route the store is on.
    pub rep: String,
    /// Position on the rep's route for the day (lower first).
    pub route_order: u32,
    pub deferral_days: u16,
    pub credit_limit: Money,
}
