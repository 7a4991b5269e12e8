//! Every user-facing string goes through here: Fluent files in assets/locales,
//! with CLDR plural rules (Russian one/few/many). English is the fallback for
//! any message a language lacks.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::{Arc, RwLock};
use unic_langid::LanguageIdentifier;

/// Fluent files per language; a feature adds its own file (one line here)
/// rather than growing main.ftl.
const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../../assets/locales/en/main.ftl")),
    ("ru", include_str!("../../assets/locales/ru/main.ftl")),
    ("bg", include_str!("../../assets/locales/bg/main.ftl")),
    ("ro", include_str!("../../assets/locales/ro/main.ftl")),
    ("en", include_str!("../../assets/locales/en/order.ftl")),
    ("ru", include_str!("../../assets/locales/ru/order.ftl")),
    ("bg", include_str!("../../assets/locales/bg/order.ftl")),
    ("ro", include_str!("../../assets/locales/ro/order.ftl")),
    ("en", include_str!("../../assets/locales/en/exchange.ftl")),
    ("ru", include_str!("../../assets/locales/ru/exchange.ftl")),
    ("bg", include_str!("../../assets/locales/bg/exchange.ftl")),
    ("ro", include_str!("../../assets/locales/ro/exchange.ftl")),
    ("en", include_str!("../../assets/locales/en/review.ftl")),
    ("ru", include_str!("../../assets/locales/ru/review.ftl")),
    ("bg", include_str!("../../assets/locales/bg/review.ftl")),
    ("ro", include_str!("../../assets/locales/ro/review.ftl")),
    ("en", include_str!("../../assets/locales/en/visit.ftl")),
    ("ru", include_str!("../../assets/locales/ru/visit.ftl")),
    ("bg", include_str!("../../assets/locales/bg/visit.ftl")),
    ("ro", include_str!("../../assets/locales/ro/visit.ftl")),
    ("en", include_str!("../../assets/locales/en/conflicts.ftl")),
    ("ru", include_str!("../../assets/locales/ru/conflicts.ftl")),
    ("bg", include_str!("../../assets/locales/bg/conflicts.ftl")),
    ("ro", include_str!("../../assets/locales/ro/conflicts.ftl")),
    ("en", include_str!("../../assets/locales/en/route.ftl")),
    ("ru", include_str!("../../assets/locales/ru/route.ftl")),
    ("bg", include_str!("../../assets/locales/bg/route.ftl")),
    ("ro", include_str!("../../assets/locales/ro/route.ftl")),
    ("en", include_str!("../../assets/locales/en/client.ftl")),
    ("ru", include_str!("../../assets/locales/ru/client.ftl")),
    ("bg", include_str!("../../assets/locales/bg/client.ftl")),
    ("ro", include_str!("../../assets/locales/ro/client.ftl")),
];

pub const LANGUAGES: &[&str] = &["en", "ru", "bg", "ro"];

pub struct Localizer {
    lang: String,
    bundle: FluentBundle<FluentResource>,
    fallback: FluentBundle<FluentResource>,
}

fn bundle(lang: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // no Unicode isolation marks: they show up as junk in terminals
    bundle.set_use_isolating(false);
    // every file of the language (one per feature); English when it has none
    let lang = if SOURCES.iter().any(|(l, _)| *l == lang) {
        lang
    } else {
        "en"
    };
    for (_, source) in SOURCES.iter().filter(|(l, _)| *l == lang) {
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _errors)| res);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

impl Localizer {
    pub fn new(lang: &str) -> Self {
        let lang = normalize_lang(lang);
        Self {
            bundle: bundle(&lang),
            fallback: bundle("en"),
            lang,
        }
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn get(&self, key: &str, args: Option<&FluentArgs>) -> String {
        for bundle in [&self.bundle, &self.fallback] {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    pub fn has(&self, key: &str) -> bool {
        self.bundle.get_message(key).is_some()
    }
}

/// "ru_RU.UTF-8" → "ru"; unknown languages fall back to English.
pub fn normalize_lang(raw: &str) -> String {
    let base = raw
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    if LANGUAGES.contains(&base.as_str()) {
        base
    } else {
        "en".to_string()
    }
}

/// True when `raw` ("ru", "ro_RO.UTF-8") names a language rounds speaks.
pub fn is_known(raw: &str) -> bool {
    let base = raw
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    LANGUAGES.contains(&base.as_str())
}

/// The language from `--lang`, else LC_ALL / LC_MESSAGES / LANG, else English.
pub fn pick_lang(flag: Option<&str>) -> String {
    if let Some(flag) = flag {
        return normalize_lang(flag);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
            && v != "C"
            && v != "POSIX"
        {
            return normalize_lang(&v);
        }
    }
    "en".to_string()
}

static CURRENT: RwLock<Option<Arc<Localizer>>> = RwLock::new(None);

/// Sets the language of the process.
pub fn init(lang: &str) {
    let loc = Arc::new(Localizer::new(lang));
    if let Ok(mut cur) = CURRENT.write() {
        *cur = Some(loc);
    }
}

pub fn current() -> Arc<Localizer> {
    if let Ok(cur) = CURRENT.read()
        && let Some(loc) = cur.as_ref()
    {
        return loc.clone();
    }
    let loc = Arc::new(Localizer::new("en"));
    if let Ok(mut cur) = CURRENT.write() {
        *cur = Some(loc.clone());
    }
    loc
}

pub fn tr(key: &str) -> String {
    current().get(key, None)
}

pub fn tr_args(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    current().get(key, Some(&fa))
}

/// `t!("key")` or `t!("key", count = n, name = s)`.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::tr($key)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $key,
            &[$((stringify!($name), fluent_bundle::FluentValue::from($value))),+],
        )
    };
}

static CURRENCY: RwLock<String> = RwLock::new(String::new());

/// Sets the currency amounts are shown in (the `currency` setting).
pub fn set_currency(code: &str) {
    if let Ok(mut cur) = CURRENCY.write() {
        *cur = code.to_string();
    }
}

fn money_format() -> crate::domain::MoneyFormat {
    let code = CURRENCY.read().map(|c| c.clone()).unwrap_or_default();
    crate::domain::MoneyFormat::new(current().lang(), &code)
}

/// An amount with its currency as the user's language writes it ("2,35 €").
pub fn money(m: crate::domain::Money) -> String {
    money_format().money(m)
}

/// An amount in the user's language's digits, without the currency
/// ("1 234,50"), for table columns whose heading names the currency.
pub fn amount(m: crate::domain::Money) -> String {
    money_format().amount(m)
}

/// The currency's sign, for a heading ("Value, €"); empty when none is set.
pub fn currency_sign() -> String {
    money_format().sign().to_string()
}

/// A number with `places` decimals and the language's decimal mark
/// ("0.02" in English, "0,02" in Russian, Bulgarian and Romanian).
pub fn decimal(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    match current().lang() {
        "en" => s,
        _ => s.replace('.', ","),
    }
}

/// A date as the user's language writes it.
pub fn date(d: chrono::NaiveDate) -> String {
    match current().lang() {
        "en" => d.format("%Y-%m-%d").to_string(),
        _ => d.format("%d.%m.%Y").to_string(),
    }
}

/// The weekday's name in the user's language.
pub fn weekday(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let key = match d.weekday() {
        chrono::Weekday::Mon => "weekday-mon",
        chrono::Weekday::Tue => "weekday-tue",
        chrono::Weekday::Wed => "weekday-wed",
        chrono::Weekday::Thu => "weekday-thu",
        chrono::Weekday::Fri => "weekday-fri",
        chrono::Weekday::Sat => "weekday-sat",
        chrono::Weekday::Sun => "weekday-sun",
    };
    tr(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(loc: &Localizer, n: i64) -> String {
        let mut args = FluentArgs::new();
        args.set("count", n);
        loc.get("route-stops", Some(&args))
    }

    #[test]
    fn russian_plurals() {
        let ru = Localizer::new("ru_RU.UTF-8");
        assert_eq!(count(&ru, 1), "1 магазин");
        assert_eq!(count(&ru, 3), "3 магазина");
        assert_eq!(count(&ru, 5), "5 магазинов");
        assert_eq!(count(&ru, 21), "21 магазин");
        assert_eq!(count(&ru, 12), "12 магазинов");
    }

    #[test]
    fn english_plurals_and_fallback() {
        let en = Localizer::new("en");
        assert_eq!(count(&en, 1), "1 store");
        assert_eq!(count(&en, 2), "2 stores");
        assert_eq!(normalize_lang("xx_YY"), "en");
    }

    /// The message ids of the English files.
    fn english_ids() -> Vec<&'static str> {
        SOURCES
            .iter()
            .filter(|(l, _)| *l == "en")
            .flat_map(|(_, s)| s.lines())
            .filter_map(|line| line.split_once(" =").map(|(key, _)| key))
            .filter(|key| !key.starts_with(['#', ' ', '-', '.']) && !key.is_empty())
            .map(str::trim)
            .collect()
    }

    /// Every English message exists in Russian too (Russian is complete).
    #[test]
    fn russian_is_complete() {
        let ru = Localizer::new("ru");
        for key in english_ids() {
            assert!(ru.has(key), "Russian lacks {key}");
        }
    }

    /// Every English message exists in Bulgarian and Romanian too.
    #[test]
    fn bulgarian_and_romanian_are_complete() {
        for lang in ["bg", "ro"] {
            let loc = Localizer::new(lang);
            for key in english_ids() {
                assert!(loc.has(key), "{lang} lacks {key}");
            }
        }
    }

    /// Every file parses without errors (a broken entry is silently dropped).
    #[test]
    fn every_file_parses() {
        for (lang, source) in SOURCES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{lang}: {errors:?}");
            }
        }
    }

    fn format(loc: &Localizer, key: &str, name: &str, n: i64) -> String {
        let mut args = FluentArgs::new();
        args.set(name, n);
        loc.get(key, Some(&args))
    }

    #[test]
    fn bulgarian_plurals() {
        let bg = Localizer::new("bg_BG.UTF-8");
        assert_eq!(count(&bg, 1), "1 обект");
        assert_eq!(count(&bg, 2), "2 обекта");
        assert_eq!(count(&bg, 20), "20 обекта");
        assert_eq!(format(&bg, "days-ago", "days", 1), "1 ден");
        assert_eq!(format(&bg, "days-ago", "days", 21), "21 дни");
        let chase = |n| format(&bg, "route-orders-chase", "count", n);
        assert_eq!(chase(1), "⚠ 1 поръчка за проследяване");
        assert_eq!(chase(2), "⚠ 2 поръчки за проследяване");
    }

    #[test]
    fn romanian_plurals() {
        let ro = Localizer::new("ro_RO.UTF-8");
        assert_eq!(count(&ro, 1), "1 magazin");
        assert_eq!(count(&ro, 2), "2 magazine");
        assert_eq!(count(&ro, 19), "19 magazine");
        assert_eq!(count(&ro, 20), "20 de magazine");
        assert_eq!(count(&ro, 21), "21 de magazine");
        let chase = |n| format(&ro, "route-orders-chase", "count", n);
        assert_eq!(chase(1), "⚠ 1 comandă de urmărit");
        assert_eq!(chase(2), "⚠ 2 comenzi de urmărit");
        assert_eq!(chase(20), "⚠ 20 de comenzi de urmărit");
    }

    #[test]
    fn russian_audit_line() {
        let ru = Localizer::new("ru");
        let audit = |total: i64| {
            let mut args = FluentArgs::new();
            args.set("checked", 0);
            args.set("total", total);
            args.set("osa", "0 %");
            args.set("price", "0 %");
            ru.get("checkout-audit", Some(&args))
        };
        assert!(audit(21).starts_with("Аудит: 0 из 21 строки ·"));
        assert!(audit(1).starts_with("Аудит: 0 из 1 строки ·"));
        assert!(audit(5).starts_with("Аудит: 0 из 5 строк ·"));
        assert!(audit(3).starts_with("Аудит: 0 из 3 строк ·"));
    }
}
