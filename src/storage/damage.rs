//! Damage from the storage engine, told apart from other failures: sled's
//! corruption errors and its panics on a damaged file become "damaged", with
//! `rounds recover` as the way out, never a backtrace.

use std::sync::Once;

/// sled's own word for a damaged file, or an I/O error that means the same.
pub(super) fn is_damage(e: &sled::Error) -> bool {
    match e {
        sled::Error::Corruption { .. } | sled::Error::ReportableBug(_) => true,
        sled::Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
        ),
        _ => false,
    }
}

/// The message of a caught panic.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        format!("the storage engine failed: {s}")
    } else if let Some(s) = panic.downcast_ref::<String>() {
        format!("the storage engine failed: {s}")
    } else {
        "the storage engine failed".into()
    }
}

/// True for a panic raised inside sled (a damaged file), wherever it runs.
pub fn from_storage_engine(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let in_sled = info
        .location()
        .is_some_and(|l| l.file().contains("/sled-") || l.file().contains("\\sled-"));
    in_sled || std::thread::current().name() == Some(super::database::OPEN_THREAD)
}

/// Panics inside the storage engine go to the log, not the terminal: the
/// caller reports them as damage in words. Others keep the previous hook.
pub(super) fn quiet_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if from_storage_engine(info) {
                tracing::error!("storage engine panic: {info}");
            } else {
                previous(info);
            }
        }));
    });
}
