//! The demo's client files: people with birthdays (some this week), each
//! store's country and opening, a year of ERP invoices (two stores a rep
//! whose buying decays, so they show at risk) and logged entries: complaints
//! and refusals with reasons, a resolved problem, one past due, a referral,
//! contacts made and a competitor seen. Deterministic for a given `today`.

use crate::domain::client::{
    Birthday, Contact, ContactOutcome, ContactTopic, EntryKind, ProblemEntry, Resolution,
    StoreProfile, TimelineEntry, WhyLost,
};
use crate::domain::commerce::Invoice;
use crate::domain::record::Stamp;
use crate::domain::{Channel, Money, RecordMeta, Store};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ulid::Ulid;

pub struct ClientFiles {
    pub profiles: Vec<StoreProfile>,
    pub contacts: Vec<Contact>,
    pub invoices: Vec<Invoice>,
    pub entries: Vec<TimelineEntry>,
}

fn country(rep: &str) -> &'static str {
    match rep {
        "R01" => "RU",
        "R02" => "BG",
        "R03" => "RO",
        _ => "GB",
    }
}

/// A second person per market: (name, role, messenger handle).
fn buyer(rep: &str, n: usize) -> (&'static str, &'static str) {
    let names: [(&str, &str); 3] = match rep {
        "R01" => [
            ("Елена Соколова", "закупщик"),
            ("Ирина Морозова", "товаровед"),
            ("Павел Лебедев", "управляющий"),
        ],
        "R02" => [
            ("Десислава Петрова", "снабдител"),
            ("Николай Димитров", "управител"),
            ("Елица Стоянова", "стоковед"),
        ],
        "R03" => [
            ("Ioana Ionescu", "achizitor"),
            ("Mihai Dumitru", "administrator"),
            ("Elena Stan", "gestionar"),
        ],
        _ => [
            ("Sophie Turner", "buyer"),
            ("James Wright", "store manager"),
            ("Olivia Hughes", "stock controller"),
        ],
    };
    names[n % names.len()]
}

fn owner_role(rep: &str) -> &'static str {
    match rep {
        "R01" => "владелец",
        "R02" => "собственик",
        "R03" => "proprietar",
        _ => "owner",
    }
}

struct Maker {
    rng: ChaCha8Rng,
    device: String,
}

impl Maker {
    fn meta(&mut self, at: DateTime<Utc>) -> RecordMeta {
        let id = Ulid::from_parts(at.timestamp_millis().max(0) as u64, self.rng.random());
        RecordMeta::new(
            id,
            Stamp {
                by: "demo".into(),
                device: self.device.clone(),
                at,
            },
        )
    }
}

fn at(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(10, 0, 0).unwrap_or_default())
}

/// The stores in `stores`' order; the n-th store of each rep plays a part.
pub fn build(stores: &[Store], today: NaiveDate, device: &str) -> ClientFiles {
    let mut m = Maker {
        rng: ChaCha8Rng::seed_from_u64(0x11_c1_1e_47),
        device: device.to_string(),
    };
    let mut out = ClientFiles {
        profiles: vec![],
        contacts: vec![],
        invoices: vec![],
        entries: vec![],
    };
    let mut nth_of_rep: std::collections::HashMap<&str, usize> = Default::default();
    for s in stores {
        let n = {
            let e = nth_of_rep.entry(s.rep.as_str()).or_default();
            *e += 1;
            *e - 1
        };
        let years = 2 + (n % 9) as i32;
        // the 3rd store of each rep turns N years old in three days
        let opened = if n == 2 {
            (today + Duration::days(3))
                .with_year(today.year() - years)
                .unwrap_or(today)
        } else {
            NaiveDate::from_yo_opt(today.year() - years, 1 + (n as u32 * 37) % 360).unwrap_or(today)
        };
        out.profiles.push(StoreProfile {
            meta: m.meta(at(today - Duration::days(400))),
            store_code: s.code.clone(),
            country: country(&s.rep).into(),
            opened: Some(opened),
        });
        people(&mut m, s, n, today, &mut out.contacts);
        invoices(&mut m, s, n, today, &mut out.invoices);
        entries(&mut m, s, n, today, &out.contacts, &mut out.entries);
    }
    out
}

fn people(m: &mut Maker, s: &Store, n: usize, today: NaiveDate, out: &mut Vec<Contact>) {
    // birthdays: the 1st store's owner tomorrow, the 4th's in five days, the rest through the year
    let birthday = |day: NaiveDate, year: Option<i32>| Birthday {
        year,
        month: day.month(),
        day: day.day(),
    };
    let owner_birthday = match n {
        0 => Some(birthday(today + Duration::days(1), Some(1978))),
        3 => Some(birthday(today + Duration::days(5), None)),
        _ => NaiveDate::from_yo_opt(1980 + n as i32, 1 + (n as u32 * 53) % 360)
            .map(|d| birthday(d, Some(d.year()))),
    };
    if !s.decision_maker.is_empty() {
        out.push(Contact {
            meta: m.meta(at(today - Duration::days(300))),
            store_code: s.code.clone(),
            name: s.decision_maker.clone(),
            role: owner_role(&s.rep).into(),
            decision_maker: true,
            phone: s.phone.clone(),
            email: s.email.clone(),
            messenger: String::new(),
            birthday: owner_birthday,
            preferred: match s.preferred_channel {
                Channel::Email if s.email.is_empty() => Channel::Phone,
                c => c,
            },
            removed: false,
        });
    }
    if n.is_multiple_of(2) {
        let (name, role) = buyer(&s.rep, n);
        let handle = format!("@{}", name.split(' ').next().unwrap_or(name).to_lowercase());
        out.push(Contact {
            meta: m.meta(at(today - Duration::days(200))),
            store_code: s.code.clone(),
            name: name.into(),
            role: role.into(),
            decision_maker: false,
            phone: s.phone.clone(),
            email: String::new(),
            messenger: handle,
            birthday: NaiveDate::from_yo_opt(1990, 1 + (n as u32 * 97 + 11) % 360)
                .map(|d| birthday(d, None)),
            preferred: Channel::Messenger,
            removed: false,
        });
    }
}

/// A year of invoices on the store's rhythm; the 2nd store of each rep
/// stopped buying six weeks ago and the 5th buys ever less often.
fn invoices(m: &mut Maker, s: &Store, n: usize, today: NaiveDate, out: &mut Vec<Invoice>) {
    let every = i64::from(s.visit_every_days.max(7));
    let mut day = today - Duration::days(365);
    let mut k = 0;
    let stop = if n == 1 {
        today - Duration::days(every * 6)
    } else {
        today
    };
    while day <= stop {
        let base = 20_000 + (n as i64 * 3_700) % 30_000;
        let noise = m.rng.random_range(-3_000..3_000);
        let amount = base + noise;
        let paid = if k % 11 == 10 && day > today - Duration::days(60) {
            0
        } else {
            amount
        };
        out.push(Invoice {
            meta: m.meta(at(day)),
            store_code: s.code.clone(),
            number: format!("INV-{}-{k:04}", s.code),
            date: day,
            due_date: day + Duration::days(i64::from(s.deferral_days)),
            amount: Money(amount),
            paid: Money(paid),
        });
        k += 1;
        // a slowing store's gaps widen by a few days each time
        let gap = if n == 4 && day > today - Duration::days(150) {
            every + (k as i64 % 6) * 4 + 10
        } else {
            every + m.rng.random_range(-1..=1)
        };
        day += Duration::days(gap.max(1));
    }
}

fn entries(
    m: &mut Maker,
    s: &Store,
    n: usize,
    today: NaiveDate,
    contacts: &[Contact],
    out: &mut Vec<TimelineEntry>,
) {
    let owner = contacts
        .iter()
        .find(|c| c.store_code == s.code && c.decision_maker)
        .map(|c| c.meta.id);
    let text = |en: &str, ru: &str, bg: &str, ro: &str| -> String {
        match s.rep.as_str() {
            "R01" => ru,
            "R02" => bg,
            "R03" => ro,
            _ => en,
        }
        .to_string()
    };
    let mut push = |m: &mut Maker, days_ago: i64, kind: EntryKind, words: String| {
        let date = today - Duration::days(days_ago);
        out.push(TimelineEntry {
            meta: m.meta(at(date)),
            store_code: s.code.clone(),
            date,
            kind,
            text: words,
            contact: owner,
        });
    };
    // last week's bulletin reached every store but the third
    if n != 2 {
        push(
            m,
            5,
            EntryKind::ContactMade {
                channel: Channel::Email,
                topic: ContactTopic::Offer,
                outcome: ContactOutcome::Sent,
            },
            text(
                "Winter offer: a case of tea, one pack free",
                "Зимняя акция: ящик чая, пачка в подарок",
                "Зимна промоция: каса чай, пакет подарък",
                "Oferta de iarnă: un bax de ceai, un pachet gratuit",
            ),
        );
    }
    match n {
        0 => {
            push(
                m,
                12,
                EntryKind::Complaint(WhyLost::Delivery),
                text(
                    "delivery came two days late",
                    "поставка опоздала на два дня",
                    "доставката закъсня с два дни",
                    "livrarea a întârziat două zile",
                ),
            );
            push(
                m,
                30,
                EntryKind::Problem(ProblemEntry {
                    due: today - Duration::days(23),
                    resolved: Some(Resolution {
                        on: today - Duration::days(25),
                        how: text(
                            "cooler replaced",
                            "холодильник заменили",
                            "хладилникът е сменен",
                            "frigiderul a fost înlocuit",
                        ),
                    }),
                }),
                text(
                    "branded cooler broken",
                    "сломан фирменный холодильник",
                    "счупен фирмен хладилник",
                    "frigider de marcă defect",
                ),
            );
            push(
                m,
                40,
                EntryKind::Referral {
                    referred: text(
                        "Corner Shop on Mill Lane",
                        "магазин «Колосок»",
                        "магазин „Житен клас“",
                        "magazinul „Spicul”",
                    ),
                },
                String::new(),
            );
        }
        1 => {
            push(
                m,
                45,
                EntryKind::Refusal(WhyLost::PushySelling),
                text(
                    "felt pushed to take the new range",
                    "сочли, что новинки навязывают",
                    "сметнаха, че новите продукти им се натрапват",
                    "s-au simțit presați să ia gama nouă",
                ),
            );
            push(
                m,
                50,
                EntryKind::Complaint(WhyLost::DislikedStaff),
                text(
                    "did not like the merchandiser",
                    "не понравился мерчендайзер",
                    "не им хареса мърчандайзерът",
                    "nu le-a plăcut merchandiserul",
                ),
            );
            push(
                m,
                20,
                EntryKind::CompetitorNote {
                    competitor: "Fresh&Co".into(),
                },
                text(
                    "competitor took the second shelf",
                    "конкурент занял вторую полку",
                    "конкурентът зае втория рафт",
                    "concurentul a luat al doilea raft",
                ),
            );
        }
        2 => {
            push(
                m,
                9,
                EntryKind::Problem(ProblemEntry {
                    due: today - Duration::days(2),
                    resolved: None,
                }),
                text(
                    "price tags missing on the chips shelf",
                    "нет ценников на полке с чипсами",
                    "липсват етикети с цени на рафта с чипсове",
                    "lipsesc etichetele de preț la raftul cu chipsuri",
                ),
            );
            push(m, 15, EntryKind::Refusal(WhyLost::Price), String::new());
        }
        3 => push(
            m,
            6,
            EntryKind::ContactMade {
                channel: Channel::Phone,
                topic: ContactTopic::Offer,
                outcome: ContactOutcome::FollowUp,
            },
            text(
                "interested in the winter promotion",
                "интересуется зимней акцией",
                "интересуват се от зимната промоция",
                "interesați de promoția de iarnă",
            ),
        ),
        4 => push(
            m,
            25,
            EntryKind::Complaint(WhyLost::ProductDidNotFit),
            text(
                "the large packs do not sell here",
                "большие упаковки здесь не берут",
                "големите опаковки тук не се продават",
                "ambalajele mari nu se vând aici",
            ),
        ),
        _ => {}
    }
}
