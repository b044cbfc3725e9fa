//! Where the documents attached to answers are kept: the browser's IndexedDB (database
//! `vigilance`, store `documents`, one record per document, keyed by its id and written in one
//! transaction), never localStorage, which holds only their descriptions (in the saved state).
//!
//! The few lines that talk to IndexedDB are in the page's loader (`boot.js`,
//! `globalThis.vigilanceStore`): smaller than web-sys's IndexedDB bindings and their closures in
//! the first download. This module owns the limits ([`MAX_FILE_BYTES`],
//! [`MAX_ASSESSMENT_BYTES`], and what `navigator.storage.estimate()` grants), the checks made
//! before a file is read ([`check_room`]) and the reasons a document could not be kept
//! ([`StoreError`]), worded in the user's language. A document is added to the assessment only
//! once its bytes are written: a failed write changes nothing already saved.
//!
//! Outside a browser (the native tests) the store is a map in memory.

use vigilance_model::Lang;
use vigilance_text::Web;
use yew::Callback;

/// The largest file that can be attached: 25 MiB.
pub const MAX_FILE_BYTES: u64 = 25 << 20;
/// The most the documents of one assessment can total: 250 MiB (less when the browser grants
/// less room, see [`check_room`]).
pub const MAX_ASSESSMENT_BYTES: u64 = 250 << 20;

/// Why a document could not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The file is over [`MAX_FILE_BYTES`].
    FileTooLarge {
        /// Its name.
        name: String,
        /// Its size in bytes.
        size: u64,
    },
    /// It would take the assessment's documents over [`MAX_ASSESSMENT_BYTES`].
    AssessmentFull {
        /// Its name.
        name: String,
        /// The bytes the assessment's documents take already.
        used: u64,
    },
    /// The browser has no room left (quota exceeded, or the estimate says it will be).
    Quota {
        /// Its name.
        name: String,
    },
    /// The browser does not let the page keep files (a private window, storage disabled).
    Unavailable {
        /// Its name.
        name: String,
    },
    /// The write failed for another reason (the browser's words).
    Failed {
        /// Its name.
        name: String,
        /// The browser's reason.
        error: String,
    },
    /// The file could not be read from the disk (the browser's words).
    Unreadable {
        /// Its name.
        name: String,
        /// The browser's reason.
        error: String,
    },
}

/// Megabytes (MiB) with one decimal, in `lang`'s way: `26,0` / `26.0`.
fn mb(lang: Lang, bytes: u64) -> String {
    lang.decimal(&format!("{:.1}", bytes as f64 / f64::from(1 << 20)))
}

impl StoreError {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StoreError::FileTooLarge { name, size } => Web::EvidenceFileTooLarge.fill(
                lang,
                &[
                    ("name", name),
                    ("size", &mb(lang, *size)),
                    ("limit", &(MAX_FILE_BYTES >> 20)),
                ],
            ),
            StoreError::AssessmentFull { name, used } => Web::EvidenceAssessmentFull.fill(
                lang,
                &[
                    ("name", name),
                    ("used", &mb(lang, *used)),
                    ("limit", &(MAX_ASSESSMENT_BYTES >> 20)),
                ],
            ),
            StoreError::Quota { name } => Web::EvidenceQuota.fill(lang, &[("name", name)]),
            StoreError::Unavailable { name } => {
                Web::EvidenceStoreUnavailable.fill(lang, &[("name", name)])
            }
            StoreError::Failed { name, error } | StoreError::Unreadable { name, error } => {
                Web::EvidenceStoreFailed.fill(lang, &[("name", name), ("error", error)])
            }
        }
    }

    /// The reason a write failed, from the name of the browser's exception.
    pub fn from_browser(name: &str, exception: &str, message: &str) -> StoreError {
        let name = name.to_string();
        match exception {
            "QuotaExceededError" => StoreError::Quota { name },
            "SecurityError" | "InvalidStateError" | "ReferenceError" | "NotSupportedError" => {
                StoreError::Unavailable { name }
            }
            _ => StoreError::Failed {
                name,
                error: message.to_string(),
            },
        }
    }
}

/// Whether a file of `size` bytes named `name` can be kept, the assessment's documents taking
/// `used` bytes already, and the browser granting `quota` bytes with `usage` used (`(0, 0)`
/// when it does not say).
pub fn check_room(
    name: &str,
    size: u64,
    used: u64,
    (usage, quota): (u64, u64),
) -> Result<(), StoreError> {
    let name = name.to_string();
    if size > MAX_FILE_BYTES {
        return Err(StoreError::FileTooLarge { name, size });
    }
    if used.saturating_add(size) > MAX_ASSESSMENT_BYTES {
        return Err(StoreError::AssessmentFull { name, used });
    }
    if quota > 0 && usage.saturating_add(size) > quota {
        return Err(StoreError::Quota { name });
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::state::Document;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = vigilanceStore, js_name = put, catch)]
        fn store_put(key: &str, bytes: &js_sys::Uint8Array) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = vigilanceStore, js_name = get, catch)]
        fn store_get(key: &str) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = vigilanceStore, js_name = remove, catch)]
        fn store_remove(key: &str) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = vigilanceStore, js_name = digest, catch)]
        fn store_digest(key: &str) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(js_namespace = vigilanceStore, js_name = estimate, catch)]
        fn store_estimate() -> Result<js_sys::Promise, JsValue>;
    }

    fn exception(e: &JsValue) -> (String, String) {
        let text = |k: &str| {
            js_sys::Reflect::get(e, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        (text("name"), text("message"))
    }

    async fn settle(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
        JsFuture::from(p?).await
    }

    async fn put_array(
        name: &str,
        key: &str,
        array: &js_sys::Uint8Array,
    ) -> Result<(), StoreError> {
        settle(store_put(key, array))
            .await
            .map(|_| ())
            .map_err(|e| {
                let (ex, message) = exception(&e);
                StoreError::from_browser(name, &ex, &message)
            })
    }

    async fn estimate_now() -> (u64, u64) {
        let Ok(v) = settle(store_estimate()).await else {
            return (0, 0);
        };
        let a = js_sys::Array::from(&v);
        let n = |i| a.get(i).as_f64().unwrap_or(0.0).max(0.0) as u64;
        (n(0), n(1))
    }

    /// A key no other document of this browser has: the time and a random part.
    fn new_id() -> String {
        let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        format!("{:x}-{random:08x}", js_sys::Date::now() as u64)
    }

    /// `YYYY-MM-DD` of a time in milliseconds (UTC).
    fn day_of(ms: f64) -> Option<String> {
        let iso = String::from(js_sys::Date::new(&JsValue::from_f64(ms)).to_iso_string());
        iso.get(..10).map(str::to_string)
    }

    pub fn store_files(
        files: Vec<web_sys::File>,
        used: u64,
        done: Callback<Result<Document, StoreError>>,
    ) {
        wasm_bindgen_futures::spawn_local(async move {
            let (mut usage, quota) = estimate_now().await;
            let mut used = used;
            for file in files {
                let name = file.name();
                let size = file.size().max(0.0) as u64;
                if let Err(e) = check_room(&name, size, used, (usage, quota)) {
                    done.emit(Err(e));
                    continue;
                }
                let array = match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => js_sys::Uint8Array::new(&buffer),
                    Err(e) => {
                        let error = exception(&e).1;
                        done.emit(Err(StoreError::Unreadable { name, error }));
                        continue;
                    }
                };
                let id = new_id();
                if let Err(e) = put_array(&name, &id, &array).await {
                    done.emit(Err(e));
                    continue;
                }
                used += size;
                usage += size;
                // The browser's media type (the dossier's writer names it from the extension).
                let media_type = file.type_();
                done.emit(Ok(Document {
                    id,
                    title: None,
                    media_type,
                    size,
                    date: day_of(file.last_modified()),
                    valid_until: None,
                    answers: Vec::new(),
                    name,
                }));
            }
        });
    }

    pub fn put(name: String, key: String, bytes: Vec<u8>, done: Callback<Result<(), StoreError>>) {
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        drop(bytes);
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(put_array(&name, &key, &array).await);
        });
    }

    pub fn get(key: String, done: Callback<Option<Vec<u8>>>) {
        wasm_bindgen_futures::spawn_local(async move {
            let v = settle(store_get(&key)).await.ok();
            done.emit(
                v.filter(|v| v.is_instance_of::<js_sys::Uint8Array>())
                    .map(|v| js_sys::Uint8Array::new(&v).to_vec()),
            );
        });
    }

    pub fn remove(key: String) {
        // A file left behind takes room only: nothing refers to it any more.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = settle(store_remove(&key)).await;
        });
    }

    pub fn digest_all(keys: Vec<String>, done: Callback<Vec<String>>) {
        wasm_bindgen_futures::spawn_local(async move {
            let mut out = Vec::with_capacity(keys.len());
            for key in keys {
                let hex = settle(store_digest(&key)).await.ok();
                out.push(hex.and_then(|v| v.as_string()).unwrap_or_default());
            }
            done.emit(out);
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use crate::state::Document;
    use std::cell::RefCell;
    use std::collections::HashMap;

    thread_local! {
        static STORE: RefCell<HashMap<String, Vec<u8>>> = RefCell::new(HashMap::new());
    }

    pub fn store_files(
        _files: Vec<web_sys::File>,
        _used: u64,
        _done: Callback<Result<Document, StoreError>>,
    ) {
        // No file is ever picked outside a browser.
    }

    pub fn put(_name: String, key: String, bytes: Vec<u8>, done: Callback<Result<(), StoreError>>) {
        STORE.with(|s| s.borrow_mut().insert(key, bytes));
        done.emit(Ok(()));
    }

    pub fn get(key: String, done: Callback<Option<Vec<u8>>>) {
        done.emit(STORE.with(|s| s.borrow().get(&key).cloned()));
    }

    pub fn remove(key: String) {
        STORE.with(|s| s.borrow_mut().remove(&key));
    }

    pub fn digest_all(keys: Vec<String>, done: Callback<Vec<String>>) {
        let hex = |k: &String| {
            STORE.with(|s| {
                s.borrow()
                    .get(k)
                    .map(|b| vigilance_dossier::sha256_hex(b))
                    .unwrap_or_default()
            })
        };
        done.emit(keys.iter().map(hex).collect());
    }
}

/// Keeps the files picked or dropped, one after the other: each is checked against the limits
/// (before it is read), read, and written under a new key; `done` is called for each with its
/// document (supporting no answer yet, dated by its modification time) or why it was not kept.
/// `used`: the bytes the assessment's documents take already.
pub fn store_files(
    files: Vec<web_sys::File>,
    used: u64,
    done: Callback<Result<crate::state::Document, StoreError>>,
) {
    imp::store_files(files, used, done)
}

/// Writes the bytes of the document `name` under `key`, in one transaction, then calls `done`.
pub fn put(name: String, key: String, bytes: Vec<u8>, done: Callback<Result<(), StoreError>>) {
    imp::put(name, key, bytes, done)
}

/// Reads the bytes kept under `key` (`None`: not there, or the store cannot be read).
pub fn get(key: String, done: Callback<Option<Vec<u8>>>) {
    imp::get(key, done)
}

/// Reads the bytes kept under each of `keys`, in order, then calls `done` (`Err` with the
/// first key missing).
pub fn get_all(keys: Vec<String>, done: Callback<Result<Vec<Vec<u8>>, String>>) {
    fn next(
        mut keys: std::vec::IntoIter<String>,
        got: Vec<Vec<u8>>,
        done: Callback<Result<Vec<Vec<u8>>, String>>,
    ) {
        let Some(key) = keys.next() else {
            return done.emit(Ok(got));
        };
        let k = key.clone();
        get(
            key,
            Callback::from(move |bytes: Option<Vec<u8>>| match bytes {
                Some(b) => {
                    let mut got = got.clone();
                    got.push(b);
                    next(keys.clone(), got, done.clone());
                }
                None => done.emit(Err(k.clone())),
            }),
        );
    }
    next(keys.into_iter(), Vec::new(), done)
}

/// The SHA-256 (hex) of the bytes kept under each of `keys`, in order (empty for a key whose
/// bytes are missing, or when the browser has no Web Crypto), then calls `done`.
pub fn digest_all(keys: Vec<String>, done: Callback<Vec<String>>) {
    imp::digest_all(keys, done)
}

/// Removes the bytes kept under `key` (a failure only leaves room taken).
pub fn remove(key: String) {
    imp::remove(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_25_mb_a_file_and_250_mb_an_assessment_or_the_browsers_room() {
        assert_eq!(check_room("a.pdf", MAX_FILE_BYTES, 0, (0, 0)), Ok(()));
        let big = check_room("big.pdf", MAX_FILE_BYTES + 1, 0, (0, 0));
        assert!(matches!(big, Err(StoreError::FileTooLarge { .. })));
        let text = big.err().map(|e| e.text(Lang::En)).unwrap_or_default();
        assert!(text.contains("big.pdf") && text.contains("25 MB"), "{text}");
        let fr = StoreError::FileTooLarge {
            name: "gros.pdf".into(),
            size: 30 << 20,
        }
        .text(Lang::Fr);
        assert!(fr.contains("gros.pdf") && fr.contains("25"), "{fr}");
        let used = MAX_ASSESSMENT_BYTES - 10;
        assert!(matches!(
            check_room("c.pdf", 11, used, (0, 0)),
            Err(StoreError::AssessmentFull { .. })
        ));
        assert_eq!(check_room("c.pdf", 10, used, (0, 0)), Ok(()));
        // The browser grants less than the limit: its figure wins.
        assert!(matches!(
            check_room("d.pdf", 2 << 20, 0, (9 << 20, 10 << 20)),
            Err(StoreError::Quota { .. })
        ));
    }

    #[test]
    fn a_failed_write_is_told_apart_by_the_browsers_exception() {
        let q = StoreError::from_browser("x.pdf", "QuotaExceededError", "");
        assert_eq!(
            q,
            StoreError::Quota {
                name: "x.pdf".into()
            }
        );
        let private = StoreError::from_browser("x.pdf", "InvalidStateError", "");
        assert!(private.text(Lang::Fr).contains("x.pdf"));
        assert!(matches!(
            StoreError::from_browser("x.pdf", "UnknownError", "disk"),
            StoreError::Failed { .. }
        ));
    }
}
