//! The campaign's statistics on exact values, rounded once, for display (docs/method.md: "rounded
//! for display only"): a level or theme score as the fraction it is, a track's index as the
//! weighted mean of those fractions, then means, quartiles and changes of those exact values.
//! The workbook and the review take every cohort figure from here, so that a figure an analyst
//! recomputes from the fractions behind the results matches to the decimal.
//!
//! Quartiles interpolate linearly between the two nearest values (Excel's `QUARTILE.INC`,
//! R's type 7): the value at `p` of `n` sorted values is at position `p·(n−1)`.
//!
//! Rounding is half away from zero. Scores are fractions with small denominators held in
//! floating point, so a value within 10⁻⁹ of a half tenth is that half tenth (43.95 held as
//! 43.9499… rounds to 44.0, as the fraction does).

use crate::exact::Ratio;
use crate::questionnaire::Questionnaire;
use crate::scoring::TrackResult;

/// Tolerance, in units of the last digit kept, under which a value counts as a tie.
const TIE: f64 = 1e-9;

/// `ratio` as a percentage, unrounded; `None` when no question applies.
pub fn percent(ratio: &Ratio) -> Option<f64> {
    (ratio.possible > 0).then(|| ratio.earned as f64 * 100.0 / ratio.possible as f64)
}

/// `part` of `whole` in percent, unrounded; `None` when `whole` is 0.
pub fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// The evidence share of track `t`: its answers that carry evidence
/// (`AnswerScore::carries_evidence`) in percent of its answers given, unrounded; `None` when
/// nothing is answered. The one rule of the workbook's Summary and the review.
pub fn evidence_share(t: &TrackResult) -> Option<f64> {
    share(t.with_evidence(), t.answered)
}

/// The indicative index of track `t` scored on grid `q`, unrounded: `Σ w·S ÷ Σ w` over the
/// levels, a level where no question applies counting 0 (as scoring does).
pub fn index(q: &Questionnaire, t: &TrackResult) -> f64 {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for (k, level) in t.levels.iter().enumerate() {
        let w = q.index_weights.get(k).copied().unwrap_or((k + 1) as f64);
        weights += w;
        sum += w * percent(&level.score).unwrap_or(0.0);
    }
    if weights > 0.0 { sum / weights } else { 0.0 }
}

/// `v` rounded to `decimals` decimals, half away from zero.
fn round_to(v: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    let x = v.abs() * scale;
    let floor = x.floor();
    let r = if x - floor >= 0.5 - TIE {
        floor + 1.0
    } else {
        floor
    };
    (r / scale).copysign(v)
}

/// `v` rounded to one decimal, half away from zero: the only rounding of a displayed figure.
pub fn round1(v: f64) -> f64 {
    let r = round_to(v, 1);
    if r == 0.0 { 0.0 } else { r }
}

/// `v` rounded to a whole number, half away from zero.
pub fn round0(v: f64) -> f64 {
    let r = round_to(v, 0);
    if r == 0.0 { 0.0 } else { r }
}

/// The arithmetic mean of `values`, unrounded; `None` when empty.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The rank of `value` among `values` (exact values, `value` among them), highest first: one
/// more than the number of values above it, so that companies tied share a rank. The one rank
/// rule of the workbook's Summary and the company summary page.
pub fn rank(values: &[f64], value: f64) -> usize {
    1 + values.iter().filter(|v| **v > value + TIE).count()
}

/// The value at `p` (0..=1) of `sorted` values, interpolated linearly (`QUARTILE.INC`),
/// unrounded; `None` when empty.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let pos = p * (n - 1) as f64;
    let lo = (pos.floor() as usize).min(n - 1);
    let hi = (pos.ceil() as usize).min(n - 1);
    let (a, b) = (sorted[lo], sorted[hi]);
    Some(a + (b - a) * (pos - lo as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tie_held_below_in_floating_point_rounds_away_from_zero() {
        // 43.95 is held as 43.9499…; the figure it stands for rounds to 44.0.
        assert_eq!(round1(43.9 + (44.0 - 43.9) / 2.0), 44.0);
        assert_eq!(round1(-18.35), -18.4);
        assert_eq!(round1(63.49), 63.5);
        assert_eq!(round0(63.49), 63.0);
        assert_eq!(round0(62.5), 63.0);
        assert_eq!(round1(-0.04), 0.0);
    }

    #[test]
    fn quartiles_interpolate_between_the_nearest_values() {
        let v = [10.0, 20.0, 30.0, 40.0];
        assert_eq!(quantile(&v, 0.25), Some(17.5));
        assert_eq!(quantile(&v, 0.5), Some(25.0));
        assert_eq!(quantile(&v, 0.75), Some(32.5));
        assert_eq!(quantile(&v, 1.0), Some(40.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn companies_tied_share_a_rank() {
        let v = [50.0, 75.0, 75.0, 100.0 / 3.0];
        assert_eq!(rank(&v, 75.0), 1);
        assert_eq!(rank(&v, 50.0), 3);
        assert_eq!(rank(&v, 100.0 / 3.0), 4);
        // The same fraction reached another way is the same value.
        assert_eq!(rank(&v, 75.0 - 1e-12), 1);
    }

    #[test]
    fn the_mean_of_exact_values_differs_from_the_mean_of_rounded_ones() {
        // 78.452 and 100: the exact mean is 89.226, 89.2; from 78.5 it would be 89.3.
        let exact = mean(&[78.452, 100.0]).map(round1);
        assert_eq!(exact, Some(89.2));
    }
}
