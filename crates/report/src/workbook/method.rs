//! The Method sheet: the questionnaire, evidence mode, threshold, date and tool version, the
//! counts of companies and inputs not scored, and when the Answers sheet was left out, why and
//! how to get it (`score --answers-sheet`, the JSON and JSON Lines outputs), the
//! levels and their definitions, the scoring rule in words (with the heavy-`na` warning and the
//! limits on `na` of the grids that declare them), each grid of the batch with its version and
//! provenance, and, when a grid maps to frameworks, the coverage disclaimer, the coverage rule,
//! the self-declared label in declarative mode, each framework's kind, citation and status note,
//! and every note the grid gives on a requirement or a question's link to it.

use super::Writer;
use super::grids::{Grid, grid_key};
use super::stream::{fit_row, print_setup, put_text, put_text_fmt};
use crate::codes::{EvidenceMode, Level, maturity_code};
use crate::coverage::disclaimer;
use crate::exact::Percent;
use crate::messages::RULE_LINES;
use crate::questionnaire::Questionnaire;
use rust_xlsxwriter::{Format, RowNum, Worksheet, XlsxError};
use vigilance_text::{Msg, Wb};

/// The counts the Method sheet gives at its top.
pub(super) struct Counts {
    /// Companies (scored sheets) in the workbook.
    pub(super) scored: usize,
    /// Inputs that could not be scored.
    pub(super) errors: usize,
    /// The Answers sheet was left out (too many companies, `WorkbookOptions::answers_sheet`).
    pub(super) answers_left_out: bool,
}

impl Writer<'_> {
    pub(super) fn method(
        &self,
        grids: &[Grid<'_>],
        Counts {
            scored,
            errors,
            answers_left_out,
        }: Counts,
        modes: &[EvidenceMode],
        threshold: Percent,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut sheet = Worksheet::new();
        let ws = &mut sheet;
        ws.set_name(self.names.method)?;
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 36)?;
        ws.set_column_width(2, 90)?;
        print_setup(ws, 30.0 + 36.0 + 90.0, None, None)?;
        let modes_in = modes;
        let mut modes = modes.to_vec();
        modes.sort_by_key(|m| m.code());
        modes.dedup();
        let modes = if modes.is_empty() {
            EvidenceMode::default().label(lang).to_string()
        } else {
            modes
                .iter()
                .map(|m| m.label(lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        // The batch's grid, else the first grid of the results.
        let main = grids.first().map_or(self.q, |g| g.q);
        put_text_fmt(ws, 0, 0, main.title.get(lang), &self.bold)?;
        let mut r: RowNum = 2;
        let mut kv = |ws: &mut Worksheet, k: &str, v: &str| -> Result<(), XlsxError> {
            ws.write_string_with_format(r, 0, k, &self.bold)?;
            put_text(ws, r, 1, v)?;
            r += 1;
            Ok(())
        };
        kv(ws, self.t(Wb::Questionnaire), &main.id)?;
        kv(ws, self.t(Wb::Version), &main.version)?;
        kv(ws, self.t(Wb::EvidenceMode), &modes)?;
        kv(ws, self.t(Wb::Date), &self.opts.generated)?;
        kv(ws, self.t(Wb::ToolVersion), &self.opts.tool_version)?;
        ws.write_string_with_format(r, 0, self.t(Wb::ThresholdPercent), &self.bold)?;
        ws.write_number_with_format(
            r,
            1,
            threshold.as_f64(),
            &Format::new().set_num_format("0.0##"),
        )?;
        r += 1;
        ws.write_string_with_format(r, 0, self.t(Wb::CompaniesScored), &self.bold)?;
        ws.write_number(r, 1, scored as f64)?;
        r += 1;
        ws.write_string_with_format(r, 0, self.t(Wb::InputsNotScored), &self.bold)?;
        ws.write_number(r, 1, errors as f64)?;
        r += 1;
        if answers_left_out {
            // No silent omission: what was left out, why, and where every answer is.
            ws.write_string_with_format(r, 0, self.names.answers, &self.bold)?;
            r += 1;
            let max = match self.opts.answers_sheet {
                super::AnswersSheet::UpTo(max) => max,
                super::AnswersSheet::Always => scored,
            };
            let note = Wb::AnswersSheetLeftOut.fill(
                lang,
                &[
                    ("companies", &lang.integer(scored as u64)),
                    ("max", &lang.integer(max as u64)),
                ],
            );
            self.paragraph(ws, r, &note)?;
            r += 1;
        }
        r += 1;

        put_text_fmt(ws, r, 0, self.t(Wb::Levels), &self.bold)?;
        r += 1;
        for (c, h) in [self.t(Wb::Level), self.t(Wb::Label), self.t(Wb::Definition)]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(r, c as u16, *h, &self.header)?;
        }
        r += 1;
        for m in 0..=4u8 {
            ws.write_string_with_format(r, 0, maturity_code(m), &self.wrap)?;
            put_text_fmt(ws, r, 1, main.maturity_label(m, lang), &self.wrap)?;
            let def = match Level::from_rank(m) {
                Some(l) => main.level(l).map(|d| d.definition.get(lang)),
                None => main.not_started.as_ref().map(|n| n.definition.get(lang)),
            };
            fit_row(ws, r, &[(90.0, def.unwrap_or(""))])?;
            put_text_fmt(ws, r, 2, def.unwrap_or(""), &self.wrap)?;
            r += 1;
        }
        r += 1;
        put_text_fmt(ws, r, 0, self.t(Wb::ScoringRule), &self.bold)?;
        r += 1;
        let weights = main
            .index_weights
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let t = threshold.to_string();
        for line in RULE_LINES {
            let line = line.fill(lang, &[("threshold", &t), ("weights", &weights)]);
            self.paragraph(ws, r, &line)?;
            r += 1;
        }
        self.paragraph(ws, r, Msg::RuleHeavyNa.text(lang))?;
        r += 1;
        let limited: Vec<&Questionnaire> = if grids.is_empty() {
            vec![self.q]
        } else {
            grids.iter().map(|g| g.q).collect()
        };
        for q in limited {
            if let Some(limits) = q.na_limits {
                let min = q
                    .min_applicable_percent()
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                let evidence = if limits.evidence_when_substantiated {
                    Msg::NaLimitsEvidence
                } else {
                    Msg::NaLimitsNoEvidence
                };
                let line = Msg::NaLimitsRule.fill(
                    lang,
                    &[
                        ("grid", &grid_key(q)),
                        ("min", &min),
                        ("evidence", &evidence.text(lang)),
                    ],
                );
                self.paragraph(ws, r, &line)?;
                r += 1;
            }
        }
        r += 1;
        // Each grid of the batch: its version, title and provenance.
        put_text_fmt(ws, r, 0, self.t(Wb::Grids), &self.bold)?;
        r += 1;
        for (c, h) in [self.t(Wb::Grid), self.t(Wb::Label), self.t(Wb::Provenance)]
            .iter()
            .enumerate()
        {
            ws.write_string_with_format(r, c as u16, *h, &self.header)?;
        }
        r += 1;
        let shown: Vec<&Questionnaire> = if grids.is_empty() {
            vec![self.q]
        } else {
            grids.iter().map(|g| g.q).collect()
        };
        for q in &shown {
            ws.write_string_with_format(r, 0, grid_key(q), &self.wrap)?;
            put_text_fmt(ws, r, 1, q.title.get(lang), &self.wrap)?;
            let provenance = q.provenance.as_ref().map_or("", |p| p.get(lang));
            put_text_fmt(ws, r, 2, provenance, &self.wrap)?;
            fit_row(ws, r, &[(36.0, q.title.get(lang)), (90.0, provenance)])?;
            r += 1;
        }
        if shown.iter().any(|q| !q.frameworks.is_empty()) {
            r += 1;
            put_text_fmt(ws, r, 0, self.t(Wb::CoverageHeading), &self.bold)?;
            r += 1;
            self.paragraph(ws, r, disclaimer(lang))?;
            r += 1;
            self.paragraph(ws, r, Wb::CoverageRule.text(lang))?;
            r += 1;
            self.paragraph(ws, r, Msg::CovTracksTogetherRule.text(lang))?;
            if modes_in.contains(&EvidenceMode::Declarative) || modes_in.is_empty() {
                r += 1;
                self.paragraph(ws, r, Msg::CovSelfDeclaredNote.text(lang))?;
            }
            r += 2;
            self.frameworks(ws, &mut r, &shown)?;
        }
        Ok(sheet)
    }

    /// The frameworks of the grids shown (each once, from the first grid that defines it):
    /// name and id, kind, citation and status note; then, per requirement with one, the notes
    /// the grid gives on it and on the questions linked to it, and where the grid's bar sits.
    fn frameworks(
        &self,
        ws: &mut Worksheet,
        r: &mut RowNum,
        shown: &[&Questionnaire],
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        put_text_fmt(ws, *r, 0, self.t(Wb::FrameworksHeading), &self.bold)?;
        *r += 1;
        for (c, h) in [
            self.t(Wb::Framework),
            Msg::CovKind.text(self.lang),
            Msg::CovNote.text(self.lang),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(*r, c as u16, *h, &self.header)?;
        }
        *r += 1;
        let mut seen: Vec<&str> = Vec::new();
        let mut notes: Vec<(String, String, String)> = Vec::new();
        for q in shown {
            let map = crate::coverage::grid_coverage(q);
            for (fi, f) in q.frameworks.iter().enumerate() {
                if seen.contains(&f.id.as_str()) {
                    continue;
                }
                seen.push(&f.id);
                let name = format!("{} ({})", f.name.get(lang), f.id);
                let mut text = f.citation.get(lang).to_string();
                if let Some(n) = &f.note {
                    text.push('\n');
                    text.push_str(n.get(lang));
                }
                let kind = crate::coverage::kind_label(f.kind, lang);
                put_text_fmt(ws, *r, 0, &name, &self.wrap)?;
                put_text_fmt(ws, *r, 1, kind, &self.wrap)?;
                put_text_fmt(ws, *r, 2, &text, &self.wrap)?;
                fit_row(ws, *r, &[(30.0, &name), (36.0, kind), (90.0, &text)])?;
                *r += 1;
                for m in map.iter().filter(|m| m.framework == fi) {
                    let mut lines = crate::coverage::requirement_notes(q, m, lang);
                    lines.extend(crate::coverage::requirement_bars(q, m, lang));
                    if let (false, Some(req)) =
                        (lines.is_empty(), f.requirements.get(m.requirement))
                    {
                        notes.push((f.id.clone(), req.reference.clone(), lines.join("\n")));
                    }
                }
            }
        }
        if notes.is_empty() {
            return Ok(());
        }
        *r += 1;
        for (c, h) in [
            self.t(Wb::Framework),
            self.t(Wb::Reference),
            Msg::CovNote.text(self.lang),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(*r, c as u16, *h, &self.header)?;
        }
        *r += 1;
        for (f, reference, text) in notes {
            put_text_fmt(ws, *r, 0, &f, &self.wrap)?;
            put_text_fmt(ws, *r, 1, &reference, &self.wrap)?;
            put_text_fmt(ws, *r, 2, &text, &self.wrap)?;
            fit_row(ws, *r, &[(90.0, &text)])?;
            *r += 1;
        }
        Ok(())
    }

    /// A paragraph across the three columns of the Method sheet, wrapped, on a row tall enough
    /// to show it whole (merged cells do not grow by themselves).
    fn paragraph(&self, ws: &mut Worksheet, r: RowNum, text: &str) -> Result<(), XlsxError> {
        const CHARS_PER_LINE: usize = 140;
        let lines = text.chars().count().div_ceil(CHARS_PER_LINE).max(1);
        let text = super::stream::cell_text(text);
        ws.merge_range(r, 0, r, 2, &text, &self.wrap)?;
        if lines > 1 {
            ws.set_row_height(r, 15.0 * lines as f64)?;
        }
        Ok(())
    }
}
