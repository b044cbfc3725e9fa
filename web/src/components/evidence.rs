//! Evidence documents (issue 20): the files attached to an answer ([`AnswerDocuments`]: a file
//! picker, drag and drop, reuse of a document of the assessment), the assessment's list of
//! documents ([`DocumentList`]: title, date, valid-until, the answers each supports, stale ones
//! flagged, removal), the export choices ([`ExportChoices`]: results only, answers without
//! files, or the full dossier with its fingerprint) and the import of a dossier
//! ([`ImportDossier`]).
//!
//! The questionnaire screen provides the open assessment's documents to the answers below it
//! (a context, [`Evidence`]). The bytes live in the browser's IndexedDB
//! ([`crate::evidence_store`]); the dossier is written and read by the on-demand module.

use crate::browser;
use crate::components::start::{duplicate_question, twice};
use crate::compute::{Computed, answers_file, file_stem, workbook_request};
use crate::evidence_store::{self, MAX_ASSESSMENT_BYTES, MAX_FILE_BYTES, StoreError};
use crate::ondemand;
use crate::state::{
    Action, Document, DocumentAction, Duplicates, SavedAssessment, answer_ref, stale,
    with_documents,
};
use std::rc::Rc;
use vigilance_dossier::evidence::{DEFAULT_MAX_AGE_MONTHS, Staleness};
use vigilance_model::{Lang, Track};
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the answers of the open assessment need to show and attach documents.
#[derive(Clone, PartialEq)]
pub struct Evidence {
    /// Interface language.
    pub lang: Lang,
    /// The open assessment.
    pub assessment: Rc<SavedAssessment>,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

/// Stores `files`, then adds each kept one to the assessment, supporting `answer` if given;
/// `status` shows what is being done and why a file was not kept.
fn attach(
    files: Vec<web_sys::File>,
    ev: &Evidence,
    answer: Option<(String, Track)>,
    status: UseStateHandle<Vec<(bool, String)>>,
) {
    if files.is_empty() {
        return;
    }
    let lang = ev.lang;
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    status.set(vec![(
        false,
        Web::EvidenceSaving.fill(lang, &[("name", &names.join(", "))]),
    )]);
    let dispatch = ev.dispatch.clone();
    let messages = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let left = std::rc::Rc::new(std::cell::Cell::new(files.len()));
    let done = Callback::from(move |r: Result<Document, StoreError>| {
        match r {
            Ok(mut doc) => {
                if let Some((q, t)) = &answer {
                    doc.answers.push(answer_ref(q, *t));
                }
                dispatch.emit(Action::Documents(DocumentAction::Add(doc)));
            }
            Err(e) => messages.borrow_mut().push((true, e.text(lang))),
        }
        left.set(left.get().saturating_sub(1));
        if left.get() == 0 {
            status.set(messages.borrow().clone());
        }
    });
    evidence_store::store_files(files, ev.assessment.documents_size(), done);
}

/// A field's value, `None` when blank.
fn opt(v: String) -> Option<String> {
    (!v.trim().is_empty()).then(|| v.trim().to_string())
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn status_lines(status: &[(bool, String)]) -> Html {
    html! {
        <>{ for status.iter().map(|(error, text)| html! {
            <p class={if *error { "error evidence-error" } else { "notice" }} role="alert">{ text }</p>
        }) }</>
    }
}

/// What the documents of one answer need.
#[derive(Properties, PartialEq, Clone)]
pub struct AnswerDocumentsProps {
    /// Question id.
    pub question: String,
    /// Track.
    pub track: Track,
}

/// The documents attached to one answer, and how to attach more.
#[component]
pub fn AnswerDocuments(props: &AnswerDocumentsProps) -> Html {
    let status = use_state(Vec::<(bool, String)>::new);
    let over = use_state(|| false);
    let Some(ev) = use_context::<Rc<Evidence>>() else {
        return Html::default();
    };
    let lang = ev.lang;
    let (question, track) = (props.question.clone(), props.track);
    let base = format!("a-{question}-{}-files", track.code());
    let r = answer_ref(&question, track);
    let attached = ev.assessment.documents_of(&question, track);
    let items = attached.iter().map(|d| {
        let onclick = {
            let dispatch = ev.dispatch.clone();
            let (id, r) = (d.id.clone(), r.clone());
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::Documents(DocumentAction::Detach(id.clone(), r.clone())))
            })
        };
        html! {
            <li data-document={d.id.clone()}>
                <span class="document-title">{ d.title_shown() }</span>{ " " }
                <button type="button" class="link detach" {onclick}>{ Web::EvidenceDetach.text(lang) }
                    <span class="visually-hidden">{ " — " }{ d.title_shown() }</span></button>
            </li>
        }
    });
    let onchange = {
        let ev = ev.clone();
        let status = status.clone();
        let question = question.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = file_list(input.files());
            input.set_value("");
            attach(files, &ev, Some((question.clone(), track)), status.clone());
        })
    };
    let ondrop = {
        let ev = ev.clone();
        let status = status.clone();
        let over = over.clone();
        let question = question.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let files = file_list(e.data_transfer().and_then(|d| d.files()));
            attach(files, &ev, Some((question.clone(), track)), status.clone());
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let others: Vec<&Document> = ev
        .assessment
        .documents
        .iter()
        .filter(|d| !d.answers.contains(&r))
        .collect();
    let reuse = (!others.is_empty()).then(|| {
        let onchange = {
            let dispatch = ev.dispatch.clone();
            let r = r.clone();
            crate::components::on_select(move |id| {
                if !id.is_empty() {
                    dispatch.emit(Action::Documents(DocumentAction::Attach(id, r.clone())))
                }
            })
        };
        html! {
            <div class="field reuse">
                <label for={format!("{base}-reuse")}>{ Web::EvidenceReuse.text(lang) }</label>
                <select id={format!("{base}-reuse")} {onchange}>
                    <option value="" selected=true>{ Web::EvidenceReuseChoose.text(lang) }</option>
                    { for others.iter().map(|d| html! {
                        <option value={d.id.clone()}>{ d.title_shown() }</option>
                    }) }
                </select>
            </div>
        }
    });
    html! {
        <div class={classes!("answer-documents", (*over).then_some("drop-over"))} id={base.clone()}
            {ondrop} {ondragover} {ondragleave}>
            <p class="label">{ Web::EvidenceFiles.text(lang) }</p>
            if !attached.is_empty() {
                <ul class="documents">{ for items }</ul>
            }
            <label class="file-button" for={format!("{base}-input")}>{ Web::EvidenceAttach.text(lang) }</label>
            <input type="file" multiple=true id={format!("{base}-input")} class="attach-input" {onchange} />
            <span class="hint">{ " " }{ Web::EvidenceDropHint.text(lang) }</span>
            { reuse.unwrap_or_default() }
            { status_lines(&status) }
        </div>
    }
}

/// The list of the assessment's documents.
#[component]
pub fn DocumentList() -> Html {
    let status = use_state(Vec::<(bool, String)>::new);
    let Some(ev) = use_context::<Rc<Evidence>>() else {
        return Html::default();
    };
    let lang = ev.lang;
    let a = &ev.assessment;
    let period = a.sheet.period.clone().unwrap_or_default();
    let rows = a.documents.iter().map(|d| {
        let edit = |f: fn(&mut Document, String)| {
            let dispatch = ev.dispatch.clone();
            let d = d.clone();
            Callback::from(move |e: Event| {
                if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                    let mut d = d.clone();
                    f(&mut d, i.value());
                    dispatch.emit(Action::Documents(DocumentAction::Edit(d)));
                }
            })
        };
        let remove = {
            let dispatch = ev.dispatch.clone();
            let id = d.id.clone();
            Callback::from(move |_: MouseEvent| {
                // Its bytes go once the state is saved, unless an upgrade's copy or original
                // still uses it (`state::released_documents`).
                dispatch.emit(Action::Documents(DocumentAction::Remove(id.clone())));
            })
        };
        let supports: Vec<String> = d
            .answers
            .iter()
            .map(|r| format!("{} ({})", r.question, r.track))
            .collect();
        let flag = stale(d, &a.sheet).map(|s| match s {
            Staleness::TooOld => Web::DocumentStaleOld.fill(
                lang,
                &[("months", &DEFAULT_MAX_AGE_MONTHS), ("period", &period)],
            ),
            Staleness::Expired => Web::DocumentStaleExpired.fill(lang, &[("period", &period)]),
        });
        let id = format!("doc-{}", d.id);
        html! {
            <li class={classes!("document", flag.is_some().then_some("stale"))} id={id.clone()} data-document={d.id.clone()}>
                <p class="document-name"><strong>{ d.title_shown() }</strong>
                    { " — " }{ &d.name }{ " · " }
                    { Web::DocumentSize.fill(lang, &[("size", &lang.decimal(&format!("{:.1}", d.size as f64 / 1024.0)))]) }</p>
                if let Some(f) = &flag {
                    <p class="badge stale-flag">{ f }</p>
                }
                <div class="document-fields">
                    <div class="field">
                        <label for={format!("{id}-title")}>{ Web::DocumentTitle.text(lang) }</label>
                        <input type="text" id={format!("{id}-title")} value={d.title_shown().to_string()}
                            onchange={edit(|d, v| d.title = opt(v).filter(|t| *t != d.name))} />
                    </div>
                    <div class="field">
                        <label for={format!("{id}-date")}>{ Web::DocumentDate.text(lang) }</label>
                        <input type="date" id={format!("{id}-date")} value={d.date.clone().unwrap_or_default()}
                            onchange={edit(|d, v| d.date = opt(v))} />
                    </div>
                    <div class="field">
                        <label for={format!("{id}-until")}>{ Web::DocumentValidUntil.text(lang) }</label>
                        <input type="date" id={format!("{id}-until")} value={d.valid_until.clone().unwrap_or_default()}
                            onchange={edit(|d, v| d.valid_until = opt(v))} />
                    </div>
                </div>
                <p class="supports">{ if supports.is_empty() {
                    Web::DocumentSupportsNone.text(lang).to_string()
                } else {
                    Web::DocumentSupports.fill(lang, &[("answers", &supports.join(", "))])
                } }</p>
                <button type="button" class="link remove-document" onclick={remove}>{ Web::DocumentRemove.text(lang) }
                    <span class="visually-hidden">{ " — " }{ d.title_shown() }</span></button>
            </li>
        }
    });
    let onchange = {
        let ev = ev.clone();
        let status = status.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let files = file_list(input.files());
                input.set_value("");
                attach(files, &ev, None, status.clone());
            }
        })
    };
    html! {
        <section class="card documents-list" id="documents" aria-labelledby="documents-title">
            <h2 id="documents-title">{ Web::DocumentsTitle.text(lang) }</h2>
            <p class="hint">{ Web::DocumentsHelp.fill(lang, &[("file", &(MAX_FILE_BYTES >> 20)), ("total", &(MAX_ASSESSMENT_BYTES >> 20))]) }</p>
            if a.documents.is_empty() {
                <p class="muted">{ Web::DocumentsEmpty.text(lang) }</p>
            } else {
                <ul class="documents">{ for rows }</ul>
            }
            <label class="file-button" for="documents-input">{ Web::EvidenceAttach.text(lang) }</label>
            <input type="file" multiple=true id="documents-input" class="attach-input" {onchange} />
            { status_lines(&status) }
        </section>
    }
}

/// What the export choices need.
#[derive(Properties, PartialEq, Clone)]
pub struct ExportProps {
    /// Interface language.
    pub lang: Lang,
    /// The open assessment, scored.
    pub computed: Rc<Computed>,
    /// Its documents.
    pub documents: Vec<Document>,
}

/// The three export choices (selective disclosure): results only, answers without files, the
/// full dossier (then its fingerprint).
#[component]
pub fn ExportChoices(props: &ExportProps) -> Html {
    let lang = props.lang;
    let choice = use_state(|| 2u8);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, String>>);
    let choose = |n: u8| {
        let choice = choice.clone();
        Callback::from(move |_: Event| choice.set(n))
    };
    let export = {
        let c = props.computed.clone();
        let documents = props.documents.clone();
        let (choice, busy, outcome) = (choice.clone(), busy.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let stem = file_stem(&c.sheet);
            match *choice {
                0 => {
                    // The results as shown: the documents that count included.
                    let mut req = workbook_request(&c, lang);
                    req.sheet = with_documents(&c.sheet, &documents);
                    let name = format!("{stem}-results.json");
                    let outcome = outcome.clone();
                    ondemand::results_json(
                        req,
                        Callback::from(move |text: Result<String, String>| {
                            outcome.set(
                                text.and_then(|t| {
                                    browser::download(&name, "application/json", t.as_bytes())
                                })
                                .err()
                                .map(Err),
                            )
                        }),
                    );
                }
                1 => {
                    let (name, text) = answers_file(&c.sheet);
                    outcome.set(
                        browser::download(&name, "application/json", text.as_bytes())
                            .err()
                            .map(Err),
                    );
                }
                _ => {
                    busy.set(true);
                    outcome.set(None);
                    let request = ondemand::DossierRequest {
                        sheet: c.sheet.clone(),
                        documents: documents.clone(),
                        created: browser::now_iso().unwrap_or_default(),
                    };
                    let (busy, outcome) = (busy.clone(), outcome.clone());
                    let name = format!("{stem}-dossier.zip");
                    let titles: Vec<(String, String)> = documents
                        .iter()
                        .map(|d| (d.id.clone(), d.title_shown().to_string()))
                        .collect();
                    let keys = documents.iter().map(|d| d.id.clone()).collect();
                    evidence_store::get_all(
                        keys,
                        Callback::from(move |files: Result<Vec<Vec<u8>>, String>| {
                            let files = match files {
                                Ok(f) => f.concat(),
                                Err(key) => {
                                    busy.set(false);
                                    let title = titles
                                        .iter()
                                        .find(|(k, _)| *k == key)
                                        .map(|(_, t)| t.clone())
                                        .unwrap_or(key);
                                    return outcome.set(Some(Err(
                                        Web::EvidenceMissing.fill(lang, &[("title", &title)])
                                    )));
                                }
                            };
                            let (busy, outcome, name) =
                                (busy.clone(), outcome.clone(), name.clone());
                            ondemand::pack_dossier(
                                request.clone(),
                                files,
                                Callback::from(move |r: Result<(String, Vec<u8>), String>| {
                                    busy.set(false);
                                    outcome.set(Some(r.and_then(|(fp, zip)| {
                                        browser::download(&name, "application/zip", &zip)
                                            .map(|()| fp)
                                    })));
                                }),
                            );
                        }),
                    );
                }
            }
        })
    };
    let options = [
        ("export-results", Web::ExportResults),
        ("export-answers", Web::ExportAnswers),
        ("export-dossier", Web::ExportDossier),
    ];
    html! {
        <section class="export-choices no-print" aria-labelledby="export-title">
            <fieldset>
                <legend id="export-title">{ Web::ExportTitle.text(lang) }</legend>
                { for options.iter().enumerate().map(|(i, (id, label))| html! {
                    <label class="choice" for={*id}>
                        <input type="radio" name="export" id={*id} checked={*choice == i as u8}
                            onchange={choose(i as u8)} />
                        <span>{ label.text(lang) }</span>
                    </label>
                }) }
            </fieldset>
            <button type="button" id="export-button" onclick={export} disabled={*busy}
                aria-busy={busy.then_some("true")}>
                { if *busy { Web::ExportPreparing.text(lang) } else { Web::ExportButton.text(lang) } }</button>
            { match &*outcome {
                Some(Ok(fp)) => html! {
                    <div class="notice fingerprint" role="status">
                        <p>{ Web::DossierFingerprint.text(lang) }</p>
                        <p><code id="dossier-fingerprint">{ fp }</code></p>
                    </div>
                },
                Some(Err(e)) => html! { <p class="error" role="alert">{ Web::DownloadFailed.text(lang) }{ " " }{ e }</p> },
                None => Html::default(),
            } }
        </section>
    }
}

/// What the dossier import needs.
#[derive(Properties, PartialEq, Clone)]
pub struct ImportDossierProps {
    /// Interface language.
    pub lang: Lang,
    /// Sends the imported assessment to the reducer.
    pub dispatch: Callback<Action>,
    /// The assessments kept: a dossier for one of their company and period asks first, as an
    /// answer file's import does.
    #[prop_or_default]
    pub assessments: Vec<SavedAssessment>,
}

/// A dossier read, waiting for the user's answer to [`duplicate_question`].
type Pending = (ondemand::DossierRead, Vec<Vec<u8>>, Vec<String>);

/// Import of an evidence dossier: verified, its files stored, its answers and documents
/// restored as a new assessment (asking first, as the answer files' import, when its company
/// and period are already kept).
#[component]
pub fn ImportDossier(props: &ImportDossierProps) -> Html {
    let lang = props.lang;
    let message = use_state(|| None::<(bool, String)>);
    let reading = use_mut_ref(|| None::<browser::Reading>);
    let pending = use_state(|| None::<Rc<Pending>>);
    let onchange = {
        let dispatch = props.dispatch.clone();
        let message = message.clone();
        let reading = reading.clone();
        let pending = pending.clone();
        let assessments = props.assessments.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let dispatch = dispatch.clone();
            let message = message.clone();
            let pending = pending.clone();
            let assessments = assessments.clone();
            pending.set(None);
            let done = Callback::from(move |(_, bytes): (String, Result<Vec<u8>, String>)| {
                let Ok(bytes) = bytes else {
                    return message.set(Some((true, Web::ReadFailed.text(lang).to_string())));
                };
                message.set(Some((false, Web::Reading.text(lang).to_string())));
                let dispatch = dispatch.clone();
                let message = message.clone();
                let pending = pending.clone();
                let assessments = assessments.clone();
                ondemand::read_dossier(
                    &bytes,
                    lang,
                    Callback::from(move |r| match r {
                        Err(e) => message.set(Some((
                            true,
                            format!("{} {e}", Web::DossierRefused.text(lang)),
                        ))),
                        Ok((read, files)) => {
                            let read: ondemand::DossierRead = read;
                            let twice =
                                twice(&assessments, std::slice::from_ref(&read.sheet), lang);
                            if twice.is_empty() {
                                let (dispatch, message) = (dispatch.clone(), message.clone());
                                store_imported(
                                    read,
                                    files,
                                    Duplicates::KeepBoth,
                                    lang,
                                    dispatch,
                                    message,
                                )
                            } else {
                                message.set(None);
                                pending.set(Some(Rc::new((read, files, twice))));
                            }
                        }
                    }),
                );
            });
            *reading.borrow_mut() = browser::read_picked_file(&input, done);
        })
    };
    let question = pending.as_ref().map(|p| {
        let choose = {
            let (dispatch, message, pending) =
                (props.dispatch.clone(), message.clone(), pending.clone());
            let p = p.clone();
            Callback::from(move |answer: Option<Duplicates>| {
                pending.set(None);
                if let Some(d) = answer {
                    let (read, files, _) = (*p).clone();
                    store_imported(read, files, d, lang, dispatch.clone(), message.clone());
                }
            })
        };
        duplicate_question(lang, "import-dossier", &p.2, &choose)
    });
    html! {
        <section class="card" aria-labelledby="import-dossier-title">
            <h2 id="import-dossier-title">{ Web::ImportDossierTitle.text(lang) }</h2>
            <p class="hint" id="import-dossier-help">{ Web::ImportDossierHelp.text(lang) }</p>
            <div class="field">
                <label for="import-dossier-file">{ Web::ImportDossierLabel.text(lang) }</label>
                <input type="file" id="import-dossier-file" accept=".zip,application/zip"
                    aria-describedby="import-dossier-help" {onchange}
                    onclick={Callback::from(|_: MouseEvent| ondemand::preload())} />
            </div>
            if let Some((is_error, text)) = &*message {
                <p class={if *is_error { "error pre" } else { "notice" }} role="alert" id="import-dossier-message">{ text }</p>
            }
            { question }
        </section>
    }
}

/// Stores the files of an imported dossier one by one (each under a key of its own in this
/// browser: the same dossier imported twice makes two assessments that share nothing), then adds
/// its assessment; a file that cannot be stored stops the import (nothing is added) with the
/// reason.
fn store_imported(
    read: ondemand::DossierRead,
    files: Vec<Vec<u8>>,
    duplicates: Duplicates,
    lang: Lang,
    dispatch: Callback<Action>,
    message: UseStateHandle<Option<(bool, String)>>,
) {
    let stamp = browser::now_ms() as u64;
    let documents: Vec<Document> = read
        .documents
        .iter()
        .map(|d| Document {
            id: format!("{}-{stamp:x}", d.id.get(..16).unwrap_or(&d.id)),
            ..d.clone()
        })
        .collect();
    let queue = documents.iter().cloned().zip(files).collect();
    let finish = Callback::from(move |r: Result<(), StoreError>| match r {
        Err(e) => message.set(Some((true, e.text(lang)))),
        Ok(()) => {
            let text = Web::DossierImported.fill(
                lang,
                &[
                    ("count", &documents.len()),
                    ("fingerprint", &read.fingerprint),
                ],
            );
            message.set(Some((false, text)));
            dispatch.emit(Action::Documents(DocumentAction::Imported(
                Box::new(read.sheet.clone()),
                documents.clone(),
                duplicates,
            )));
        }
    });
    store_all(queue, finish);
}

/// Stores each document's bytes, one after the other, then calls `finish` (at the first
/// failure, with why).
fn store_all(mut queue: Vec<(Document, Vec<u8>)>, finish: Callback<Result<(), StoreError>>) {
    let Some((doc, bytes)) = queue.pop() else {
        return finish.emit(Ok(()));
    };
    if let Err(e) = evidence_store::check_room(&doc.name, bytes.len() as u64, 0, (0, 0)) {
        return finish.emit(Err(e));
    }
    let queue = Rc::new(std::cell::RefCell::new(Some(queue)));
    evidence_store::put(
        doc.name.clone(),
        doc.id.clone(),
        bytes,
        Callback::from(move |r: Result<(), StoreError>| match r {
            Err(e) => finish.emit(Err(e)),
            Ok(()) => {
                if let Some(q) = queue.borrow_mut().take() {
                    store_all(q, finish.clone());
                }
            }
        }),
    );
}
