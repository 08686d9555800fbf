//! Links inside the app, wherever it is served: at a site's root or under a sub-path such
//! as `/klassenblick/`. The start script (`pwa/start.js`) writes that path to
//! `<html data-base>` before the app starts.

use leptos::prelude::*;
use leptos_router::components::ToHref;

/// The path the app is served under, for the router: `""` at the site root,
/// `"/klassenblick"` under a sub-path.
pub fn app_base() -> String {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-base"))
        .map(|base| base.trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// The router's link for an app path such as `/kunden/7`, with the app's base in front.
/// (The router puts the base in front of what it navigates to, but not of link targets.)
#[component]
pub fn A<H>(
    /// An app path (`/kunden`); a relative target is left as it is.
    href: H,
    /// Marked as the current page only on exactly this path.
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView
where
    H: ToHref + Send + Sync + 'static,
{
    let base = app_base();
    let target = move || {
        let path = href.to_href()();
        if path.starts_with('/') {
            format!("{base}{path}")
        } else {
            path
        }
    };
    view! {
        <leptos_router::components::A href=target exact=exact>
            {children()}
        </leptos_router::components::A>
    }
}
