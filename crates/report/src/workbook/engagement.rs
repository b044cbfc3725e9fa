//! What an analyst's engagement file adds to the workbook (`vigilance score --engagement`): the
//! level as reviewed in the Summary, the « Revue analyste » / "Analyst review" sheet (each
//! challenged or rejected answer, with the note and the value accepted) and the « Actions » /
//! "Actions" sheet (each action with its status, owner and due date, overdue flagged). The rows
//! are given by the caller ([`EngagementRows`]), so that this crate knows no engagement file.

use super::Writer;
use super::figures::CompanyFigures;
use super::stream::{columns_and_print, fit_row, header_row, header_width, put_text, put_text_fmt};
use crate::codes::{AnswerValue, Track, value_shown};
use crate::scoring::Assessment;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use vigilance_text::{Msg, Wb};

/// One challenged or rejected answer (or an outdated review), for the Analyst review sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct DisputedRow {
    /// The question.
    pub question: String,
    /// The track.
    pub track: Track,
    /// `challenged` or `rejected` (or `accepted`, for an outdated review).
    pub status: String,
    /// The value declared.
    pub declared: Option<AnswerValue>,
    /// The value the analyst accepts, if given.
    pub accepted: Option<AnswerValue>,
    /// The value counted as reviewed.
    pub counted: Option<AnswerValue>,
    /// The analyst's note.
    pub note: String,
    /// The review's date.
    pub date: String,
    /// The analyst's initials.
    pub analyst: String,
    /// The review is outdated (not applied).
    pub outdated: bool,
}

/// One action of the plan, for the Actions sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionRow {
    /// Its id.
    pub id: String,
    /// What the company will do.
    pub text: String,
    /// The questions and tracks addressed (`Q09 FL, Q12`).
    pub addresses: String,
    /// The ids of the questions addressed, each once, in the file's order.
    pub questions: Vec<String>,
    /// Its owner.
    pub owner: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// `planned`, `in_progress`, `done` or `dropped`.
    pub status: String,
    /// Why it was dropped.
    pub dropped_reason: Option<String>,
    /// Evidence, one item a line.
    pub evidence: String,
    /// The period it was first agreed for.
    pub carried_from: Option<String>,
}

/// One entry of the dialogue log (the campaign review's company page shows it).
#[derive(Clone, Debug, PartialEq)]
pub struct DialogueRow {
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// `meeting`, `letter`, `call`, `email` or `other`.
    pub kind: String,
    /// Who took part.
    pub participants: Vec<String>,
    /// What was said.
    pub summary: String,
}

/// What an engagement file adds for one company (to the workbook, and to the campaign review).
#[derive(Clone, Debug, PartialEq)]
pub struct EngagementRows {
    /// The engagement file.
    pub engagement: String,
    /// The result as reviewed (`None`: the file was refused).
    pub reviewed: Option<Assessment>,
    /// The challenged and rejected answers, and the outdated reviews.
    pub disputed: Vec<DisputedRow>,
    /// The action plan.
    pub actions: Vec<ActionRow>,
    /// The dialogue log, in the file's order.
    pub dialogue: Vec<DialogueRow>,
}

impl ActionRow {
    /// Whether the action is still open (planned or in progress).
    pub fn is_open(&self) -> bool {
        matches!(self.status.as_str(), "planned" | "in_progress")
    }

    /// Whether the action is open and its due date is before `today` (`YYYY-MM-DD`).
    pub fn is_overdue(&self, today: &str) -> bool {
        self.is_open()
            && self
                .due
                .as_deref()
                .is_some_and(|d| !today.is_empty() && d < today)
    }
}

/// A company's level as reviewed, kept for the Summary.
#[derive(Clone, Debug)]
pub(super) struct ReviewedFigures {
    pub(super) headline: u8,
    /// One entry per track of the questionnaire, in its order.
    pub(super) tracks: Vec<Option<u8>>,
}

impl ReviewedFigures {
    pub(super) fn new(tracks: &[Track], a: &Assessment) -> ReviewedFigures {
        ReviewedFigures {
            headline: a.headline_level,
            tracks: tracks
                .iter()
                .map(|&t| a.track(t).map(|tr| tr.level))
                .collect(),
        }
    }
}

/// The label of a review or action status code, in `lang` (the code itself when unknown).
pub fn status_label(code: &str, lang: crate::text::Lang) -> &str {
    let m = match code {
        "accepted" => Msg::EngStatusAccepted,
        "challenged" => Msg::EngStatusChallenged,
        "rejected" => Msg::EngStatusRejected,
        "planned" => Msg::EngActionPlanned,
        "in_progress" => Msg::EngActionInProgress,
        "done" => Msg::EngActionDone,
        "dropped" => Msg::EngActionDropped,
        _ => return code,
    };
    m.text(lang)
}

impl Writer<'_> {
    /// A sheet of text columns: no header is split inside a word, and the header row is as
    /// tall as its longest wrapped header (« Questions addressed » on two lines, not run into
    /// the first row).
    fn simple_sheet(&self, name: &str, headers: &[(&str, f64)]) -> Result<Worksheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        let headers: Vec<(&str, f64)> = headers
            .iter()
            .map(|&(h, w)| (h, header_width(h, w)))
            .collect();
        columns_and_print(&mut ws, headers.iter().map(|(_, w)| *w))?;
        header_row(&mut ws, 0, &headers, headers.len())?;
        ws.set_freeze_panes(1, 1)?;
        ws.autofilter(0, 0, 0, (headers.len() - 1) as u16)?;
        Ok(ws)
    }

    /// The Analyst review sheet.
    pub(super) fn review_sheet(
        &self,
        companies: &[CompanyFigures],
        rows: &[(usize, String, DisputedRow)],
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut ws = self.simple_sheet(
            self.t(Wb::SheetReview),
            &[
                (self.t(Wb::Company), 30.0),
                (self.t(Wb::Period), 8.0),
                ("ID", 6.0),
                (self.t(Wb::Track), 6.0),
                (self.t(Wb::Status), 12.0),
                // Wide enough for « Partiellement » (partial): a value is never cut.
                (self.t(Wb::EngDeclared), 24.0),
                (self.t(Wb::EngAccepted), 24.0),
                (self.t(Wb::EngCounted), 24.0),
                (self.t(Wb::EngNote), 44.0),
                (self.t(Wb::EngDate), 11.0),
                (self.t(Wb::EngAnalyst), 9.0),
                (self.t(Wb::EngFile), 30.0),
            ],
        )?;
        let value = |v: Option<AnswerValue>| v.map(|v| value_shown(v, lang)).unwrap_or_default();
        for (i, (c, file, d)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            let co = &companies[*c];
            put_text(&mut ws, r, 0, &co.name)?;
            put_text(&mut ws, r, 1, co.period.as_deref().unwrap_or(""))?;
            ws.write_string(r, 2, &d.question)?;
            ws.write_string(r, 3, d.track.code())?;
            ws.write_string(r, 4, status_label(&d.status, lang))?;
            put_text(&mut ws, r, 5, &value(d.declared))?;
            put_text(&mut ws, r, 6, &value(d.accepted))?;
            let counted = if d.outdated {
                self.t(Wb::EngOutdated).to_string()
            } else {
                value(d.counted)
            };
            put_text(&mut ws, r, 7, &counted)?;
            fit_row(
                &mut ws,
                r,
                &[(30.0, &co.name), (44.0, &d.note), (30.0, file)],
            )?;
            put_text(&mut ws, r, 8, &d.note)?;
            put_text(&mut ws, r, 9, &d.date)?;
            put_text(&mut ws, r, 10, &d.analyst)?;
            put_text(&mut ws, r, 11, file)?;
        }
        Ok(ws)
    }

    /// The Actions sheet; `today` (`YYYY-MM-DD`) decides what is overdue.
    pub(super) fn actions_sheet(
        &self,
        companies: &[CompanyFigures],
        rows: &[(usize, ActionRow)],
        today: &str,
    ) -> Result<Worksheet, XlsxError> {
        let lang = self.lang;
        let mut ws = self.simple_sheet(
            self.t(Wb::SheetActions),
            &[
                (self.t(Wb::Company), 30.0),
                (self.t(Wb::Period), 8.0),
                (self.t(Wb::ActionId), 8.0),
                // One page across (at most 230 units): an action reads with its owner,
                // due date and status on the same page.
                (self.t(Wb::ActionText), 46.0),
                (self.t(Wb::ActionAddresses), 16.0),
                (self.t(Wb::Status), 12.0),
                (self.t(Wb::ActionOwner), 18.0),
                (self.t(Wb::ActionDue), 11.0),
                (self.t(Wb::ActionOverdue), 10.0),
                (self.t(Wb::ActionReason), 30.0),
                (self.t(Wb::Evidence), 30.0),
                (self.t(Wb::ActionCarried), 10.0),
            ],
        )?;
        // Top-aligned like the rest of the row (a tall row would show it at its foot).
        let late = Format::new()
            .set_align(rust_xlsxwriter::FormatAlign::Top)
            .set_bold()
            .set_font_color(rust_xlsxwriter::Color::RGB(0x9C_0006))
            .set_background_color(rust_xlsxwriter::Color::RGB(0xFF_C7CE));
        let wrap = Format::new()
            .set_align(rust_xlsxwriter::FormatAlign::Top)
            .set_text_wrap();
        for (i, (c, a)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            let co = &companies[*c];
            put_text(&mut ws, r, 0, &co.name)?;
            put_text(&mut ws, r, 1, co.period.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 2, &a.id)?;
            fit_row(
                &mut ws,
                r,
                &[
                    (30.0, &co.name),
                    (46.0, &a.text),
                    (18.0, &a.owner),
                    (30.0, a.dropped_reason.as_deref().unwrap_or("")),
                    (30.0, &a.evidence),
                ],
            )?;
            put_text(&mut ws, r, 3, &a.text)?;
            put_text(&mut ws, r, 4, &a.addresses)?;
            ws.write_string(r, 5, status_label(&a.status, lang))?;
            // The owner wraps in its narrow column rather than being cut.
            put_text_fmt(&mut ws, r, 6, &a.owner, &wrap)?;
            put_text(&mut ws, r, 7, a.due.as_deref().unwrap_or(""))?;
            if a.is_overdue(today) {
                ws.write_string_with_format(r, 8, self.t(Wb::ActionOverdue), &late)?;
            }
            put_text(&mut ws, r, 9, a.dropped_reason.as_deref().unwrap_or(""))?;
            put_text(&mut ws, r, 10, &a.evidence)?;
            put_text(&mut ws, r, 11, a.carried_from.as_deref().unwrap_or(""))?;
        }
        Ok(ws)
    }
}
