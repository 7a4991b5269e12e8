//! One Latin spelling for names and queries in Russian, Bulgarian, Romanian
//! and English, so that `yogurt`, `jogurt` and `йогурт` meet, and `slantse`,
//! `slance` and `Слънце`. Letters people write several ways give several
//! spellings of a name (ё as e or yo, Bulgarian ъ as a, u or y) and of a
//! query (a Latin c as k or ts).

/// Cyrillic letters spelled more than one way, and their spellings.
const MANY: &[(char, &[&str])] = &[('ё', &["e", "io"]), ('ъ', &["a", "u", "i", ""])];

fn one(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'ы' | 'і' | 'ї' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' | 'щ' => "sh",
        'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// Latin spellings folded to one: kh = h, shch = sht = sh, y = j = i
/// (and ii = i: sofia, sofiya for София), w = v, x = ks, q = k, ph = f.
fn fold_latin(text: &str) -> String {
    let mut s = text.to_string();
    for (from, to) in [
        ("shch", "sh"),
        ("sht", "sh"),
        ("kh", "h"),
        ("ph", "f"),
        ("tz", "ts"),
        ("x", "ks"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'y' | 'j' => 'i',
            'w' => 'v',
            'q' => 'k',
            c => c,
        };
        if c == 'i' && out.ends_with('i') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Letters and digits in Latin, everything else a single space.
fn latin_words(text: &str, pick: &dyn Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let piece: &str = match pick(c).or_else(|| one(c)) {
            Some(p) => p,
            None if c.is_ascii_alphanumeric() => c.encode_utf8(&mut buf),
            None if c.is_alphanumeric() => {
                out.push_str(&deunicode::deunicode_char(c).unwrap_or("").to_lowercase());
                continue;
            }
            None => " ",
        };
        if piece == " " {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push_str(piece);
        }
    }
    out.trim_end().to_string()
}

/// Every reading of the ambiguous letters of `lower` (each such letter read
/// the same way through the text), in Latin words.
fn readings(lower: &str) -> Vec<String> {
    let choices: Vec<(char, &[&str])> = MANY
        .iter()
        .filter(|(c, _)| lower.contains(*c))
        .map(|(c, v)| (*c, *v))
        .collect();
    let combos: usize = choices.iter().map(|(_, v)| v.len()).product();
    let mut out = Vec::with_capacity(combos);
    for n in 0..combos {
        let mut k = n;
        let chosen: Vec<(char, &'static str)> = choices
            .iter()
            .map(|(c, v)| {
                let s = v[k % v.len()];
                k /= v.len();
                (*c, s)
            })
            .collect();
        let read = |c: char| chosen.iter().find(|(k, _)| *k == c).map(|(_, s)| *s);
        let s = latin_words(lower, &read);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// A Latin c read as `as_`, except in ch.
fn read_c(text: &str, as_: &str) -> String {
    text.replace("ch", "\u{1}")
        .replace('c', as_)
        .replace('\u{1}', "ch")
}

fn push_new(out: &mut Vec<String>, s: String) {
    if !out.contains(&s) {
        out.push(s);
    }
}

/// The Latin spellings of a lower-cased name. A Latin c in a name sounds
/// as k (Cola, Coca, Constanța).
pub fn spellings(lower: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in readings(lower) {
        push_new(&mut out, fold_latin(&read_c(&r, "k")));
    }
    out
}

/// The Latin spellings of a lower-cased query: a Latin c read as k (cola)
/// or as ts (slance, for Слънце).
pub fn query_spellings(lower: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in readings(lower) {
        push_new(&mut out, fold_latin(&read_c(&r, "k")));
        if r.replace("ch", "").contains('c') {
            push_new(&mut out, fold_latin(&read_c(&r, "ts")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_for_the_ways_people_write() {
        let name = |n: &str| spellings(&crate::search::lowercase(n));
        let query = |q: &str| query_spellings(&crate::search::lowercase(q));
        let meets = |q: &str, n: &str| {
            let names = name(n);
            query(q)
                .iter()
                .any(|q| names.iter().any(|n| n.contains(q.as_str())))
        };
        for (q, n) in [
            ("yogurt", "Йогурт клубничный"),
            ("jogurt", "Йогурт клубничный"),
            ("iogurt", "Йогурт"),
            ("berezka", "Берёзка"),
            ("berjozka", "Берёзка"),
            ("beryozka", "Берёзка"),
            ("yubileynoe", "Печенье «Юбилейное»"),
            ("jubilejnoe", "Юбилейное"),
            ("slantse", "Магазин „Слънце“"),
            ("slance", "Слънце"),
            ("slunce", "Слънце"),
            ("kazanlak", "Казанлък"),
            ("sofiya", "София"),
            ("sofia", "София"),
            ("trakiya", "Тракия"),
            ("kola", "Cola 2 l"),
            ("кола", "Cola 2 l"),
            ("martisor", "Alimentara „Mărțișor“"),
            ("rossiyskiy", "Сыр Российский"),
            ("rossijskij", "Сыр Российский"),
            ("hleb", "Хлеб"),
            ("khleb", "Хлеб"),
            ("shchi", "Щи"),
            ("chai", "Чай"),
            ("ceai", "Ceai verde"),
            ("paine", "Pâine albă"),
        ] {
            assert!(
                meets(q, n),
                "{q} should find {n}: {:?} / {:?}",
                query(q),
                name(n)
            );
        }
        assert!(!meets("yogurt", "Сыр Российский"));
    }

    #[test]
    fn a_name_with_many_ambiguous_letters_has_few_spellings() {
        assert!(spellings("ёъ ёъ ёъ").len() <= 8);
        assert_eq!(spellings("молоко"), vec!["moloko".to_string()]);
    }
}
