//! Key notation of the keymap files (`q`, `<Enter>`, `<C-c>`) and the text
//! the footer and help show for a key, derived from the key code.

use crossterm::event::{KeyCode, KeyModifiers};

pub type Key = (KeyCode, KeyModifiers);

const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("S-Tab", KeyCode::BackTab),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Space", KeyCode::Char(' ')),
];

/// Parses one key: a character as itself, or a name in angle brackets.
pub fn parse(text: &str) -> Result<Key, String> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok((KeyCode::Char(c), KeyModifiers::NONE));
    }
    let bad = || {
        format!(
            "unknown key \"{text}\" (a character, or one of <Enter> <Esc> <Tab> <Up> <F1> <C-x> …)"
        )
    };
    let name = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .ok_or_else(bad)?;
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Ok((*code, KeyModifiers::NONE));
    }
    if let Some(rest) = name.strip_prefix("C-").or_else(|| name.strip_prefix("c-")) {
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok((KeyCode::Char(c.to_ascii_lowercase()), KeyModifiers::CONTROL));
        }
    }
    if let Some(n) = name
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Ok((KeyCode::F(n), KeyModifiers::NONE));
    }
    Err(bad())
}

/// What a person reads for one key.
pub fn shown(key: &Key) -> String {
    let (code, mods) = key;
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => c.to_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

fn is_nav(code: &KeyCode) -> bool {
    matches!(
        code,
        KeyCode::Up | KeyCode::Down | KeyCode::Home | KeyCode::End
    )
}

/// What the footer and help show for a binding's keys:
/// - a run of digits shows as a range ("0-9");
/// - a movement key with a letter beside it shows both ("↓/j", "Home/g"),
///   for those who move with letters;
/// - otherwise the first key: the others are aliases (F1 for `?`).
///
/// `up_down`: ↑ of a layer that binds ↓ too shows "↑↓", the pair's entry
/// in the footer (↓ itself only shows in help).
pub fn shown_keys(keys: &[Key], up_down: bool) -> String {
    let Some(first) = keys.first() else {
        return String::new();
    };
    let digits: Vec<u32> = keys
        .iter()
        .filter_map(|(c, _)| match c {
            KeyCode::Char(c) => c.to_digit(10),
            _ => None,
        })
        .collect();
    if keys.len() >= 3 && digits.len() == keys.len() && digits.windows(2).all(|w| w[1] == w[0] + 1)
    {
        return format!("{}-{}", digits[0], digits[digits.len() - 1]);
    }
    if first.0 == KeyCode::Up && up_down {
        return "↑↓".into();
    }
    if is_nav(&first.0)
        && let Some(second @ (KeyCode::Char(_), _)) = keys.get(1)
    {
        return format!("{}/{}", shown(first), shown(second));
    }
    shown(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(t: &str) -> Key {
        parse(t).unwrap()
    }

    #[test]
    fn parses_the_notation() {
        assert_eq!(k("q"), (KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(k("н"), (KeyCode::Char('н'), KeyModifiers::NONE));
        assert_eq!(k("<Enter>"), (KeyCode::Enter, KeyModifiers::NONE));
        assert_eq!(k("<esc>"), (KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(k("<C-c>"), (KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(k("<F10>"), (KeyCode::F(10), KeyModifiers::NONE));
        assert_eq!(k("<S-Tab>"), (KeyCode::BackTab, KeyModifiers::NONE));
        assert!(parse("<Bogus>").is_err());
        assert!(parse("qq").is_err());
        assert!(parse("<F13>").is_err());
    }

    #[test]
    fn shows_what_the_keys_are() {
        let keys = |ts: &[&str]| ts.iter().map(|t| k(t)).collect::<Vec<_>>();
        assert_eq!(shown_keys(&keys(&["<Up>", "k"]), true), "↑↓");
        assert_eq!(shown_keys(&keys(&["<Up>"]), false), "↑");
        assert_eq!(shown_keys(&keys(&["<Down>", "j"]), false), "↓/j");
        assert_eq!(shown_keys(&keys(&["<Home>", "g"]), false), "Home/g");
        assert_eq!(shown_keys(&keys(&["<End>", "G"]), false), "End/G");
        assert_eq!(shown_keys(&keys(&["<Tab>", "<Down>"]), false), "Tab");
        assert_eq!(shown_keys(&keys(&["?", "<F1>"]), false), "?");
        assert_eq!(shown_keys(&keys(&["<C-c>"]), false), "Ctrl-C");
        assert_eq!(shown_keys(&keys(&["0", "1", "2", "3"]), false), "0-3");
        assert_eq!(shown_keys(&keys(&["<PageDown>"]), false), "PgDn");
        assert_eq!(shown_keys(&keys(&["x"]), false), "x");
    }
}
