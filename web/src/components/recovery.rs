//! The recovery panel, shown instead of the app when the saved state cannot be read back
//! (corrupt, another format or another questionnaire version): it says why, offers the saved
//! text for download and the answer sheets that can still be read, and lets the user start
//! again. Nothing is erased until the user chooses.

use crate::browser;
use crate::i18n::K;
use crate::storage::Unreadable;
use vigilance_core::{AnswerSheet, Lang};
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
    let recover = (!u.salvage.is_empty()).then(|| {
        let on_restart = props.on_restart.clone();
        let sheets = u.salvage.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_restart.emit(sheets.clone()));
        html! {
            <button type="button" class="primary" id="recover-readable" {onclick}>
                { K::RecoverReadable.get(lang) }{ format!(" ({})", u.salvage.len()) }
            </button>
        }
    });
    let restart = {
        let on_restart = props.on_restart.clone();
        Callback::from(move |_: MouseEvent| on_restart.emit(Vec::new()))
    };
    html! {
        <section class="recovery card" role="alert" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{ K::RecoveryTitle.get(lang) }</h1>
            <p>{ K::RecoveryText.get(lang) }</p>
            <p class="reason"><strong>{ K::RecoveryReason.get(lang) }</strong>{ " " }{ u.reason(lang) }</p>
            <div class="actions">
                <button type="button" id="download-raw" onclick={download}>{ K::DownloadRaw.get(lang) }</button>
                { recover }
                <button type="button" class="danger" id="start-again" onclick={restart}>{ K::StartAgain.get(lang) }</button>
            </div>
        </section>
    }
}
