//! Exact arithmetic for scores: points and weights are held as integers, so that threshold
//! comparisons never suffer floating-point drift (5 of 7 is 71.43 % and passes 70 %; 3.5 of 5 is
//! exactly 70 % and passes too). Percentages are rounded for display only, to one decimal, half
//! away from zero.

use std::fmt;

/// Integer units in one point. Answer points are given with at most three decimals (milli-points)
/// and the substantiated mode halves them, so 1 point = 2,000 units keeps everything integral.
pub const UNITS_PER_POINT: u64 = 2_000;

/// Integer units in a weight of 1 (weights are given with at most three decimals).
pub const UNITS_PER_WEIGHT: u64 = 1_000;

/// Converts a decimal with at most three decimals into thousandths, or `None` when it has more
/// decimals, is negative, not finite, or too large.
pub fn to_thousandths(value: f64) -> Option<u64> {
    if !value.is_finite() || !(0.0..=1.0e12).contains(&value) {
        return None;
    }
    let scaled = (value * 1000.0).round();
    if ((scaled / 1000.0) - value).abs() > 1e-9 {
        return None;
    }
    Some(scaled as u64)
}

/// Points earned over points possible, both in integer units (points × weight).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Ratio {
    /// Weighted points earned, in units.
    pub earned: u64,
    /// Weighted points possible, in units; 0 when no question applies.
    pub possible: u64,
}

impl Ratio {
    /// Adds one question: `points` in units of [`UNITS_PER_POINT`], `weight` in thousandths.
    pub fn add(&mut self, points: u64, weight: u64) {
        self.earned += points * weight;
        self.possible += UNITS_PER_POINT * weight;
    }

    /// Whether any question applies.
    pub fn is_empty(&self) -> bool {
        self.possible == 0
    }

    /// Whether the ratio reaches `threshold` exactly (false when empty).
    pub fn meets(&self, threshold: Percent) -> bool {
        self.possible > 0
            && u128::from(self.earned) * 100_000
                >= u128::from(threshold.thousandths) * u128::from(self.possible)
    }

    /// Whether every point possible is earned (false when empty).
    pub fn is_full(&self) -> bool {
        self.possible > 0 && self.earned >= self.possible
    }

    /// The percentage in tenths of a percent, rounded half away from zero; `None` when empty.
    pub fn percent_tenths(&self) -> Option<u64> {
        round_tenths(u128::from(self.earned), u128::from(self.possible))
    }

    /// The percentage rounded to one decimal; `None` when empty.
    pub fn percent(&self) -> Option<f64> {
        self.percent_tenths().map(|t| t as f64 / 10.0)
    }
}

/// `num / den` as a percentage in tenths, rounded half away from zero (all values are ≥ 0).
fn round_tenths(num: u128, den: u128) -> Option<u64> {
    if den == 0 {
        return None;
    }
    let tenths = (num * 2_000 + den) / (2 * den);
    u64::try_from(tenths).ok()
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The weighted mean of several ratios, `Σ wᵢ·rᵢ ÷ Σ wᵢ`, as a percentage rounded to one decimal;
/// an empty ratio counts 0. Exact where the integers fit, else computed in floating point.
pub fn weighted_mean_percent(parts: &[(u64, Ratio)]) -> Option<f64> {
    let total_weight: u64 = parts.iter().map(|(w, _)| *w).sum();
    if total_weight == 0 {
        return None;
    }
    exact_weighted_mean(parts, total_weight)
        .map(|t| t as f64 / 10.0)
        .or_else(|| {
            let sum: f64 = parts
                .iter()
                .filter(|(_, r)| r.possible > 0)
                .map(|(w, r)| *w as f64 * r.earned as f64 / r.possible as f64)
                .sum();
            Some((sum / total_weight as f64 * 1000.0).round() / 10.0)
        })
}

fn exact_weighted_mean(parts: &[(u64, Ratio)], total_weight: u64) -> Option<u64> {
    let (mut num, mut den) = (0u128, 1u128);
    for (w, r) in parts {
        if r.possible == 0 || *w == 0 {
            continue;
        }
        let g = gcd(u128::from(r.earned), u128::from(r.possible)).max(1);
        let (e, p) = (u128::from(r.earned) / g, u128::from(r.possible) / g);
        let l = den.checked_mul(p / gcd(den, p))?;
        num = num
            .checked_mul(l / den)?
            .checked_add(u128::from(*w).checked_mul(e)?.checked_mul(l / p)?)?;
        den = l;
    }
    let den = den.checked_mul(u128::from(total_weight))?;
    num.checked_mul(2_000)?;
    round_tenths(num, den)
}

/// A percentage given with at most three decimals, such as a threshold (70, 66.667).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent {
    /// The percentage in thousandths of a percent (70 % = 70,000).
    pub thousandths: u32,
}

impl Percent {
    /// The method's default threshold, 70 %.
    pub const DEFAULT_THRESHOLD: Percent = Percent {
        thousandths: 70_000,
    };

    /// A percentage from a decimal in 0..=100 with at most three decimals.
    pub fn from_f64(value: f64) -> Option<Percent> {
        let t = to_thousandths(value)?;
        (t <= 100_000).then_some(Percent {
            thousandths: t as u32,
        })
    }

    /// The value as a decimal (70.0).
    pub fn as_f64(self) -> f64 {
        f64::from(self.thousandths) / 1000.0
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.thousandths / 1000;
        let frac = self.thousandths % 1000;
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let s = format!("{frac:03}");
            write!(f, "{whole}.{}", s.trim_end_matches('0'))
        }
    }
}

/// Formats a rounded percentage for people: `83.3` in English, `83,3` in French.
pub fn format_percent(value: f64, lang: crate::Lang) -> String {
    decimal_mark(format!("{value:.1}"), lang)
}

/// A number written with a decimal point, given the decimal mark of `lang` (`8,5` in French).
pub fn decimal_mark(number: String, lang: crate::Lang) -> String {
    lang.decimal(&number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(earned_points_x2: u64, questions: u64) -> Ratio {
        Ratio {
            earned: earned_points_x2 * UNITS_PER_POINT / 2 * UNITS_PER_WEIGHT,
            possible: questions * UNITS_PER_POINT * UNITS_PER_WEIGHT,
        }
    }

    #[test]
    fn five_of_seven_passes_seventy() {
        let r = ratio(10, 7);
        assert!(r.meets(Percent::DEFAULT_THRESHOLD));
        assert_eq!(r.percent(), Some(71.4));
    }

    #[test]
    fn three_and_a_half_of_five_is_exactly_seventy_and_passes() {
        let r = ratio(7, 5);
        assert!(r.meets(Percent::DEFAULT_THRESHOLD));
        assert_eq!(r.percent(), Some(70.0));
        assert!(!ratio(6, 5).meets(Percent::DEFAULT_THRESHOLD));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // 1/16 = 6.25 % -> 6.3 ; 1/6 = 16.666 -> 16.7 ; 5/6 = 83.33 -> 83.3
        assert_eq!(ratio(1, 8).percent(), Some(6.3));
        assert_eq!(ratio(2, 6).percent(), Some(16.7));
        assert_eq!(ratio(10, 6).percent(), Some(83.3));
        assert_eq!(Ratio::default().percent(), None);
    }

    #[test]
    fn thousandths_reject_more_decimals() {
        assert_eq!(to_thousandths(0.5), Some(500));
        assert_eq!(to_thousandths(0.125), Some(125));
        assert_eq!(to_thousandths(0.1234), None);
        assert_eq!(to_thousandths(-1.0), None);
        assert_eq!(Percent::from_f64(100.5), None);
        assert_eq!(
            Percent::from_f64(66.667).map(|p| p.to_string()),
            Some("66.667".into())
        );
    }

    #[test]
    fn weighted_mean_is_exact() {
        // (1*5/6 + 2*11/12) / 10 = (0.8333 + 1.8333)/10 = 26.67 %
        let parts = [
            (1, ratio(10, 6)),
            (2, ratio(11, 6)),
            (3, Ratio::default()),
            (4, ratio(0, 9)),
        ];
        assert_eq!(weighted_mean_percent(&parts), Some(26.7));
    }
}
