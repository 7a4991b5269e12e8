//! Keyboard layout mix-ups: the same physical keys on the US QWERTY and the
//! Russian ЙЦУКЕН layouts.

const LATIN: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";

fn remap(text: &str, from: &str, to: &str) -> String {
    text.chars()
        .map(|c| {
            from.chars()
                .position(|f| f == c)
                .and_then(|i| to.chars().nth(i))
                .unwrap_or(c)
        })
        .collect()
}

/// What a Latin-layout keystroke sequence would have been on the Russian layout.
pub fn latin_to_cyrillic_layout(text: &str) -> String {
    remap(text, LATIN, CYRILLIC)
}

/// What a Russian-layout keystroke sequence would have been on the Latin layout.
pub fn cyrillic_to_latin_layout(text: &str) -> String {
    remap(text, CYRILLIC, LATIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directions() {
        assert_eq!(latin_to_cyrillic_layout("vjkjrj"), "молоко");
        assert_eq!(cyrillic_to_latin_layout("молоко"), "vjkjrj");
        assert_eq!(latin_to_cyrillic_layout("123"), "123");
    }
}
