//! The reducer: how each [`Action`] changes the [`AppState`], as in Yew's `function_todomvc`
//! example.
//!
//! `reduce` is a function of the state and the [`Stamped`] action only: it does not read the
//! clock (the time it stamps on a changed sheet comes with the action) and has no effect outside
//! the state it returns (saving is the app's effect, after it). It does read the grid registry,
//! where no action could carry the answer: the grid a new assessment starts on (`Create`), the
//! grids of an upgrade (`Upgrade`) and the level of a question (`FocusAnswer`). Those lookups are
//! stable: a built-in grid, once available, stays registered with the same questions (its full
//! file only adds the regulation mapping), and the app loads a grid before it dispatches an
//! action on it.

use super::{
    Action, Announce, Announcement, AppState, Comparison, Duplicates, FocusRequest,
    SavedAssessment, Stamped, UpgradeNote, View, answer_anchor, assessment::notes_key,
    next_unanswered, upgrade_target,
};
use crate::grids;
use std::rc::Rc;
use vigilance_grids::registry;
use vigilance_model::{Answer, AnswerSheet, AnswerValue, Level, Track};
use yew::Reducible;

impl AppState {
    /// Adds `sheet` as a new assessment and opens it; a sheet without `updated` gets `at`.
    pub(super) fn add(&mut self, mut sheet: AnswerSheet, at: Option<&str>) {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        if sheet.updated.is_none() {
            sheet.updated = at.map(str::to_string);
        }
        self.assessments.push(SavedAssessment {
            id,
            sheet,
            level: Level::N1,
            theme: None,
            substantiated: false,
            comparison: None,
            upgrade: None,
            upgraded_to: None,
            kept_notes: Default::default(),
            engagement: None,
            documents: Vec::new(),
        });
        self.current = Some(id);
        self.view = View::Questionnaire;
        self.revision += 1;
        self.land_on_level();
    }

    /// Deletes the assessment `id` (its documents' bytes are removed by the app once no
    /// assessment uses them: [`super::released_documents`]).
    pub(super) fn delete(&mut self, id: u32) {
        self.assessments.retain(|a| a.id != id);
        for a in &mut self.assessments {
            if a.comparison == Some(Comparison::Saved { id }) {
                a.comparison = None;
            }
        }
        if self.current == Some(id) {
            self.current = None;
            self.view = View::Start;
        }
        self.revision += 1;
    }

    /// Deletes the assessments kept for the same company and period as `sheet`, when the user
    /// chose to replace them.
    pub(super) fn replace_duplicates(&mut self, sheet: &AnswerSheet, duplicates: Duplicates) {
        if duplicates == Duplicates::Replace {
            for id in self.duplicates_of(sheet) {
                self.delete(id);
            }
        }
    }

    /// Moves the focus to `id` once rendered: at the top of the window (`top`) or its middle.
    fn focus_on(&mut self, id: String, top: bool) {
        let serial = self.focus.as_ref().map_or(1, |f| f.serial + 1);
        self.focus = Some(FocusRequest { serial, id, top });
    }

    /// Lands on the open level's heading (or the questionnaire's title under a theme filter).
    fn land_on_level(&mut self) {
        let id = match self.current() {
            Some(a) if a.theme.is_none() => format!("level-{}", a.level.code()),
            _ => "questionnaire-title".to_string(),
        };
        self.cursor = None;
        self.announcement = None;
        self.focus_on(id, true);
    }

    /// Lands on the title of the view shown.
    fn land_on_view(&mut self) {
        match self.view {
            View::Questionnaire => self.land_on_level(),
            View::Results | View::Start => {
                self.announcement = None;
                self.focus_on(format!("{}-title", self.view.code()), true);
            }
        }
    }

    /// Opens the level of `question` and moves the focus to its first answer for `track`.
    fn focus_answer(&mut self, question: String, track: Track) {
        let grid = self.current().map(|a| grids::of_sheet(&a.sheet));
        if let Some(q) = grid.and_then(|g| g.question(&question)) {
            let level = q.level;
            if let Some(a) = self.current_mut() {
                a.level = level;
                a.theme = None;
            }
            self.view = View::Questionnaire;
            self.focus_on(answer_anchor(&question, track), false);
            self.cursor = Some((question, track));
        }
    }

    /// Says `what` in the live region.
    pub(super) fn announce(&mut self, what: Announce) {
        let serial = self.announcement.as_ref().map_or(1, |a| a.serial + 1);
        self.announcement = Some(Announcement { serial, what });
    }

    /// Changes the open sheet with `f`, stamping `updated` with `at`.
    fn edit_sheet(&mut self, at: Option<&str>, f: impl FnOnce(&mut AnswerSheet)) {
        if let Some(a) = self.current_mut() {
            f(&mut a.sheet);
            if let Some(at) = at {
                a.sheet.updated = Some(at.to_string());
            }
            self.revision += 1;
        }
    }

    /// Changes the answer to `question` for `track` with `f` (given the current answer).
    fn edit_answer(
        &mut self,
        at: Option<&str>,
        question: &str,
        track: Track,
        f: impl FnOnce(Option<Answer>) -> Option<Answer>,
    ) {
        self.edit_sheet(at, |sheet| {
            let current = sheet.answer(question, track).cloned();
            sheet.set_answer(question, track, f(current));
        });
    }
}

fn non_blank(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_string())
}

impl Reducible for AppState {
    type Action = Stamped;

    fn reduce(self: Rc<Self>, stamped: Stamped) -> Rc<Self> {
        let Stamped { action, at } = stamped;
        let at = at.as_deref();
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Show(view) => {
                s.view = if s.current.is_none() {
                    View::Start
                } else {
                    view
                };
                s.land_on_view();
            }
            Action::Navigate(place) => {
                // Back or Forward: the place a history entry names, as far as it still exists.
                s.current = place.current.filter(|id| s.get(*id).is_some());
                s.view = if s.current.is_some() {
                    place.view
                } else {
                    View::Start
                };
                if let (Some(level), Some(a)) = (place.level, s.current_mut()) {
                    a.level = level;
                    a.theme = None;
                }
                s.revision += 1;
                s.land_on_view();
            }
            Action::Create(profile, grid) => {
                let mut sheet = AnswerSheet::new(grids::of_ref(&grid));
                profile.apply(&mut sheet);
                if !grids::is_light(&grid.id) {
                    // Buyer and tier are asked on the light grid only.
                    sheet.company.buyer = None;
                    sheet.company.tier = None;
                }
                s.add(sheet, at);
            }
            Action::Upgrade(id) => {
                let Some(old) = s.get(id).cloned() else {
                    return self;
                };
                // Offered once: a second click opens the copy already made.
                if let Some(copy) = old.upgraded_to.filter(|c| s.get(*c).is_some()) {
                    s.current = Some(copy);
                    s.view = View::Questionnaire;
                    s.revision += 1;
                    s.focus_on("upgrade-note-title".into(), true);
                    return Rc::new(s);
                }
                let from = grids::of_sheet(&old.sheet);
                // The later version's change log must be there (`grids::then_complete`).
                let Some(to) = upgrade_target(&old.sheet).filter(|to| !registry::is_partial(to))
                else {
                    return self;
                };
                if let Ok(m) = vigilance_model::migrate::migrate(&old.sheet, from, to) {
                    let note = UpgradeNote::of(&from.version, &m);
                    let mut sheet = m.sheet;
                    sheet.updated = None;
                    // The copy keeps the documents, shared with the original (the same keys in
                    // the browser's store), supporting the answers carried over.
                    let documents = old
                        .documents
                        .iter()
                        .map(|d| {
                            let mut d = d.clone();
                            d.answers.retain(|r| {
                                Track::from_code(&r.track)
                                    .is_some_and(|t| sheet.answer(&r.question, t).is_some())
                            });
                            d
                        })
                        .collect();
                    s.add(sheet, at);
                    let copy = s.current;
                    if let Some(a) = s.current_mut() {
                        a.upgrade = Some(note);
                        a.comparison = Some(Comparison::Saved { id });
                        a.documents = documents;
                    }
                    if let Some(a) = s.assessments.iter_mut().find(|a| a.id == id) {
                        a.upgraded_to = copy;
                    }
                    let names = s.names(s.lang);
                    if let Some((_, name)) = names.iter().find(|(i, _)| Some(*i) == copy) {
                        s.announce(Announce::Upgraded(name.clone()));
                    }
                    s.focus_on("upgrade-note-title".into(), true);
                }
            }
            Action::Engagement(edit) => s.edit_engagement(edit, at),
            Action::DismissUpgrade => {
                if let Some(a) = s.current_mut() {
                    a.upgrade = None;
                }
            }
            Action::Open(id) => {
                if s.get(id).is_some() {
                    s.current = Some(id);
                    s.view = View::Questionnaire;
                    s.revision += 1;
                    s.land_on_level();
                }
            }
            Action::Delete(id) => s.delete(id),
            Action::Documents(d) => s.apply_document(d, at),
            Action::UpdateProfile(profile) => s.edit_sheet(at, |sheet| profile.apply(sheet)),
            Action::Import(sheets, duplicates) => {
                for sheet in &sheets {
                    s.replace_duplicates(sheet, duplicates);
                }
                let first = s.assessments.len();
                for sheet in sheets {
                    s.add(sheet, at);
                }
                let names = s.names(s.lang);
                let added: Vec<String> = names[first.min(names.len())..]
                    .iter()
                    .map(|(_, n)| n.clone())
                    .collect();
                if !added.is_empty() {
                    s.announce(Announce::Imported(added));
                }
            }
            Action::SetValue {
                question,
                track,
                value,
            } => {
                let key = notes_key(&question, track);
                let (mut kept, was) = match s.current_mut() {
                    Some(a) => (
                        a.take_kept_notes(&key),
                        a.sheet.answer(&question, track).map(|x| x.value),
                    ),
                    None => (None, None),
                };
                let mut cleared = None;
                s.edit_answer(at, &question, track, |cur| {
                    let Some(value) = value else {
                        // Clearing keeps the comment and evidence for the next value chosen.
                        cleared = cur.filter(|a| a.comment.is_some() || !a.evidence.is_empty());
                        return None;
                    };
                    let mut a = cur
                        .or_else(|| kept.take())
                        .unwrap_or_else(|| Answer::new(value));
                    a.value = value;
                    if value != AnswerValue::Na {
                        a.justification = None;
                    }
                    Some(a)
                });
                if let (Some(a), Some(mut notes)) = (s.current_mut(), cleared.or(kept)) {
                    notes.justification = None;
                    a.kept_notes.push((key, notes));
                }
                s.cursor = Some((question.clone(), track));
                // Choosing N/A: the justification it needs is the next thing to type.
                if value == Some(AnswerValue::Na) && was != Some(AnswerValue::Na) {
                    s.focus_on(
                        format!("a-{question}-{}-justification", track.code()),
                        false,
                    );
                }
            }
            Action::SetComment {
                question,
                track,
                text,
            } => s.edit_answer(at, &question, track, |cur| {
                cur.map(|mut a| {
                    a.comment = non_blank(&text);
                    a
                })
            }),
            Action::SetEvidence {
                question,
                track,
                text,
            } => s.edit_answer(at, &question, track, |cur| {
                cur.map(|mut a| {
                    a.evidence = text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string)
                        .collect();
                    a
                })
            }),
            Action::SetJustification {
                question,
                track,
                text,
            } => s.edit_answer(at, &question, track, |cur| {
                cur.map(|mut a| {
                    a.justification = non_blank(&text);
                    a
                })
            }),
            Action::GoToLevel(level) => {
                if let Some(a) = s.current_mut() {
                    a.level = level;
                    a.theme = None;
                }
                s.land_on_level();
            }
            Action::SetTheme(theme) => {
                if let Some(a) = s.current_mut() {
                    a.theme = theme;
                }
            }
            Action::FocusNextUnanswered => {
                let next = s.current().and_then(|a| {
                    let after = s.cursor.as_ref().map(|(q, t)| (q.as_str(), *t));
                    next_unanswered(grids::of_sheet(&a.sheet), &a.accepted_sheet(), after)
                });
                if let Some((question, track)) = next {
                    s.focus_answer(question, track);
                }
            }
            Action::FocusAnswer { question, track } => s.focus_answer(question, track),
            Action::SetSubstantiated(on) => {
                if let Some(a) = s.current_mut() {
                    a.substantiated = on;
                }
                s.revision += 1;
            }
            Action::SetComparison(c) => {
                if let Some(a) = s.current_mut() {
                    a.comparison = c;
                }
                s.revision += 1;
            }
            Action::MappingLoaded(r) => {
                // The grids changed under the results: recompute them.
                s.mapping_error = r.err();
                s.revision += 1;
            }
            Action::Replace(state) => {
                let revision = s.revision + 1;
                s = *state;
                s.revision = revision;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{AT, answer, apply, exemple_sa, grid_1_0};
    use crate::state::Profile;

    #[test]
    fn the_reducer_is_pure_and_stamps_the_time_the_action_carries() {
        let s = exemple_sa(grid_1_0());
        let updated = |s: &AppState| s.current().and_then(|a| a.sheet.updated.clone());
        assert_eq!(updated(&s).as_deref(), Some(AT));
        let later = "2025-06-02T08:00:00Z";
        let action = Action::SetValue {
            question: "Q01".into(),
            track: Track::CL,
            value: Some(AnswerValue::Yes),
        }
        .at(Some(later.into()));
        // The same state and the same action give the same state, every time.
        let once = s.clone().reduce(action.clone());
        let twice = s.clone().reduce(action);
        assert_eq!(once, twice);
        assert_eq!(updated(&once).as_deref(), Some(later));
        // Without a time, the sheet keeps the one it had.
        let untimed = s.reduce(
            Action::SetComment {
                question: "Q01".into(),
                track: Track::CL,
                text: "x".into(),
            }
            .at(None),
        );
        assert_eq!(updated(&untimed).as_deref(), Some(AT));
    }

    #[test]
    fn na_counts_only_once_justified() {
        let q = vigilance_grids::registry::find("rhsf-fir", "1.0.0").unwrap();
        let s = answer(exemple_sa(grid_1_0()), "Q02", Track::FL, AnswerValue::Na);
        let cur = s.current().map(SavedAssessment::accepted_sheet);
        assert_eq!(cur.as_ref().map(AnswerSheet::answered_count), Some(0));
        let s = apply(
            s,
            Action::SetJustification {
                question: "Q02".into(),
                track: Track::FL,
                text: "No such activity".into(),
            },
        );
        let cur = s.current().map(SavedAssessment::accepted_sheet);
        assert_eq!(cur.as_ref().map(AnswerSheet::answered_count), Some(1));
        let sheet = cur.unwrap_or_else(|| AnswerSheet::new(q));
        assert!(sheet.check(q).iter().all(|p| !p.is_error()));
    }

    #[test]
    fn changing_the_value_keeps_comment_and_evidence() {
        let s = answer(exemple_sa(grid_1_0()), "Q01", Track::CL, AnswerValue::Yes);
        let s = apply(
            s,
            Action::SetComment {
                question: "Q01".into(),
                track: Track::CL,
                text: "Training in May".into(),
            },
        );
        let s = apply(
            s,
            Action::SetEvidence {
                question: "Q01".into(),
                track: Track::CL,
                text: "Plan p. 12\n\n https://example.org ".into(),
            },
        );
        let s = answer(s, "Q01", Track::CL, AnswerValue::Partial);
        let a = s
            .current()
            .and_then(|a| a.sheet.answer("Q01", Track::CL))
            .cloned();
        let a = a.unwrap_or_else(|| Answer::new(AnswerValue::No));
        assert_eq!(a.value, AnswerValue::Partial);
        assert_eq!(a.comment.as_deref(), Some("Training in May"));
        assert_eq!(a.evidence, vec!["Plan p. 12", "https://example.org"]);
    }

    #[test]
    fn several_assessments_are_kept_and_switched() {
        let s = exemple_sa(grid_1_0());
        let first = s.current;
        let s = apply(
            s,
            Action::Create(
                Profile {
                    name: "Autre SA".into(),
                    ..Profile::default()
                },
                grids::default_choice(),
            ),
        );
        assert_eq!(s.assessments.len(), 2);
        assert_ne!(s.current, first);
        let s = apply(s, Action::Open(first.unwrap_or_default()));
        assert_eq!(s.current, first);
        let s = apply(s, Action::Delete(first.unwrap_or_default()));
        assert_eq!(s.assessments.len(), 1);
        assert_eq!(s.current, None);
        assert_eq!(s.view, View::Start);
    }
}
