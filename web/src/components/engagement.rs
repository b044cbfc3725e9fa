//! The company's view of the engagement file its investor's analyst sent (issue 21):
//! - [`review_note`]: next to each question of the questionnaire, the analyst's status, note and
//!   the value accepted, or "outdated" when the company changed the answer since the review;
//! - [`EngagementPanel`] (results screen): the file's import, the levels as declared and as
//!   reviewed per track, the dialogue log, and the action plan, whose statuses, reasons for
//!   dropping and evidence the company updates before exporting the file back.
//!
//! What the file means for the answers as they are ([`use_engagement_view`]: the scoring as
//! reviewed, each review outdated or not) is computed by the on-demand module with the
//! engagement crate's rule, as are the reading and the writing of the file
//! ([`crate::ondemand`]): this module only lays out what it gets, so that the first download
//! does not grow with the format. Nothing is sent, and nothing from the file is written into
//! the answer sheet.

use crate::browser::{self, Reading};
use crate::components::results::level_name;
use crate::components::{on_input_text, on_select};
use crate::compute::file_stem;
use crate::grids;
use crate::ondemand;
use crate::state::{
    Action, EngagementEdit, SavedAssessment, actions_of, dropped_without_reason, text_of,
};
use serde_json::Value;
use std::rc::Rc;
use vigilance_engagement::{ActionStatus, DialogueKind, ReviewStatus};
use vigilance_model::codes::maturity_code;
use vigilance_model::{AnswerValue, Lang, Question, Questionnaire, Track};
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the on-demand module makes of the open assessment's engagement file for its answers as
/// they are now (`vigilance_web_module::engagement_view`), recomputed when they change; `None`
/// without a file, or until the module has answered.
#[hook]
pub fn use_engagement_view(a: &SavedAssessment, lang: Lang) -> Option<Rc<Value>> {
    let sheet = a.accepted_sheet();
    let key = (a.engagement.clone(), sheet, a.substantiated, lang);
    let view = {
        let (file, sheet, substantiated, lang) = key.clone();
        use_state_eq(move || {
            file.and_then(|f| ondemand::engagement_view_now(&f, &sheet, substantiated, lang))
                .map(Rc::new)
        })
    };
    {
        let view = view.clone();
        use_effect_with(key, move |(file, sheet, substantiated, lang)| match file {
            None => view.set(None),
            Some(file) => ondemand::engagement_view(
                file,
                sheet,
                *substantiated,
                *lang,
                Callback::from(move |r: Result<Value, String>| {
                    // Why the module could not answer is said where the levels would be.
                    let v = r.unwrap_or_else(|e| {
                        let mut why = serde_json::Map::new();
                        why.insert("mismatch".into(), Value::from(e));
                        Value::Object(why)
                    });
                    view.set(Some(Rc::new(v)));
                }),
            ),
        });
    }
    (*view).clone()
}

/// The analyst's reviews of question `q`, per track, from the `view` (empty when none).
pub fn review_note(view: &Value, q: &Question, lang: Lang) -> Html {
    let Some(tracks) = view
        .get("reviews")
        .and_then(|r| r.get(&q.id))
        .and_then(Value::as_object)
    else {
        return Html::default();
    };
    let grid = grids::containing(q);
    let items = tracks.iter().filter_map(|(track, r)| {
        let track = Track::from_code(track)?;
        let status = ReviewStatus::from_code(text_of(r, "status"))?;
        let outdated = r.get("outdated").and_then(Value::as_bool).unwrap_or(false);
        let value = AnswerValue::from_code(text_of(r, "value"))
            .map(|v| Web::EngValueAccepted.fill(lang, &[("value", &grid.value_label(v, lang))]));
        let note = text_of(r, "note");
        Some(html! {
            <li data-track={track.code()} data-status={status.code()}
                data-outdated={outdated.then_some("true")}>
                <strong>{ grid.track_label(track, lang) }{ Web::AfterLabel.text(lang) }</strong>
                <span class={classes!("badge", "review-status", status.code())}>{ status.label(lang) }</span>
                if let Some(v) = value { { " — " }{ v } }
                if outdated {
                    { " " }<span class="badge outdated">{ Web::EngOutdated.text(lang) }</span>
                    <span class="hint">{ " " }{ Web::EngOutdatedHint.text(lang) }</span>
                }
                if !note.trim().is_empty() { <span class="review-note">{ " — " }{ note }</span> }
            </li>
        })
    });
    html! {
        <div class="analyst-review" id={format!("review-{}", q.id)}>
            <p class="review-title">{ Web::EngAnalyst.text(lang) }</p>
            <ul>{ for items }</ul>
        </div>
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

/// The levels as declared and as reviewed, side by side (the view's `levels`), the reviews
/// counted, or why the file no longer applies.
fn review_summary(grid: &Questionnaire, lang: Lang, view: &Value) -> Html {
    if let Some(why) = view.get("mismatch").and_then(Value::as_str) {
        return html! { <p class="error" id="engagement-mismatch">{ why }</p> };
    }
    let level = |v: &Value, key: &str| {
        let l = v.get(key).and_then(Value::as_u64).unwrap_or(0) as u8;
        (
            l,
            level_name(lang, maturity_code(l), grid.maturity_label(l, lang)),
        )
    };
    let rows = view
        .get("levels")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|r| {
            let row = text_of(r, "row");
            let label = match Track::from_code(row) {
                Some(t) => grid.track_label(t, lang),
                None => Web::Headline.text(lang),
            };
            let ((d, declared), (rv, reviewed)) = (level(r, "declared"), level(r, "reviewed"));
            html! {
                <tr data-row={row.to_string()} data-declared={d.to_string()} data-reviewed={rv.to_string()}
                    class={classes!((rv < d).then_some("lower"))}>
                    <th scope="row">{ label }</th>
                    <td>{ declared }</td>
                    <td>{ reviewed }</td>
                </tr>
            }
        });
    let counts = view.get("counts");
    let count = |code: &str| {
        counts
            .and_then(|c| c.get(code))
            .and_then(Value::as_u64)
            .unwrap_or(0)
    };
    let statuses = [
        ReviewStatus::Accepted,
        ReviewStatus::Challenged,
        ReviewStatus::Rejected,
    ]
    .into_iter()
    .map(|s| (s.code(), s.label(lang)))
    .chain([("outdated", Web::EngOutdated.text(lang))]);
    html! {
        <>
            <table class="engagement-levels" id="engagement-levels">
                <caption>{ Web::EngLevels.text(lang) }</caption>
                <thead><tr>
                    <th scope="col"><span class="visually-hidden">{ Web::Level.text(lang) }</span></th>
                    <th scope="col">{ Web::EngDeclared.text(lang) }</th>
                    <th scope="col">{ Web::EngReviewed.text(lang) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="hint">{ Web::EngRule.fill(lang, &[("unknown", &grid.value_label(AnswerValue::Unknown, lang))]) }</p>
            <h3 id="engagement-counts-title">{ Web::EngReviewCounts.text(lang) }</h3>
            <dl class="figures" id="engagement-counts">
                { for statuses.map(|(code, label)| html! {
                    <><dt>{ label }</dt><dd data-count={code}>{ count(code) }</dd></>
                }) }
            </dl>
        </>
    }
}

/// The action plan, each action's status, reason for dropping and evidence editable.
fn action_plan(lang: Lang, file: &Value, dispatch: &Callback<Action>) -> Html {
    let today = browser::now_iso().map(|d| d.chars().take(10).collect::<String>());
    let actions = actions_of(file);
    let edit = |i: usize, make: fn(usize, String) -> EngagementEdit| {
        let dispatch = dispatch.clone();
        move |text: String| dispatch.emit(Action::Engagement(make(i, text)))
    };
    let items = actions.iter().enumerate().map(|(i, a)| {
        let base = format!("action-{i}");
        let id = text_of(a, "id");
        let status = ActionStatus::from_code(text_of(a, "status")).unwrap_or(ActionStatus::Planned);
        let targets: Vec<String> = a
            .get("addresses")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|t| match text_of(t, "track") {
                "" => text_of(t, "question").to_string(),
                track => format!("{} ({track})", text_of(t, "question")),
            })
            .collect();
        let (owner, due, carried) = (text_of(a, "owner"), text_of(a, "due"), text_of(a, "carried_from"));
        let overdue = status.is_open() && !due.is_empty() && today.as_deref().is_some_and(|d| due < d);
        let status_id = format!("{base}-status");
        let onchange = {
            let dispatch = dispatch.clone();
            on_select(move |v| {
                if let Some(status) = ActionStatus::from_code(&v) {
                    dispatch.emit(Action::Engagement(EngagementEdit::Status { action: i, status }))
                }
            })
        };
        let reason = (status == ActionStatus::Dropped).then(|| {
            let field = format!("{base}-reason");
            let err = format!("{base}-reason-error");
            let reason = text_of(a, "dropped_reason");
            let missing = reason.trim().is_empty();
            let oninput = on_input_text(edit(i, |action, text| EngagementEdit::DroppedReason { action, text }));
            html! {
                <div class="field">
                    <label for={field.clone()}>{ Web::EngDroppedReason.text(lang) }</label>
                    <input type="text" id={field} required=true aria-invalid={missing.to_string()}
                        aria-describedby={missing.then(|| err.clone())} value={reason.to_string()} {oninput} />
                    if missing { <p class="error" id={err}>{ Web::EngDroppedReasonNeeded.text(lang) }</p> }
                </div>
            }
        });
        let evidence: Vec<&str> = a
            .get("evidence")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let evidence_id = format!("{base}-evidence");
        let on_evidence = on_input_text(edit(i, |action, text| EngagementEdit::Evidence { action, text }));
        let sep = Web::AfterLabel.text(lang);
        html! {
            <li class="eng-action" id={base.clone()} data-action={id.to_string()} data-status={status.code()}>
                <h4>{ id }{ " — " }{ text_of(a, "text") }</h4>
                <p class="muted">
                    if !targets.is_empty() { { Web::EngAddresses.text(lang) }{ sep }{ targets.join(", ") }{ " · " } }
                    if !owner.trim().is_empty() { { Web::EngOwner.text(lang) }{ sep }{ owner }{ " · " } }
                    if !due.is_empty() { { Web::EngDue.text(lang) }{ sep }{ due } }
                    if overdue { { " " }<span class="badge outdated">{ Web::EngOverdue.text(lang) }</span> }
                    if !carried.is_empty() { { " · " }{ Web::EngCarriedFrom.fill(lang, &[("period", &carried)]) } }
                </p>
                <div class="field inline">
                    <label for={status_id.clone()}>{ Web::EngActionStatus.text(lang) }
                        <span class="visually-hidden">{ " — " }{ id }</span></label>
                    <select id={status_id} {onchange}>
                        { for ActionStatus::ALL.into_iter().map(|s| html! {
                            <option value={s.code()} selected={status == s}>{ s.label(lang) }</option>
                        }) }
                    </select>
                </div>
                { reason.unwrap_or_default() }
                <div class="field">
                    <label for={evidence_id.clone()}>{ Web::EngActionEvidence.text(lang) }
                        <span class="visually-hidden">{ " — " }{ id }</span></label>
                    <textarea id={evidence_id} rows="2" value={evidence.join("\n")} oninput={on_evidence} />
                </div>
            </li>
        }
    });
    html! {
        <section class="eng-actions" aria-labelledby="engagement-actions-title">
            <h3 id="engagement-actions-title">{ Web::EngActions.text(lang) }</h3>
            if actions.is_empty() {
                <p class="muted">{ Web::EngNoActions.text(lang) }</p>
            } else {
                <ol id="engagement-actions">{ for items }</ol>
            }
        </section>
    }
}

/// The dialogue log, when the file has one.
fn dialogue(lang: Lang, file: &Value) -> Html {
    let entries = file
        .get("dialogue")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if entries.is_empty() {
        return Html::default();
    }
    let items = entries.iter().map(|d| {
        let kind = DialogueKind::from_code(text_of(d, "kind")).map_or("", |k| k.label(lang));
        let who: Vec<&str> = d
            .get("participants")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let summary = text_of(d, "summary");
        html! {
            <li><strong>{ text_of(d, "date") }{ " · " }{ kind }</strong>
                if !who.is_empty() { { " (" }{ who.join(", ") }{ ")" } }
                if !summary.trim().is_empty() { { Web::AfterLabel.text(lang) }{ summary } }</li>
        }
    });
    html! {
        <section class="eng-dialogue" aria-labelledby="engagement-dialogue-title">
            <h3 id="engagement-dialogue-title">{ Web::EngDialogue.text(lang) }</h3>
            <ul>{ for items }</ul>
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
    let view = use_engagement_view(a, lang);
    let reading = use_mut_ref(|| None::<Reading>);
    // What the last import or export gave: the file kept (with its remarks), or why not.
    let message = use_state(|| None::<Result<Vec<String>, (Web, String)>>);

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
                    return message.set(Some(Err((
                        Web::EngImportFailed,
                        Web::ReadFailed.text(lang).to_string(),
                    ))));
                };
                let dispatch = dispatch.clone();
                let message = message.clone();
                let done =
                    Callback::from(
                        move |read: Result<ondemand::EngagementRead, String>| match read {
                            Ok(read) => {
                                dispatch.emit(Action::Engagement(EngagementEdit::Import(
                                    read.engagement,
                                )));
                                message.set(Some(Ok(read.warnings)));
                            }
                            Err(why) => message.set(Some(Err((Web::EngImportFailed, why)))),
                        },
                    );
                ondemand::read_engagement(&bytes, &sheet, lang, done);
            });
            *reading.borrow_mut() = browser::read_picked_file(&input, on_bytes);
        });
        html! {
            <div class="field no-print">
                <label for="engagement-file">{ Web::EngImportLabel.text(lang) }</label>
                <input type="file" id="engagement-file" accept=".json,application/json" {onchange}
                    onclick={Callback::from(|_: MouseEvent| ondemand::preload())} />
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
        Err((head, why)) => html! {
            <div class="error" role="alert" id="engagement-error">
                <p>{ head.text(lang) }</p>
                <ul>{ for why.lines().map(|l| html! { <li>{ l }</li> }) }</ul>
            </div>
        },
    });

    let body = a.engagement.as_ref().map(|file| {
        let head = html! {
            <p class="facts" id="engagement-file-line">
                { Web::EngFileLine.fill(lang, &[("company", &text_of(file.get("company").unwrap_or(&Value::Null), "name")),
                    ("period", &text_of(file, "period")),
                    ("grid", &format!("{} {}", grid.id, grid.version))]) }
                if let Some(u) = file.get("updated").and_then(Value::as_str) { { " · " }{ Web::EngUpdated.fill(lang, &[("date", &u)]) } }
            </p>
        };
        let valid = !dropped_without_reason(file);
        let export = {
            let file = file.clone();
            let name = format!("{}-engagement.json", file_stem(&a.sheet));
            let message = message.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                let name = name.clone();
                let message = message.clone();
                ondemand::export_engagement(&file, lang, Callback::from(move |r: Result<String, String>| match r {
                    Ok(text) => {
                        let _ = browser::download(&name, "application/json", text.as_bytes());
                    }
                    Err(why) => message.set(Some(Err((Web::EngExportBlocked, why)))),
                }));
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
                { view.as_ref().map(|v| review_summary(grid, lang, v)).unwrap_or_default() }
                { dialogue(lang, file) }
                { action_plan(lang, file, dispatch) }
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
