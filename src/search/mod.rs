//! Fuzzy search over store and product names that understands Cyrillic.
//!
//! fuzzy-matcher folds ASCII case only, so names and queries are lower-cased
//! with Unicode rules first ("МЛК", "млк", "Млк" all find "Молоко"). A name
//! also matches a query typed in Latin letters ("moloko") through its
//! transliteration, and a query typed on the wrong keyboard layout
//! ("vjkjrj" on a Latin layout meant "молоко").

mod layout;
mod translit;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use layout::{cyrillic_to_latin_layout, latin_to_cyrillic_layout};

/// Lower case by Unicode rules (ё kept: its Latin spellings differ).
pub(crate) fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Lower case by Unicode rules, with ё folded into е (people type either).
pub fn normalize(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

struct Entry {
    lower: String,
    /// Latin spellings (see [`translit`]), for queries in either alphabet.
    latin: Vec<String>,
    /// The characters present, for a cheap first test.
    mask: u64,
}

/// A bit per character class: a query needs each of its bits in a name.
fn mask_of(texts: &[&str]) -> u64 {
    let mut m = 0u64;
    for t in texts {
        for c in t.chars().filter(|c| !c.is_whitespace()) {
            m |= 1 << (c as u32 % 64);
        }
    }
    m
}

pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Position of the item in the list the index was built from.
    pub index: usize,
    pub score: i64,
}

/// How well a query form matches a name form: a word of the name starts
/// with it, it is inside the name, or its letters appear in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Scattered = 1,
    Inside = 2,
    WordStart = 3,
}

/// Whether the query's letters appear in the text in order (cheaper than
/// the fuzzy score, which is only worth computing then).
fn in_order(text: &str, query: &str) -> bool {
    let mut rest = text.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| rest.any(|c| c == q))
}

/// The tier and a score within it: earlier in the name is better (equal
/// ones keep the list's order).
fn tier_of(text: &str, query: &str) -> Option<(Tier, i64)> {
    let mut found = None;
    let rank = |i: usize| 10_000 - (i as i64).min(5_000);
    for (i, _) in text.match_indices(query) {
        let at_word = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if at_word {
            return Some((Tier::WordStart, rank(i)));
        }
        if found.is_none() {
            found = Some((Tier::Inside, rank(i)));
        }
    }
    found
}

/// A query's forms: as typed, its Latin spellings, and the same keys on
/// the other keyboard layout (those only count when found whole).
struct Query {
    lower: String,
    latin: Vec<String>,
    relaid: Vec<String>,
    masks: Vec<u64>,
}

impl Query {
    fn new(typed: &str) -> Self {
        let lower = normalize(typed);
        let latin = translit::query_spellings(&lowercase(typed));
        let swapped = if lower.is_ascii() {
            latin_to_cyrillic_layout(&lower)
        } else {
            cyrillic_to_latin_layout(&lower)
        };
        // a key or two on the other layout is any short word: only longer ones
        let mut relaid = if lower.chars().count() >= 3 {
            translit::query_spellings(&swapped)
        } else {
            Vec::new()
        };
        relaid.retain(|r| !latin.contains(r));
        let masks = std::iter::once(&lower)
            .chain(&latin)
            .chain(&relaid)
            .map(|f| mask_of(&[f]))
            .collect();
        Self {
            lower,
            latin,
            relaid,
            masks,
        }
    }
}

impl SearchIndex {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let entries = names
            .into_iter()
            .map(|name| {
                let lower = normalize(name);
                let latin = translit::spellings(&lowercase(name));
                let mut texts: Vec<&str> = latin.iter().map(String::as_str).collect();
                texts.push(&lower);
                let mask = mask_of(&texts);
                Entry { lower, latin, mask }
            })
            .collect();
        Self {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best match of one entry: tier first, then the fuzzy score; a
    /// scattered match must be a fair one (not letters strewn over the name).
    fn score(&self, e: &Entry, q: &Query) -> Option<i64> {
        if !q.masks.iter().any(|m| m & !e.mask == 0) {
            return None;
        }
        let fuzzy = |text: &str, query: &str| self.matcher.fuzzy_match(text, query);
        // found whole: as typed (a hair ahead), or in Latin
        let as_typed = tier_of(&e.lower, &q.lower).map(|(t, s)| (t, s + 1));
        let in_latin = e.latin.iter().flat_map(|name| {
            let spelled = q.latin.iter().filter_map(move |f| tier_of(name, f));
            // the other layout's reading, a step behind the query as typed
            let relaid = q
                .relaid
                .iter()
                .filter_map(move |f| tier_of(name, f).map(|(t, s)| (t, s - 3_000)));
            spelled.chain(relaid)
        });
        let whole = as_typed.into_iter().chain(in_latin).max();
        let best = whole.or_else(|| {
            // letters in order, only when they are not strewn over the name
            let fair = 12 * q.lower.chars().count() as i64;
            let typed = in_order(&e.lower, &q.lower)
                .then(|| fuzzy(&e.lower, &q.lower).map(|s| s + 1))
                .flatten();
            let latin = e
                .latin
                .iter()
                .flat_map(|name| {
                    q.latin
                        .iter()
                        .filter(|f| in_order(name, f))
                        .filter_map(|f| fuzzy(name, f))
                })
                .max();
            typed
                .max(latin)
                .filter(|s| *s >= fair)
                .map(|s| (Tier::Scattered, s))
        })?;
        Some(best.0 as i64 * 100_000 + best.1)
    }

    /// Matching items, best first (ties keep the original order): names
    /// with a word that starts with the query, then names that contain it,
    /// then names with its letters in order. An empty query matches
    /// everything in the original order; nonsense matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return (0..self.entries.len())
                .map(|index| Hit { index, score: 0 })
                .collect();
        }
        let q = Query::new(query);
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(index, e)| self.score(e, &q).map(|score| Hit { index, score }))
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<&'static str> {
        vec![
            "Молоко 3,2% 1 л",
            "Кефир 2,5%",
            "Хляб Добруджа",
            "Pâine albă",
            "Orange juice 1L",
            "Сыр Российский",
        ]
    }

    fn first(index: &SearchIndex, q: &str) -> Option<usize> {
        index.search(q).first().map(|h| h.index)
    }

    #[test]
    fn cyrillic_case_is_folded() {
        let index = SearchIndex::new(names());
        for q in ["МЛК", "млк", "Млк", "молоко", "МОЛОКО"] {
            assert_eq!(first(&index, q), Some(0), "{q}");
        }
    }

    #[test]
    fn latin_transliteration_and_wrong_layout() {
        let index = SearchIndex::new(names());
        assert_eq!(first(&index, "moloko"), Some(0));
        assert_eq!(first(&index, "hlab"), Some(2));
        assert_eq!(
            first(&index, "vjkjrj"),
            Some(0),
            "молоко typed on a Latin layout"
        );
        assert_eq!(
            first(&index, "paine"),
            Some(3),
            "Romanian without diacritics"
        );
        assert_eq!(
            first(&index, "щкфтпу"),
            Some(4),
            "orange typed on a Cyrillic layout"
        );
    }

    #[test]
    fn empty_query_lists_all_and_nonsense_lists_none() {
        let index = SearchIndex::new(names());
        assert_eq!(index.search("").len(), 6);
        assert!(index.search("zzzzqqq").is_empty());
    }

    #[test]
    fn yo_is_folded() {
        let index = SearchIndex::new(["Мёд липовый"]);
        assert_eq!(first(&index, "мед"), Some(0));
    }

    fn demo_names(tsv: &str, col: usize) -> Vec<String> {
        tsv.lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').nth(col).unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn the_demo_names_are_found_as_people_type_them() {
        let products = demo_names(include_str!("../../assets/demo/products.tsv"), 0);
        let stores = demo_names(include_str!("../../assets/demo/stores.tsv"), 1);
        for (names, q, want) in [
            (&products, "yogurt", "Йогурт клубничный 125 г"),
            (&products, "jogurt", "Йогурт клубничный 125 г"),
            (&products, "yubileynoe", "Печенье «Юбилейное» 112 г"),
            (&products, "кола", "Cola 2 l"),
            (&products, "cola", "Cola 2 l"),
            (&stores, "marti", "Alimentara „Mărțișor“"),
            (&stores, "berezka", "Минимаркет «Берёзка»"),
            (&stores, "berjozka", "Минимаркет «Берёзка»"),
            (&stores, "slantse", "Магазин „Слънце“"),
            (&stores, "slance", "Магазин „Слънце“"),
        ] {
            let index = SearchIndex::new(names.iter().map(String::as_str));
            let hits = index.search(q);
            let got: Vec<&str> = hits
                .iter()
                .take(3)
                .map(|h| names[h.index].as_str())
                .collect();
            assert_eq!(got.first(), Some(&want), "{q}: {got:?}");
        }
    }

    #[test]
    fn a_word_that_starts_with_the_query_ranks_above_a_scattered_match() {
        let index = SearchIndex::new(["Магазин Тамара", "Alimentara „Mărțișor“", "Marta Tienda"]);
        let order: Vec<usize> = index.search("marti").iter().map(|h| h.index).collect();
        assert_eq!(order.first(), Some(&1), "{order:?}");
        // found inside a word ranks below found at a word start
        let index = SearchIndex::new(["Шоколад молочный", "Cola 2 l"]);
        assert_eq!(first(&index, "кола"), Some(1));
    }

    #[test]
    fn letters_strewn_over_a_name_are_no_match() {
        let index = SearchIndex::new(["Сыр Российский", "Батон нарезной"]);
        assert!(index.search("yogurt").is_empty());
        assert!(index.search("yubileynoe").is_empty());
    }
}
