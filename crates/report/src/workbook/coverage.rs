//! The Coverage sheets, when a grid of the batch maps to frameworks. "Coverage (by framework)"
//! has one row per company × framework: how many of its requirements are in each status (the
//! tracks together), then one compact cell per requirement (`Art. 5: Partly`), in the grid's
//! order — about 10 rows per company, so that a campaign of 100,000 companies stays within
//! Excel's row limit, and the row an analyst filters and sorts on ("which companies leave
//! CSDDD requirements unanswered?"). With `coverage_detail` (`score --coverage-detail`),
//! "Coverage" has one row per company × requirement × track (framework, reference, requirement, track, what the linked
//! answers show, the tracks taken together, where the grid's bar sits, the linked answers
//! counted — answered, excluded as `na`, with evidence —, the questions with their answers, and
//! the grid's notes), streamed as the sheets are pushed; "Coverage (cohort)" counts, per grid,
//! requirement and track (and the tracks together), the companies in each status, with the
//! cohort's linked answers per value. A framework whose kind has no status (indicators,
//! instruments, product rules) shows "informs", never a status. Both sheets open with the
//! disclaimer — coverage is information, not a legal opinion — and, in declarative mode, the
//! self-declared label. Statuses come from `vigilance_model::coverage`.

use super::grids::Grid;
use super::stream::{
    LongSheet, Memory, columns_and_print, fit_row, header_format, header_number_format, header_row,
    header_width, put_text,
};
use super::{KEY_COLUMNS, ResultsWorkbook, ScoredSheet, Writer};
use crate::codes::{AnswerValue, EvidenceMode};
use crate::coverage::{
    LinkedAnswers, RequirementStatus, column_header, disclaimer, informs_label, linked_values,
    requirement_bars, requirement_notes, self_declared,
};
use rust_xlsxwriter::{Format, RowNum, Table, TableColumn, Worksheet, XlsxError};
use vigilance_text::{Msg, Wb};

impl Writer<'_> {
    fn coverage_headers(&self) -> Vec<(&'static str, f64)> {
        let mut h = self.key_headers();
        h.extend([
            (self.t(Wb::Grid), 16.0),
            (self.t(Wb::Framework), 12.0),
            (self.t(Wb::Reference), 26.0),
            (self.t(Wb::Requirement), 50.0),
            (self.t(Wb::Track), 7.0),
            (column_header(self.lang), 24.0),
            (Msg::CovTracksTogether.text(self.lang), 22.0),
            (self.t(Wb::BarColumn), 30.0),
            (self.t(Wb::LinkedAnswers), 12.0),
            (self.t(Wb::ExcludedNa), 11.0),
            (self.t(Wb::WithEvidence), 10.0),
            (self.t(Wb::Questions), 30.0),
            (Msg::CovNote.text(self.lang), 50.0),
        ]);
        h
    }

    /// The first row of both coverage sheets: the disclaimer, and the self-declared label when
    /// some sheet was scored in declarative mode.
    pub(super) fn coverage_preamble(&self, modes: &[EvidenceMode]) -> String {
        let declared = modes
            .iter()
            .find_map(|&m| self_declared(m, self.lang))
            .map(|_| format!(" {}", Msg::CovSelfDeclaredNote.text(self.lang)))
            .unwrap_or_default();
        format!("{}{declared}", disclaimer(self.lang))
    }

    /// The cohort summary: per grid with frameworks, per requirement and track (then the
    /// tracks together), the number of companies in each status, and the cohort's linked
    /// answers per value.
    pub(super) fn coverage_summary(
        &self,
        grids: &[Grid<'_>],
        modes: &[EvidenceMode],
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut ws = Worksheet::new();
        ws.set_name(self.names.coverage_summary)?;
        let mut headers: Vec<(&str, f64)> = vec![
            (self.t(Wb::Grid), 16.0),
            (self.t(Wb::Framework), 12.0),
            (self.t(Wb::Reference), 26.0),
            (self.t(Wb::Requirement), 50.0),
            (self.t(Wb::Track), 9.0),
        ];
        headers.extend(
            RequirementStatus::ALL
                .iter()
                .map(|s| (s.label(lang), header_width(s.label(lang), 14.0))),
        );
        headers.push((self.t(Wb::LinkedAnswers), 40.0));
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        ws.set_repeat_rows(0, 1)?;
        let last = (headers.len() - 1) as u16;
        let note = Format::new().set_text_wrap().set_italic();
        ws.merge_range(0, 0, 0, last, &self.coverage_preamble(modes), &note)?;
        ws.set_row_height(0, 45)?;
        let answers_col = 5 + RequirementStatus::ALL.len() as u16;
        // Figures from the sixth column, right-aligned; the linked answers are text.
        header_row(&mut ws, 1, &headers, 5)?;
        ws.write_string_with_format(
            1,
            answers_col,
            headers[answers_col as usize].0,
            &header_format(),
        )?;
        ws.set_freeze_panes(2, 3)?;
        let mut r: RowNum = 2;
        for grid in grids.iter().filter(|g| !g.q.frameworks.is_empty()) {
            let key = grid.key();
            let value_labels: Vec<&str> = AnswerValue::ALL
                .iter()
                .map(|&v| grid.q.value_label(v, lang))
                .chain([Msg::CovUnanswered.text(lang)])
                .collect();
            for (ri, m) in grid.coverage.iter().enumerate() {
                let f = &grid.q.frameworks[m.framework];
                let req = &f.requirements[m.requirement];
                let statused = f.kind.has_status();
                let covered: Vec<_> = grid
                    .q
                    .track_codes()
                    .iter()
                    .copied()
                    .filter(|&t| m.is_covered(t))
                    .collect();
                let mut row = |ws: &mut Worksheet,
                               track: &str,
                               counts: Option<&[u32; 5]>,
                               answers: Option<&[u32; 6]>|
                 -> Result<(), XlsxError> {
                    ws.write_string(r, 0, &key)?;
                    put_text(ws, r, 1, &f.id)?;
                    put_text(ws, r, 2, &req.reference)?;
                    fit_row(ws, r, &[(50.0, req.title.get(lang))])?;
                    put_text(ws, r, 3, req.title.get(lang))?;
                    ws.write_string(r, 4, track)?;
                    match counts {
                        Some(c) if statused => {
                            for (k, n) in c.iter().enumerate() {
                                ws.write_number(r, 5 + k as u16, f64::from(*n))?;
                            }
                        }
                        _ => put_text(ws, r, 5, informs_label(lang))?,
                    }
                    if let Some(a) = answers {
                        let text = value_labels
                            .iter()
                            .zip(a)
                            .filter(|(_, n)| **n > 0)
                            .map(|(l, n)| format!("{l} {n}"))
                            .collect::<Vec<_>>()
                            .join(" · ");
                        put_text(ws, r, answers_col, &text)?;
                    }
                    r += 1;
                    Ok(())
                };
                for &t in &covered {
                    let counts = grid.coverage_counts.get(ri).map(|c| &c[t.index()]);
                    let answers = grid.answer_counts.get(ri).map(|c| &c[t.index()]);
                    row(&mut ws, self.track_head(t), counts, answers)?;
                }
                if statused && covered.len() > 1 {
                    let together = Msg::CovTracksTogether.text(self.lang);
                    row(&mut ws, together, grid.combined_counts.get(ri), None)?;
                }
            }
        }
        if r > 2 {
            let columns: Vec<TableColumn> = headers
                .iter()
                .enumerate()
                .map(|(c, (h, _))| {
                    let f = if (5..usize::from(answers_col)).contains(&c) {
                        header_number_format()
                    } else {
                        self.header.clone()
                    };
                    TableColumn::new().set_header(*h).set_header_format(&f)
                })
                .collect();
            let table = Table::new()
                .set_name("VigilanceCoverageCohort")
                .set_columns(&columns);
            ws.add_table(1, 0, r - 1, last, &table)?;
        }
        Ok(ws)
    }
}

impl ResultsWorkbook<'_> {
    /// Writes the Coverage rows of one company (none when its grid maps to no framework) and
    /// counts its statuses and linked answers for the cohort summary.
    pub(super) fn push_coverage(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        if self.grids[g].q.frameworks.is_empty() {
            return Ok(());
        }
        self.push_coverage_by_framework(s, g)?;
        if self.coverage.is_none() && self.w.opts.coverage_detail {
            let w = &self.w;
            let preamble = w.coverage_preamble(&[s.assessment.evidence_mode]);
            self.coverage = Some(LongSheet::start_with_preamble(
                &mut self.wb,
                (w.names.coverage, "VigilanceCoverage"),
                Some(preamble),
                w.coverage_headers(),
                // Shared strings: the rows repeat the grid's requirement texts.
                w.memory(Memory::Low),
                w.rows_per_sheet,
            )?);
        }
        let lang = self.w.lang;
        let mut sheet = self.coverage.as_mut();
        let grid = &mut self.grids[g];
        let q = grid.q;
        let key = grid.key();
        let keys = self.w.keys(s);
        const K: u16 = KEY_COLUMNS;
        let a = &s.assessment;
        let colon = crate::messages::colon(lang);
        let mut counted = Vec::new();
        let mut combined = Vec::new();
        for (ri, m) in grid.coverage.iter().enumerate() {
            let f = &q.frameworks[m.framework];
            let req = &f.requirements[m.requirement];
            let together = m.combined_status(q, a);
            let bars = requirement_bars(q, m, lang).join("\n");
            let notes = requirement_notes(q, m, lang).join("\n");
            for &t in q.track_codes() {
                let questions = m.questions_for(t);
                if questions.is_empty() {
                    continue;
                }
                let status = m.status(q, a, t);
                let linked = LinkedAnswers::count(a, t, questions);
                let values = linked_values(a, t, questions);
                counted.push((ri, t, status, values.clone()));
                let Some(sheet) = sheet.as_deref_mut() else {
                    continue;
                };
                let (ws, r) = sheet.next(&mut self.wb)?;
                let answers = questions
                    .iter()
                    .zip(&values)
                    .filter_map(|(&qi, v)| {
                        let id = q.questions.get(qi)?.id.as_str();
                        let shown =
                            v.map_or(Msg::CovUnanswered.text(lang), |v| q.value_label(v, lang));
                        Some(format!("{id}{colon} {shown}"))
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                fit_row(
                    ws,
                    r,
                    &[
                        (50.0, req.title.get(lang)),
                        (50.0, &notes),
                        (30.0, &bars),
                        (30.0, &answers),
                    ],
                )?;
                self.w.put_keys(ws, r, &keys)?;
                ws.write_string(r, K, &key)?;
                put_text(ws, r, K + 1, &f.id)?;
                put_text(ws, r, K + 2, &req.reference)?;
                put_text(ws, r, K + 3, req.title.get(lang))?;
                ws.write_string(r, K + 4, t.code())?;
                match status {
                    Some(st) => {
                        ws.write_string(r, K + 5, st.label(lang))?;
                        if let Some(tg) = together {
                            ws.write_string(r, K + 6, tg.label(lang))?;
                        }
                    }
                    None => {
                        ws.write_string(r, K + 5, informs_label(lang))?;
                    }
                }
                put_text(ws, r, K + 7, &bars)?;
                ws.write_string(r, K + 8, format!("{}/{}", linked.answered, linked.linked))?;
                ws.write_number(r, K + 9, f64::from(linked.excluded))?;
                ws.write_number(r, K + 10, f64::from(linked.with_evidence))?;
                put_text(ws, r, K + 11, &answers)?;
                put_text(ws, r, K + 12, &notes)?;
            }
            if let Some(tg) = together {
                combined.push((ri, tg));
            }
        }
        // A repeat of a company already given for the same period is listed, not counted:
        // the cohort counts each company once, as the Cohort sheet and the review do.
        if vigilance_results::matching::is_duplicate(&s.warnings) {
            return Ok(());
        }
        for (ri, tg) in combined {
            grid.count_combined(ri, tg);
        }
        for (ri, t, status, values) in counted {
            if let Some(st) = status {
                grid.count(ri, t, st);
            }
            grid.count_answers(ri, t, &values);
        }
        Ok(())
    }
}

/// The header of the `n`-th requirement column of "Coverage (by framework)" (1-based):
/// requirements past the last are joined in the last cell.
const REQUIREMENT_COLUMNS: [&str; 40] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
    "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33",
    "34", "35", "36", "37", "38", "39", "40+",
];

impl Writer<'_> {
    fn by_framework_headers(&self, requirements: usize) -> Vec<(&'static str, f64)> {
        let mut h = self.key_headers();
        h.extend([
            (self.t(Wb::Grid), 16.0),
            (self.t(Wb::Framework), 12.0),
            (self.t(Wb::CoverageCovered), 11.0),
        ]);
        h.extend(
            RequirementStatus::ALL
                .iter()
                .map(|s| (s.label(self.lang), 12.0)),
        );
        let n = requirements.clamp(1, REQUIREMENT_COLUMNS.len());
        h.extend(REQUIREMENT_COLUMNS[..n].iter().map(|c| (*c, 24.0)));
        h
    }
}

impl ResultsWorkbook<'_> {
    /// Writes the "Coverage (by framework)" rows of one company: per framework that its grid's
    /// questions cover, the number of requirements in each status (tracks together; none for a
    /// framework whose kind has no status) and a cell per requirement.
    fn push_coverage_by_framework(&mut self, s: &ScoredSheet, g: usize) -> Result<(), XlsxError> {
        if self.coverage_by_framework.is_none() {
            let w = &self.w;
            // As many requirement columns as the largest framework of the first grid.
            let widest = self.grids[g]
                .q
                .frameworks
                .iter()
                .map(|f| f.requirements.len())
                .max()
                .unwrap_or(1);
            let preamble = format!(
                "{} {}",
                w.coverage_preamble(&[s.assessment.evidence_mode]),
                w.t(Wb::CoverageByFrameworkNote)
            );
            self.coverage_by_framework = Some(LongSheet::start_with_preamble(
                &mut self.wb,
                (
                    w.names.coverage_by_framework,
                    "VigilanceCoverageByFramework",
                ),
                Some(preamble),
                w.by_framework_headers(widest),
                w.memory(Memory::Low),
                w.rows_per_sheet,
            )?);
        }
        let Some(sheet) = self.coverage_by_framework.as_mut() else {
            return Ok(());
        };
        let lang = self.w.lang;
        let colon = crate::messages::colon(lang);
        let grid = &self.grids[g];
        let q = grid.q;
        let key = grid.key();
        let a = &s.assessment;
        let keys = self.w.keys(s);
        const K: u16 = KEY_COLUMNS;
        for (fi, f) in q.frameworks.iter().enumerate() {
            let maps: Vec<_> = grid
                .coverage
                .iter()
                .filter(|m| m.framework == fi && q.track_codes().iter().any(|&t| m.is_covered(t)))
                .collect();
            if maps.is_empty() {
                continue;
            }
            let statused = f.kind.has_status();
            let mut counts = [0u32; 5];
            let mut cells = Vec::with_capacity(maps.len());
            for m in &maps {
                let reference = &f.requirements[m.requirement].reference;
                let shown = match m.combined_status(q, a) {
                    Some(st) if statused => {
                        counts[st.index()] += 1;
                        st.label(lang).to_string()
                    }
                    _ => {
                        let (answered, linked) = q.track_codes().iter().fold((0, 0), |acc, &t| {
                            let l = LinkedAnswers::count(a, t, m.questions_for(t));
                            (acc.0 + l.answered, acc.1 + l.linked)
                        });
                        format!("{} {answered}/{linked}", informs_label(lang))
                    }
                };
                cells.push(format!("{reference}{colon} {shown}"));
            }
            let (ws, r) = sheet.next(&mut self.wb)?;
            self.w.put_keys(ws, r, &keys)?;
            ws.write_string(r, K, &key)?;
            put_text(ws, r, K + 1, &f.id)?;
            ws.write_number(r, K + 2, maps.len() as f64)?;
            if statused {
                for (k, n) in counts.iter().enumerate() {
                    ws.write_number(r, K + 3 + k as u16, f64::from(*n))?;
                }
            } else {
                put_text(ws, r, K + 3, informs_label(lang))?;
            }
            let first = usize::from(K) + 3 + RequirementStatus::ALL.len();
            let last = REQUIREMENT_COLUMNS.len() - 1;
            for (k, cell) in cells.iter().enumerate().take(last) {
                put_text(ws, r, (first + k) as u16, cell)?;
            }
            if cells.len() > last {
                put_text(ws, r, (first + last) as u16, &cells[last..].join(" · "))?;
            }
        }
        Ok(())
    }
}
