//! The map of the day's drive: the start, the numbered stops and the path on
//! ratatui's Canvas (Braille lines), a legend of the stops below it.

use super::route::RouteScreen;
use crate::domain::route_plan::{LatLon, clock_text};
use crate::i18n;
use crate::t;
use crate::ui::Tone;
use ratatui::prelude::*;
use ratatui::symbols::Marker;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine};
use ratatui::widgets::{Paragraph, Wrap};

/// Bounds around the points with a margin, stretched so that a km is as long
/// across as up (a terminal cell is about twice as tall as wide).
fn bounds(points: &[LatLon], area: Rect) -> ([f64; 2], [f64; 2]) {
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in points {
        x0 = x0.min(p.lon);
        x1 = x1.max(p.lon);
        y0 = y0.min(p.lat);
        y1 = y1.max(p.lat);
    }
    let mid_lat = ((y0 + y1) / 2.0).to_radians().cos().max(0.01);
    // spans in km-like units, at least 1 km
    let (mut w, mut h) = (((x1 - x0) * mid_lat).max(0.01), (y1 - y0).max(0.01));
    let (cols, rows) = (
        f64::from(area.width.max(1)),
        f64::from(area.height.max(1)) * 2.0,
    );
    if w / cols > h / rows {
        h = w / cols * rows;
    } else {
        w = h / rows * cols;
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (hw, hh) = (w / mid_lat / 2.0 * 1.12, h / 2.0 * 1.12);
    ([cx - hw, cx + hw], [cy - hh, cy + hh])
}

fn color(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

pub fn render(screen: &RouteScreen, area: Rect, buf: &mut Buffer) {
    let th = screen.theme;
    let view = &screen.view;
    let rep = view.rep_name.clone().unwrap_or_else(|| t!("route-no-rep"));
    let title = t!(
        "route-map-title",
        weekday = i18n::weekday(view.today),
        date = i18n::date(view.today),
        rep = rep
    );
    let block = crate::ui::framed(title, th);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 4 || inner.height < 3 {
        return;
    }
    let plan = screen.plan.as_ref();
    let located: Vec<(usize, &str, LatLon)> = plan
        .map(|p| {
            p.plan
                .stops
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some((i + 1, s.code.as_str(), s.at?)))
                .collect()
        })
        .unwrap_or_default();
    let start = plan.and_then(|p| p.plan.start);
    let Some(start) = start.filter(|_| !located.is_empty()) else {
        Line::styled(t!("route-map-none"), th.style(Tone::Muted)).render(inner, buf);
        return;
    };
    let plan = plan.expect("a plan with located stops");
    let legend_rows = if inner.height >= 12 { 3 } else { 1 };
    let [map_area, legend_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(legend_rows)]).areas(inner);

    let end = plan.params.end.unwrap_or(start);
    let mut all: Vec<LatLon> = located.iter().map(|l| l.2).collect();
    all.push(start);
    all.push(end);
    let (xb, yb) = bounds(&all, map_area);
    let selected = view.rows.get(screen.selected).map(|r| r.code.as_str());
    let path = color(th.style(Tone::Muted));
    let point = color(th.style(Tone::Title));
    let pick = color(th.style(Tone::Warn));
    let home = color(th.style(Tone::Ok));
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(xb)
        .y_bounds(yb)
        .paint(|ctx| {
            let mut here = start;
            for (_, _, at) in &located {
                ctx.draw(&CanvasLine::new(here.lon, here.lat, at.lon, at.lat, path));
                here = *at;
            }
            ctx.draw(&CanvasLine::new(here.lon, here.lat, end.lon, end.lat, path));
            ctx.layer();
            ctx.print(
                start.lon,
                start.lat,
                Span::styled("S", th.style(Tone::Ok).add_modifier(Modifier::BOLD)),
            );
            if end != start {
                ctx.print(
                    end.lon,
                    end.lat,
                    Span::styled("E", Style::default().fg(home)),
                );
            }
            for (n, code, at) in &located {
                let style = if Some(*code) == selected {
                    Style::default()
                        .fg(pick)
                        .add_modifier(Modifier::BOLD | Modifier::REVERSED)
                } else {
                    Style::default().fg(point).add_modifier(Modifier::BOLD)
                };
                ctx.print(at.lon, at.lat, Span::styled(n.to_string(), style));
            }
        });
    canvas.render(map_area, buf);

    // the legend: number, store, arrival; the selected stop first if it is far down
    let name_of = |code: &str| {
        view.rows
            .iter()
            .find(|r| r.code == code)
            .map(|r| r.name.clone())
            .unwrap_or_else(|| code.to_string())
    };
    let mut spans: Vec<Span> = vec![Span::styled(
        format!("S {} ", t!("route-map-start")),
        th.style(Tone::Ok),
    )];
    for (i, s) in plan.plan.stops.iter().enumerate() {
        let arrive = s.arrive.map(clock_text).unwrap_or_else(|| "?".into());
        let text = format!("{} {} {arrive}  ", i + 1, name_of(&s.code));
        let style = if Some(s.code.as_str()) == selected {
            th.style(Tone::Selected)
        } else if s.at.is_none() {
            th.style(Tone::Muted)
        } else {
            Style::default()
        };
        spans.push(Span::styled(text, style));
    }
    spans.push(Span::styled(
        t!(
            "route-plan-summary",
            km = format!("{:.1}", plan.plan.total_km),
            back = plan.plan.back.map(clock_text).unwrap_or_default()
        ),
        th.style(Tone::Ok),
    ));
    Paragraph::new(Line::from(spans))
        .wrap(Wrap { trim: true })
        .render(legend_area, buf);
}
