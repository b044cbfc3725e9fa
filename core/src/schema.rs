//! JSON Schemas of the file formats (questionnaire, answer sheet, result), generated from the
//! Rust types so that they cannot drift; `questionnaires/schema/` holds the committed copies.
