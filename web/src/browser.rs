//! The few things the app asks of the browser besides rendering: the user's language, the
//! clock, downloads, printing, focus, the page title and history entries, file reading and
//! performance marks.
//!
//! Each function has a browser implementation (`target_arch = "wasm32"`) and a native stand-in
//! that does nothing, so that the components render natively in the SSR tests.

#[cfg(target_arch = "wasm32")]
mod imp {
    use vigilance_model::Lang;
    use wasm_bindgen::{JsCast, JsValue};
    use yew::Callback;

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    fn document() -> Option<web_sys::Document> {
        window()?.document()
    }

    pub fn detect_lang() -> Lang {
        window()
            .and_then(|w| w.navigator().language())
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or(Lang::En)
    }

    pub fn now_iso() -> Option<String> {
        let d = js_sys::Date::new_0();
        d.to_iso_string().as_string().map(|s| match s.find('.') {
            // `2026-11-27T10:00:00.123Z` -> `2026-11-27T10:00:00Z`
            Some(dot) => format!("{}Z", &s[..dot]),
            None => s,
        })
    }

    pub fn now_ms() -> f64 {
        window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    pub fn mark(name: &str) {
        if let Some(p) = window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
    }

    pub fn bench_iterations() -> u32 {
        window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| h.strip_prefix("#bench=").and_then(|n| n.parse().ok()))
            .map_or(0, |n: u32| n.min(100_000))
    }

    pub fn set_root_data(name: &str, value: &str) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute(&format!("data-{name}"), value);
        }
    }

    pub fn set_document_lang(lang: Lang) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.code());
        }
    }

    pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
        let err = |e: JsValue| format!("{e:?}");
        let doc = document().ok_or("no document")?;
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob =
            web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
        let a: web_sys::HtmlAnchorElement = doc
            .create_element("a")
            .map_err(err)?
            .dyn_into()
            .map_err(|_| "not an anchor".to_string())?;
        a.set_href(&url);
        a.set_download(file_name);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
        // Revoke later: the download has started by the time the next task runs.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                10_000,
            );
        }
        Ok(())
    }

    pub fn print() {
        if let Some(w) = window() {
            let _ = w.print();
        }
    }

    pub fn focus(id: &str, top: bool) {
        let Some(doc) = document() else { return };
        let Some(el) = doc.get_element_by_id(id) else {
            return;
        };
        align(&doc, &el, top);
        if let Ok(h) = el.clone().dyn_into::<web_sys::HtmlElement>() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = h.focus_with_options(&opts);
        }
        // Once more at the next frame, when the view just rendered has been laid out (on a slow
        // device the first scroll can be measured against a layout still changing), unless the
        // focus has moved on since.
        let again = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(doc) = document()
                && doc.active_element().as_ref() == Some(&el)
            {
                align(&doc, &el, top);
            }
        });
        if let Some(w) = window() {
            let _ = w.request_animation_frame(again.unchecked_ref());
        }
    }

    /// Scrolls `el` to the top of the window, below the sticky toolbar (`top`), or to its middle.
    fn align(doc: &web_sys::Document, el: &web_sys::Element, top: bool) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        // At once, whatever the style sheet's smooth scrolling: the toolbar is measured below.
        opts.set_behavior(web_sys::ScrollBehavior::Instant);
        opts.set_block(if top {
            web_sys::ScrollLogicalPosition::Start
        } else {
            web_sys::ScrollLogicalPosition::Center
        });
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if top {
            // The style sheet's scroll-padding-top leaves room for the sticky toolbar; should
            // the toolbar be taller than that (it wraps on narrow windows), scroll by the rest.
            // Only a toolbar stuck at the top of the window covers anything.
            let toolbar = stuck_toolbar_bottom(doc);
            let top_now = el.get_bounding_client_rect().top();
            if let (Some(bottom), Some(w)) = (toolbar, window())
                && bottom > 0.0
                && top_now < bottom + 8.0
                && top_now >= 0.0
            {
                let by = web_sys::ScrollToOptions::new();
                by.set_top(top_now - bottom - 8.0);
                by.set_behavior(web_sys::ScrollBehavior::Instant);
                w.scroll_by_with_scroll_to_options(&by);
            }
        }
    }

    /// The bottom of the questionnaire's toolbar when it is stuck at the top of the window.
    fn stuck_toolbar_bottom(doc: &web_sys::Document) -> Option<f64> {
        doc.query_selector(".toolbar")
            .ok()
            .flatten()
            .map(|t| t.get_bounding_client_rect())
            .filter(|r| r.top() <= 0.5)
            .map(|r| r.bottom())
    }

    pub fn keep_focus_clear() {
        let Some(w) = window() else { return };
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::FocusEvent)>::new(
            move |e: web_sys::FocusEvent| {
                let Some(el) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                // After the browser's own scrolling to the focused control.
                let later = wasm_bindgen::closure::Closure::once_into_js(move || {
                    let (Some(doc), Some(w)) = (document(), window()) else {
                        return;
                    };
                    if el.closest(".toolbar").ok().flatten().is_some() {
                        return;
                    }
                    let top = el.get_bounding_client_rect().top();
                    if let Some(bottom) = stuck_toolbar_bottom(&doc)
                        && top < bottom + 4.0
                    {
                        let by = web_sys::ScrollToOptions::new();
                        by.set_top(top - bottom - 8.0);
                        by.set_behavior(web_sys::ScrollBehavior::Instant);
                        w.scroll_by_with_scroll_to_options(&by);
                    }
                });
                if let Some(w) = window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                        later.unchecked_ref(),
                        0,
                    );
                }
            },
        );
        let _ = w.add_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref());
        listener.forget();
    }

    pub fn set_title(title: &str) {
        if let Some(d) = document() {
            d.set_title(title);
        }
    }

    pub fn history_state() -> Option<String> {
        window()?.history().ok()?.state().ok()?.as_string()
    }

    pub fn history_push(place: &str, replace: bool) {
        let Some(h) = window().and_then(|w| w.history().ok()) else {
            return;
        };
        let state = JsValue::from_str(place);
        let _ = if replace {
            h.replace_state(&state, "")
        } else {
            h.push_state(&state, "")
        };
    }

    pub fn on_history(f: Callback<String>) {
        let Some(w) = window() else { return };
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::PopStateEvent)>::new(
            move |e: web_sys::PopStateEvent| {
                if let Some(place) = e.state().as_string() {
                    f.emit(place);
                }
            },
        );
        let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        // Listens for the page's whole life.
        listener.forget();
    }

    /// A file being read; dropping it cancels the reading.
    pub struct Reading(#[allow(dead_code)] gloo::file::callbacks::FileReader);

    pub fn read_picked_file(
        input: &web_sys::HtmlInputElement,
        done: Callback<(String, Result<Vec<u8>, String>)>,
    ) -> Option<Reading> {
        let file = input.files()?.get(0)?;
        let name = file.name();
        // Let the same file be picked again later.
        input.set_value("");
        let file = gloo::file::File::from(file);
        let reader = gloo::file::callbacks::read_as_bytes(&file, move |res| {
            done.emit((name, res.map_err(|e| e.to_string())));
        });
        Some(Reading(reader))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use vigilance_model::Lang;
    use yew::Callback;

    pub fn detect_lang() -> Lang {
        Lang::Fr
    }

    pub fn now_iso() -> Option<String> {
        None
    }

    pub fn now_ms() -> f64 {
        0.0
    }

    pub fn mark(_name: &str) {}

    pub fn bench_iterations() -> u32 {
        0
    }

    pub fn set_root_data(_name: &str, _value: &str) {}

    pub fn set_document_lang(_lang: Lang) {}

    pub fn download(_file_name: &str, _mime: &str, _bytes: &[u8]) -> Result<(), String> {
        Err("downloads need a browser".into())
    }

    pub fn print() {}

    pub fn focus(_id: &str, _top: bool) {}

    pub fn set_title(_title: &str) {}

    pub fn keep_focus_clear() {}

    pub fn history_state() -> Option<String> {
        None
    }

    pub fn history_push(_place: &str, _replace: bool) {}

    pub fn on_history(_f: Callback<String>) {}

    /// A file being read (never, outside a browser).
    pub struct Reading;

    pub fn read_picked_file(
        _input: &web_sys::HtmlInputElement,
        _done: Callback<(String, Result<Vec<u8>, String>)>,
    ) -> Option<Reading> {
        None
    }
}

pub use imp::Reading;

/// The language of the browser (`navigator.language`), English when neither French nor English.
pub fn detect_lang() -> vigilance_model::Lang {
    imp::detect_lang()
}

/// The current time, RFC 3339 in UTC (`None` outside a browser).
pub fn now_iso() -> Option<String> {
    imp::now_iso()
}

/// A monotonic clock in milliseconds (`performance.now()`).
pub fn now_ms() -> f64 {
    imp::now_ms()
}

/// Adds a `performance.mark` (read by the benchmark).
pub fn mark(name: &str) {
    imp::mark(name)
}

/// How many times to repeat scoring for the benchmark (`#bench=N` in the address; 0 otherwise).
pub fn bench_iterations() -> u32 {
    imp::bench_iterations()
}

/// Sets `data-<name>` on the root element (figures read by the benchmark).
pub fn set_root_data(name: &str, value: &str) {
    imp::set_root_data(name, value)
}

/// Sets `<html lang>`, so that screen readers pronounce the page in the right language.
pub fn set_document_lang(lang: vigilance_model::Lang) {
    imp::set_document_lang(lang)
}

/// Offers `bytes` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    imp::download(file_name, mime, bytes)
}

/// Opens the print dialog (print or save as PDF).
pub fn print() {
    imp::print()
}

/// Scrolls to the element `id` and gives it the keyboard focus: with `top`, the element lands at
/// the top of the window, below the sticky toolbar; otherwise in the middle.
pub fn focus(id: &str, top: bool) {
    imp::focus(id, top)
}

/// From now on, a control focused under the questionnaire's sticky toolbar (Tab, Shift+Tab) is
/// scrolled clear of it (the style sheet's `scroll-padding-top` is not always honoured when the
/// control is partly visible).
pub fn keep_focus_clear() {
    imp::keep_focus_clear()
}

/// Sets `document.title` (what the tab, the history and a saved PDF are named).
pub fn set_title(title: &str) {
    imp::set_title(title)
}

/// The text of the current browser-history entry, if the app wrote one.
pub fn history_state() -> Option<String> {
    imp::history_state()
}

/// Adds a browser-history entry holding `place` (or, with `replace`, rewrites the current one),
/// without changing the address.
pub fn history_push(place: &str, replace: bool) {
    imp::history_push(place, replace)
}

/// Calls `f` with the text of the history entry the user goes back (or forward) to.
pub fn on_history(f: yew::Callback<String>) {
    imp::on_history(f)
}

/// Reads the file picked in `input`, then calls `done` with its name and bytes.
pub fn read_picked_file(
    input: &web_sys::HtmlInputElement,
    done: yew::Callback<(String, Result<Vec<u8>, String>)>,
) -> Option<Reading> {
    imp::read_picked_file(input, done)
}
