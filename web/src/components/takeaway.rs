//! "Take it away": download the answer sheet (JSON), download the results workbook (.xlsx, the
//! same workbook the CLI writes, built by the on-demand module), and print the report or save it
//! as PDF. An `na` left without its justification is not in the files, and this bar says so.

use crate::browser;
use crate::compute::{Computed, answers_file, workbook_file_name, workbook_request};
use crate::evidence_store;
use crate::ondemand;
use crate::state::Document;
use std::rc::Rc;
use vigilance_model::Lang;
use vigilance_text::Web;
use yew::prelude::*;

/// What the take-away bar needs.
#[derive(Properties, PartialEq, Clone)]
pub struct TakeAwayProps {
    /// Interface language.
    pub lang: Lang,
    /// The open assessment, scored.
    pub computed: Rc<Computed>,
    /// Its documents: in the workbook, with the SHA-256 of their bytes.
    #[prop_or_default]
    pub documents: Vec<Document>,
}

/// The take-away bar.
#[component]
pub fn TakeAway(props: &TakeAwayProps) -> Html {
    let lang = props.lang;
    let error = use_state(|| None::<String>);
    let json = {
        let c = props.computed.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, text) = answers_file(&c.sheet);
            match browser::download(&name, "application/json", text.as_bytes()) {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let preparing = use_state(|| false);
    // The results screen offers the workbook: fetch its module now, in the background.
    use_effect_with((), |_| ondemand::preload());
    let xlsx = {
        let c = props.computed.clone();
        let error = error.clone();
        let preparing = preparing.clone();
        let documents = props.documents.clone();
        Callback::from(move |_: MouseEvent| {
            let req = workbook_request(&c, lang);
            let name = workbook_file_name(&req);
            let error = error.clone();
            let preparing2 = preparing.clone();
            preparing.set(true);
            let done = Callback::from(move |bytes: Result<Vec<u8>, String>| {
                preparing2.set(false);
                let done = bytes.and_then(|bytes| {
                    browser::download(
                        &name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    )
                });
                match done {
                    Ok(()) => error.set(None),
                    Err(e) => error.set(Some(e)),
                }
            });
            if documents.is_empty() {
                return ondemand::workbook(req, done);
            }
            // The documents go with the SHA-256 of their bytes (the Evidence sheet names them so).
            let documents = documents.clone();
            let keys = documents.iter().map(|d| d.id.clone()).collect();
            evidence_store::digest_all(
                keys,
                Callback::from(move |hashes: Vec<String>| {
                    let mut req = req.clone();
                    req.documents = documents.iter().cloned().zip(hashes).collect();
                    ondemand::workbook(req, done.clone());
                }),
            );
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    // An unjustified `na` is not in the files: said here, not silently dropped.
    let left_out = (!props.computed.unjustified.is_empty()).then(|| {
        let list = unjustified_list(&props.computed.unjustified, lang);
        html! { <p class="notice warning" id="unjustified-left-out">{ Web::UnjustifiedLeftOut.fill(lang, &[("list", &list)]) }</p> }
    });
    html! {
        <section class="takeaway no-print" aria-labelledby="takeaway-title">
            <h2 id="takeaway-title">{ Web::TakeAway.text(lang) }</h2>
            { left_out }
            <div class="actions">
                <button type="button" id="download-json" onclick={json}>{ Web::DownloadJson.text(lang) }</button>
                <button type="button" id="download-xlsx" onclick={xlsx} disabled={*preparing}
                    aria-busy={preparing.then_some("true")}>
                    { if *preparing { Web::PreparingWorkbook.text(lang) } else { Web::DownloadXlsx.text(lang) } }</button>
                <button type="button" id="print" onclick={print}>{ Web::Print.text(lang) }</button>
            </div>
            if let Some(e) = &*error {
                <p class="error" role="alert">{ Web::DownloadFailed.text(lang) }{ " " }{ e }</p>
            }
        </section>
    }
}

/// The answers `list` names, for a sentence: « Q10 (travail forcé) ; Q12 (travail des enfants) ».
pub fn unjustified_list(list: &[(String, vigilance_model::Track)], lang: Lang) -> String {
    list.iter()
        .map(|(q, t)| format!("{q} ({})", t.label(lang)))
        .collect::<Vec<_>>()
        .join(Web::ListSeparator.text(lang))
}
