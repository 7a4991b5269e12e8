//! Snapshots of the route screen with the day's plan, and of its map, on
//! ratatui's TestBackend; every size up to 80x24 drawn without a panic.

use chrono::{NaiveDate, Weekday};
use ratatui::{Terminal, backend::TestBackend};
use rounds::domain::route_plan::{
    Candidate, Effort, LatLon, NotFitting, OpeningHours, Params, follow,
};
use rounds::screens::route::RoutePlanView;
use rounds::screens::{RouteRow, RouteScreen, RouteView};
use rounds::tui::Action;
use rounds::ui::Theme;

fn draw(w: u16, h: u16, screen: &RouteScreen) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(screen, f.area()))
        .unwrap();
    terminal
}

const STORES: [(&str, &str, &str, f64, f64); 6] = [
    ("S004", "Гастроном №5", "Москва", 55.752, 37.592),
    ("S010", "Продмаг «Удача»", "Москва", 55.771, 37.640),
    ("S007", "Магазин «Солнышко»", "Люберцы", 55.680, 37.890),
    ("S009", "Кулинария «Пышка»", "Королёв", 55.916, 37.850),
    ("S002", "Продукты у дома", "Москва", 55.800, 37.700),
    ("S011", "Киоск без адреса", "Москва", f64::NAN, f64::NAN),
];

fn screen() -> RouteScreen {
    let rows = STORES
        .iter()
        .chain([("S012", "Лавка «Поздняя»", "Химки", 55.897, 37.430)].iter())
        .map(|(code, name, city, _, _)| RouteRow {
            code: (*code).into(),
            name: (*name).into(),
            city: (*city).into(),
            planned_today: true,
            last_visit: Some(NaiveDate::from_ymd_opt(2026, 11, 17).unwrap()),
            ..Default::default()
        })
        .collect();
    let view = RouteView {
        today: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        rep_name: Some("Иван Петров (R01)".into()),
        rows,
        outbox: 0,
    };
    let order: Vec<Candidate> = STORES
        .iter()
        .map(|(code, _, _, lat, lon)| Candidate {
            code: (*code).into(),
            at: lat.is_finite().then_some(LatLon {
                lat: *lat,
                lon: *lon,
            }),
            hours: (*code == "S010").then(|| OpeningHours::parse("Mon-Fri 09:00-18:00").unwrap()),
        })
        .collect();
    let params = Params {
        weekday: Weekday::Tue,
        start: Some(LatLon {
            lat: 55.7558,
            lon: 37.6173,
        }),
        end: None,
        start_minute: 480.0,
        end_minute: 1020.0,
        service_minutes: 20.0,
        speed_kmh: 40.0,
        road_factor: 1.3,
        effort: Effort::REPLAN,
    };
    // a fixed order (no solver): the snapshot shows the screen, not a search
    let mut plan = follow(&order, &params);
    plan.not_fitting
        .push(("S012".into(), NotFitting::ClosesBeforeReach));
    let mut screen = RouteScreen::new(view, Theme::Standard);
    screen.set_plan(Some(RoutePlanView::new(order, params, plan)));
    screen
}

#[test]
fn route_with_the_days_plan() {
    let mut s = screen();
    s.handle(Action::Down);
    insta::assert_snapshot!("route_planned_80x24", draw(80, 24, &s).backend());
    // moved by hand: the times follow the new order
    s.handle(Action::MoveDown);
    let after = format!("{:?}", draw(80, 24, &s).backend());
    assert!(after.contains("Магазин «Солнышко»"));
    assert_eq!(s.view.rows[2].code, "S010", "moved one place later");
    insta::assert_snapshot!("route_planned_moved_80x24", draw(80, 24, &s).backend());
}

#[test]
fn the_map_of_the_day() {
    let mut s = screen();
    s.handle(Action::ToggleMap);
    s.handle(Action::Down);
    insta::assert_snapshot!("route_map_80x24", draw(80, 24, &s).backend());
    insta::assert_snapshot!("route_map_40x12", draw(40, 12, &s).backend());
}

#[test]
fn every_size_draws() {
    for map in [false, true] {
        let mut s = screen();
        if map {
            s.handle(Action::ToggleMap);
        }
        for w in 1..=80 {
            for h in 1..=24 {
                draw(w, h, &s);
            }
        }
    }
    // the map without a plan says what to do
    let mut s = screen();
    s.set_plan(None);
    s.handle(Action::ToggleMap);
    let text = format!("{:?}", draw(80, 24, &s).backend());
    assert!(text.contains("press p"), "{text}");
}
