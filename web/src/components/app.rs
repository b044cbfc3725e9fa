//! The app: owns the state (a reducer), loads it from localStorage at start, saves it after
//! every change, and lays out the header, the banner when answers cannot be saved, the recovery
//! panel when the saved state cannot be read, and the screen of the moment.

use crate::browser;
use crate::components::engagement::EngagementPanel;
use crate::components::evidence::ExportChoices;
use crate::components::header::Header;
use crate::components::questionnaire::QuestionnaireView;
use crate::components::recovery::RecoveryPanel;
use crate::components::results::ResultsView;
use crate::components::start::StartView;
use crate::components::takeaway::TakeAway;
use crate::compute::{answers_file, compute};
use crate::evidence_store;
use crate::grids;
use crate::state::{
    Action, Announce, AppState, Duplicates, Place, View, document_keys, released_documents,
};
use crate::storage::{self, Loaded, SaveError, Unreadable};
use std::rc::Rc;
use vigilance_grids::registry;
use vigilance_model::AnswerSheet;
use vigilance_text::Web;
use yew::prelude::*;

/// Where the app's first state comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Boot {
    /// Read localStorage (the browser app).
    #[default]
    FromStorage,
    /// This state (tests).
    State(Box<AppState>),
    /// A saved state that could not be read (tests of the recovery panel).
    Unreadable(Box<AppState>, Unreadable),
    /// Storage refused (tests of the banner).
    NotSaving(Box<AppState>),
}

/// The app's properties.
#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    /// Where the first state comes from.
    #[prop_or_default]
    pub boot: Boot,
}

struct Initial {
    state: AppState,
    recovery: Option<Unreadable>,
    save_error: Option<SaveError>,
}

fn initial(boot: &Boot) -> Initial {
    let grid = registry::default_grid();
    let (state, recovery, save_error) = match boot {
        Boot::FromStorage => {
            let fresh = AppState::new(grid, browser::detect_lang());
            match storage::load() {
                Ok(Loaded::Nothing) => (fresh, None, None),
                Ok(Loaded::State(s)) => (*s, None, None),
                Ok(Loaded::Unreadable(u)) => (fresh, Some(u), None),
                Err(e) => (fresh, None, Some(e)),
            }
        }
        Boot::State(s) => ((**s).clone(), None, None),
        Boot::Unreadable(s, u) => ((**s).clone(), Some(u.clone()), None),
        Boot::NotSaving(s) => ((**s).clone(), None, Some(SaveError::Unavailable)),
    };
    Initial {
        state,
        recovery,
        save_error,
    }
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let init = use_memo((), |_| initial(&props.boot));
    let state = use_reducer_eq(|| init.state.clone());
    let recovery = use_state_eq(|| init.recovery.clone());
    let save_error = use_state_eq(|| init.save_error.clone());
    // Components send what the user did; the time it was done is read here, as it is sent, so
    // that the reducer never reads the clock.
    let dispatch = {
        let d = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |a: Action| d.dispatch(a.at(browser::now_iso())))
        }))
        .clone()
    };

    {
        // Every change is saved at once; nothing is written while the recovery panel waits
        // for the user's decision (the unreadable text must not be overwritten).
        // Once saved, the bytes of the documents no assessment keeps any more (a document
        // removed, an assessment deleted or replaced) are removed from the browser's store;
        // not before, so that a state that could not be saved never names a missing file.
        let save_error = save_error.clone();
        let in_recovery = recovery.is_some();
        let kept = use_mut_ref(|| document_keys(&init.state));
        use_effect_with(((*state).clone(), in_recovery), move |(s, in_recovery)| {
            if !*in_recovery {
                let saved = storage::save(s);
                if saved.is_ok() {
                    let mut kept = kept.borrow_mut();
                    for key in released_documents(&kept, s) {
                        evidence_store::remove(key);
                    }
                    *kept = document_keys(s);
                }
                save_error.set(saved.err());
            }
        });
    }
    use_effect_with(state.lang, |lang| browser::set_document_lang(*lang));
    {
        // The results are the first to need the grid's regulation mapping, which the first
        // download leaves out: the full grid file is loaded when they are shown.
        let dispatch = dispatch.clone();
        let partial = state.view == View::Results
            && state
                .current()
                .is_some_and(|a| registry::is_partial(grids::of_sheet(&a.sheet)));
        use_effect_with(partial, move |partial| {
            if *partial {
                grids::complete(Callback::from(move |r| {
                    dispatch.emit(Action::MappingLoaded(r))
                }));
            }
        });
    }
    use_effect_with(state.focus.clone(), |focus| {
        if let Some(f) = focus {
            browser::focus(&f.id, f.top);
        }
    });
    {
        // Each place (screen, assessment, level) has its browser-history entry: Back and
        // Forward move inside the app. The first place rewrites the entry the page opened on.
        let last = use_mut_ref(|| None::<String>);
        use_effect_with(state.place().encode(), move |place| {
            let mut last = last.borrow_mut();
            if last.as_deref() != Some(place.as_str()) {
                if browser::history_state().as_deref() != Some(place.as_str()) {
                    browser::history_push(place, last.is_none());
                }
                *last = Some(place.clone());
            }
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            browser::keep_focus_clear();
            browser::on_history(Callback::from(move |text: String| {
                if let Some(place) = Place::decode(&text) {
                    dispatch.emit(Action::Navigate(place));
                }
            }))
        });
    }

    let computed = use_memo((state.current, state.revision), |_| {
        compute(&state).map(Rc::new)
    });

    let lang = state.lang;
    let names: Vec<(u32, String)> = state.names(lang);
    {
        // Each screen has its own title (the tab, the history list, a saved PDF's name).
        let place = state.place();
        let view = match place.view {
            View::Start => Web::NavStart,
            View::Questionnaire => Web::NavQuestionnaire,
            View::Results => Web::NavResults,
        };
        let mut title = view.text(lang).to_string();
        if let Some(l) = place.level {
            title.push_str(&format!(" {}", l.code()));
        }
        if let Some((_, name)) = names.iter().find(|(id, _)| Some(*id) == place.current) {
            title.push_str(&format!(" — {name}"));
        }
        title.push_str(&format!(" · {}", Web::AppTitle.text(lang)));
        use_effect_with(title, |t| browser::set_title(t));
    }
    // The live region: what was just done out of sight (an import, an upgrade's copy).
    let announcement = state.announcement.as_ref().map(|a| match &a.what {
        Announce::Imported(names) => Web::ImportDone.fill(lang, &[("names", &names.join(" ; "))]),
        Announce::Upgraded(name) => Web::UpgradeCopied.fill(lang, &[("name", name)]),
    });
    let live = html! {
        <p id="announce" role="status" class={if announcement.is_some() { "notice announce" } else { "visually-hidden" }}>
            { announcement.unwrap_or_default() }
        </p>
    };

    let banner = save_error.as_ref().map(|_| {
        let download = (*computed).clone().map(|c| {
            let onclick = Callback::from(move |_: MouseEvent| {
                let (name, text) = answers_file(&c.sheet);
                let _ = browser::download(&name, "application/json", text.as_bytes());
            });
            html! { <button type="button" id="banner-download-json" {onclick}>{ Web::DownloadJson.text(lang) }</button> }
        });
        html! {
            <div class="banner warning" role="alert" id="not-saving">
                <p><strong>{ Web::NotSavedTitle.text(lang) }</strong>{ " — " }{ Web::NotSavedText.text(lang) }</p>
                { download }
            </div>
        }
    });

    let body = if let Some(u) = &*recovery {
        let on_restart = {
            let dispatch = dispatch.clone();
            let recovery = recovery.clone();
            Callback::from(move |sheets: Vec<AnswerSheet>| {
                storage::clear();
                let s = Rc::new(AppState::new(registry::default_grid(), lang));
                let now = browser::now_iso();
                let s =
                    yew::Reducible::reduce(s, Action::Import(sheets, Duplicates::KeepBoth).at(now));
                let mut s = (*s).clone();
                s.view = View::Start;
                dispatch.emit(Action::Replace(Box::new(s)));
                recovery.set(None);
            })
        };
        html! { <RecoveryPanel {lang} unreadable={u.clone()} {on_restart} /> }
    } else {
        match (state.view, state.current(), (*computed).clone()) {
            (View::Questionnaire, Some(a), _) => html! {
                <QuestionnaireView {lang} assessment={a.clone()} dispatch={dispatch.clone()}
                    upgraded={a.upgraded_to.is_some_and(|c| state.get(c).is_some())} />
            },
            (View::Results, Some(a), Some(c)) => {
                let others: Vec<(u32, String)> = names
                    .iter()
                    .filter(|(id, _)| *id != a.id)
                    .cloned()
                    .collect();
                let takeaway = html! {
                    <>
                        <TakeAway {lang} computed={c.clone()} documents={a.documents.clone()} />
                        <ExportChoices {lang} computed={c.clone()} documents={a.documents.clone()} />
                    </>
                };
                let engagement = html! { <EngagementPanel {lang} assessment={a.clone()} dispatch={dispatch.clone()} /> };
                html! {
                    <ResultsView {lang} entry={c.entry.clone()} compared={c.compared_view.clone()}
                        updated={a.sheet.updated.clone()} unjustified={c.unjustified.clone()}
                        comparison={a.comparison.clone()} {others} dispatch={dispatch.clone()} {takeaway}
                        mapping_error={state.mapping_error.clone()} {engagement} />
                }
            }
            _ => html! {
                <StartView {lang} assessments={state.assessments.clone()} names={names.clone()}
                    current={state.current} dispatch={dispatch.clone()} />
            },
        }
    };

    // The footer names the open assessment's grid (the default grid on the start page) and
    // says where it comes from, except on the start page, which says it (and the privacy
    // note) in its introduction: once per page.
    let grid = state
        .current()
        .map_or_else(registry::default_grid, |a| grids::of_sheet(&a.sheet));
    let on_start = state.current.is_none() || state.view == View::Start;
    html! {
        <>
            <a class="skip-link" href="#main">{ Web::SkipToContent.text(lang) }</a>
            <Header {lang} view={if state.current.is_some() { state.view } else { View::Start }}
                assessments={names.clone()} current={state.current} dispatch={dispatch.clone()} />
            <main id="main" tabindex="-1">{ live }{ banner.unwrap_or_default() }{ body }</main>
            <footer class="app-footer">
                <p>{ grid.title.get(lang) }{ format!(" · {} {}", grid.id, grid.version) }</p>
                if let Some(p) = grid.provenance.as_ref().filter(|_| !on_start) {
                    <p class="provenance" id="footer-provenance">{ p.get(lang) }</p>
                }
                if !on_start {
                    <p>{ Web::PrivacyNote.text(lang) }</p>
                }
            </footer>
        </>
    }
}
