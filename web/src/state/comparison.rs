//! What an assessment is compared with ([`Comparison`]): another assessment kept in this
//! browser, or an answer sheet read from a file; and how that choice is saved and read back.

use serde::{Deserialize, Serialize};
use vigilance_model::AnswerSheet;

/// What an assessment is compared with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", try_from = "ComparisonWire")]
pub enum Comparison {
    /// Another assessment kept in this browser, by id.
    Saved {
        /// Its id.
        id: u32,
    },
    /// An answer sheet loaded from a file.
    Imported {
        /// The file name.
        name: String,
        /// The sheet.
        sheet: Box<AnswerSheet>,
    },
}

/// [`Comparison`] as saved (`{"kind": "saved", "id": 2}`, `{"kind": "imported", "name": …,
/// "sheet": …}`), read field by field: serde's internally tagged enums buffer the whole value
/// first, which would put a second reader of answer sheets in the browser's module.
#[derive(Deserialize)]
struct ComparisonWire {
    kind: String,
    #[serde(default)]
    id: Option<u32>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    sheet: Option<Box<AnswerSheet>>,
}

impl TryFrom<ComparisonWire> for Comparison {
    type Error = String;

    fn try_from(w: ComparisonWire) -> Result<Comparison, String> {
        match (w.kind.as_str(), w.id, w.name, w.sheet) {
            ("saved", Some(id), _, _) => Ok(Comparison::Saved { id }),
            ("imported", _, Some(name), Some(sheet)) => Ok(Comparison::Imported { name, sheet }),
            (kind, ..) => Err(format!(
                "comparison `{kind}`: expected `saved` with an `id`, or `imported` with a `name` and a `sheet`"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comparison_reads_back_as_saved() {
        let mut sheet =
            AnswerSheet::new(vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap());
        sheet.company.name = "Avant SA".into();
        for c in [
            Comparison::Saved { id: 7 },
            Comparison::Imported {
                name: "avant.json".into(),
                sheet: Box::new(sheet),
            },
        ] {
            let json = serde_json::to_string(&c).expect("written");
            assert!(json.starts_with("{\"kind\":"), "{json}");
            assert_eq!(serde_json::from_str::<Comparison>(&json).expect("read"), c);
        }
        for wrong in [
            r#"{"kind": "saved"}"#,
            r#"{"kind": "imported", "name": "x.json"}"#,
            r#"{"kind": "other", "id": 1}"#,
        ] {
            let e = serde_json::from_str::<Comparison>(wrong).expect_err(wrong);
            assert!(e.to_string().contains("expected `saved`"), "{e}");
        }
    }
}
