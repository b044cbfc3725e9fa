//! The fillable Excel templates (`vigilance template`): the answer template (one company:
//! company details, then one row per (question, track) with a drop-down of the allowed answers)
//! and the matrix template (one row per company, one column per (question, track)), both with
//! an instructions or questions sheet and a hidden `vigilance` sheet that marks them as templates
//! and holds the drop-down lists.
//!
//! Drop-downs offer only what the question allows: no `partial` where the question defines none,
//! no `na` on critical questions or where the grid says `allow_na: false`. Where `na` is allowed
//! on a condition the grid states (`na_condition`), the template says it: a note on the
//! justification cell (answer template), in the column's note and the Questions sheet (matrix).
//! `vigilance_read::xlsx::read_workbook` reads both layouts back.

use crate::codes::{AnswerValue, Track};
use crate::questionnaire::{Question, Questionnaire};
use crate::text::Lang;
use crate::workbook::{WorkbookError, header_format, put_text, put_text_fmt};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, Formula, Note, Workbook, Worksheet};
/// Where the template's parts start (the readers' layout, shared).
pub use vigilance_read::layout::{ANSWERS_HEADER_ROW, COMPANY_FIRST_ROW, MATRIX_ROWS};
use vigilance_read::layout::{
    AnswerColumn, CompanyField, MARKER_SHEET, TEMPLATE_MARKER, TemplateKind, answers_sheet_name,
    matrix_header, matrix_sheet_name,
};
use vigilance_text::{Msg, Template, Wb};

/// The condition on which `na` is acceptable for `question`, in `lang`, as the templates show
/// it; `None` when the question does not allow `na` or the grid states no condition.
fn na_condition(question: &Question, lang: Lang) -> Option<String> {
    let c = question
        .na_condition
        .as_ref()
        .filter(|_| question.allows_na())?;
    Some(Msg::NaOnlyIf.fill(lang, &[("condition", &c.get(lang))]))
}

/// Marker sheet rows: marker, kind, questionnaire id, version, language.
const MARKER_ROWS: u32 = 5;

/// The drop-down list that fits a question: which of the four lists (with/without partial,
/// with/without na), as a column of the marker sheet.
fn list_column(question: &Question) -> u16 {
    2 + u16::from(!question.allows_partial()) + 2 * u16::from(!question.allows_na())
}

/// Writes the marker sheet (hidden) with the four answer lists in columns C..F.
fn marker_sheet(
    wb: &mut Workbook,
    q: &Questionnaire,
    lang: Lang,
    kind: TemplateKind,
) -> Result<(), WorkbookError> {
    let ws = wb.add_worksheet();
    ws.set_name(MARKER_SHEET)?;
    ws.write_string(0, 0, TEMPLATE_MARKER)?;
    ws.write_string(1, 0, kind.code())?;
    put_text(ws, 2, 0, &q.id)?;
    put_text(ws, 3, 0, &q.version)?;
    ws.write_string(4, 0, lang.code())?;
    debug_assert_eq!(MARKER_ROWS, 5);
    for partial in [true, false] {
        for na in [true, false] {
            let col = 2 + u16::from(!partial) + 2 * u16::from(!na);
            let values = AnswerValue::ALL.into_iter().filter(|v| match v {
                AnswerValue::Partial => partial,
                AnswerValue::Na => na,
                _ => true,
            });
            for (r, v) in values.enumerate() {
                put_text(ws, r as u32, col, q.value_label(v, lang))?;
            }
        }
    }
    ws.set_hidden(true);
    Ok(())
}

/// The drop-down for a question: the list in the marker sheet.
fn dropdown(question: &Question, lang: Lang) -> Result<DataValidation, WorkbookError> {
    let col = list_column(question);
    let n = question.allowed_values().count() as u32;
    let range = rust_xlsxwriter::utility::cell_range_absolute(0, col, n - 1, col);
    Ok(DataValidation::new()
        .allow_list_formula(Formula::new(format!("={MARKER_SHEET}!{range}")))
        .set_error_title(Template::UnexpectedAnswer.text(lang))?
        .set_error_message(Template::ChooseFromList.text(lang))?)
}

/// The drop-down of a supplier's tier: 1, 2 or 3+.
fn tier_dropdown(lang: Lang) -> Result<DataValidation, WorkbookError> {
    let tiers = crate::answers::Tier::ALL.map(|t| t.code());
    Ok(DataValidation::new()
        .allow_list_strings(&tiers)?
        .set_error_title(Template::UnexpectedAnswer.text(lang))?
        .set_error_message(Template::ChooseTier.text(lang))?)
}

fn allowed_labels(q: &Questionnaire, question: &Question, lang: Lang) -> String {
    question
        .allowed_values()
        .map(|v| q.value_label(v, lang))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn pairs(q: &Questionnaire) -> impl Iterator<Item = (&Question, Track)> {
    q.questions.iter().flat_map(move |question| {
        q.track_codes()
            .iter()
            .filter(move |t| question.has_track(**t))
            .map(move |t| (question, *t))
    })
}

/// The lines of the template's Instructions sheet (a blank line goes before the last one).
const INSTRUCTIONS: [Template; 9] = [
    Template::Intro,
    Template::Step1,
    Template::Step2,
    Template::Step3,
    Template::Step4,
    Template::Step5,
    Template::Step6,
    Template::KeepHeaders,
    Template::ValuesAndPoints,
];

fn instructions(ws: &mut Worksheet, q: &Questionnaire, lang: Lang) -> Result<(), WorkbookError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.set_name(Template::SheetInstructions.text(lang))?;
    ws.set_column_width(0, 110)?;
    put_text_fmt(ws, 0, 0, q.title.get(lang), &bold)?;
    // Where the levels come from and who wrote the questions: shown wherever the grid is.
    let first_line = match &q.provenance {
        Some(p) => {
            let italic = Format::new()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top);
            put_text_fmt(ws, 1, 0, p.get(lang), &italic)?;
            ws.set_row_height(1, 48)?;
            3
        }
        None => 2,
    };
    // Points as the grid defines them (`na`: left out of the denominators).
    let points = |v: AnswerValue| {
        q.answer_values
            .iter()
            .find(|d| d.value == v)
            .and_then(|d| d.points)
            .map_or_else(
                || "—".to_string(),
                |p| crate::exact::decimal_mark(p.to_string(), lang),
            )
    };
    let mut lines: Vec<String> = INSTRUCTIONS
        .iter()
        .map(|m| {
            m.fill(
                lang,
                &[
                    ("questionnaire", &q.name()),
                    ("sheet", &answers_sheet_name(lang)),
                ],
            )
        })
        .collect();
    lines.insert(INSTRUCTIONS.len() - 1, String::new());
    for v in AnswerValue::ALL {
        lines.push(format!(
            "• {} ({}) — {} {}",
            q.value_label(v, lang),
            v.code(),
            points(v),
            Template::Points.text(lang)
        ));
    }
    for (i, line) in lines.iter().enumerate() {
        put_text_fmt(ws, first_line + i as u32, 0, line, &wrap)?;
    }
    Ok(())
}

/// The answer template: an Instructions sheet, then the answers sheet (company details, one row
/// per (question, track) with a drop-down of the allowed answers and columns for justification,
/// comment and evidence), in `lang`.
pub fn answer_template(q: &Questionnaire, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let mut wb = Workbook::new();
    let header = header_format();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let input = Format::new()
        .set_background_color(0xFFF2CC)
        .set_text_wrap()
        .set_align(FormatAlign::Top);

    instructions(wb.add_worksheet(), q, lang)?;

    let name = answers_sheet_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.set_active(true);
    put_text_fmt(
        ws,
        0,
        0,
        &format!("{} — {}", q.title.get(lang), q.name()),
        &bold,
    )?;
    put_text(ws, 1, 0, Template::EnterDetails.text(lang))?;
    for (i, f) in CompanyField::ALL.into_iter().enumerate() {
        let r = COMPANY_FIRST_ROW + i as u32;
        ws.write_string_with_format(r, 0, f.label(lang), &bold)?;
        ws.write_blank(r, 1, &input)?;
        if f == CompanyField::Tier {
            ws.add_data_validation(r, 1, r, 1, &tier_dropdown(lang)?)?;
        }
    }
    let widths = [7.0, 7.0, 7.0, 7.0, 8.0, 60.0, 30.0, 16.0, 30.0, 30.0, 30.0];
    for (c, col) in AnswerColumn::ALL.into_iter().enumerate() {
        ws.set_column_width(c as u16, widths[c])?;
        ws.write_string_with_format(ANSWERS_HEADER_ROW, c as u16, col.header(lang), &header)?;
    }
    let yes = Msg::Yes.text(lang);
    let no = Msg::No.text(lang);
    for (i, (question, track)) in pairs(q).enumerate() {
        let r = ANSWERS_HEADER_ROW + 1 + i as u32;
        put_text(ws, r, 0, &question.id)?;
        ws.write_string(r, 1, track.code())?;
        ws.write_string(r, 2, question.level.code())?;
        put_text(ws, r, 3, &question.theme)?;
        ws.write_string(r, 4, if question.critical { yes } else { no })?;
        put_text_fmt(ws, r, 5, question.text.get(lang), &wrap)?;
        match &question.partial {
            Some(p) => put_text_fmt(ws, r, 6, p.get(lang), &wrap)?,
            None => put_text_fmt(ws, r, 6, "—", &wrap)?,
        }
        for c in 7..=10 {
            ws.write_blank(r, c, &input)?;
        }
        let answer_col = 7;
        ws.add_data_validation(r, answer_col, r, answer_col, &dropdown(question, lang)?)?;
        if let Some(condition) = na_condition(question, lang) {
            // On the justification cell, where a `na` is explained.
            ws.insert_note(
                r,
                8,
                &Note::new(condition).set_width(320).add_author_prefix(false),
            )?;
        }
    }
    ws.set_freeze_panes(ANSWERS_HEADER_ROW + 1, 1)?;
    marker_sheet(&mut wb, q, lang, TemplateKind::Answers)?;
    Ok(wb.save_to_buffer()?)
}

/// The matrix template: one sheet where each row is a company (name, sector, country,
/// identifier, period) and each further column a (question, track) headed `Q01 CL`, with
/// drop-downs; a Questions sheet explains each column. Optional columns named
/// `Q20 CL justification`, `Q20 CL comment` or `Q20 CL evidence` may be added by hand (a `na`
/// needs a justification).
pub fn matrix_template(q: &Questionnaire, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let mut wb = Workbook::new();
    let header = header_format();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    let name = matrix_sheet_name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let first = CompanyField::ALL.len() as u16;
    for (c, f) in CompanyField::ALL.into_iter().enumerate() {
        ws.set_column_width(c as u16, if c == 0 { 28.0 } else { 14.0 })?;
        ws.write_string_with_format(0, c as u16, f.label(lang), &header)?;
        if f == CompanyField::Tier {
            ws.add_data_validation(1, c as u16, MATRIX_ROWS, c as u16, &tier_dropdown(lang)?)?;
        }
    }
    for (i, (question, track)) in pairs(q).enumerate() {
        let c = first + i as u16;
        ws.set_column_width(c, 10.0)?;
        ws.write_string_with_format(0, c, matrix_header(&question.id, track), &header)?;
        let mut note = format!(
            "{} · {} · {}{}\n{}",
            question.level.code(),
            q.track_label(track, lang),
            question.theme,
            if question.critical {
                Template::CriticalMark.text(lang)
            } else {
                ""
            },
            question.text.get(lang)
        );
        if let Some(p) = &question.partial {
            note.push_str(&format!(
                "\n{} {}",
                Template::PartialIs.text(lang),
                p.get(lang)
            ));
        }
        if let Some(condition) = na_condition(question, lang) {
            note.push('\n');
            note.push_str(&condition);
        }
        ws.insert_note(
            0,
            c,
            &Note::new(note).set_width(400).add_author_prefix(false),
        )?;
        ws.add_data_validation(1, c, MATRIX_ROWS, c, &dropdown(question, lang)?)?;
    }
    ws.set_freeze_panes(1, 1)?;
    ws.set_active(true);

    let qs = wb.add_worksheet();
    qs.set_name(Template::SheetQuestions.text(lang))?;
    let headers = [
        (Template::Column.text(lang), 10.0),
        (Wb::Level.text(lang), 7.0),
        (Wb::Theme.text(lang), 7.0),
        (Wb::Critical.text(lang), 8.0),
        (Wb::Question.text(lang), 70.0),
        (Template::PartialIs.text(lang), 35.0),
        (Template::AllowedAnswers.text(lang), 40.0),
    ];
    for (c, (h, w)) in headers.iter().enumerate() {
        qs.set_column_width(c as u16, *w)?;
        qs.write_string_with_format(0, c as u16, *h, &header)?;
    }
    for (i, (question, track)) in pairs(q).enumerate() {
        let r = 1 + i as u32;
        qs.write_string(r, 0, matrix_header(&question.id, track))?;
        qs.write_string(r, 1, question.level.code())?;
        put_text(qs, r, 2, &question.theme)?;
        qs.write_string(
            r,
            3,
            if question.critical {
                Msg::Yes.text(lang)
            } else {
                Msg::No.text(lang)
            },
        )?;
        put_text_fmt(qs, r, 4, question.text.get(lang), &wrap)?;
        put_text_fmt(
            qs,
            r,
            5,
            question.partial.as_ref().map_or("—", |p| p.get(lang)),
            &wrap,
        )?;
        let mut allowed = allowed_labels(q, question, lang);
        if let Some(condition) = na_condition(question, lang) {
            allowed.push_str(" — ");
            allowed.push_str(&condition);
        }
        put_text(qs, r, 6, &allowed)?;
    }
    let note_row = 2 + q.answer_count() as u32;
    put_text(qs, note_row, 0, Template::NaNeedsColumn.text(lang))?;
    if let Some(p) = &q.provenance {
        put_text(qs, note_row + 1, 0, p.get(lang))?;
    }
    marker_sheet(&mut wb, q, lang, TemplateKind::Matrix)?;
    Ok(wb.save_to_buffer()?)
}
