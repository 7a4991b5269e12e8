//! Users, roles and PINs: who is working, and what they may see.
//! PINs are kept only as Argon2id hashes; the lockout rule slows guessing.

pub mod lockout;
pub mod pin;
pub mod role;
pub mod user;

pub use lockout::{Attempts, LockState};
pub use pin::{PinError, PinHash, hash_pin, looks_like_pin, validate_pin, verify_pin};
pub use role::Viewer;
pub use user::{Role, User};
