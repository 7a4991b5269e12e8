//! Fuzzy search over store and product names that understands Cyrillic.
//!
//! fuzzy-matcher folds ASCII case only, so names and queries are lower-cased
//! with Unicode rules first ("МЛК", "млк", "Млк" all find "Молоко"). A name
//! also matches a query typed in Latin letters ("moloko") through its
//! transliteration, and a query typed on the wrong keyboard layout
//! ("vjkjrj" on a Latin layout meant "молоко").

mod layout;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use layout::{cyrillic_to_latin_layout, latin_to_cyrillic_layout};

/// Lower case by Unicode rules, with ё folded into е (people type either).
pub fn normalize(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

struct Entry {
    lower: String,
    /// Latin transliteration, for queries typed without a Cyrillic layout.
    ascii: String,
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

impl SearchIndex {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let entries = names
            .into_iter()
            .map(|name| {
                let lower = normalize(name);
                let ascii = deunicode::deunicode(&lower).to_lowercase();
                Entry { lower, ascii }
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

    /// Matching items, best first (ties keep the original order).
    /// An empty query matches everything in the original order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query = normalize(query.trim());
        if query.is_empty() {
            return (0..self.entries.len())
                .map(|index| Hit { index, score: 0 })
                .collect();
        }
        let ascii_query = query.is_ascii();
        // a Cyrillic query also looks for Latin names by its transliteration
        let translit = if ascii_query {
            None
        } else {
            Some(deunicode::deunicode(&query).to_lowercase())
        };
        let relaid = if ascii_query {
            latin_to_cyrillic_layout(&query)
        } else {
            cyrillic_to_latin_layout(&query)
        };
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(index, e)| {
                let direct = self.matcher.fuzzy_match(&e.lower, &query);
                // a match as typed beats one found through a transliteration
                let best = direct.map(|s| s + 1000).or_else(|| {
                    let via_ascii = match &translit {
                        None => self.matcher.fuzzy_match(&e.ascii, &query),
                        Some(t) => self.matcher.fuzzy_match(&e.ascii, t),
                    };
                    let via_layout = if ascii_query {
                        self.matcher.fuzzy_match(&e.lower, &relaid)
                    } else {
                        self.matcher.fuzzy_match(&e.ascii, &relaid)
                    };
                    via_ascii.max(via_layout)
                })?;
                Some(Hit { index, score: best })
            })
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
}
