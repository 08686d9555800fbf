use super::super::components::drill_panel::DrillPanel;
use super::super::components::group_session_view::GroupSessionView;
use super::super::components::progress_panel::ProgressPanel;
use super::super::components::rehearse::Rehearse;
use super::super::components::trainee_bar::TraineeBar;
use super::super::i18n::texts;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Rehearse,
    Drill,
    Session,
    Progress,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Rehearse, Tab::Drill, Tab::Session, Tab::Progress];

    fn key(self) -> &'static str {
        match self {
            Tab::Rehearse => "rehearse",
            Tab::Drill => "drill",
            Tab::Session => "session",
            Tab::Progress => "progress",
        }
    }
}

/// The practice phase ("Übungsphase"): rehearsal with spaced repetition, the
/// class-glance drill, group sessions and progress, all per trainee.
#[component]
pub fn PracticePage() -> impl IntoView {
    let t = texts();
    let tab = RwSignal::new(Tab::Rehearse);
    let label = move |tab: Tab| match tab {
        Tab::Rehearse => t.practice.tab_rehearse,
        Tab::Drill => t.practice.tab_drill,
        Tab::Session => t.practice.tab_session,
        Tab::Progress => t.practice.tab_progress,
    };
    view! {
        <section class="page-head">
            <h1>{t.practice.title}</h1>
            <p class="muted">{t.practice.intro}</p>
        </section>
        <TraineeBar/>
        <div class="tabs" role="tablist" aria-label=t.practice.title>
            {Tab::ALL.into_iter().map(|each| view! {
                <button role="tab" class="tab" data-testid=format!("practice-tab-{}", each.key())
                    aria-selected=move || (tab.get() == each).to_string()
                    on:click=move |_| tab.set(each)>{label(each)}</button>
            }).collect_view()}
        </div>
        <div role="tabpanel">
            {move || match tab.get() {
                Tab::Rehearse => view! { <Rehearse/> }.into_any(),
                Tab::Drill => view! { <DrillPanel/> }.into_any(),
                Tab::Session => view! { <GroupSessionView/> }.into_any(),
                Tab::Progress => view! { <ProgressPanel/> }.into_any(),
            }}
        </div>
    }
}
