//! One question of the grid: its text, what "partially" means, help, and one answer block per
//! track (child labour and forced labour side by side for questions of both tracks), each with
//! radio buttons for the allowed values only (no "not applicable" where the question does not
//! allow it), the condition on which `na` is acceptable where the grid states one, the required
//! justification of `na`, a comment and evidence.

use crate::components::on_input_text;
use crate::state::{Action, answer_anchor};
use vigilance_model::{Answer, AnswerValue, Lang, Question, Track};
use vigilance_text::{Msg, Web};
use yew::prelude::*;

/// What a question card shows.
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionProps {
    /// The question (from the built-in grid).
    pub question: &'static Question,
    /// Interface language.
    pub lang: Lang,
    /// Child-labour answer.
    #[prop_or_default]
    pub cl: Option<Answer>,
    /// Forced-labour answer.
    #[prop_or_default]
    pub fl: Option<Answer>,
    /// A cleared child-labour answer left a comment or evidence, kept for the next value.
    #[prop_or_default]
    pub kept_cl: bool,
    /// The same for forced labour.
    #[prop_or_default]
    pub kept_fl: bool,
    /// The question was revised by the upgrade that made this copy: to answer again.
    #[prop_or_default]
    pub revised: bool,
    /// The analyst's review of the answers, when an engagement file is imported
    /// (`components::engagement`).
    #[prop_or_default]
    pub review: Html,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

/// A question card.
#[component]
pub fn QuestionCard(props: &QuestionProps) -> Html {
    let lang = props.lang;
    // Once the grid's full file is loaded, the question as it reads there (its help and
    // references: see below).
    let q = crate::grids::current(props.question);
    let grid = crate::grids::containing(q);
    let refresh = use_force_update();
    let title_id = format!("q-{}-title", q.id);
    let both = q.tracks.len() > 1;
    let partial = match &q.partial {
        Some(p) => html! {
            <p class="partial"><strong>{ Web::PartialMeans.text(lang) }</strong>{ " " }{ p.get(lang) }</p>
        },
        None => html! { <p class="partial muted">{ Web::NoPartial.text(lang) }</p> },
    };
    // The condition on which `na` is acceptable, where the grid states one (only on a
    // question that allows `na`; the others do not offer it).
    let na_condition = q.na_condition.as_ref().filter(|_| q.allows_na()).map(|c| {
        html! {
            <p class="na-condition">{ Msg::NaOnlyIf.fill(lang, &[("condition", &c.get(lang))]) }</p>
        }
    });
    // The first download carries no help text (`vigilance_grids::registry::is_partial`): the
    // grid's full file is loaded when a help is first opened.
    let lite = vigilance_grids::registry::is_partial(grid);
    let help = q.help.as_ref().map(|h| {
        let ontoggle = lite.then(|| {
            let dispatch = props.dispatch.clone();
            let refresh = refresh.clone();
            Callback::from(move |_: Event| {
                let dispatch = dispatch.clone();
                let refresh = refresh.clone();
                crate::grids::complete(Callback::from(move |r| {
                    dispatch.emit(Action::MappingLoaded(r));
                    // The questionnaire's props do not change: this card reads the grid again.
                    refresh.force_update();
                }));
            })
        });
        html! {
            <details class="help" {ontoggle}>
                <summary>{ Web::Help.text(lang) }</summary>
                if lite {
                    <p class="muted" role="status">{ Web::GridLoading.text(lang) }</p>
                } else {
                    <p>{ h.get(lang) }</p>
                    if !q.references.is_empty() {
                        <p class="refs"><strong>{ Web::References.text(lang) }{ Web::AfterLabel.text(lang) }</strong>{ q.reference_labels(lang).collect::<Vec<_>>().join(" · ") }</p>
                    }
                }
            </details>
        }
    });
    let tracks = q.tracks.iter().map(|t| {
        let (answer, kept) = match t {
            Track::CL => (props.cl.clone(), props.kept_cl),
            Track::FL => (props.fl.clone(), props.kept_fl),
        };
        html! {
            <TrackAnswer key={t.code()} question={q} track={*t} {lang} {answer} {kept}
                dispatch={props.dispatch.clone()} />
        }
    });
    html! {
        <article class="question" id={format!("q-{}", q.id)} aria-labelledby={title_id.clone()}
            data-question={q.id.clone()}>
            <div class="question-meta">
                <span class="qid">{ &q.id }</span>
                if q.critical {
                    // The rule is in sight at the top of the level.
                    <span class="badge critical" aria-describedby={crate::components::questionnaire::critical_rule_id(q.level)}>
                        { Web::Critical.text(lang) }
                    </span>
                }
                <span class="badge theme">{ grid.theme_label(&q.theme, lang) }</span>
                if props.revised {
                    <span class="badge revised">{ Web::RevisedBadge.text(lang) }</span>
                }
            </div>
            <h3 id={title_id}>{ q.text.get(lang) }</h3>
            { partial }
            { na_condition }
            { help }
            <div class={classes!("tracks", both.then_some("both"))}>
                { for tracks }
            </div>
            { props.review.clone() }
        </article>
    }
}

/// What one track's answer block shows.
#[derive(Properties, PartialEq, Clone)]
pub struct TrackAnswerProps {
    /// The question.
    pub question: &'static Question,
    /// The track answered.
    pub track: Track,
    /// Interface language.
    pub lang: Lang,
    /// The current answer.
    #[prop_or_default]
    pub answer: Option<Answer>,
    /// A cleared answer left a comment or evidence, kept for the next value chosen.
    #[prop_or_default]
    pub kept: bool,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

/// The answer of one question for one track.
///
/// Its children are the same nodes whatever the answer: the parts that come and go
/// (justification, notes) are each one node, empty when absent. Yew matches unkeyed children
/// from the end, so a part appearing as *no* node used to shift the others and re-create the
/// radio buttons, which sent the keyboard focus to `<body>` at every answer.
#[component]
pub fn TrackAnswer(props: &TrackAnswerProps) -> Html {
    let q = props.question;
    let lang = props.lang;
    let track = props.track;
    let grid = crate::grids::containing(q);
    let track_label = grid.track_label(track, lang);
    let base = format!("a-{}-{}", q.id, track.code());
    let context = Web::AnswerContext.fill(lang, &[("question", &q.id), ("track", &track_label)]);
    let value = props.answer.as_ref().map(|a| a.value);

    let radios = q.allowed_values().map(|v| {
        let id = if v == AnswerValue::Yes {
            answer_anchor(&q.id, track)
        } else {
            format!("{base}-{}", v.code())
        };
        let onchange = {
            let dispatch = props.dispatch.clone();
            let question = q.id.clone();
            Callback::from(move |_: Event| {
                dispatch.emit(Action::SetValue {
                    question: question.clone(),
                    track,
                    value: Some(v),
                })
            })
        };
        html! {
            <label class={classes!("choice", format!("v-{}", v.code()))} for={id.clone()}>
                <input type="radio" id={id} name={base.clone()} value={v.code()}
                    checked={value == Some(v)} {onchange} />
                <span>{ grid.value_label(v, lang) }</span>
            </label>
        }
    });

    let text_handler = |make: fn(String, Track, String) -> Action| {
        let dispatch = props.dispatch.clone();
        let question = q.id.clone();
        on_input_text(move |text| dispatch.emit(make(question.clone(), track, text)))
    };

    let justification = (value == Some(AnswerValue::Na)).then(|| {
        let a = props.answer.as_ref();
        let justified = a.is_some_and(Answer::is_justified);
        let field = format!("{base}-justification");
        let err = format!("{base}-justification-error");
        html! {
            <div class="field justification">
                <label for={field.clone()}>
                    { Web::Justification.text(lang) }
                    <span class="visually-hidden">{ " — " }{ &context }</span>
                </label>
                <textarea id={field} rows="2" required=true
                    aria-invalid={(!justified).to_string()}
                    aria-describedby={(!justified).then(|| err.clone())}
                    value={a.and_then(|a| a.justification.clone()).unwrap_or_default()}
                    oninput={text_handler(|question, track, text| Action::SetJustification { question, track, text })} />
                if !justified {
                    <p class="error" id={err} role="alert">{ Web::NaNeedsJustification.text(lang) }</p>
                }
            </div>
        }
    });

    let details = props.answer.as_ref().map(|a| {
        let comment_id = format!("{base}-comment");
        let evidence_id = format!("{base}-evidence");
        let evidence_hint = format!("{base}-evidence-hint");
        let open = a.comment.is_some() || !a.evidence.is_empty();
        let clear = {
            let dispatch = props.dispatch.clone();
            let question = q.id.clone();
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::SetValue {
                    question: question.clone(),
                    track,
                    value: None,
                })
            })
        };
        html! {
            <>
                <details class="notes" {open}>
                    <summary>{ Web::CommentAndEvidence.text(lang) }
                        <span class="visually-hidden">{ " — " }{ &context }</span></summary>
                    <div class="field">
                        <label for={comment_id.clone()}>{ Web::Comment.text(lang) }
                            <span class="visually-hidden">{ " — " }{ &context }</span></label>
                        <textarea id={comment_id} rows="2"
                            value={a.comment.clone().unwrap_or_default()}
                            oninput={text_handler(|question, track, text| Action::SetComment { question, track, text })} />
                    </div>
                    <div class="field">
                        <label for={evidence_id.clone()}>{ Web::Evidence.text(lang) }
                            <span class="visually-hidden">{ " — " }{ &context }</span></label>
                        <textarea id={evidence_id} rows="2" aria-describedby={evidence_hint.clone()}
                            value={a.evidence.join("\n")}
                            oninput={text_handler(|question, track, text| Action::SetEvidence { question, track, text })} />
                        <p class="hint" id={evidence_hint}>{ Web::EvidenceHint.text(lang) }</p>
                    </div>
                    <crate::components::evidence::AnswerDocuments question={q.id.clone()} {track} />
                </details>
                <button type="button" class="link clear" onclick={clear}>
                    { Web::ClearAnswer.text(lang) }
                    <span class="visually-hidden">{ " — " }{ &context }</span>
                </button>
            </>
        }
    });

    let kept = (props.kept && props.answer.is_none()).then(|| {
        html! { <p class="hint kept-notes" id={format!("{base}-kept")}>{ Web::NotesKept.text(lang) }</p> }
    });
    let answered = crate::state::is_accepted(props.answer.as_ref());
    html! {
        <fieldset class={classes!("track-answer", answered.then_some("answered"))}
            data-track={track.code()} data-value={value.map(AnswerValue::code)}>
            <legend>
                { track_label }
                <span class="visually-hidden">{ " — " }{ &q.id }</span>
            </legend>
            <div class="choices">{ for radios }</div>
            { justification.unwrap_or_default() }
            { details.unwrap_or_default() }
            { kept.unwrap_or_default() }
        </fieldset>
    }
}
