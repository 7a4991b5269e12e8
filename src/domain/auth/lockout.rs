//! The lockout rule for wrong PINs: the first two cost nothing, from the
//! third each one doubles the wait before the next try (1 s, 2 s, 4 s...),
//! and the tenth locks the user for 30 minutes or until a supervisor unlocks.
//! The counter is stored, so restarting the program does not reset it.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Wrong PINs in a row that lock the user.
pub const LOCK_AFTER: u32 = 10;
/// How long a locked user stays locked.
pub const LOCK_MINUTES: i64 = 30;
/// Wrong PINs that cost no wait.
pub const FREE_TRIES: u32 = 2;

/// A user's run of wrong PINs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attempts {
    pub failures: u32,
    pub last_failure: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockState {
    /// A PIN may be tried now.
    Open,
    /// Too soon after the last wrong PIN: wait until then.
    Wait(DateTime<Utc>),
    /// Locked (ten wrong PINs) until then, or until a supervisor unlocks.
    Locked(DateTime<Utc>),
}

/// The wait after `failures` wrong PINs in a row.
pub fn delay_after(failures: u32) -> Duration {
    if failures <= FREE_TRIES {
        Duration::zero()
    } else {
        Duration::seconds(1i64 << (failures - FREE_TRIES - 1).min(20))
    }
}

impl Attempts {
    pub fn state(&self, now: DateTime<Utc>) -> LockState {
        let Some(last) = self.last_failure else {
            return LockState::Open;
        };
        if self.failures >= LOCK_AFTER {
            let until = last + Duration::minutes(LOCK_MINUTES);
            return if now < until {
                LockState::Locked(until)
            } else {
                LockState::Open
            };
        }
        let until = last + delay_after(self.failures);
        if now < until {
            LockState::Wait(until)
        } else {
            LockState::Open
        }
    }

    /// After a wrong PIN. A lock that ran out starts a fresh count.
    pub fn failed(self, now: DateTime<Utc>) -> Self {
        let failures = if self.failures >= LOCK_AFTER {
            1
        } else {
            self.failures + 1
        };
        Self {
            failures,
            last_failure: Some(now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
    }

    #[test]
    fn delays_grow_from_the_third_wrong_pin() {
        for (failures, secs) in [(0, 0), (1, 0), (2, 0), (3, 1), (4, 2), (5, 4), (9, 64)] {
            assert_eq!(delay_after(failures), Duration::seconds(secs), "{failures}");
        }
    }

    #[test]
    fn lockout_timing() {
        let mut a = Attempts::default();
        assert_eq!(a.state(t0()), LockState::Open);
        a = a.failed(t0()).failed(t0());
        assert_eq!(
            a.state(t0()),
            LockState::Open,
            "two wrong PINs cost nothing"
        );
        a = a.failed(t0());
        assert_eq!(a.state(t0()), LockState::Wait(t0() + Duration::seconds(1)));
        assert_eq!(a.state(t0() + Duration::seconds(1)), LockState::Open);
        let mut now = t0();
        while a.failures < LOCK_AFTER {
            now += delay_after(a.failures);
            a = a.failed(now);
        }
        let until = now + Duration::minutes(30);
        assert_eq!(a.state(now), LockState::Locked(until));
        assert_eq!(
            a.state(until - Duration::seconds(1)),
            LockState::Locked(until)
        );
        assert_eq!(a.state(until), LockState::Open, "30 minutes later");
        // a wrong PIN after the lock ran out starts a fresh count
        assert_eq!(a.failed(until).failures, 1);
    }
}
