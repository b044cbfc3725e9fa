//! The company's view of the engagement file its investor's analyst sent (issue 21):
//! - [`Reviews`]: next to each question of the questionnaire, the analyst's status, note and the
//!   value accepted, or "outdated" when the company changed the answer since the review;
//! - [`EngagementPanel`] (results screen): the file's import, the levels as declared and as
//!   reviewed per track (scored by the one rule, [`vigilance_engagement::reviewed_sheet`]), the
//!   dialogue log, and the action plan, whose statuses, reasons for dropping and evidence the
//!   company updates before exporting the file back.
//!
//! The file is read by the on-demand module ([`crate::ondemand::read_engagement`]); nothing is
//! sent, and nothing from the file is written into the answer sheet.

use crate::browser::{self, Reading};
use crate::components::results::level_name;
use crate::components::{on_input_text, on_select};
use crate::compute::file_stem;
use crate::grids;
use crate::state::{
    Action, EngagementEdit, SavedAssessment, dropped_reasons_given, engagement_file_text,
    engagement_of,
};
use std::collections::BTreeSet;
use vigilance_engagement::{ActionStatus, Engagement, ReviewStatus, check_matches, reviewed_sheet};
use vigilance_model::codes::maturity_code;
use vigilance_model::{
    AnswerValue, Assessment, EvidenceMode, Lang, Question, Questionnaire, ScoringOptions, Track,
    score,
};
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The analyst's reviews of the open assessment, as the questionnaire shows them.
pub struct Reviews {
    engagement: Engagement,
    /// The reviews applied (the others are outdated).
    applied: BTreeSet<(String, Track)>,
}

impl Reviews {
    /// The reviews of `a`'s engagement file, when it has one that belongs to its sheet.
    pub fn of(a: &SavedAssessment) -> Option<Reviews> {
        let engagement = engagement_of(a.engagement.as_ref()?);
        let sheet = a.accepted_sheet();
        check_matches(&engagement, &sheet).ok()?;
        let applied = reviewed_sheet(&sheet, &engagement)
            .applied
            .into_iter()
            .map(|r| (r.question, r.track))
            .collect();
        Some(Reviews {
            engagement,
            applied,
        })
    }

    /// The reviews of question `q`, per track (empty when it has none).
    pub fn note(&self, q: &Question, lang: Lang) -> Html {
        let Some(tracks) = self.engagement.reviews.get(&q.id) else {
            return Html::default();
        };
        let grid = grids::containing(q);
        let items = tracks.iter().map(|(track, r)| {
            let outdated = !self.applied.contains(&(q.id.clone(), *track));
            let value = r
                .value
                .filter(|_| r.status == ReviewStatus::Accepted)
                .map(|v| Web::EngValueAccepted.fill(lang, &[("value", &grid.value_label(v, lang))]));
            html! {
                <li data-track={track.code()} data-status={r.status.code()}
                    data-outdated={outdated.then_some("true")}>
                    <strong>{ grid.track_label(*track, lang) }{ Web::AfterLabel.text(lang) }</strong>
                    <span class={classes!("badge", "review-status", r.status.code())}>{ r.status.label(lang) }</span>
                    if let Some(v) = value { { " — " }{ v } }
                    if outdated {
                        { " " }<span class="badge outdated">{ Web::EngOutdated.text(lang) }</span>
                        <span class="hint">{ " " }{ Web::EngOutdatedHint.text(lang) }</span>
                    }
                    if !r.note.trim().is_empty() { <span class="review-note">{ " — " }{ &r.note }</span> }
                </li>
            }
        });
        html! {
            <div class="analyst-review" id={format!("review-{}", q.id)}>
                <p class="review-title">{ Web::EngAnalyst.text(lang) }</p>
                <ul>{ for items }</ul>
            </div>
        }
    }
}

/// What the engagement panel shows.
#[derive(Properties, PartialEq, Clone)]
pub struct EngagementProps {
    /// Interface language.
    pub lang: Lang,
    /// The open assessment.
    pub assessment: SavedAssessment,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

fn level(grid: &Questionnaire, lang: Lang, l: u8) -> String {
    level_name(lang, maturity_code(l), grid.maturity_label(l, lang))
}

/// The levels as declared and as reviewed, side by side: the headline, then each track.
fn levels_table(
    grid: &Questionnaire,
    lang: Lang,
    declared: &Assessment,
    reviewed: &Assessment,
) -> Html {
    let row = |key: String, label: String, d: u8, r: u8| {
        html! {
            <tr data-row={key} data-declared={d.to_string()} data-reviewed={r.to_string()}
                class={classes!((r < d).then_some("lower"))}>
                <th scope="row">{ label }</th>
                <td>{ level(grid, lang, d) }</td>
                <td>{ level(grid, lang, r) }</td>
            </tr>
        }
    };
    let mut rows = vec![row(
        "headline".into(),
        Web::Headline.text(lang).to_string(),
        declared.headline_level,
        reviewed.headline_level,
    )];
    for t in &declared.tracks {
        let r = reviewed.track(t.track).map_or(t.level, |x| x.level);
        rows.push(row(
            t.track.code().into(),
            grid.track_label(t.track, lang).to_string(),
            t.level,
            r,
        ));
    }
    html! {
        <table class="engagement-levels" id="engagement-levels">
            <caption>{ Web::EngLevels.text(lang) }</caption>
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{ Web::Level.text(lang) }</span></th>
                <th scope="col">{ Web::EngDeclared.text(lang) }</th>
                <th scope="col">{ Web::EngReviewed.text(lang) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The action plan, each action's status, reason for dropping and evidence editable.
fn action_plan(lang: Lang, e: &Engagement, dispatch: &Callback<Action>) -> Html {
    let today = browser::now_iso().map(|d| d.chars().take(10).collect::<String>());
    let edit = |i: usize, make: fn(usize, String) -> EngagementEdit| {
        let dispatch = dispatch.clone();
        move |text: String| dispatch.emit(Action::Engagement(make(i, text)))
    };
    let items = e.actions.iter().enumerate().map(|(i, a)| {
        let base = format!("action-{i}");
        let targets: Vec<String> = a
            .addresses
            .iter()
            .map(|t| match t.track {
                Some(track) => format!("{} ({})", t.question, track.code()),
                None => t.question.clone(),
            })
            .collect();
        let overdue = today.as_deref().is_some_and(|d| a.is_overdue(d));
        let status_id = format!("{base}-status");
        let onchange = {
            let dispatch = dispatch.clone();
            on_select(move |v| {
                if let Some(status) = ActionStatus::from_code(&v) {
                    dispatch.emit(Action::Engagement(EngagementEdit::Status { action: i, status }))
                }
            })
        };
        let reason = (a.status == ActionStatus::Dropped).then(|| {
            let id = format!("{base}-reason");
            let err = format!("{base}-reason-error");
            let missing = a.dropped_reason.as_deref().is_none_or(|r| r.trim().is_empty());
            let oninput = on_input_text(edit(i, |action, text| EngagementEdit::DroppedReason { action, text }));
            html! {
                <div class="field">
                    <label for={id.clone()}>{ Web::EngDroppedReason.text(lang) }</label>
                    <input type="text" id={id} required=true aria-invalid={missing.to_string()}
                        aria-describedby={missing.then(|| err.clone())}
                        value={a.dropped_reason.clone().unwrap_or_default()} {oninput} />
                    if missing { <p class="error" id={err}>{ Web::EngDroppedReasonNeeded.text(lang) }</p> }
                </div>
            }
        });
        let evidence_id = format!("{base}-evidence");
        let on_evidence = on_input_text(edit(i, |action, text| EngagementEdit::Evidence { action, text }));
        html! {
            <li class="eng-action" id={base.clone()} data-action={a.id.clone()} data-status={a.status.code()}>
                <h4>{ &a.id }{ " — " }{ &a.text }</h4>
                <p class="muted">
                    if !targets.is_empty() { { Web::EngAddresses.text(lang) }{ Web::AfterLabel.text(lang) }{ targets.join(", ") }{ " · " } }
                    if !a.owner.trim().is_empty() { { Web::EngOwner.text(lang) }{ Web::AfterLabel.text(lang) }{ &a.owner }{ " · " } }
                    if let Some(d) = &a.due { { Web::EngDue.text(lang) }{ Web::AfterLabel.text(lang) }{ d } }
                    if overdue { { " " }<span class="badge outdated">{ Web::EngOverdue.text(lang) }</span> }
                    if let Some(p) = &a.carried_from { { " · " }{ Web::EngCarriedFrom.fill(lang, &[("period", p)]) } }
                </p>
                <div class="field inline">
                    <label for={status_id.clone()}>{ Web::EngActionStatus.text(lang) }
                        <span class="visually-hidden">{ " — " }{ &a.id }</span></label>
                    <select id={status_id} {onchange}>
                        { for ActionStatus::ALL.into_iter().map(|s| html! {
                            <option value={s.code()} selected={a.status == s}>{ s.label(lang) }</option>
                        }) }
                    </select>
                </div>
                { reason.unwrap_or_default() }
                <div class="field">
                    <label for={evidence_id.clone()}>{ Web::EngActionEvidence.text(lang) }
                        <span class="visually-hidden">{ " — " }{ &a.id }</span></label>
                    <textarea id={evidence_id} rows="2" value={a.evidence.join("\n")} oninput={on_evidence} />
                </div>
            </li>
        }
    });
    html! {
        <section class="eng-actions" aria-labelledby="engagement-actions-title">
            <h3 id="engagement-actions-title">{ Web::EngActions.text(lang) }</h3>
            if e.actions.is_empty() {
                <p class="muted">{ Web::EngNoActions.text(lang) }</p>
            } else {
                <ol id="engagement-actions">{ for items }</ol>
            }
        </section>
    }
}

/// The engagement file on the results screen: import it, then the levels as declared and as
/// reviewed, the dialogue and the action plan, and the file to send back.
#[component]
pub fn EngagementPanel(props: &EngagementProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let dispatch = &props.dispatch;
    let grid = grids::of_sheet(&a.sheet);
    let reading = use_mut_ref(|| None::<Reading>);
    // What the last import gave: the file was kept (with its remarks) or why not.
    let message = use_state(|| None::<Result<Vec<String>, String>>);

    let import = {
        let dispatch = dispatch.clone();
        let message = message.clone();
        let reading = reading.clone();
        let sheet = a.accepted_sheet();
        let onchange = Callback::from(move |ev: Event| {
            let Some(input) = ev.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let dispatch = dispatch.clone();
            let message = message.clone();
            let sheet = sheet.clone();
            let on_bytes = Callback::from(move |(_, bytes): (String, Result<Vec<u8>, String>)| {
                let Ok(bytes) = bytes else {
                    return message.set(Some(Err(Web::ReadFailed.text(lang).to_string())));
                };
                let dispatch = dispatch.clone();
                let message = message.clone();
                let done = Callback::from(
                    move |read: Result<crate::ondemand::EngagementRead, String>| match read {
                        Ok(read) => {
                            dispatch
                                .emit(Action::Engagement(EngagementEdit::Import(read.engagement)));
                            message.set(Some(Ok(read.warnings)));
                        }
                        Err(why) => message.set(Some(Err(why))),
                    },
                );
                crate::ondemand::read_engagement(&bytes, &sheet, lang, done);
            });
            *reading.borrow_mut() = browser::read_picked_file(&input, on_bytes);
        });
        html! {
            <div class="field no-print">
                <label for="engagement-file">{ Web::EngImportLabel.text(lang) }</label>
                <input type="file" id="engagement-file" accept=".json,application/json" {onchange}
                    onclick={Callback::from(|_: MouseEvent| crate::ondemand::preload())} />
            </div>
        }
    };

    let said = message.as_ref().map(|m| match m {
        Ok(warnings) => html! {
            <div class="notice" role="status" id="engagement-imported">
                <p>{ Web::EngImported.text(lang) }</p>
                if !warnings.is_empty() {
                    <p>{ Web::ImportWarnings.text(lang) }</p>
                    <ul>{ for warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                }
            </div>
        },
        Err(why) => html! {
            <div class="error" role="alert" id="engagement-error">
                <p>{ Web::EngImportFailed.text(lang) }</p>
                <ul>{ for why.lines().map(|l| html! { <li>{ l }</li> }) }</ul>
            </div>
        },
    });

    let body = a.engagement.as_ref().map(|file| {
        let e = engagement_of(file);
        let sheet = a.accepted_sheet();
        let head = html! {
            <p class="facts" id="engagement-file-line">
                { Web::EngFileLine.fill(lang, &[("company", &e.company.name), ("period", &e.period),
                    ("grid", &format!("{} {}", e.questionnaire.id, e.questionnaire.version))]) }
                if let Some(u) = &e.updated { { " · " }{ Web::EngUpdated.fill(lang, &[("date", u)]) } }
            </p>
        };
        // The sheet changed company or period since the import: the file is not applied.
        let review = match check_matches(&e, &sheet) {
            Err(p) => html! { <p class="error" id="engagement-mismatch">{ format!("[{}] {}", p.code(), p.kind.message(lang)) }</p> },
            Ok(()) => {
                let options = ScoringOptions {
                    evidence_mode: if a.substantiated { EvidenceMode::Substantiated } else { EvidenceMode::Declarative },
                    threshold: None,
                };
                let applied = reviewed_sheet(&sheet, &e);
                let declared = score(grid, &sheet, &options);
                let reviewed = score(grid, &applied.sheet, &options);
                let count = |s: ReviewStatus| e.reviews.values().flat_map(|t| t.values()).filter(|r| r.status == s).count();
                let counts = [ReviewStatus::Accepted, ReviewStatus::Challenged, ReviewStatus::Rejected]
                    .into_iter()
                    .map(|s| (s.code(), s.label(lang).to_string(), count(s)))
                    .chain(std::iter::once(("outdated", Web::EngOutdated.text(lang).to_string(), applied.outdated.len())));
                html! {
                    <>
                        { levels_table(grid, lang, &declared, &reviewed) }
                        <p class="hint">{ Web::EngRule.fill(lang, &[("unknown", &grid.value_label(AnswerValue::Unknown, lang))]) }</p>
                        <h3 id="engagement-counts-title">{ Web::EngReviewCounts.text(lang) }</h3>
                        <dl class="figures" id="engagement-counts">
                            { for counts.map(|(code, label, n)| html! {
                                <><dt>{ label }</dt><dd data-count={code}>{ n }</dd></>
                            }) }
                        </dl>
                    </>
                }
            }
        };
        let dialogue = (!e.dialogue.is_empty()).then(|| html! {
            <section class="eng-dialogue" aria-labelledby="engagement-dialogue-title">
                <h3 id="engagement-dialogue-title">{ Web::EngDialogue.text(lang) }</h3>
                <ul>
                    { for e.dialogue.iter().map(|d| html! {
                        <li><strong>{ &d.date }{ " · " }{ d.kind.label(lang) }</strong>
                            if !d.participants.is_empty() { { " (" }{ d.participants.join(", ") }{ ")" } }
                            if !d.summary.trim().is_empty() { { Web::AfterLabel.text(lang) }{ &d.summary } }</li>
                    }) }
                </ul>
            </section>
        });
        let valid = dropped_reasons_given(&e);
        let export = {
            let file = file.clone();
            let name = format!("{}-engagement.json", file_stem(&a.sheet));
            let onclick = Callback::from(move |_: MouseEvent| {
                let _ = browser::download(&name, "application/json", engagement_file_text(&file).as_bytes());
            });
            html! {
                <div class="no-print eng-export">
                    <button type="button" class="primary" id="engagement-export" disabled={!valid}
                        aria-describedby={if valid { "engagement-export-hint" } else { "engagement-export-blocked" }} {onclick}>
                        { Web::EngExport.text(lang) }</button>
                    if valid {
                        <p class="hint" id="engagement-export-hint">{ Web::EngExportHint.text(lang) }</p>
                    } else {
                        <p class="error" id="engagement-export-blocked">{ Web::EngExportBlocked.text(lang) }</p>
                    }
                </div>
            }
        };
        let remove = {
            let dispatch = dispatch.clone();
            let message = message.clone();
            Callback::from(move |_: MouseEvent| {
                message.set(None);
                dispatch.emit(Action::Engagement(EngagementEdit::Remove))
            })
        };
        html! {
            <>
                { head }
                { review }
                { dialogue.unwrap_or_default() }
                { action_plan(lang, &e, dispatch) }
                { export }
                <button type="button" class="link no-print" id="engagement-remove" onclick={remove}>{ Web::EngRemove.text(lang) }</button>
            </>
        }
    });

    html! {
        <section class={classes!("engagement", a.engagement.is_none().then_some("no-print"))}
            aria-labelledby="engagement-title" id="engagement">
            <h2 id="engagement-title">{ Web::EngTitle.text(lang) }</h2>
            if a.engagement.is_none() { <p class="hint">{ Web::EngIntro.text(lang) }</p> }
            { body.unwrap_or_default() }
            { import }
            { said.unwrap_or_default() }
        </section>
    }
}
