//! `rounds settings`: show the company's thresholds, or change one.

use super::{CliResult, Context, Failure};
use crate::domain::Settings;

pub fn run(ctx: &Context, set: &[String]) -> CliResult {
    let db = ctx.open()?;
    let mut settings = db.settings()?;
    if !set.is_empty() {
        let mut value = serde_json::to_value(&settings)?;
        for pair in set {
            let Some((key, raw)) = pair.split_once('=') else {
                return Err(fail(format!(
                    "{pair:?}: use KEY=VALUE, e.g. price_tolerance=0.05"
                )));
            };
            let key = key.trim();
            // the start points are "LAT,LON" text, the company's or a rep's
            if key == "route_start" || key.starts_with("route_start.") {
                let text = raw.trim();
                if !text.is_empty() {
                    crate::domain::route_plan::LatLon::parse(text)
                        .map_err(|e| fail(format!("{key}: {e}")))?;
                }
                match key.strip_prefix("route_start.") {
                    None => value["route_start"] = serde_json::Value::from(text),
                    Some(rep) => {
                        let map = value["route_rep_start"]
                            .as_object_mut()
                            .ok_or_else(|| fail("route_rep_start is not a map".into()))?;
                        if text.is_empty() {
                            map.remove(rep);
                        } else {
                            map.insert(rep.to_string(), serde_json::Value::from(text));
                        }
                    }
                }
                continue;
            }
            let obj = value
                .as_object_mut()
                .ok_or_else(|| fail("settings are not an object".into()))?;
            let Some(old) = obj.get(key) else {
                let known: Vec<&str> = obj.keys().map(String::as_str).collect();
                return Err(fail(format!(
                    "no setting {key:?}; known: {}",
                    known.join(", ")
                )));
            };
            if old.is_string() {
                let text = raw.trim();
                let text = if key == "currency" || key == "country" {
                    text.to_uppercase()
                } else {
                    text.to_string()
                };
                obj.insert(key.to_string(), serde_json::Value::from(text));
                continue;
            }
            if old.is_boolean() {
                let yes = match raw.trim().to_lowercase().as_str() {
                    "true" | "yes" | "on" | "1" => true,
                    "false" | "no" | "off" | "0" => false,
                    _ => return Err(fail(format!("{key}: {raw:?} must be true or false"))),
                };
                obj.insert(key.to_string(), serde_json::Value::from(yes));
                continue;
            }
            let raw = raw.trim().replace(',', ".");
            let new: serde_json::Value = serde_json::from_str(&raw)
                .map_err(|_| fail(format!("{key}: {raw:?} is not a number")))?;
            if !old.is_number() || old.is_u64() && !new.is_u64() || !new.is_number() {
                return Err(fail(format!("{key}: {raw:?} must be a {}", kind(old))));
            }
            obj.insert(key.to_string(), new);
        }
        settings = serde_json::from_value::<Settings>(value)
            .map_err(|e| fail(format!("invalid setting: {e}")))?;
        settings.validate().map_err(fail)?;
        db.put_settings(&settings)?;
    }
    println!("{}", serde_json::to_string_pretty(&settings)?);
    Ok(())
}

fn kind(v: &serde_json::Value) -> &'static str {
    if v.is_u64() {
        "whole number ≥ 0"
    } else {
        "number"
    }
}

fn fail(message: String) -> Failure {
    Failure { code: 1, message }
}
