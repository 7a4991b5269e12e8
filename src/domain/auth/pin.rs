//! PINs: 4–8 digits, stored only as Argon2id PHC strings with at least the
//! OWASP minimum cost (19 MiB memory, 2 passes, 1 lane).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

/// Memory cost in KiB (19 MiB), passes and lanes: OWASP's minimum for Argon2id.
pub const MEMORY_KIB: u32 = 19_456;
pub const PASSES: u32 = 2;
pub const LANES: u32 = 1;

/// An Argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`).
/// Debug prints nothing of it, so it cannot leak into logs.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash(pub String);

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PinHash(..)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is 4 to 8 digits")]
    Format,
    #[error("the PIN could not be hashed: {0}")]
    Hash(String),
}

/// 4–8 ASCII digits; anything else is refused without echoing it back.
pub fn validate_pin(pin: &str) -> Result<(), PinError> {
    let ok = (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit());
    if ok { Ok(()) } else { Err(PinError::Format) }
}

/// True for what could be a PIN (4–8 digits) typed into the user-name field:
/// such a name is never stored or logged.
pub fn looks_like_pin(name: &str) -> bool {
    validate_pin(name.trim()).is_ok()
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_pin(pin: &str) -> Result<PinHash, PinError> {
    validate_pin(pin)?;
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
        .map_err(|e| PinError::Hash(e.to_string()))?;
    let hash = argon2()
        .hash_password(pin.as_bytes(), &salt)
        .map_err(|e| PinError::Hash(e.to_string()))?;
    Ok(PinHash(hash.to_string()))
}

/// True when `pin` matches. The parameters come from the stored string, so
/// hashes made with a higher cost later still verify.
pub fn verify_pin(pin: &str, hash: &PinHash) -> bool {
    match PasswordHash::new(&hash.0) {
        Ok(parsed) => Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_format_boundaries() {
        for (pin, ok) in [
            ("123", false),
            ("1234", true),
            ("12345678", true),
            ("123456789", false),
            ("12a4", false),
            ("", false),
            ("１２３４", false), // full-width digits are not ASCII digits
        ] {
            assert_eq!(validate_pin(pin).is_ok(), ok, "{pin:?}");
        }
    }

    #[test]
    fn argon2id_with_owasp_minimum_and_verification() {
        let h = hash_pin("4711").unwrap();
        assert!(
            h.0.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{}",
            h.0
        );
        assert!(verify_pin("4711", &h));
        assert!(!verify_pin("4712", &h));
        assert!(!verify_pin("", &h));
        // the same PIN hashes differently each time (random salt)
        assert_ne!(hash_pin("4711").unwrap(), h);
        // a damaged hash verifies nothing
        assert!(!verify_pin("4711", &PinHash("garbage".into())));
        assert_eq!(format!("{h:?}"), "PinHash(..)");
    }
}
