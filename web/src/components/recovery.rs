//! The recovery panel, shown instead of the app when the saved state cannot be read back
//! (corrupt, another format or another questionnaire version): it says why, offers the saved
//! text for download and the answer sheets that can still be read, and lets the user start
//! again. Its text offers only what its buttons do; nothing is erased until the user chooses
//! and confirms (recovering drops the assessments that cannot be read).
//!
//! The saved sheets are read again like imported files, by the on-demand module (loaded when
//! the panel appears): the lenient reader is not part of the first download.

use crate::browser;
use crate::ondemand::{self, ImportedPart};
use crate::storage::{Unreadable, salvaged};
use std::cell::RefCell;
use std::rc::Rc;
use vigilance_model::{AnswerSheet, Lang};
use vigilance_text::Web;
use yew::prelude::*;

/// What the recovery panel needs.
#[derive(Properties, PartialEq, Clone)]
pub struct RecoveryProps {
    /// Interface language.
    pub lang: Lang,
    /// What was found.
    pub unreadable: Unreadable,
    /// Keep these sheets as new assessments (empty: start again with nothing).
    pub on_restart: Callback<Vec<AnswerSheet>>,
}

/// The recovery panel.
#[component]
pub fn RecoveryPanel(props: &RecoveryProps) -> Html {
    let lang = props.lang;
    let u = &props.unreadable;
    let download = {
        let raw = u.raw.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download("vigilance-saved-state.txt", "text/plain", raw.as_bytes());
        })
    };
    // The sheets that still read (`None` while they are being read; `Err` when the reader could
    // not be loaded).
    let readable = use_state_eq(|| None::<Result<Vec<AnswerSheet>, String>>);
    {
        let readable = readable.clone();
        use_effect_with(u.salvage.clone(), move |texts| {
            read_all(texts, lang, Callback::from(move |s| readable.set(Some(s))));
        });
    }
    // Dropping what cannot be read asks first: `Some(true)` recovers, `Some(false)` starts again.
    let confirming = use_state_eq(|| None::<bool>);
    let ask = |recover: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(Some(recover)))
    };
    let salvageable = matches!(&*readable, Some(Ok(sheets)) if !sheets.is_empty());
    let recover = match &*readable {
        Some(Err(_)) => Some(html! {
            <p class="error" id="recover-failed">{ Web::RecoverFailed.text(lang) }</p>
        }),
        None if !u.salvage.is_empty() => Some(html! {
            <button type="button" class="primary" id="recover-readable" disabled=true>
                { Web::RecoverReading.text(lang) }
            </button>
        }),
        Some(Ok(sheets)) if !sheets.is_empty() => Some(html! {
            <button type="button" class="primary" id="recover-readable" onclick={ask(true)}>
                { Web::LabelWithCount.fill(lang, &[("label", &Web::RecoverReadable.text(lang)), ("n", &sheets.len())]) }
            </button>
        }),
        _ => None,
    };
    let confirm = confirming.map(|recover| {
        let sheets = match (&*readable, recover) {
            (Some(Ok(sheets)), true) => sheets.clone(),
            _ => Vec::new(),
        };
        let on_restart = props.on_restart.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_restart.emit(sheets.clone()));
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(None))
        };
        let text = if recover {
            Web::RecoverConfirm
        } else {
            Web::StartAgainConfirm
        };
        html! {
            <div class="notice warning" id="recovery-confirm" role="alert">
                <p>{ text.text(lang) }</p>
                <button type="button" class="danger" id="recovery-confirm-button" {onclick}>{ Web::ConfirmAction.text(lang) }</button>
                { " " }
                <button type="button" id="recovery-cancel" onclick={cancel}>{ Web::Cancel.text(lang) }</button>
            </div>
        }
    });
    html! {
        <section class="recovery card" role="alert" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{ Web::RecoveryTitle.text(lang) }</h1>
            // The text offers only what the buttons below do.
            <p id="recovery-text">{ Web::RecoveryText.text(lang) }
                if salvageable { { " " }{ Web::RecoveryTextSalvage.text(lang) } }</p>
            <p class="reason"><strong>{ Web::RecoveryReason.text(lang) }</strong>{ " " }{ u.reason(lang) }</p>
            <div class="actions">
                <button type="button" id="download-raw" onclick={download}>{ Web::DownloadRaw.text(lang) }</button>
                { recover }
                <button type="button" class="danger" id="start-again" onclick={ask(false)}>{ Web::StartAgain.text(lang) }</button>
            </div>
            { confirm }
        </section>
    }
}

/// Reads each saved sheet text as an imported file, then calls `done` once with every sheet that
/// reads, or why the reader could not be loaded.
fn read_all(texts: &[String], lang: Lang, done: Callback<Result<Vec<AnswerSheet>, String>>) {
    if texts.is_empty() {
        return done.emit(Ok(Vec::new()));
    }
    type Read = Result<Vec<ImportedPart>, String>;
    let results: Rc<RefCell<Vec<Option<Read>>>> = Rc::new(RefCell::new(vec![None; texts.len()]));
    for (i, text) in texts.iter().enumerate() {
        let results = results.clone();
        let done = done.clone();
        let read = Callback::from(move |parts: Read| {
            let all = {
                let mut r = results.borrow_mut();
                r[i] = Some(parts);
                r.iter()
                    .all(Option::is_some)
                    .then(|| r.drain(..).flatten().collect::<Result<Vec<_>, _>>())
            };
            if let Some(all) = all {
                done.emit(all.map(|parts| salvaged(parts.into_iter().flatten())));
            }
        });
        ondemand::read_answer_parts(
            &format!("saved-{}.json", i + 1),
            text.as_bytes(),
            lang,
            read,
        );
    }
}
