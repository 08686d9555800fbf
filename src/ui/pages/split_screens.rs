//! The screens that a first visit does not need. Each is a split point: the release build
//! (scripts/split-build.mjs) moves its code into a chunk of its own, fetched when the
//! screen is first opened. Other builds call them directly.

use super::super::components::lazy_screen::ChunkLoadFailed;
use super::data::DataPage;
use super::outreach::OutreachPage;
use super::playbook::PlaybookPage;
use super::practice::PracticePage;
use super::settings::SettingsPage;
use leptos::prelude::*;

#[leptos::wasm_split::wasm_split(practice, wasm_split_path = leptos::wasm_split, fallible)]
pub fn practice_screen() -> Result<AnyView, ChunkLoadFailed> {
    Ok(view! { <PracticePage/> }.into_any())
}

#[leptos::wasm_split::wasm_split(playbook, wasm_split_path = leptos::wasm_split, fallible)]
pub fn playbook_screen() -> Result<AnyView, ChunkLoadFailed> {
    Ok(view! { <PlaybookPage/> }.into_any())
}

#[leptos::wasm_split::wasm_split(data, wasm_split_path = leptos::wasm_split, fallible)]
pub fn data_screen() -> Result<AnyView, ChunkLoadFailed> {
    Ok(view! { <DataPage/> }.into_any())
}

#[leptos::wasm_split::wasm_split(settings, wasm_split_path = leptos::wasm_split, fallible)]
pub fn settings_screen() -> Result<AnyView, ChunkLoadFailed> {
    Ok(view! { <SettingsPage/> }.into_any())
}

#[leptos::wasm_split::wasm_split(outreach, wasm_split_path = leptos::wasm_split, fallible)]
pub fn outreach_screen() -> Result<AnyView, ChunkLoadFailed> {
    Ok(view! { <OutreachPage/> }.into_any())
}
