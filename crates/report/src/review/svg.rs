//! The review's charts as inline SVG: level distribution bars, the moved up / stayed / moved
//! down bars, and a company's profile. Each function takes figures and already translated
//! labels and returns an `<svg>` element sized in CSS pixels, with its title for screen readers.
//! Colours come from [`LEVEL_COLOURS`], [`TRACK_COLOURS`] and [`MOVE_COLOURS`], chosen to stay
//! apart for colour-blind readers and in grey print; every bar also carries its number.

use super::html::esc;
use crate::text::Lang;
use std::fmt::Write;

/// N0…N4, light to dark.
pub const LEVEL_COLOURS: [&str; 5] = ["#d9dde3", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
/// Text colour on each level colour.
const LEVEL_INK: [&str; 5] = ["#222", "#222", "#111", "#fff", "#fff"];
/// Child labour, forced labour (in the grid's track order).
pub const TRACK_COLOURS: [&str; 2] = ["#e08214", "#5e3c99"];
/// Moved up, stayed, moved down.
pub const MOVE_COLOURS: [&str; 3] = ["#1b7837", "#bdbdbd", "#c51b7d"];
const MOVE_INK: [&str; 3] = ["#fff", "#111", "#fff"];

fn open(out: &mut String, w: u32, h: u32, title: &str) {
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = esc(title)
    );
}

/// Bars of companies per level N0…N4. `max` is the common scale of the charts shown side by
/// side (so that they compare).
pub fn level_bars(title: &str, counts: &[usize; 5], max: usize) -> String {
    let (w, h) = (220u32, 170u32);
    let (left, right, top, bottom) = (28.0, 8.0, 16.0, 26.0);
    let plot_w = f64::from(w) - left - right;
    let plot_h = f64::from(h) - top - bottom;
    let max = max.max(1) as f64;
    let mut s = String::new();
    open(&mut s, w, h, title);
    // Axis and a few gridlines.
    let ticks = tick_values(max as usize);
    for t in &ticks {
        let y = top + plot_h - plot_h * (*t as f64) / max;
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="#e3e3e3"/><text x="{tx}" y="{ty:.1}" font-size="10" text-anchor="end" fill="#555">{t}</text>"##,
            x2 = left + plot_w,
            tx = left - 4.0,
            ty = y + 3.5
        );
    }
    let slot = plot_w / 5.0;
    for (i, &n) in counts.iter().enumerate() {
        let bh = plot_h * n as f64 / max;
        let x = left + slot * i as f64 + slot * 0.15;
        let y = top + plot_h - bh;
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" fill="{c}" stroke="#555" stroke-width="0.5"/>"##,
            bw = slot * 0.7,
            c = LEVEL_COLOURS[i]
        );
        let _ = write!(
            s,
            r##"<text x="{cx:.1}" y="{ly:.1}" font-size="11" font-weight="bold" text-anchor="middle" fill="#111">{n}</text><text x="{cx:.1}" y="{by:.1}" font-size="11" text-anchor="middle" fill="#222">N{i}</text>"##,
            cx = x + slot * 0.35,
            ly = y - 3.0,
            by = f64::from(h) - 8.0
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{left}" x2="{x2}" y1="{y}" y2="{y}" stroke="#555"/>"##,
        x2 = left + plot_w,
        y = top + plot_h
    );
    s.push_str("</svg>");
    s
}

fn tick_values(max: usize) -> Vec<usize> {
    let step = match max {
        0..=5 => 1,
        6..=10 => 2,
        11..=25 => 5,
        26..=50 => 10,
        51..=100 => 20,
        _ => (max / 5).max(1),
    };
    (0..=max).step_by(step).collect()
}

/// One horizontal bar per row, split into moved up / stayed / moved down, each part with its
/// count. `legend` names the three parts.
pub fn movement_bars(title: &str, rows: &[(String, [usize; 3])], legend: [&str; 3]) -> String {
    let label_w = 150.0;
    let bar_h = 22.0;
    let gap = 10.0;
    let w = 640u32;
    let plot_w = f64::from(w) - label_w - 10.0;
    let legend_h = 24.0;
    let h = (legend_h + rows.len() as f64 * (bar_h + gap) + 4.0).ceil() as u32;
    let total = rows
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let mut s = String::new();
    open(&mut s, w, h, title);
    let mut lx = label_w;
    for (k, name) in legend.iter().enumerate() {
        let _ = write!(
            s,
            r##"<rect x="{lx:.1}" y="4" width="12" height="12" fill="{c}" stroke="#555" stroke-width="0.5"/><text x="{tx:.1}" y="14" font-size="11" fill="#222">{t}</text>"##,
            c = MOVE_COLOURS[k],
            tx = lx + 16.0,
            t = esc(name)
        );
        lx += 30.0 + 7.0 * name.chars().count() as f64;
    }
    for (r, (label, counts)) in rows.iter().enumerate() {
        let y = legend_h + r as f64 * (bar_h + gap);
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{ty:.1}" font-size="11" text-anchor="end" fill="#222">{t}</text>"##,
            x = label_w - 8.0,
            ty = y + bar_h / 2.0 + 4.0,
            t = esc(label)
        );
        let mut x = label_w;
        for (k, &n) in counts.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let bw = plot_w * n as f64 / total;
            let _ = write!(
                s,
                r##"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bar_h}" fill="{c}" stroke="#fff" stroke-width="1"/><text x="{cx:.1}" y="{ty:.1}" font-size="11" font-weight="bold" text-anchor="middle" fill="{ink}">{n}</text>"##,
                c = MOVE_COLOURS[k],
                ink = MOVE_INK[k],
                cx = x + bw / 2.0,
                ty = y + bar_h / 2.0 + 4.0
            );
            x += bw;
        }
    }
    s.push_str("</svg>");
    s
}

/// One track's profile: its four level scores, and the previous campaign's when known.
pub struct ProfileSeries<'a> {
    /// The track's name.
    pub label: &'a str,
    /// Scores of N1…N4 in percent (`None`: no applicable question).
    pub scores: [Option<f64>; 4],
    /// The same in the previous campaign.
    pub previous: Option<[Option<f64>; 4]>,
}

/// Grouped bars of the level scores per track with the threshold line; the previous
/// campaign's scores as dark ticks across the bars.
pub fn profile(
    title: &str,
    series: &[ProfileSeries<'_>],
    threshold: f64,
    threshold_label: &str,
    previous_label: Option<&str>,
    lang: Lang,
) -> String {
    let (w, h) = (640u32, 170u32);
    let (left, right, top, bottom) = (36.0, 70.0, 30.0, 22.0);
    let plot_w = f64::from(w) - left - right;
    let plot_h = f64::from(h) - top - bottom;
    let y_of = |v: f64| top + plot_h - plot_h * v.clamp(0.0, 100.0) / 100.0;
    let mut s = String::new();
    open(&mut s, w, h, title);
    // Legend.
    let mut lx = left;
    for (k, sr) in series.iter().enumerate() {
        let _ = write!(
            s,
            r##"<rect x="{lx:.1}" y="4" width="12" height="12" fill="{c}"/><text x="{tx:.1}" y="14" font-size="11" fill="#222">{t}</text>"##,
            c = TRACK_COLOURS[k % 2],
            tx = lx + 16.0,
            t = esc(sr.label)
        );
        lx += 30.0 + 6.5 * sr.label.chars().count() as f64;
    }
    if let Some(p) = previous_label {
        let _ = write!(
            s,
            r##"<line x1="{lx:.1}" x2="{x2:.1}" y1="10" y2="10" stroke="#111" stroke-width="3"/><text x="{tx:.1}" y="14" font-size="11" fill="#222">{t}</text>"##,
            x2 = lx + 14.0,
            tx = lx + 18.0,
            t = esc(p)
        );
    }
    for v in [0, 25, 50, 75, 100] {
        let y = y_of(f64::from(v));
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="#e3e3e3"/><text x="{tx}" y="{ty:.1}" font-size="10" text-anchor="end" fill="#555">{v}</text>"##,
            x2 = left + plot_w,
            tx = left - 4.0,
            ty = y + 3.5
        );
    }
    let slot = plot_w / 4.0;
    let n = series.len().max(1) as f64;
    let bar_w = slot * 0.7 / n;
    for level in 0..4 {
        let x0 = left + slot * level as f64 + slot * 0.15;
        for (k, sr) in series.iter().enumerate() {
            let x = x0 + bar_w * k as f64;
            let previous = sr.previous.and_then(|p| p[level]);
            match sr.scores[level] {
                Some(v) => {
                    let y = y_of(v);
                    // The number sits above the bar and above the previous campaign's tick.
                    let label_y = previous.map_or(y, |p| y.min(y_of(p))) - 4.0;
                    let _ = write!(
                        s,
                        r##"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" fill="{c}"/><text x="{cx:.1}" y="{ty:.1}" font-size="10" text-anchor="middle" fill="#111">{t}</text>"##,
                        bw = bar_w - 2.0,
                        bh = top + plot_h - y,
                        c = TRACK_COLOURS[k % 2],
                        cx = x + (bar_w - 2.0) / 2.0,
                        ty = label_y,
                        t = number(v, lang)
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r##"<text x="{cx:.1}" y="{ty:.1}" font-size="10" text-anchor="middle" fill="#555">—</text>"##,
                        cx = x + (bar_w - 2.0) / 2.0,
                        ty = top + plot_h - 3.0
                    );
                }
            }
            if let Some(p) = previous {
                let y = y_of(p);
                let _ = write!(
                    s,
                    r##"<line x1="{x:.1}" x2="{x2:.1}" y1="{y:.1}" y2="{y:.1}" stroke="#111" stroke-width="3"/>"##,
                    x2 = x + bar_w - 2.0
                );
            }
        }
        let _ = write!(
            s,
            r##"<text x="{cx:.1}" y="{ty:.1}" font-size="11" text-anchor="middle" fill="#222">N{l}</text>"##,
            cx = left + slot * level as f64 + slot / 2.0,
            ty = f64::from(h) - 8.0,
            l = level + 1
        );
    }
    let ty = y_of(threshold);
    let _ = write!(
        s,
        r##"<line x1="{left}" x2="{x2}" y1="{ty:.1}" y2="{ty:.1}" stroke="#b2182b" stroke-width="1.5" stroke-dasharray="6 3"/><text x="{lx}" y="{ly:.1}" font-size="10" fill="#b2182b">{t}</text><line x1="{left}" x2="{x2}" y1="{by}" y2="{by}" stroke="#555"/>"##,
        x2 = left + plot_w,
        lx = left + plot_w + 4.0,
        ly = ty + 3.5,
        t = esc(threshold_label),
        by = top + plot_h
    );
    s.push_str("</svg>");
    s
}

/// A percentage with one decimal (comma in French).
pub fn number(v: f64, lang: Lang) -> String {
    lang.decimal(&format!("{:.1}", crate::stats::round1(v)))
}

/// The background and text colours of a heat-map cell for a score in percent (light to dark
/// blue, white text on the dark end).
pub fn heat(v: f64) -> (&'static str, &'static str) {
    let i = match v {
        v if v < 20.0 => 0,
        v if v < 40.0 => 1,
        v if v < 60.0 => 2,
        v if v < 80.0 => 3,
        _ => 4,
    };
    (
        ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"][i],
        ["#111", "#111", "#111", "#fff", "#fff"][i],
    )
}

/// Text colour on a level's colour.
pub fn level_ink(level: usize) -> &'static str {
    LEVEL_INK[level.min(4)]
}
