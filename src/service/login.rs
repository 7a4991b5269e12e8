//! Logging in: the words for a refused login, the same on the command line
//! and in the kiosk.

use crate::storage::Login;

/// Words for a refused login (`None` when it succeeded).
pub fn refusal(login: &Login) -> Option<String> {
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono::Local)
            .format("%H:%M:%S")
            .to_string()
    };
    match login {
        Login::Ok(_) => None,
        Login::Refused { .. } => Some(crate::t!("login-refused")),
        Login::Wait(until) => Some(crate::t!("login-wait", until = local(*until))),
        Login::Locked(until) => Some(crate::t!("login-locked", until = local(*until))),
    }
}
