use super::super::actions;
use super::super::clock;
use super::super::i18n::texts;
use super::super::state::app_state;
use crate::domain::ids::TraineeId;
use crate::domain::practice::state::Trainee;
use leptos::prelude::*;

/// Who is practising at this machine: pick a trainee or add one. All progress is kept
/// per trainee, so a training room can share one browser.
#[component]
pub fn TraineeBar() -> impl IntoView {
    let state = app_state();
    let t = texts();
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let trainees = Memo::new(move |_| state.practice.with(|p| p.trainees.clone()));
    let active = Memo::new(move |_| state.practice.with(|p| p.active));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let trainee = Trainee {
            id: TraineeId(clock::random_id()),
            name: name.get_untracked(),
            created: clock::today(),
        };
        leptos::task::spawn_local(async move {
            match actions::add_trainee(state, trainee).await {
                Ok(()) => {
                    name.set(String::new());
                    problem.set(None);
                }
                Err(e @ actions::ActionError::Trainee(_)) => problem.set(Some(e.message())),
                Err(_) => {}
            }
        });
    };
    let select = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev).parse().ok().map(TraineeId);
        actions::spawn(actions::choose_trainee(state, id));
    };
    view! {
        <div class="panel trainee-bar">
            <div class="field">
                <label for="trainee-select">{t.trainee_active}</label>
                <select id="trainee-select" data-testid="trainee-select" on:change=select
                    prop:value=move || active.get().map(|id| id.to_string()).unwrap_or_default()>
                    <option value="" disabled=true>{t.trainee_choose}</option>
                    {move || trainees.get().into_iter().map(|trainee| view! {
                        <option value=trainee.id.to_string() selected=move || active.get() == Some(trainee.id)>{trainee.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <form class="trainee-new" on:submit=add>
                <div class="field">
                    <label for="trainee-name">{t.trainee_new_label}</label>
                    <input id="trainee-name" type="text" data-testid="trainee-name" autocomplete="off"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="button-secondary" data-testid="trainee-new">{t.trainee_add}</button>
            </form>
            {move || problem.get().map(|text| view! { <p class="form-errors" role="alert">{text}</p> })}
        </div>
    }
}
