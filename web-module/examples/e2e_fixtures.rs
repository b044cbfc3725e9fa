//! Writes the filled spreadsheets the browser tests import (`tests/e2e/fixtures/`): the answer
//! template filled for one company (French), the light grid's answer template filled for one
//! supplier (English) and the matrix filled for two companies (English), each a copy of the
//! template `vigilance template` writes with answers typed in, as a person filling it in Excel
//! would.
//!
//! `cargo run -p vigilance-web-module --features xlsx-import --example e2e_fixtures -- tests/e2e/fixtures`

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;
use std::io::Cursor;
use vigilance_model::{Lang, Level, Questionnaire, Track};
use vigilance_read::layout::{
    ANSWERS_HEADER_ROW, COMPANY_FIRST_ROW, CompanyField, answers_sheet_name, matrix_header,
    matrix_sheet_name,
};
use vigilance_report::template::{answer_template, matrix_template};

type Edit = (String, u32, u16, String);

/// A copy of `template` (every sheet, every cell as read) with `edits` applied.
fn filled(template: &[u8], edits: &[Edit]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut src: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(template.to_vec()))?;
    let mut wb = Workbook::new();
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name)?;
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        for (r, c, d) in range.used_cells() {
            let (r, c) = (r as u32, c as u16);
            match d {
                Data::String(s) => {
                    ws.write_string(r, c, s.as_str())?;
                }
                Data::Float(f) => {
                    ws.write_number(r, c, *f)?;
                }
                _ => {}
            }
        }
        for (sheet, r, c, text) in edits {
            if *sheet == name {
                ws.write_string(*r, *c, text.as_str())?;
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}

fn level_of(q: &Questionnaire, id: &str) -> Option<Level> {
    q.questions.iter().find(|x| x.id == id).map(|x| x.level)
}

/// The answer template of grid `q` in `lang`, filled with `company` (field, text) and, on every
/// answer row, the words typed for "yes" (N1 and N2), "partially" (N3) and "no" (N4).
fn filled_answer_template(
    q: &Questionnaire,
    lang: Lang,
    company: &[(CompanyField, &str)],
    [yes, partially, no]: [&str; 3],
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let template = answer_template(q, lang)?;
    let sheet = answers_sheet_name(lang).to_string();
    let mut src: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(template.clone()))?;
    let range = src.worksheet_range(&sheet)?;
    let mut edits: Vec<Edit> = Vec::new();
    for (field, text) in company {
        let i = CompanyField::ALL
            .iter()
            .position(|f| f == field)
            .ok_or("a company field of the template")?;
        edits.push((
            sheet.clone(),
            COMPANY_FIRST_ROW + u32::try_from(i)?,
            1,
            text.to_string(),
        ));
    }
    for r in ANSWERS_HEADER_ROW + 1..range.height() as u32 {
        let Some(Data::String(id)) = range.get_value((r, 0)) else {
            continue;
        };
        let value = match level_of(q, id) {
            Some(Level::N1 | Level::N2) => yes,
            Some(Level::N3) => partially,
            _ => no,
        };
        edits.push((sheet.clone(), r, 7, value.into()));
    }
    filled(&template, &edits)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/e2e/fixtures".into());
    let Some(q) = vigilance_grids::registry::find("rhsf-fir", "1.0.0") else {
        panic!("rhsf-fir 1.0.0 is built in")
    };

    // One company, French template: N1 and N2 "Oui", N3 "Partiellement" where offered, N4 "Non".
    let company = [
        (CompanyField::Name, "Modèle Rempli SA"),
        (CompanyField::Sector, "Textile"),
        (CompanyField::Country, "FR"),
        (CompanyField::Period, "2025"),
    ];
    std::fs::write(
        format!("{out}/template-filled-fr.xlsx"),
        filled_answer_template(q, Lang::Fr, &company, ["Oui", "Partiellement", "Non"])?,
    )?;

    // One supplier, the light grid's English template (what a buyer sends its suppliers): N1 and
    // N2 "Yes", N3 "Partially", N4 "No".
    let Some(sme) = vigilance_grids::registry::find("rhsf-fir-sme", "1.0.0") else {
        panic!("rhsf-fir-sme 1.0.0 is built in")
    };
    let company = [
        (CompanyField::Name, "Light Template Supplier Ltd"),
        (CompanyField::Country, "PT"),
        (CompanyField::Period, "2025"),
        (CompanyField::Buyer, "Buyer Example SA"),
        (CompanyField::Tier, "1"),
    ];
    std::fs::write(
        format!("{out}/template-filled-sme-en.xlsx"),
        filled_answer_template(sme, Lang::En, &company, ["Yes", "Partially", "No"])?,
    )?;

    // Two companies, English matrix: Alpha answers "Yes" in N1 (both tracks), Beta "No".
    let lang = Lang::En;
    let template = matrix_template(q, lang)?;
    let sheet = matrix_sheet_name(lang).to_string();
    let mut src: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(template.clone()))?;
    let range = src.worksheet_range(&sheet)?;
    let mut edits: Vec<Edit> = Vec::new();
    let header = (0..range.height() as u32)
        .find(|r| {
            (0..range.width() as u32).any(|c| {
                matches!(range.get_value((*r, c)), Some(Data::String(s)) if s == CompanyField::Name.label(lang))
            })
        })
        .ok_or("no header row in the matrix template")?;
    for c in 0..range.width() as u32 {
        let Some(Data::String(h)) = range.get_value((header, c)) else {
            continue;
        };
        let c16 = u16::try_from(c)?;
        if h == CompanyField::Name.label(lang) {
            edits.push((sheet.clone(), header + 1, c16, "Alpha Workbook Ltd".into()));
            edits.push((sheet.clone(), header + 2, c16, "Beta Workbook Ltd".into()));
        } else if h == CompanyField::Period.label(lang) {
            edits.push((sheet.clone(), header + 1, c16, "2025".into()));
            edits.push((sheet.clone(), header + 2, c16, "2025".into()));
        }
        for question in &q.questions {
            for track in Track::ALL {
                if *h == matrix_header(&question.id, track) && question.level == Level::N1 {
                    edits.push((sheet.clone(), header + 1, c16, "Yes".into()));
                    edits.push((sheet.clone(), header + 2, c16, "No".into()));
                }
            }
        }
    }
    std::fs::write(
        format!("{out}/matrix-filled-en.xlsx"),
        filled(&template, &edits)?,
    )?;
    Ok(())
}
