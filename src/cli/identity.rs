//! Who runs a command: `--user NAME` logs in with a PIN (asked without echo
//! on a terminal, else read as one line of standard input); without it the
//! command runs as the local owner of the data directory.

use super::{CliResult, Context, Failure};
use crate::domain::auth::Viewer;
use crate::storage::{Database, Login};
use std::io::IsTerminal;

fn fail(message: String) -> Failure {
    Failure { code: 1, message }
}

/// Reads a PIN: without echo from the terminal, or one line of standard input.
/// The PIN is never echoed, logged or put in an error.
pub fn read_pin(prompt: &str) -> Result<String, Failure> {
    let pin = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(prompt).map_err(|e| fail(format!("cannot read the PIN: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| fail(format!("cannot read the PIN from standard input: {e}")))?;
        line
    };
    Ok(pin.trim().to_string())
}

pub use crate::service::login::refusal;

/// The viewer for this command: `--user` logged in, else the local owner.
pub fn viewer(ctx: &Context, db: &Database) -> Result<Viewer, Failure> {
    let Some(name) = &ctx.user else {
        return Ok(Viewer::Local);
    };
    if let Some(v) = ctx.login.get() {
        return Ok(v.clone());
    }
    let pin = read_pin(&format!("PIN for {name}: "))?;
    let login = db.login(name, &pin)?;
    match &login {
        Login::Ok(user) => Ok(ctx.login.get_or_init(|| Viewer::of(user)).clone()),
        other => Err(fail(refusal(other).unwrap_or_default())),
    }
}

/// A viewer allowed to manage users: the local owner or a supervisor.
pub fn admin(ctx: &Context, db: &Database) -> Result<Viewer, Failure> {
    let v = viewer(ctx, db)?;
    if matches!(v, Viewer::Rep { .. }) {
        return Err(fail(crate::t!("error-supervisors-only")));
    }
    Ok(v)
}

/// `rounds --user NAME` (no command): the TUI as that user; a rep sees only
/// their own route, visits and figures.
pub fn run_tui_as(ctx: &Context, rep: Option<&str>) -> CliResult {
    let db = ctx.open()?;
    let viewer = viewer(ctx, &db)?;
    let rep = viewer
        .only_rep()
        .map(str::to_string)
        .or(rep.map(str::to_string));
    let mut app = crate::tui::App::new(db, ctx.clock, rep.as_deref())?;
    app.set_viewer(viewer);
    app.land_by_role()?;
    crate::tui::run::run(app)?;
    super::backup::end_of_day(ctx);
    Ok(())
}
