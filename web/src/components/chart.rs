//! The four-level profile of one track as an inline SVG bar chart: one bar per level (its score,
//! ungated), the threshold as a dashed line, achieved levels marked. No script, no inline style
//! (the Content-Security-Policy forbids both): colours come from classes in `style.css`.

use crate::i18n::{self, K};
use vigilance_core::Lang;
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

const W: f64 = 320.0;
const H: f64 = 190.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 30.0;
const LEFT: f64 = 34.0;

fn y(pct: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - pct.clamp(0.0, 100.0) / 100.0)
}

fn num(v: f64) -> String {
    format!("{v:.1}")
}

/// The profile chart of one track.
#[component]
pub fn ProfileChart(props: &ChartProps) -> Html {
    let lang = props.lang;
    let n = props.bars.len().max(1) as f64;
    let slot = (W - LEFT - 8.0) / n;
    let bar_w = slot * 0.56;
    let parts: Vec<String> = props
        .bars
        .iter()
        .map(|b| {
            let score = b
                .score
                .map_or_else(|| "—".to_string(), |s| i18n::percent(lang, s));
            let state = if b.achieved {
                K::Achieved.get(lang)
            } else {
                K::NotAchieved.get(lang)
            };
            format!("{} {score} ({state})", b.code)
        })
        .collect();
    let threshold_text = i18n::threshold(lang, props.threshold);
    let description = i18n::chart_description(lang, &props.track, &parts, &threshold_text);
    let grid_lines = [0.0, 50.0, 100.0].into_iter().map(|p| {
        html! {
            <g class="grid">
                <line x1={num(LEFT)} x2={num(W - 4.0)} y1={num(y(p))} y2={num(y(p))} />
                <text x={num(LEFT - 4.0)} y={num(y(p) + 4.0)} text-anchor="end">{ format!("{p:.0}") }</text>
            </g>
        }
    });
    let bars = props.bars.iter().enumerate().map(|(i, b)| {
        let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
        let score = b.score.unwrap_or(0.0);
        let top = y(score);
        let class = classes!(
            "bar",
            b.counted.then_some("counted"),
            (b.achieved && !b.counted).then_some("imbalanced"),
            b.score.is_none().then_some("empty")
        );
        let label = b
            .score
            .map_or_else(|| "—".to_string(), |s| i18n::percent(lang, s));
        html! {
            <g class={class} data-level={b.code} data-score={b.score.map(|s| format!("{s:.1}"))}>
                <rect x={num(x)} y={num(top)} width={num(bar_w)} height={num(y(0.0) - top)} rx="2" />
                <text class="value" x={num(x + bar_w / 2.0)} y={num(top - 4.0)} text-anchor="middle">{ label }</text>
                <text class="axis" x={num(x + bar_w / 2.0)} y={num(H - 10.0)} text-anchor="middle">
                    { b.code }{ if b.achieved { " ✓" } else { "" } }
                </text>
            </g>
        }
    });
    let ty = y(props.threshold);
    html! {
        <svg class="profile-chart" viewBox={format!("0 0 {W} {H}")} role="img"
            aria-label={description.clone()} xmlns="http://www.w3.org/2000/svg">
            <title>{ description }</title>
            { for grid_lines }
            { for bars }
            <g class="threshold">
                <line x1={num(LEFT)} x2={num(W - 4.0)} y1={num(ty)} y2={num(ty)} />
                <text x={num(W - 6.0)} y={num(ty - 4.0)} text-anchor="end">
                    { K::Threshold.get(lang) }{ " " }{ threshold_text }
                </text>
            </g>
        </svg>
    }
}
