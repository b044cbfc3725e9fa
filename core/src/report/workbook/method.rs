//! The Method sheet: the questionnaire, evidence mode, threshold, date and tool version, the
//! levels and their definitions, and the scoring rule in words.

use super::Writer;
use super::stream::{print_setup, put_text, put_text_fmt};
use crate::codes::{EvidenceMode, Level, maturity_code};
use crate::exact::Percent;
use crate::messages::{Msg, RULE_LINES};
use rust_xlsxwriter::{Format, RowNum, Worksheet, XlsxError};

impl Writer<'_> {
    pub(super) fn method(
        &self,
        scored: usize,
        modes: &[EvidenceMode],
        threshold: Percent,
        errors: usize,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut sheet = Worksheet::new();
        let ws = &mut sheet;
        ws.set_name(self.names.method)?;
        ws.set_column_width(0, 30)?;
        ws.set_column_width(1, 36)?;
        ws.set_column_width(2, 90)?;
        print_setup(ws, 30.0 + 36.0 + 90.0, None)?;
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
        put_text_fmt(ws, 0, 0, self.q.title.get(lang), &self.bold)?;
        let mut r: RowNum = 2;
        let mut kv = |ws: &mut Worksheet, k: &str, v: &str| -> Result<(), XlsxError> {
            ws.write_string_with_format(r, 0, k, &self.bold)?;
            put_text(ws, r, 1, v)?;
            r += 1;
            Ok(())
        };
        kv(ws, self.t(Msg::WbQuestionnaire), &self.q.id)?;
        kv(ws, "Version", &self.q.version)?;
        kv(ws, self.t(Msg::WbEvidenceMode), &modes)?;
        kv(ws, self.t(Msg::WbDate), &self.opts.generated)?;
        kv(ws, self.t(Msg::WbToolVersion), &self.opts.tool_version)?;
        ws.write_string_with_format(r, 0, self.t(Msg::WbThresholdPercent), &self.bold)?;
        ws.write_number_with_format(
            r,
            1,
            threshold.as_f64(),
            &Format::new().set_num_format("0.0##"),
        )?;
        r += 1;
        ws.write_string_with_format(r, 0, self.t(Msg::WbCompaniesScored), &self.bold)?;
        ws.write_number(r, 1, scored as f64)?;
        r += 1;
        ws.write_string_with_format(r, 0, self.t(Msg::WbInputsNotScored), &self.bold)?;
        ws.write_number(r, 1, errors as f64)?;
        r += 2;

        put_text_fmt(ws, r, 0, self.t(Msg::WbLevels), &self.bold)?;
        r += 1;
        for (c, h) in [
            self.t(Msg::WbLevel),
            self.t(Msg::WbLabel),
            self.t(Msg::WbDefinition),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(r, c as u16, *h, &self.header)?;
        }
        r += 1;
        for m in 0..=4u8 {
            ws.write_string(r, 0, maturity_code(m))?;
            put_text(ws, r, 1, self.q.maturity_label(m, lang))?;
            let def = match Level::from_rank(m) {
                Some(l) => self.q.level(l).map(|d| d.definition.get(lang)),
                None => self.q.not_started.as_ref().map(|n| n.definition.get(lang)),
            };
            put_text_fmt(ws, r, 2, def.unwrap_or(""), &self.wrap)?;
            r += 1;
        }
        r += 1;
        put_text_fmt(ws, r, 0, self.t(Msg::WbScoringRule), &self.bold)?;
        r += 1;
        let weights = self
            .q
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
        Ok(sheet)
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
