//! The documents attached to an assessment's answers ([`Document`], kept in
//! [`SavedAssessment::documents`]; their bytes in the browser's store, see
//! [`crate::evidence_store`]) and what the user does with them ([`DocumentAction`], applied by
//! [`AppState::apply_document`]).
//!
//! A document supports answers (question and track, both tracks alike). In the results, each
//! document that is not stale counts as evidence of the answers it supports
//! ([`with_documents`]); whether it is stale is the command line's rule,
//! [`vigilance_dossier::evidence::staleness`] ([`stale`]). Both rules live with the document
//! in the on-demand module's shared types, which the workbook applies too.

use super::{Announce, AppState, Duplicates, SavedAssessment};
use vigilance_dossier::AnswerRef;
#[cfg(test)]
use vigilance_dossier::evidence::Staleness;
use vigilance_model::{AnswerSheet, Track};
pub use vigilance_web_module::dossier::{Document, stale, with_documents};

/// What the user does with documents.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentAction {
    /// A document whose bytes are now stored, supporting the answers it names.
    Add(Document),
    /// A document of the assessment now supports `answer` too.
    Attach(String, AnswerRef),
    /// A document no longer supports `answer`.
    Detach(String, AnswerRef),
    /// A document's title, date or valid-until date changed (the same id).
    Edit(Document),
    /// A document is removed: the answers it supported lose it.
    Remove(String),
    /// A dossier was imported: its sheet as a new assessment, with its documents (their bytes
    /// already stored); an assessment kept for the same company and period is kept too, or
    /// replaced, as the user chose.
    Imported(Box<AnswerSheet>, Vec<Document>, Duplicates),
}

/// The reference to `question` for `track`.
pub fn answer_ref(question: &str, track: Track) -> AnswerRef {
    AnswerRef {
        question: question.to_string(),
        track: track.code().to_string(),
    }
}

/// The keys of every document the assessments of `state` keep: the bytes the browser's store
/// must keep. An upgrade's copy shares its original's documents (the same keys).
pub fn document_keys(state: &AppState) -> Vec<String> {
    // A list, not a set: a few documents, and no set type in the first download.
    let mut keys: Vec<String> = Vec::new();
    for d in state.assessments.iter().flat_map(|a| &a.documents) {
        if !keys.contains(&d.id) {
            keys.push(d.id.clone());
        }
    }
    keys
}

/// The documents kept before (`before`, their keys) that no assessment of `after` keeps any
/// more: a document removed, an assessment deleted or replaced by an import. The app removes
/// their bytes from the browser's store once `after` is saved; a document another assessment
/// still uses stays.
pub fn released_documents(before: &[String], after: &AppState) -> Vec<String> {
    let kept = document_keys(after);
    before
        .iter()
        .filter(|k| !kept.contains(k))
        .cloned()
        .collect()
}

impl SavedAssessment {
    /// The bytes its documents take.
    pub fn documents_size(&self) -> u64 {
        self.documents.iter().map(|d| d.size).sum()
    }

    /// The documents supporting `question` for `track`.
    pub fn documents_of(&self, question: &str, track: Track) -> Vec<&Document> {
        let r = answer_ref(question, track);
        self.documents
            .iter()
            .filter(|d| d.answers.contains(&r))
            .collect()
    }
}

impl AppState {
    /// Applies a [`DocumentAction`] to the open assessment (a new one for an imported dossier).
    pub(super) fn apply_document(&mut self, action: DocumentAction, at: Option<&str>) {
        if let DocumentAction::Imported(sheet, documents, duplicates) = action {
            self.replace_duplicates(&sheet, duplicates);
            self.add(*sheet, at);
            if let Some(a) = self.current_mut() {
                a.documents = documents;
            }
            let names = self.names(self.lang);
            if let Some((_, name)) = names.last() {
                self.announce(Announce::Imported(vec![name.clone()]));
            }
            return;
        }
        let Some(a) = self.current_mut() else {
            return;
        };
        let find = |docs: &mut Vec<Document>, id: &str| docs.iter().position(|d| d.id == id);
        match action {
            DocumentAction::Add(doc) => {
                if let Some(i) = find(&mut a.documents, &doc.id) {
                    a.documents[i] = doc;
                } else {
                    a.documents.push(doc);
                }
            }
            DocumentAction::Attach(id, r) => {
                if let Some(i) = find(&mut a.documents, &id)
                    && !a.documents[i].answers.contains(&r)
                {
                    a.documents[i].answers.push(r);
                }
            }
            DocumentAction::Detach(id, r) => {
                if let Some(i) = find(&mut a.documents, &id) {
                    a.documents[i].answers.retain(|x| *x != r);
                }
            }
            DocumentAction::Edit(doc) => {
                if let Some(i) = find(&mut a.documents, &doc.id) {
                    let answers = std::mem::take(&mut a.documents[i].answers);
                    a.documents[i] = Document { answers, ..doc };
                }
            }
            DocumentAction::Remove(id) => a.documents.retain(|d| d.id != id),
            DocumentAction::Imported(..) => {}
        }
        if let Some(at) = at {
            a.sheet.updated = Some(at.to_string());
        }
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{answer, apply, fresh, grid_1_0};
    use crate::state::{Action, Profile};
    use vigilance_model::AnswerValue;

    fn doc(id: &str, date: &str) -> Document {
        Document {
            id: id.into(),
            name: format!("{id}.pdf"),
            title: None,
            media_type: "application/pdf".into(),
            size: 10,
            date: Some(date.into()),
            valid_until: None,
            answers: vec![],
        }
    }

    #[test]
    fn a_document_supports_several_answers_and_removing_it_changes_the_results() {
        let profile = Profile {
            name: "Preuve SA".into(),
            period: "2025".into(),
            ..Profile::default()
        };
        let s = apply(fresh(), Action::Create(profile, grid_1_0()));
        let s = answer(s, "Q01", Track::CL, AnswerValue::Yes);
        let s = answer(s, "Q01", Track::FL, AnswerValue::Yes);
        let s = apply(
            s,
            Action::Documents(DocumentAction::Add(doc("d1", "2025-01-10"))),
        );
        let s = apply(
            s,
            Action::Documents(DocumentAction::Add(doc("old", "2019-05-01"))),
        );
        let mut s = s;
        for (id, t) in [("d1", Track::CL), ("d1", Track::FL), ("old", Track::CL)] {
            s = apply(
                s,
                Action::Documents(DocumentAction::Attach(id.into(), answer_ref("Q01", t))),
            );
        }
        let a = s.current().cloned().unwrap_or_else(|| panic!("open"));
        assert_eq!(a.documents_of("Q01", Track::CL).len(), 2);
        assert_eq!(a.documents_of("Q01", Track::FL).len(), 1);
        // The 2019 document is stale for 2025 (the command line's rule): it does not count.
        assert_eq!(stale(&a.documents[1], &a.sheet), Some(Staleness::TooOld));
        let scored = with_documents(&a.sheet, &a.documents);
        let ev = |sheet: &AnswerSheet, t| sheet.answer("Q01", t).map(|x| x.evidence.clone());
        assert_eq!(ev(&scored, Track::CL), Some(vec!["file:d1".to_string()]));
        let revision = s.revision;
        let s = apply(s, Action::Documents(DocumentAction::Remove("d1".into())));
        assert!(
            s.revision > revision,
            "removing a document recomputes the results"
        );
        let a = s.current().cloned().unwrap_or_else(|| panic!("open"));
        let scored = with_documents(&a.sheet, &a.documents);
        assert_eq!(ev(&scored, Track::CL), Some(vec![]));
        assert!(a.documents_of("Q01", Track::FL).is_empty());
    }

    /// "Preuve SA" 2025 on grid 1.0.0, Q01 answered yes on both tracks, with document `d1`
    /// supporting Q01 CL and FL.
    fn with_one_document() -> std::rc::Rc<AppState> {
        let profile = Profile {
            name: "Preuve SA".into(),
            period: "2025".into(),
            ..Profile::default()
        };
        let s = apply(fresh(), Action::Create(profile, grid_1_0()));
        let s = answer(s, "Q01", Track::CL, AnswerValue::Yes);
        let s = answer(s, "Q12", Track::CL, AnswerValue::Yes);
        let mut s = apply(
            s,
            Action::Documents(DocumentAction::Add(doc("d1", "2025-01-10"))),
        );
        for (q, t) in [("Q01", Track::CL), ("Q12", Track::CL)] {
            s = apply(
                s,
                Action::Documents(DocumentAction::Attach("d1".into(), answer_ref(q, t))),
            );
        }
        s
    }

    #[test]
    fn deleting_an_assessment_releases_its_documents_unless_another_uses_them() {
        let s = with_one_document();
        let first = s.current.unwrap_or_default();
        let kept = document_keys(&s);
        assert_eq!(kept, vec!["d1".to_string()]);
        // The upgrade's copy keeps the document (the same key), supporting the answers carried
        // over: Q01, not the revised Q12.
        let s = apply(s, Action::Upgrade(first));
        let copy = s.current().cloned().unwrap_or_else(|| panic!("copy"));
        assert_ne!(copy.id, first);
        assert_eq!(copy.documents.len(), 1);
        assert_eq!(copy.documents[0].id, "d1");
        assert_eq!(
            copy.documents[0].answers,
            vec![answer_ref("Q01", Track::CL)],
            "only the answers carried over"
        );
        let scored = with_documents(&copy.sheet, &copy.documents);
        let ev = scored.answer("Q01", Track::CL).map(|a| a.evidence.clone());
        assert_eq!(ev, Some(vec!["file:d1".to_string()]), "and it still counts");
        // Deleting the original: the copy still uses the file, whose bytes stay.
        let s = apply(s, Action::Delete(first));
        assert!(released_documents(&kept, &s).is_empty());
        // Deleting the copy too: nothing uses it, its bytes go.
        let s = apply(s, Action::Delete(copy.id));
        assert_eq!(released_documents(&kept, &s), vec!["d1".to_string()]);
        // Removing a document from the list releases it the same way.
        let s = with_one_document();
        let s = apply(s, Action::Documents(DocumentAction::Remove("d1".into())));
        assert_eq!(released_documents(&kept, &s), vec!["d1".to_string()]);
    }

    #[test]
    fn a_dossier_for_a_company_and_period_kept_replaces_it_or_is_kept_beside_it() {
        let s = with_one_document();
        let old = s.current().cloned().unwrap_or_else(|| panic!("open"));
        let kept = document_keys(&s);
        let mut sheet = old.sheet.clone();
        // The same company and period, written differently.
        sheet.company.name = " preuve sa ".into();
        assert_eq!(s.duplicates_of(&sheet), vec![old.id]);
        let imported = |d: Duplicates| {
            Action::Documents(DocumentAction::Imported(
                Box::new(sheet.clone()),
                vec![doc("d2", "2025-03-01")],
                d,
            ))
        };
        let both = apply(s.clone(), imported(Duplicates::KeepBoth));
        assert_eq!(both.assessments.len(), 2);
        assert!(released_documents(&kept, &both).is_empty());
        let replaced = apply(s, imported(Duplicates::Replace));
        assert_eq!(replaced.assessments.len(), 1);
        assert_ne!(replaced.current, Some(old.id));
        let docs = replaced.current().map(|a| a.documents.clone());
        assert_eq!(docs.map(|d| d[0].id.clone()).as_deref(), Some("d2"));
        // The replaced assessment's document goes with it.
        assert_eq!(released_documents(&kept, &replaced), vec!["d1".to_string()]);
        // Answer files follow the same rule.
        let s = with_one_document();
        let again = apply(s, Action::Import(vec![sheet.clone()], Duplicates::Replace));
        assert_eq!(again.assessments.len(), 1);
        assert!(again.current().is_some_and(|a| a.documents.is_empty()));
    }
}
