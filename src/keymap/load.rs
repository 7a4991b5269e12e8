//! Reading keymap files: the embedded defaults and a user's overrides.
//! An entry is `action = ["keys", …]` or `action = { keys = [...], footer = false }`.

use super::{Action, Binding, Keymap, LOCKED_LAYERS, key};
use std::collections::HashMap;
use std::fmt;

/// What is wrong with a keymap file, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for KeymapError {}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line of `[layer]`, or of `action` under it.
fn locate(text: &str, layer: &str, action: Option<&str>) -> Option<usize> {
    let header = format!("[{layer}]");
    let mut lines = text.lines().enumerate();
    let (at, _) = lines.find(|(_, l)| l.trim() == header)?;
    let Some(action) = action else {
        return Some(at + 1);
    };
    lines
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(action)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
}

fn error(text: &str, layer: &str, action: Option<&str>, message: String) -> KeymapError {
    KeymapError {
        line: locate(text, layer, action),
        message,
    }
}

fn parse_table(text: &str) -> Result<toml::Table, KeymapError> {
    toml::from_str::<toml::Table>(text).map_err(|e| KeymapError {
        line: e.span().map(|s| line_at(text, s.start)),
        message: e.message().trim().to_string(),
    })
}

/// One entry's keys and footer flag (None: keep the default's).
fn entry(
    text: &str,
    layer: &str,
    name: &str,
    value: &toml::Value,
) -> Result<(Vec<key::Key>, Option<bool>), KeymapError> {
    let fail = |m: String| error(text, layer, Some(name), m);
    let (keys, footer) = match value {
        toml::Value::Array(keys) => (keys, None),
        toml::Value::Table(t) => {
            let keys = t
                .get("keys")
                .and_then(toml::Value::as_array)
                .ok_or_else(|| fail(format!("{name}: give keys = [\"…\"]")))?;
            (keys, t.get("footer").and_then(toml::Value::as_bool))
        }
        _ => return Err(fail(format!("{name}: give a list of keys, e.g. [\"x\"]"))),
    };
    let keys = keys
        .iter()
        .map(|k| {
            let k = k
                .as_str()
                .ok_or_else(|| fail(format!("{name}: a key is written as a string")))?;
            key::parse(k).map_err(|m| fail(format!("{name}: {m}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((keys, footer))
}

fn action(text: &str, layer: &str, name: &str) -> Result<Action, KeymapError> {
    Action::from_name(name).ok_or_else(|| {
        error(
            text,
            layer,
            Some(name),
            format!("no action called \"{name}\" (see `?` for the names)"),
        )
    })
}

/// Derives each binding's shown text once the keys are final.
fn derive_shown(bindings: &mut [Binding]) {
    let has_down = bindings.iter().any(|b| b.action == Action::Down);
    for b in bindings {
        b.shown = key::shown_keys(&b.keys, has_down);
    }
}

pub(super) fn parse_defaults(text: &str) -> Result<Keymap, KeymapError> {
    let table = parse_table(text)?;
    let mut layers = HashMap::new();
    for (layer, entries) in &table {
        let entries = entries
            .as_table()
            .ok_or_else(|| error(text, layer, None, format!("{layer}: not a table")))?;
        let mut bindings = Vec::new();
        for (name, value) in entries {
            let (keys, footer) = entry(text, layer, name, value)?;
            bindings.push(Binding {
                keys,
                shown: String::new(),
                action: action(text, layer, name)?,
                footer: footer.unwrap_or(true),
            });
        }
        derive_shown(&mut bindings);
        layers.insert(layer.clone(), bindings);
    }
    Ok(Keymap { layers })
}

/// Puts a user's entries over the map: the action's keys are replaced, and
/// a key taken from another action of the same layer leaves it.
pub(super) fn apply_user(map: &mut Keymap, text: &str) -> Result<(), KeymapError> {
    let table = parse_table(text)?;
    for (layer, entries) in &table {
        if LOCKED_LAYERS.contains(&layer.as_str()) {
            return Err(error(
                text,
                layer,
                None,
                format!("[{layer}]: the kiosk's keys cannot be changed"),
            ));
        }
        let Some(entries) = entries.as_table() else {
            return Err(error(text, layer, None, format!("{layer}: not a table")));
        };
        let shared = shared_layer_of(map, layer, entries);
        let Some(bindings) = map.layers.get_mut(layer) else {
            let known = {
                let mut names: Vec<&String> = map.layers.keys().collect();
                names.sort();
                names.into_iter().cloned().collect::<Vec<_>>().join(", ")
            };
            return Err(error(
                text,
                layer,
                None,
                format!("no screen called [{layer}] (one of: {known})"),
            ));
        };
        for (name, value) in entries {
            let act = action(text, layer, name)?;
            let (keys, footer) = entry(text, layer, name, value)?;
            let Some(at) = bindings.iter().position(|b| b.action == act) else {
                let hint = shared
                    .get(name)
                    .map(|l| format!(" (it is in [{l}])"))
                    .unwrap_or_default();
                return Err(error(
                    text,
                    layer,
                    Some(name),
                    format!("[{layer}] has no {name}{hint}"),
                ));
            };
            for (i, other) in bindings.iter_mut().enumerate() {
                if i != at {
                    other.keys.retain(|k| !keys.contains(k));
                }
            }
            bindings[at].keys = keys;
            if let Some(footer) = footer {
                bindings[at].footer = footer;
            }
        }
        bindings.retain(|b| !b.keys.is_empty());
        derive_shown(bindings);
    }
    Ok(())
}

/// For a helpful error: which shared layer holds each action named.
fn shared_layer_of(
    map: &Keymap,
    layer: &str,
    entries: &toml::Table,
) -> HashMap<String, &'static str> {
    let mut out = HashMap::new();
    for name in entries.keys() {
        let Some(act) = Action::from_name(name) else {
            continue;
        };
        for shared in ["moves", "visit_common", "global"] {
            if shared != layer && map.layer(shared).iter().any(|b| b.action == act) {
                out.insert(name.clone(), shared);
            }
        }
    }
    out
}
