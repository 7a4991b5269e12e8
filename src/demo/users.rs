//! The demo's users (known PINs, for trying the kiosk) and a review history:
//! older visits reviewed by the supervisor, some with comments. The PIN
//! hashes are made once (Argon2id, m=19456,t=2,p=1) so loading stays fast.

use crate::domain::auth::{PinHash, Role, User};
use crate::domain::review::{VisitComment, VisitReview};
use crate::domain::{RecordMeta, Stamp, Visit, VisitStatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use ulid::Ulid;

/// (name, role, rep code, PIN, hash of the PIN) — the README lists them.
pub const DEMO_USERS: &[(&str, Role, Option<&str>, &str, &str)] = &[
    (
        "olga",
        Role::Supervisor,
        None,
        "9999",
        "$argon2id$v=19$m=19456,t=2,p=1$5ViiwsNzZPQba0kGtmVa2g$Ocr+H4FwRdJFJxlHpwQDgFerRutI0tyiCEBfqhDsUtw",
    ),
    (
        "ivan",
        Role::Rep,
        Some("R01"),
        "1111",
        "$argon2id$v=19$m=19456,t=2,p=1$DU/cZXLSJ2xh9Yi1Z6zWmw$D7144+qjO3QB1Qf3OkGdUhg4Rnn0F/P3lY7KJl6f9To",
    ),
    (
        "maria",
        Role::Rep,
        Some("R02"),
        "2222",
        "$argon2id$v=19$m=19456,t=2,p=1$aP1ChapdbZpAub8FZlnbHQ$hRV1HKojwMnswMPjKOKMnnxPPQ77BDmc4u9m6INLhxo",
    ),
    (
        "andrei",
        Role::Rep,
        Some("R03"),
        "3333",
        "$argon2id$v=19$m=19456,t=2,p=1$YaJySupD6SC1BO1hxpMh8g$W3Bz9UhlJR2hsJHB2cin8eWov69Ip/BA7dPvZ2Tk9fQ",
    ),
    (
        "emma",
        Role::Rep,
        Some("R04"),
        "4444",
        "$argon2id$v=19$m=19456,t=2,p=1$MrGrHpKj5EOohYfpiVWgOg$Qkq8mGePVqkXkSkdkHt4treBFMBIOuQm/0GeSvXaI3s",
    ),
];

const COMMENTS: &[&str] = &[
    "Хорошая выкладка, но проверьте сроки молочки в следующий раз.",
    "Please push the new juice line here; the manager asked twice.",
    "Два просроченных йогурта на полке — обсудите с директором ротацию.",
    "Good visit. Ask for a second facing of the best seller.",
];

fn stamp(device: &str, at: DateTime<Utc>) -> Stamp {
    Stamp {
        by: "demo".into(),
        device: device.to_string(),
        at,
    }
}

pub fn users(device: &str, at: DateTime<Utc>) -> Vec<User> {
    DEMO_USERS
        .iter()
        .enumerate()
        .map(|(i, (name, role, rep, _, hash))| User {
            meta: RecordMeta::new(
                Ulid::from_parts(at.timestamp_millis().max(0) as u64, i as u128),
                stamp(device, at),
            ),
            name: (*name).to_string(),
            role: *role,
            rep_code: rep.map(str::to_string),
            pin: PinHash((*hash).to_string()),
        })
        .collect()
}

/// Submitted visits older than a week: two of three reviewed the next
/// morning; every fifth reviewed one carries a comment.
pub fn reviews(
    visits: &[Visit],
    today: NaiveDate,
    device: &str,
) -> (Vec<VisitReview>, Vec<VisitComment>) {
    let mut reviews = Vec::new();
    let mut comments = Vec::new();
    let cutoff = today - Duration::days(7);
    let mut n = 0usize;
    for v in visits {
        if v.status != VisitStatus::Submitted || v.date > cutoff {
            continue;
        }
        n += 1;
        if n.is_multiple_of(3) {
            continue;
        }
        let at = v.checked_in + Duration::hours(24);
        let id =
            |k: u128| Ulid::from_parts(at.timestamp_millis().max(0) as u64, (n as u128) << 4 | k);
        reviews.push(VisitReview {
            meta: RecordMeta::new(id(1), stamp(device, at)),
            visit: v.meta.id,
            by: "olga".into(),
            at,
        });
        if n % 5 == 1 {
            let at = at - Duration::minutes(2);
            comments.push(VisitComment {
                meta: RecordMeta::new(id(2), stamp(device, at)),
                visit: v.meta.id,
                by: "olga".into(),
                at,
                text: COMMENTS[(n / 5) % COMMENTS.len()].to_string(),
            });
        }
    }
    (reviews, comments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::auth::verify_pin;

    #[test]
    fn demo_pins_match_their_hashes() {
        for (name, _, _, pin, hash) in DEMO_USERS {
            assert!(verify_pin(pin, &PinHash(hash.to_string())), "{name}");
            assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        }
    }
}
