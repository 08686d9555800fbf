use super::super::i18n::texts;
use leptos::prelude::*;
use leptos_router::components::A;

/// The top bar: product name and one link per screen.
#[component]
pub fn TopNav() -> impl IntoView {
    let t = texts();
    let links: [(&str, &str, &str); 8] = [
        ("/", t.nav_board, "nav-board"),
        ("/kunden", t.nav_customers, "nav-customers"),
        ("/anruf", t.nav_call, "nav-call"),
        ("/ansprache", t.nav_outreach, "nav-outreach"),
        ("/leitfaden", t.nav_playbook, "nav-playbook"),
        ("/ueben", t.nav_practice, "nav-practice"),
        ("/daten", t.nav_data, "nav-data"),
        ("/einstellungen", t.nav_settings, "nav-settings"),
    ];
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"K"</span>
                <span class="brand-name">{t.app_name}</span>
            </div>
            <nav aria-label=t.nav_label>
                <ul class="nav-links">
                    {links
                        .into_iter()
                        .map(|(href, label, testid)| {
                            view! {
                                <li>
                                    <A href=href exact=true attr:data-testid=testid>
                                        {label}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
