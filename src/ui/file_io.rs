//! Files in and out of the browser: downloads and reading a chosen file.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `content` as a file download.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "no anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// "klassenblick-<stem>-2026-11-27.<extension>": downloads sort by date.
pub fn dated_file_name(stem: &str, date: chrono::NaiveDate, extension: &str) -> String {
    format!(
        "klassenblick-{stem}-{}.{extension}",
        crate::domain::format::dates::iso_date(date)
    )
}

/// Reads the text of the file chosen in the input that fired `ev` and hands it to
/// `done` (`None` when it cannot be read). The input is cleared, so choosing the same
/// file again fires again.
pub fn on_text_chosen(ev: &leptos::ev::Event, done: impl FnOnce(Option<String>) + 'static) {
    if let Some(input) = chosen_input(ev) {
        leptos::task::spawn_local(async move {
            let text = read_text(&input).await;
            input.set_value("");
            done(text);
        });
    }
}

/// As [`on_text_chosen`], with the file's name and raw bytes: CSV files come in several
/// encodings, so they are decoded by the domain, not by the browser.
pub fn on_bytes_chosen(
    ev: &leptos::ev::Event,
    done: impl FnOnce(String, Option<Vec<u8>>) + 'static,
) {
    if let Some(input) = chosen_input(ev) {
        let name = input
            .files()
            .and_then(|f| f.get(0))
            .map(|f| f.name())
            .unwrap_or_default();
        leptos::task::spawn_local(async move {
            let bytes = read_bytes(&input).await;
            input.set_value("");
            done(name, bytes);
        });
    }
}

fn chosen_input(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

async fn read_text(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    let text = JsFuture::from(file.text()).await.ok()?;
    text.as_string()
}

async fn read_bytes(input: &web_sys::HtmlInputElement) -> Option<Vec<u8>> {
    let file = input.files()?.get(0)?;
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
