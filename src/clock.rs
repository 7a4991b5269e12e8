//! "Today" comes from a clock that tests and demos can pin (`--today`).

use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeZone, Utc};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed: Option<NaiveDate>,
}

impl Clock {
    pub fn system() -> Self {
        Self { fixed: None }
    }

    pub fn fixed(date: NaiveDate) -> Self {
        Self { fixed: Some(date) }
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed.unwrap_or_else(|| Local::now().date_naive())
    }

    /// The current instant; with a pinned day, that day at the real time of day,
    /// so records made in a pinned session still sort in the order they were made.
    pub fn now(&self) -> DateTime<Utc> {
        match self.fixed {
            None => Utc::now(),
            Some(day) => {
                let time: NaiveTime = Local::now().time();
                Local
                    .from_local_datetime(&day.and_time(time))
                    .earliest()
                    .map(|t| t.with_timezone(&Utc))
                    .unwrap_or_else(|| Utc.from_utc_datetime(&day.and_time(time)))
            }
        }
    }
}

/// The clock of security timers (PIN back-off and lockout): the real wall
/// clock, never the pinned `--today` / `ROUNDS_TODAY`. Within one process the
/// waits are also held on the monotonic clock (see `storage::users`), so
/// moving the system clock does not shorten them there.
pub fn security_now() -> DateTime<Utc> {
    Utc::now()
}
