//! The start screen: what the tool does and that nothing leaves the browser; the assessments
//! kept here (resume, delete); the open assessment's company profile; a new assessment; and the
//! import of an answer file (JSON sheet, filled Excel template, matrix in Excel or CSV).

use crate::browser::{self, Reading};
use crate::components::on_input_text;
use crate::grids;
use crate::ondemand::{self, ImportedPart};
use crate::state::{Action, Duplicates, Profile, SavedAssessment, View, progress, upgrade_target};
use vigilance_grids::registry;
use vigilance_model::answers::QuestionnaireRef;
use vigilance_model::{AnswerSheet, Lang};
use vigilance_text::Web;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the start screen shows.
#[derive(Properties, PartialEq, Clone)]
pub struct StartProps {
    /// Interface language.
    pub lang: Lang,
    /// The assessments kept in this browser.
    pub assessments: Vec<SavedAssessment>,
    /// Their names as lists show them (id, name: see `AppState::names`).
    #[prop_or_default]
    pub names: Vec<(u32, String)>,
    /// The open assessment's id.
    #[prop_or_default]
    pub current: Option<u32>,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
}

/// The start screen.
#[component]
pub fn StartView(props: &StartProps) -> Html {
    let lang = props.lang;
    let current = props
        .current
        .and_then(|id| props.assessments.iter().find(|a| a.id == id));
    let confirm = use_state(|| None::<u32>);

    let list = props.assessments.iter().map(|a| {
        let id = a.id;
        let grid = grids::of_sheet(&a.sheet);
        let p = progress(grid, &a.accepted_sheet(), None, None);
        let copied = a
            .upgraded_to
            .is_some_and(|c| props.assessments.iter().any(|x| x.id == c));
        let upgrade = upgrade_target(&a.sheet).filter(|_| !copied).map(|to| {
            let dispatch = props.dispatch.clone();
            // The later version's change log is in its full file only.
            let onclick = Callback::from(move |_: MouseEvent| {
                grids::then_complete(dispatch.clone(), Action::Upgrade(id))
            });
            html! {
                <p class="upgrade-offer" id={format!("upgrade-offer-{id}")}>
                    <strong>{ Web::UpgradeTitle.text(lang) }{ Web::AfterLabel.text(lang) }</strong>
                    { Web::UpgradeOffer.text(lang) }{ " " }
                    <button type="button" id={format!("upgrade-{id}")} {onclick}>
                        { format!("{} {}", Web::UpgradeButton.text(lang), to.version) }
                        <span class="visually-hidden">{ " — " }{ a.title(lang) }</span>
                    </button>
                </p>
            }
        });
        let grid_line = format!(
            "{} · {} {}",
            grids::choice_title(&grid.id, lang),
            grid.id,
            grid.version
        );
        let open = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Open(id)))
        };
        let title = props
            .names
            .iter()
            .find(|(i, _)| *i == id)
            .map_or_else(|| a.title(lang), |(_, n)| n.clone());
        let deleting = *confirm == Some(id);
        let delete = {
            let confirm = confirm.clone();
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                if *confirm == Some(id) {
                    confirm.set(None);
                    dispatch.emit(Action::Delete(id));
                } else {
                    confirm.set(Some(id));
                }
            })
        };
        let cancel = {
            let confirm = confirm.clone();
            Callback::from(move |_: MouseEvent| confirm.set(None))
        };
        html! {
            <li class={classes!("assessment", (props.current == Some(id)).then_some("current"))} data-id={id.to_string()}>
                <span class="name">{ &title }</span>
                <span class="meta">{ crate::format::answered_of(lang, p.answered, p.total) }{ " · " }<span class="grid-name">{ grid_line }</span></span>
                <span class="actions">
                    <button type="button" onclick={open}>{ Web::Resume.text(lang) }
                        <span class="visually-hidden">{ " — " }{ &title }</span></button>
                    <button type="button" class={classes!("danger", deleting.then_some("confirm"))} onclick={delete}>
                        { if deleting { Web::ConfirmDelete.text(lang) } else { Web::Delete.text(lang) } }
                        <span class="visually-hidden">{ " — " }{ &title }</span></button>
                    if deleting {
                        <button type="button" onclick={cancel}>{ Web::Cancel.text(lang) }</button>
                    }
                </span>
                { upgrade }
            </li>
        }
    });

    // One form at a time: the open assessment's profile is a summary line until the user edits
    // it, and the new-assessment form steps aside while it is edited.
    let editing = use_state_eq(|| false);
    let editing_profile = *editing && current.is_some();
    let profile = current.map(|a| {
        let p = Profile::of(&a.sheet);
        let dispatch = props.dispatch.clone();
        let on_change = Callback::from(move |p: Profile| dispatch.emit(Action::UpdateProfile(p)));
        let go = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Show(View::Questionnaire)))
        };
        let toggle = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(!*editing))
        };
        let summary: Vec<&str> = [&p.name, &p.sector, &p.country, &p.period]
            .into_iter()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        html! {
            <section class="card" aria-labelledby="profile-title">
                <h2 id="profile-title">{ Web::ProfileOfCurrent.text(lang) }</h2>
                if editing_profile {
                    <ProfileFields {lang} prefix="current" profile={p.clone()} {on_change}
                        light={grids::is_light(&a.sheet.questionnaire.id)} />
                } else {
                    <p class="profile-summary" id="profile-summary">{ summary.join(" · ") }</p>
                }
                <button type="button" id="edit-profile" aria-expanded={editing_profile.to_string()} onclick={toggle}>
                    { if editing_profile { Web::Close.text(lang) } else { Web::EditProfile.text(lang) } }
                </button>
                { " " }
                <button type="button" class="primary" onclick={go}>{ Web::ContinueToQuestionnaire.text(lang) }{ " →" }</button>
            </section>
        }
    });

    html! {
        <div class="start">
            <section class="intro" aria-labelledby="start-title">
                <h1 id="start-title" tabindex="-1">{ Web::StartTitle.text(lang) }</h1>
                <p class="lead">{ Web::StartIntro.text(lang) }</p>
                <p class="privacy">{ Web::PrivacyNote.text(lang) }</p>
                if let Some(p) = &registry::default_grid().provenance {
                    <div class="provenance-box" id="start-provenance">
                        <h2>{ Web::AboutGrid.text(lang) }</h2>
                        <p>{ p.get(lang) }</p>
                        <p class="hint" id="acronyms">{ Web::AcronymsSpelled.text(lang) }</p>
                    </div>
                }
            </section>
            { profile }
            <div class="start-grid">
                if !editing_profile {
                    <NewAssessment {lang} dispatch={props.dispatch.clone()} first={props.assessments.is_empty()} />
                }
                <div>
                    <section class="card" aria-labelledby="saved-title">
                        <h2 id="saved-title">{ Web::YourAssessments.text(lang) }</h2>
                        if props.assessments.is_empty() {
                            <p class="muted">{ Web::NoAssessments.text(lang) }</p>
                        } else {
                            <ul class="assessments">{ for list }</ul>
                        }
                    </section>
                    <ImportSheet {lang} dispatch={props.dispatch.clone()} assessments={props.assessments.clone()} />
                    <crate::components::evidence::ImportDossier {lang} dispatch={props.dispatch.clone()}
                        assessments={props.assessments.clone()} />
                </div>
            </div>
        </div>
    }
}

/// What the profile fields show.
#[derive(Properties, PartialEq, Clone)]
pub struct ProfileFieldsProps {
    /// Interface language.
    pub lang: Lang,
    /// Prefix of the field ids (two forms may be on screen).
    pub prefix: AttrValue,
    /// The values.
    pub profile: Profile,
    /// Called with the new profile at every keystroke.
    pub on_change: Callback<Profile>,
    /// Show the "name required" message.
    #[prop_or_default]
    pub name_missing: bool,
    /// The assessment is on a light grid (for suppliers): buyer and tier are asked too.
    #[prop_or_default]
    pub light: bool,
}

/// The company profile fields.
#[component]
pub fn ProfileFields(props: &ProfileFieldsProps) -> Html {
    let lang = props.lang;
    let field = |key: &str,
                 label: Web,
                 hint: Option<Web>,
                 value: &str,
                 set: fn(&mut Profile, String),
                 autocomplete: &'static str| {
        let id = format!("{}-{key}", props.prefix);
        let hint_id = format!("{id}-hint");
        let oninput = {
            let profile = props.profile.clone();
            let on_change = props.on_change.clone();
            on_input_text(move |v| {
                let mut p = profile.clone();
                set(&mut p, v);
                on_change.emit(p);
            })
        };
        let required = key == "name";
        let invalid = required && props.name_missing;
        html! {
            <div class="field">
                <label for={id.clone()}>{ label.text(lang) }</label>
                <input type="text" id={id} value={value.to_string()} {oninput} {autocomplete}
                    required={required}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={hint.map(|_| hint_id.clone())} />
                if let Some(h) = hint { <p class="hint" id={hint_id}>{ h.text(lang) }</p> }
                if invalid { <p class="error" role="alert">{ Web::NameRequired.text(lang) }</p> }
            </div>
        }
    };
    let p = &props.profile;
    // NACE: a valid code shows its name; anything else says what is expected.
    let nace_id = format!("{}-nace", props.prefix);
    let nace_hint_id = format!("{nace_id}-hint");
    let nace_text = p.nace.trim();
    let nace_code = vigilance_model::nace::Nace::parse(nace_text);
    let nace_invalid = !nace_text.is_empty() && nace_code.is_none();
    let nace_oninput = {
        let profile = props.profile.clone();
        let on_change = props.on_change.clone();
        on_input_text(move |v| {
            let mut p = profile.clone();
            p.nace = v;
            on_change.emit(p);
        })
    };
    let nace = html! {
        <div class="field">
            <label for={nace_id.clone()}>{ Web::Nace.text(lang) }</label>
            <input type="text" id={nace_id} value={p.nace.clone()} oninput={nace_oninput} autocomplete="off"
                aria-invalid={nace_invalid.then_some("true")} aria-describedby={nace_hint_id.clone()} />
            <p class={if nace_invalid { "hint error" } else { "hint" }} id={nace_hint_id}>
                { match nace_code {
                    Some(code) => format!("{code} — {}", code.label(lang)),
                    None => Web::NaceHint.text(lang).to_string(),
                } }
            </p>
        </div>
    };
    let supplier = props.light.then(|| {
        let tier_id = format!("{}-tier", props.prefix);
        let onchange = {
            let profile = props.profile.clone();
            let on_change = props.on_change.clone();
            crate::components::on_select(move |v| {
                let mut p = profile.clone();
                p.tier = v;
                on_change.emit(p);
            })
        };
        let options = [("", Web::TierNone.text(lang)), ("1", "1"), ("2", "2"), ("3+", Web::TierThreePlus.text(lang))];
        html! {
            <>
                { field("buyer", Web::Buyer, Some(Web::BuyerHint), &p.buyer, |p, v| p.buyer = v, "off") }
                <div class="field">
                    <label for={tier_id.clone()}>{ Web::Tier.text(lang) }</label>
                    <select id={tier_id} {onchange}>
                        { for options.iter().map(|(v, label)| html! {
                            <option value={*v} selected={p.tier == *v}>{ *label }</option>
                        }) }
                    </select>
                </div>
            </>
        }
    });
    html! {
        <div class="profile-fields">
            { field("name", Web::CompanyName, None, &p.name, |p, v| p.name = v, "organization") }
            { field("sector", Web::Sector, None, &p.sector, |p, v| p.sector = v, "off") }
            { field("country", Web::Country, Some(Web::CountryHint), &p.country, |p, v| p.country = v, "country-name") }
            { field("period", Web::Period, Some(Web::PeriodHint), &p.period, |p, v| p.period = v, "off") }
            { field("id", Web::CompanyId, None, &p.id, |p, v| p.id = v, "off") }
            { nace }
            { supplier }
        </div>
    }
}

/// What the new-assessment form needs.
#[derive(Properties, PartialEq, Clone)]
pub struct NewAssessmentProps {
    /// Interface language.
    pub lang: Lang,
    /// Sends changes to the reducer.
    pub dispatch: Callback<Action>,
    /// No assessment exists yet (the form is the main thing on screen).
    #[prop_or_default]
    pub first: bool,
}

/// The form that starts a new assessment.
#[component]
pub fn NewAssessment(props: &NewAssessmentProps) -> Html {
    let lang = props.lang;
    let profile = use_state(Profile::default);
    let missing = use_state(|| false);
    let grid = use_state(grids::default_choice);
    let loading = use_state(|| None::<bool>);
    let on_change = {
        let profile = profile.clone();
        let missing = missing.clone();
        Callback::from(move |p: Profile| {
            if !p.name.trim().is_empty() {
                missing.set(false);
            }
            profile.set(p)
        })
    };
    let onsubmit = {
        let profile = profile.clone();
        let missing = missing.clone();
        let grid = grid.clone();
        let loading = loading.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if profile.name.trim().is_empty() {
                missing.set(true);
                browser::focus("new-name", false);
                return;
            }
            // A grid that is not embedded is loaded first (a GET of its static file).
            let chosen = (*grid).clone();
            let missing = grids::missing([(chosen.id.as_str(), chosen.version.as_str())]);
            let new = (*profile).clone();
            let dispatch = dispatch.clone();
            let profile = profile.clone();
            let loading_done = loading.clone();
            loading.set(Some(false));
            ondemand::load_grids(
                missing,
                Callback::from(move |r: Result<(), String>| match r {
                    Ok(()) => {
                        loading_done.set(None);
                        dispatch.emit(Action::Create(new.clone(), chosen.clone()));
                        profile.set(Profile::default());
                    }
                    Err(_) => loading_done.set(Some(true)),
                }),
            );
        })
    };
    let loading_note = match *loading {
        Some(false) => {
            html! { <p class="notice" role="status">{ Web::GridLoading.text(lang) }</p> }
        }
        Some(true) => {
            html! { <p class="error" role="alert">{ Web::GridLoadFailed.text(lang) }</p> }
        }
        None => html! {},
    };
    let choices = grids::choices().into_iter().map(|r: QuestionnaireRef| {
        let id = format!("grid-{}", r.id);
        let checked = *grid == r;
        let desc_id = format!("{id}-desc");
        let onchange = {
            let grid = grid.clone();
            let r = r.clone();
            Callback::from(move |_: Event| grid.set(r.clone()))
        };
        html! {
            <div class="grid-choice">
                <input type="radio" name="new-grid" id={id.clone()} value={r.id.clone()} {checked} {onchange}
                    aria-describedby={desc_id.clone()} />
                <label for={id}>{ grids::choice_title(&r.id, lang) }<span class="muted">{ format!(" · {} {}", r.id, r.version) }</span></label>
                <p class="hint" id={desc_id}>{ grids::choice_description(&r.id, lang) }</p>
            </div>
        }
    });
    html! {
        <section class={classes!("card", props.first.then_some("emphasis"))} aria-labelledby="new-title">
            <h2 id="new-title">{ Web::NewAssessment.text(lang) }</h2>
            <form {onsubmit} novalidate=true>
                <fieldset class="grid-choices">
                    <legend>{ Web::GridChoice.text(lang) }</legend>
                    { for choices }
                </fieldset>
                <ProfileFields {lang} prefix="new" profile={(*profile).clone()} {on_change} name_missing={*missing}
                    light={grids::is_light(&grid.id)} />
                <button type="submit" class="primary" id="start-button">{ Web::Start.text(lang) }</button>
                { loading_note }
            </form>
        </section>
    }
}

/// What the import block needs.
#[derive(Properties, PartialEq, Clone)]
pub struct ImportProps {
    /// Interface language.
    pub lang: Lang,
    /// Sends the imported sheet to the reducer.
    pub dispatch: Callback<Action>,
    /// The assessments kept: importing one of their company and period again asks first
    /// ([`crate::state::duplicates_of`]).
    #[prop_or_default]
    pub assessments: Vec<SavedAssessment>,
}

/// The question every import asks before it makes a second assessment for a company and
/// period already kept (`names`): replace it, keep both, or cancel (`choose` gets `None`). Its
/// elements' ids start with `id` (`import`, `import-dossier`). A function, not a component:
/// fewer bytes in the first download.
pub fn duplicate_question(
    lang: Lang,
    id: &str,
    names: &[String],
    choose: &Callback<Option<Duplicates>>,
) -> Html {
    let button = |suffix: &str, answer: Option<Duplicates>, label: Web| {
        let choose = choose.clone();
        let onclick = Callback::from(move |_: MouseEvent| choose.emit(answer));
        html! { <button type="button" id={format!("{id}-{suffix}")} {onclick}>{ label.text(lang) }</button> }
    };
    html! {
        <div class="notice warning" id={format!("{id}-duplicate")} role="alert">
            <p>{ Web::ImportDuplicate.fill(lang, &[("name", &names.join(" ; "))]) }</p>
            { button("replace", Some(Duplicates::Replace), Web::ImportReplace) }{ " " }
            { button("anyway", Some(Duplicates::KeepBoth), Web::ImportAnyway) }{ " " }
            { button("cancel", None, Web::Cancel) }
        </div>
    }
}

/// The names (company — period) of `sheets` that an import would make twice among
/// `assessments`: when not empty, the import asks first ([`duplicate_question`]).
pub fn twice(assessments: &[SavedAssessment], sheets: &[AnswerSheet], lang: Lang) -> Vec<String> {
    sheets
        .iter()
        .filter(|sh| !crate::state::duplicates_of(assessments, sh).is_empty())
        .map(|sh| crate::state::sheet_title(sh, lang))
        .collect()
}

/// Import of an answer file (JSON, Excel template or matrix, CSV matrix) as new assessments.
#[component]
pub fn ImportSheet(props: &ImportProps) -> Html {
    let lang = props.lang;
    let message = use_state(|| None::<(bool, String)>);
    let reading = use_mut_ref(|| None::<Reading>);
    // Sheets read whose company and period are already kept: imported only if the user says so.
    let pending = use_state(|| None::<(Vec<AnswerSheet>, Vec<String>)>);
    let onchange = {
        let dispatch = props.dispatch.clone();
        let message = message.clone();
        let reading = reading.clone();
        let pending = pending.clone();
        let assessments = props.assessments.clone();
        Callback::from(move |ev: Event| {
            let Some(input) = ev.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let dispatch = dispatch.clone();
            let assessments = assessments.clone();
            pending.set(None);
            let parsed = {
                let message = message.clone();
                let pending = pending.clone();
                Callback::from(move |parts: Result<Vec<ImportedPart>, String>| {
                    let parts = match parts {
                        Ok(p) => p,
                        Err(e) => {
                            let text = format!("{} {e}", Web::ImportFailed.text(lang));
                            return message.set(Some((true, text)));
                        }
                    };
                    // One assessment per company found.
                    let (mut remarks, mut failures, mut sheets) =
                        (Vec::new(), Vec::new(), Vec::new());
                    for part in parts {
                        let label = |text: String| {
                            if part.label.is_empty() {
                                text
                            } else {
                                format!("{} — {text}", part.label)
                            }
                        };
                        match part.result {
                            Ok(read) => {
                                remarks.extend(read.warnings.into_iter().map(label));
                                sheets.push(read.sheet);
                            }
                            Err(problems) => failures.push(label(problems)),
                        }
                    }
                    let twice = twice(&assessments, &sheets, lang);
                    if !twice.is_empty() {
                        pending.set(Some((std::mem::take(&mut sheets), twice)));
                    } else if !sheets.is_empty() {
                        dispatch.emit(Action::Import(
                            std::mem::take(&mut sheets),
                            Duplicates::KeepBoth,
                        ));
                    }
                    message.set(if !failures.is_empty() {
                        Some((
                            true,
                            format!("{}\n{}", Web::ImportFailed.text(lang), failures.join("\n")),
                        ))
                    } else if !remarks.is_empty() {
                        Some((
                            false,
                            format!("{} {}", Web::ImportWarnings.text(lang), remarks.join(" · ")),
                        ))
                    } else {
                        None
                    });
                })
            };
            let message = message.clone();
            let done = Callback::from(move |(name, bytes): (String, Result<Vec<u8>, String>)| {
                match bytes {
                    Err(_) => message.set(Some((true, Web::ReadFailed.text(lang).to_string()))),
                    Ok(bytes) => {
                        // JSON, a filled template or a matrix; workbooks load the reader first,
                        // a JSON sheet on a grid that is not embedded loads that grid first.
                        message.set(Some((false, Web::Reading.text(lang).to_string())));
                        let missing = std::str::from_utf8(&bytes)
                            .ok()
                            .and_then(registry::peek_questionnaire)
                            .map(|(id, v)| grids::missing([(id.as_str(), v.as_str())]))
                            .unwrap_or_default();
                        let parsed = parsed.clone();
                        let message = message.clone();
                        ondemand::load_grids(
                            missing,
                            Callback::from(move |r: Result<(), String>| match r {
                                Ok(()) => {
                                    ondemand::read_answer_parts(&name, &bytes, lang, parsed.clone())
                                }
                                Err(_) => message
                                    .set(Some((true, Web::GridLoadFailed.text(lang).to_string()))),
                            }),
                        );
                    }
                }
            });
            *reading.borrow_mut() = browser::read_picked_file(&input, done);
        })
    };
    let pending_question = pending.as_ref().map(|(sheets, twice)| {
        let choose = {
            let dispatch = props.dispatch.clone();
            let pending = pending.clone();
            let sheets = sheets.clone();
            Callback::from(move |answer: Option<Duplicates>| {
                pending.set(None);
                if let Some(d) = answer {
                    dispatch.emit(Action::Import(sheets.clone(), d));
                }
            })
        };
        duplicate_question(lang, "import", twice, &choose)
    });
    html! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{ Web::ImportTitle.text(lang) }</h2>
            <p class="hint" id="import-help">{ Web::ImportHelp.text(lang) }</p>
            <div class="field">
                <label for="import-file">{ Web::ImportLabel.text(lang) }</label>
                <input type="file" id="import-file" accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-describedby="import-help" {onchange}
                    // The file is read by the on-demand module: start loading it while the user
                    // picks the file.
                    onclick={Callback::from(|_: MouseEvent| ondemand::preload())} />
            </div>
            if let Some((is_error, text)) = &*message {
                <p class={if *is_error { "error pre" } else { "notice" }} role="alert">{ text }</p>
            }
            { pending_question }
        </section>
    }
}
