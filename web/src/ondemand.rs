//! The second WebAssembly module, fetched only when first needed: the results workbook writer and
//! every reader of a user's file (answer files in JSON, CSV, xlsx; the analyst's engagement
//! file; crate `vigilance-web-module`), kept out of the first download.
//!
//! The page's loader (`boot.js`) hands the app a small object whose methods load that module
//! from the app's own files (a GET of two static scripts, once) and call it. The app sends it a
//! JSON request or a file's bytes and gets bytes or JSON back; nothing else crosses, and nothing
//! leaves the page.
//!
//! Outside a browser (the native component tests) the same calls run the crate's code directly.

use vigilance_model::Lang;
pub use vigilance_web_module::dossier::{DossierRead, DossierRequest};
pub use vigilance_web_module::{EngagementRead, ImportedPart, WorkbookRequest};
use yew::Callback;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The loader's object (see `boot.js`).
        pub type OnDemand;

        /// Loads the module (once) and writes the workbook of a JSON request: a promise of the
        /// bytes (`Uint8Array`).
        #[wasm_bindgen(method)]
        fn workbook(this: &OnDemand, request: &str) -> js_sys::Promise;

        /// Loads the module (once) and reads an answer file: a promise of the JSON of its parts.
        #[wasm_bindgen(method, js_name = readAnswerParts)]
        fn read_answer_parts(
            this: &OnDemand,
            name: &str,
            bytes: &js_sys::Uint8Array,
            lang: &str,
        ) -> js_sys::Promise;

        /// Loads the module (once) and reads an engagement file for an answer sheet (JSON): a
        /// promise of the JSON `{"engagement": …, "warnings": […]}`.
        #[wasm_bindgen(method, js_name = readEngagement)]
        fn read_engagement(
            this: &OnDemand,
            bytes: &js_sys::Uint8Array,
            sheet: &str,
            lang: &str,
        ) -> js_sys::Promise;

        /// Loads the module (once) and gives what the app shows of a kept engagement file for an
        /// answer sheet (both JSON): a promise of the JSON view.
        #[wasm_bindgen(method, js_name = engagementView)]
        fn engagement_view(
            this: &OnDemand,
            file: &str,
            sheet: &str,
            substantiated: bool,
            lang: &str,
        ) -> js_sys::Promise;

        /// Loads the module (once) and writes a kept engagement file back (JSON): a promise of
        /// its text.
        #[wasm_bindgen(method, js_name = exportEngagement)]
        fn export_engagement(this: &OnDemand, file: &str, lang: &str) -> js_sys::Promise;

        /// Loads the module (once) and gives the results only of a JSON request: a promise of
        /// their JSON text.
        #[wasm_bindgen(method, js_name = resultsJson)]
        fn results_json(this: &OnDemand, request: &str) -> js_sys::Promise;

        /// Loads the module (once) and writes an evidence dossier: a promise of the fingerprint's
        /// hex digits followed by the zip (`Uint8Array`).
        #[wasm_bindgen(method, js_name = packDossier)]
        fn pack_dossier(
            this: &OnDemand,
            request: &str,
            files: &js_sys::Uint8Array,
        ) -> js_sys::Promise;

        /// Loads the module (once) and reads an evidence dossier: a promise of its answer
        /// (`Uint8Array`, see `vigilance_web_module::dossier::split_read`).
        #[wasm_bindgen(method, js_name = readDossier)]
        fn read_dossier(this: &OnDemand, bytes: &js_sys::Uint8Array, lang: &str)
        -> js_sys::Promise;

        /// Starts loading the module, without waiting.
        #[wasm_bindgen(method)]
        fn preload(this: &OnDemand);

        /// Loads a built-in grid file that is not embedded (`rhsf-fir-1.0.0`): a promise of its
        /// JSON text.
        #[wasm_bindgen(method)]
        fn grid(this: &OnDemand, stem: &str) -> js_sys::Promise;
    }

    thread_local! {
        static LOADER: RefCell<Option<OnDemand>> = const { RefCell::new(None) };
    }

    /// Keeps the loader the page handed over, for the calls below.
    pub fn install(loader: OnDemand) {
        LOADER.with(|l| *l.borrow_mut() = Some(loader));
    }

    fn call(f: impl FnOnce(&OnDemand) -> js_sys::Promise) -> Option<js_sys::Promise> {
        LOADER.with(|l| l.borrow().as_ref().map(f))
    }

    fn message(e: JsValue) -> String {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| format!("{e:?}"))
    }

    const NO_LOADER: &str = "the on-demand module is not available (page loader missing)";

    pub fn preload() {
        LOADER.with(|l| {
            if let Some(l) = l.borrow().as_ref() {
                l.preload();
            }
        });
    }

    pub fn workbook(req: WorkbookRequest, done: Callback<Result<Vec<u8>, String>>) {
        let json = match serde_json::to_string(&req) {
            Ok(j) => j,
            Err(e) => return done.emit(Err(e.to_string())),
        };
        bytes_call(|l| l.workbook(&json), done)
    }

    /// Calls the module with `f`, then `done` with the bytes it answered.
    fn bytes_call(
        f: impl FnOnce(&OnDemand) -> js_sys::Promise,
        done: Callback<Result<Vec<u8>, String>>,
    ) {
        let Some(promise) = call(f) else {
            return done.emit(Err(NO_LOADER.into()));
        };
        wasm_bindgen_futures::spawn_local(async move {
            let r = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map(|v| js_sys::Uint8Array::new(&v).to_vec())
                .map_err(message);
            done.emit(r);
        });
    }

    pub fn results_json(request: &str, done: Callback<Result<String, String>>) {
        text_of(call(|l| l.results_json(request)), done)
    }

    pub fn pack_dossier(request: &str, files: Vec<u8>, done: Callback<Result<Vec<u8>, String>>) {
        let files = js_sys::Uint8Array::from(files.as_slice());
        bytes_call(|l| l.pack_dossier(request, &files), done)
    }

    pub fn read_dossier(bytes: &[u8], lang: Lang, done: Callback<Result<Vec<u8>, String>>) {
        let bytes = js_sys::Uint8Array::from(bytes);
        bytes_call(|l| l.read_dossier(&bytes, lang.code()), done)
    }

    pub fn load_grids(stems: Vec<String>, done: Callback<Result<(), String>>) {
        let mut promises = Vec::new();
        for stem in &stems {
            match call(|l| l.grid(stem)) {
                Some(p) => promises.push(p),
                None => return done.emit(Err(NO_LOADER.into())),
            }
        }
        wasm_bindgen_futures::spawn_local(async move {
            for p in promises {
                let text = wasm_bindgen_futures::JsFuture::from(p)
                    .await
                    .map_err(message)
                    .and_then(|v| v.as_string().ok_or_else(|| "not text".to_string()));
                let registered = text.and_then(|t| {
                    vigilance_grids::registry::register(&t)
                        .map(|_| ())
                        .map_err(|e| e.describe(Lang::En))
                });
                if let Err(e) = registered {
                    return done.emit(Err(e));
                }
            }
            done.emit(Ok(()));
        });
    }

    pub fn read_engagement(
        bytes: &[u8],
        sheet: &vigilance_model::AnswerSheet,
        lang: Lang,
        done: Callback<Result<EngagementRead, String>>,
    ) {
        let array = js_sys::Uint8Array::from(bytes);
        let sheet = serde_json::to_string(sheet).unwrap_or_default();
        let promise = call(|l| l.read_engagement(&array, &sheet, lang.code()));
        text_of(
            promise,
            Callback::from(move |r: Result<String, String>| {
                let r = r
                    .and_then(|json| {
                        serde_json::from_str::<serde_json::Value>(&json).map_err(|e| e.to_string())
                    })
                    .map(|mut v| EngagementRead {
                        warnings: v
                            .get("warnings")
                            .and_then(serde_json::Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(|w| w.as_str().map(str::to_string))
                            .collect(),
                        engagement: v
                            .get_mut("engagement")
                            .map(serde_json::Value::take)
                            .unwrap_or_default(),
                    });
                done.emit(r)
            }),
        );
    }

    /// Calls `done` with the text the module answered (`promise`; `None`: no loader).
    fn text_of(promise: Option<js_sys::Promise>, done: Callback<Result<String, String>>) {
        let Some(promise) = promise else {
            return done.emit(Err(NO_LOADER.into()));
        };
        wasm_bindgen_futures::spawn_local(async move {
            let r = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(message)
                .and_then(|v| v.as_string().ok_or_else(|| "not text".to_string()));
            done.emit(r);
        });
    }

    pub fn engagement_view(
        file: &serde_json::Value,
        sheet: &vigilance_model::AnswerSheet,
        substantiated: bool,
        lang: Lang,
        done: Callback<Result<serde_json::Value, String>>,
    ) {
        let (file, sheet) = (
            file.to_string(),
            serde_json::to_string(sheet).unwrap_or_default(),
        );
        let promise = call(|l| l.engagement_view(&file, &sheet, substantiated, lang.code()));
        text_of(
            promise,
            Callback::from(move |r: Result<String, String>| {
                done.emit(r.and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string())))
            }),
        );
    }

    pub fn engagement_view_now(
        _file: &serde_json::Value,
        _sheet: &vigilance_model::AnswerSheet,
        _substantiated: bool,
        _lang: Lang,
    ) -> Option<serde_json::Value> {
        None
    }

    pub fn export_engagement(
        file: &serde_json::Value,
        lang: Lang,
        done: Callback<Result<String, String>>,
    ) {
        let file = file.to_string();
        text_of(call(|l| l.export_engagement(&file, lang.code())), done);
    }

    pub fn read_file(
        name: &str,
        bytes: &[u8],
        lang: Lang,
        done: Callback<Result<Vec<ImportedPart>, String>>,
    ) {
        let array = js_sys::Uint8Array::from(bytes);
        let promise = call(|l| l.read_answer_parts(name, &array, lang.code()));
        text_of(
            promise,
            Callback::from(move |r: Result<String, String>| {
                done.emit(r.and_then(|json| serde_json::from_str(&json).map_err(|e| e.to_string())))
            }),
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn preload() {}

    pub fn load_grids(_stems: Vec<String>, done: Callback<Result<(), String>>) {
        // Natively every built-in grid is embedded.
        done.emit(Ok(()));
    }

    pub fn workbook(req: WorkbookRequest, done: Callback<Result<Vec<u8>, String>>) {
        done.emit(vigilance_web_module::build_workbook(&req));
    }

    pub fn read_engagement(
        bytes: &[u8],
        sheet: &vigilance_model::AnswerSheet,
        lang: Lang,
        done: Callback<Result<EngagementRead, String>>,
    ) {
        done.emit(vigilance_web_module::read_engagement(bytes, sheet, lang));
    }

    pub fn engagement_view(
        file: &serde_json::Value,
        sheet: &vigilance_model::AnswerSheet,
        substantiated: bool,
        lang: Lang,
        done: Callback<Result<serde_json::Value, String>>,
    ) {
        done.emit(Ok(vigilance_web_module::engagement_view(
            file,
            sheet,
            substantiated,
            lang,
        )));
    }

    pub fn engagement_view_now(
        file: &serde_json::Value,
        sheet: &vigilance_model::AnswerSheet,
        substantiated: bool,
        lang: Lang,
    ) -> Option<serde_json::Value> {
        Some(vigilance_web_module::engagement_view(
            file,
            sheet,
            substantiated,
            lang,
        ))
    }

    pub fn export_engagement(
        file: &serde_json::Value,
        lang: Lang,
        done: Callback<Result<String, String>>,
    ) {
        done.emit(vigilance_web_module::export_engagement(file, lang));
    }

    pub fn results_json(request: &str, done: Callback<Result<String, String>>) {
        done.emit(
            serde_json::from_str(request)
                .map_err(|e| e.to_string())
                .and_then(|req| vigilance_web_module::results_json(&req)),
        );
    }

    pub fn pack_dossier(request: &str, files: Vec<u8>, done: Callback<Result<Vec<u8>, String>>) {
        done.emit(
            serde_json::from_str(request)
                .map_err(|e| e.to_string())
                .and_then(|req| vigilance_web_module::dossier::pack_dossier(&req, &files)),
        );
    }

    pub fn read_dossier(bytes: &[u8], lang: Lang, done: Callback<Result<Vec<u8>, String>>) {
        done.emit(Ok(vigilance_web_module::dossier::read_dossier(bytes, lang)));
    }

    pub fn read_file(
        name: &str,
        bytes: &[u8],
        lang: Lang,
        done: Callback<Result<Vec<ImportedPart>, String>>,
    ) {
        done.emit(Ok(vigilance_web_module::read_answer_parts(
            name, bytes, lang,
        )));
    }
}

#[cfg(target_arch = "wasm32")]
pub use imp::{OnDemand, install};

/// Starts fetching the module in the background (the results screen, which offers the workbook,
/// calls it when shown), so that the first download of a workbook does not wait for it.
pub fn preload() {
    imp::preload()
}

/// Loads the built-in grids named by their stems (`rhsf-fir-1.0.0`, see [`crate::grids`]) from
/// the app's own static files and registers them, then calls `done` (at once when `stems` is
/// empty).
pub fn load_grids(stems: Vec<String>, done: Callback<Result<(), String>>) {
    if stems.is_empty() {
        done.emit(Ok(()));
    } else {
        imp::load_grids(stems, done)
    }
}

/// Writes the results workbook of `req`, loading the module first if needed, then calls `done`
/// with its bytes or the reason it could not be written.
pub fn workbook(req: WorkbookRequest, done: Callback<Result<Vec<u8>, String>>) {
    imp::workbook(req, done)
}

/// Reads an answer file (`name`, `bytes`: a JSON sheet, a matrix CSV, a filled template or a
/// matrix workbook) into one part per company, problems worded in `lang`, then calls `done`.
/// Every reader lives in the module, loaded first if needed (`Err` when it cannot be loaded):
/// reading a user's file, with its located problems in two languages, is not needed before the
/// first question.
///
/// Each sheet is read on the grid its file names (the module holds every built-in grid); the
/// grids the sheets read are on are then loaded into the app too, when it does not have them
/// yet, before `done` is called: a filled template or a matrix names its grid only inside the
/// file, where the app does not look.
pub fn read_answer_parts(
    name: &str,
    bytes: &[u8],
    lang: Lang,
    done: Callback<Result<Vec<ImportedPart>, String>>,
) {
    let with_grids = Callback::from(move |parts: Result<Vec<ImportedPart>, String>| {
        let parts = match parts {
            Ok(parts) => parts,
            Err(e) => return done.emit(Err(e)),
        };
        let missing = crate::grids::missing(parts.iter().filter_map(|p| {
            let q = &p.result.as_ref().ok()?.sheet.questionnaire;
            Some((q.id.as_str(), q.version.as_str()))
        }));
        let done = done.clone();
        load_grids(
            missing,
            Callback::from(move |loaded: Result<(), String>| {
                done.emit(match loaded {
                    Ok(()) => Ok(parts.clone()),
                    Err(_) => Err(vigilance_text::Web::GridLoadFailed.text(lang).to_string()),
                })
            }),
        );
    });
    imp::read_file(name, bytes, lang, with_grids)
}

/// Reads the engagement file an analyst sent (`bytes`) for the assessment whose answer sheet is
/// `sheet`, in the on-demand module (loaded first if needed): the file, checked by the
/// engagement crate's reader for this sheet's company, period and grid, with its remarks; or
/// why it cannot be used, in `lang` (each problem with its code).
pub fn read_engagement(
    bytes: &[u8],
    sheet: &vigilance_model::AnswerSheet,
    lang: Lang,
    done: Callback<Result<EngagementRead, String>>,
) {
    imp::read_engagement(bytes, sheet, lang, done)
}

/// What the app shows of the kept engagement file `file` for the answer sheet `sheet` as it is
/// now (see `vigilance_web_module::engagement_view`), computed by the on-demand module (loaded
/// first if needed), then `done`.
pub fn engagement_view(
    file: &serde_json::Value,
    sheet: &vigilance_model::AnswerSheet,
    substantiated: bool,
    lang: Lang,
    done: Callback<Result<serde_json::Value, String>>,
) {
    imp::engagement_view(file, sheet, substantiated, lang, done)
}

/// The same view at once, where the module's code is linked in (natively, for the component
/// tests); `None` in the browser, where it comes from [`engagement_view`].
pub fn engagement_view_now(
    file: &serde_json::Value,
    sheet: &vigilance_model::AnswerSheet,
    substantiated: bool,
    lang: Lang,
) -> Option<serde_json::Value> {
    imp::engagement_view_now(file, sheet, substantiated, lang)
}

/// The kept engagement file written back as the company sends it (checked by the engagement
/// crate's reader), or why it cannot be sent, in `lang`; by the on-demand module.
pub fn export_engagement(
    file: &serde_json::Value,
    lang: Lang,
    done: Callback<Result<String, String>>,
) {
    imp::export_engagement(file, lang, done)
}

/// The results only (levels, profile, coverage) of `req`'s sheet as JSON, loading the module
/// first if needed, then calls `done` with the text or why it could not be written.
pub fn results_json(req: WorkbookRequest, done: Callback<Result<String, String>>) {
    match serde_json::to_string(&req) {
        Ok(json) => imp::results_json(&json, done),
        Err(e) => done.emit(Err(e.to_string())),
    }
}

/// Writes the evidence dossier of `req` (the documents' bytes concatenated in `files`, in the
/// request's order), loading the module first if needed, then calls `done` with its fingerprint
/// and bytes, or why it could not be written.
pub fn pack_dossier(
    req: DossierRequest,
    files: Vec<u8>,
    done: Callback<Result<(String, Vec<u8>), String>>,
) {
    let json = match serde_json::to_string(&req) {
        Ok(j) => j,
        Err(e) => return done.emit(Err(e.to_string())),
    };
    imp::pack_dossier(
        &json,
        files,
        Callback::from(move |r: Result<Vec<u8>, String>| {
            done.emit(r.and_then(|bytes| {
                vigilance_web_module::dossier::split_packed(&bytes)
                    .map(|(fp, zip)| (fp, zip.to_vec()))
                    .ok_or_else(|| "damaged answer from the on-demand module".to_string())
            }))
        }),
    )
}

/// A dossier read: its sheet, documents and fingerprint, and each document's bytes.
pub type DossierContent = (DossierRead, Vec<Vec<u8>>);

/// Reads and verifies an evidence dossier, loading the module first if needed (and the grid its
/// answers are on), then calls `done` with its sheet, documents and fingerprint and each file's
/// bytes, or the refusal in `lang` with its `VG-D` code.
pub fn read_dossier(bytes: &[u8], lang: Lang, done: Callback<Result<DossierContent, String>>) {
    imp::read_dossier(
        bytes,
        lang,
        Callback::from(move |r: Result<Vec<u8>, String>| {
            let read = match r.and_then(|b| vigilance_web_module::dossier::split_read(&b)) {
                Ok(read) => read,
                Err(e) => return done.emit(Err(e)),
            };
            let q = &read.0.sheet.questionnaire;
            let missing = crate::grids::missing([(q.id.as_str(), q.version.as_str())]);
            let done = done.clone();
            let read = std::rc::Rc::new(read);
            load_grids(
                missing,
                Callback::from(move |loaded: Result<(), String>| {
                    done.emit(match loaded {
                        Ok(()) => Ok((*read).clone()),
                        Err(_) => Err(vigilance_text::Web::GridLoadFailed.text(lang).to_string()),
                    })
                }),
            );
        }),
    )
}
