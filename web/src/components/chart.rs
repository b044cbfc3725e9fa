//! The four-level profile of one track as an inline SVG bar chart: one bar per level (its score,
//! ungated), the threshold as a dashed line labelled to the right of the bars, achieved levels
//! marked ✓, a bar above the threshold whose level is blocked marked ⚠ with a line under the
//! chart saying why; value labels never overlap the threshold's label or line ([`layout`]). No script, no inline style
//! (the Content-Security-Policy forbids both): colours come from classes in `style.css`.

use crate::format;
use vigilance_model::Lang;
use vigilance_text::Web;
use yew::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// `N1`..`N4`.
    pub code: &'static str,
    /// Score in percent (`None`: no applicable question).
    pub score: Option<f64>,
    /// Threshold met and no critical question failed.
    pub achieved: bool,
    /// Counts towards the track's level (achieved and every level below achieved).
    pub counted: bool,
    /// The score meets the threshold, but the level is not achieved (a critical question, too
    /// many `na`): marked ⚠, with a line under the chart.
    pub blocked: bool,
}

/// What a profile chart shows.
#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    /// Interface language.
    pub lang: Lang,
    /// The track's name.
    pub track: AttrValue,
    /// The four bars.
    pub bars: Vec<Bar>,
    /// The threshold in percent.
    pub threshold: f64,
}

const W: f64 = 340.0;
const H: f64 = 190.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 30.0;
const LEFT: f64 = 34.0;
/// The bars end here; the threshold's label stands to the right of its line, clear of them.
const PLOT_RIGHT: f64 = 272.0;
/// Height of a value label above its baseline (11 px text: cap height and accents).
const LABEL_ASCENT: f64 = 10.0;
/// Depth of a value label below its baseline.
const LABEL_DESCENT: f64 = 3.0;
/// Room kept between a value label and the threshold line.
const LINE_CLEARANCE: f64 = 2.0;

fn y(pct: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - pct.clamp(0.0, 100.0) / 100.0)
}

fn num(v: f64) -> String {
    format!("{v:.1}")
}

/// Where one bar and its value label go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarPlace {
    /// Left edge of the bar.
    pub x: f64,
    /// Width of the bar.
    pub width: f64,
    /// Top of the bar.
    pub top: f64,
    /// Baseline of the value label (centred over the bar).
    pub label_y: f64,
}

/// The chart's geometry: the bars of `scores` (percent; `None` drawn as an empty bar) and the
/// threshold line's height. A value label sits just above its bar, unless it would touch the
/// threshold line: then it goes just under the line (when the bar's top leaves room) or just
/// above it. The threshold's own label stands right of
/// the plot, so the two kinds of label never meet.
pub fn layout(scores: &[Option<f64>], threshold: f64) -> (Vec<BarPlace>, f64) {
    let n = scores.len().max(1) as f64;
    let slot = (PLOT_RIGHT - LEFT) / n;
    let width = slot * 0.56;
    let ty = y(threshold);
    let places = scores
        .iter()
        .enumerate()
        .map(|(i, score)| {
            let top = y(score.unwrap_or(0.0));
            let mut label_y = top - 4.0;
            let touches = label_y + LABEL_DESCENT + LINE_CLEARANCE > ty
                && label_y - LABEL_ASCENT - LINE_CLEARANCE < ty;
            if touches {
                // Just under the line when the bar's top leaves room for it, else just above.
                let below = ty + LINE_CLEARANCE + LABEL_ASCENT;
                label_y = if below + 1.0 <= top {
                    below
                } else {
                    ty - LINE_CLEARANCE - LABEL_DESCENT
                };
            }
            BarPlace {
                x: LEFT + slot * i as f64 + (slot - width) / 2.0,
                width,
                top,
                label_y,
            }
        })
        .collect();
    (places, ty)
}

/// The profile chart of one track.
#[component]
pub fn ProfileChart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let scores: Vec<Option<f64>> = props.bars.iter().map(|b| b.score).collect();
    let (places, ty) = layout(&scores, props.threshold);
    let parts: Vec<String> = props
        .bars
        .iter()
        .map(|b| {
            let score = b
                .score
                .map_or_else(|| "—".to_string(), |s| format::percent(lang, s));
            let state = if b.achieved {
                Web::Achieved.text(lang)
            } else if b.blocked {
                Web::BarBlocked.text(lang)
            } else {
                Web::NotAchieved.text(lang)
            };
            Web::ChartBar.fill(
                lang,
                &[("code", &b.code), ("score", &score), ("state", &state)],
            )
        })
        .collect();
    let threshold_text = format::threshold(lang, props.threshold);
    let description = Web::ChartDescription.fill(
        lang,
        &[
            ("track", &props.track),
            ("parts", &parts.join(Web::ListSeparator.text(lang))),
            ("threshold", &threshold_text),
        ],
    );
    let grid_lines = [0.0, 50.0, 100.0].into_iter().map(|p| {
        html! {
            <g class="grid">
                <line x1={num(LEFT)} x2={num(PLOT_RIGHT)} y1={num(y(p))} y2={num(y(p))} />
                <text x={num(LEFT - 4.0)} y={num(y(p) + 4.0)} text-anchor="end">{ format!("{p:.0}") }</text>
            </g>
        }
    });
    let bars = props.bars.iter().zip(&places).map(|(b, p)| {
        let (x, bar_w, top) = (p.x, p.width, p.top);
        let class = classes!(
            "bar",
            b.counted.then_some("counted"),
            (b.achieved && !b.counted).then_some("imbalanced"),
            b.score.is_none().then_some("empty"),
            b.blocked.then_some("blocked")
        );
        let label = b
            .score
            .map_or_else(|| "—".to_string(), |s| format::percent(lang, s));
        html! {
            <g class={class} data-level={b.code} data-score={b.score.map(|s| format!("{s:.1}"))}>
                <rect x={num(x)} y={num(top)} width={num(bar_w)} height={num(y(0.0) - top)} rx="2" />
                <text class="value" x={num(x + bar_w / 2.0)} y={num(p.label_y)} text-anchor="middle">{ label }</text>
                <text class="axis" x={num(x + bar_w / 2.0)} y={num(H - 10.0)} text-anchor="middle">
                    { b.code }{ if b.achieved { " ✓" } else if b.blocked { " ⚠" } else { "" } }
                </text>
            </g>
        }
    });
    let blocked = props.bars.iter().any(|b| b.blocked).then(|| {
        html! { <p class="hint chart-blocked">{ Web::ChartBlocked.text(lang) }</p> }
    });
    html! {
        <>
        <svg class="profile-chart" viewBox={format!("0 0 {W} {H}")} role="img"
            aria-label={description.clone()} xmlns="http://www.w3.org/2000/svg">
            <title>{ description }</title>
            { for grid_lines }
            { for bars }
            <g class="threshold">
                <line x1={num(LEFT)} x2={num(PLOT_RIGHT)} y1={num(ty)} y2={num(ty)} />
                <text x={num(PLOT_RIGHT + 4.0)} y={num(ty - 2.0)}>{ Web::Threshold.text(lang) }</text>
                <text x={num(PLOT_RIGHT + 4.0)} y={num(ty + 11.0)}>{ threshold_text }</text>
            </g>
        </svg>
        { blocked.unwrap_or_default() }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bounding box of a value label: (left, right, top, bottom).
    fn label_box(p: &BarPlace) -> (f64, f64, f64, f64) {
        // "100,0 %" at 11 px is about 42 px wide.
        let centre = p.x + p.width / 2.0;
        (
            centre - 22.0,
            centre + 22.0,
            p.label_y - LABEL_ASCENT,
            p.label_y + LABEL_DESCENT,
        )
    }

    #[test]
    fn value_labels_clear_the_threshold_line_and_label_for_scores_68_to_74() {
        for tenth in 680..=740 {
            let s = f64::from(tenth) / 10.0;
            for threshold in [70.0, 50.0, 80.0] {
                let (places, ty) = layout(&[Some(s), Some(s), Some(s), Some(s)], threshold);
                for p in &places {
                    let (left, right, top, bottom) = label_box(p);
                    // Clear of the threshold's label, which starts right of the plot.
                    assert!(
                        right < PLOT_RIGHT + 4.0,
                        "score {s}: label reaches x {right}"
                    );
                    assert!(left > LEFT, "score {s}: label starts at x {left}");
                    // Clear of the threshold line.
                    assert!(
                        bottom + 1.0 < ty || top - 1.0 > ty,
                        "score {s}, threshold {threshold}: label {top}..{bottom} on line {ty}"
                    );
                    // Still over its bar, not lost in the air.
                    assert!(p.label_y <= p.top, "score {s}: label below the bar top");
                    assert!(
                        p.top - p.label_y < 20.0,
                        "score {s}: label far from its bar"
                    );
                }
            }
        }
    }
}
