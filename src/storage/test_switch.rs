//! Test-only switches, set by end-to-end tests in local storage under keys outside the
//! app's `kb:` prefix, so the app never writes or lists them as data.
//!
//! `kb-test-cut-off-after` = n: this start's writes stop after n, as if the tab died
//! half-way through a restore. The switch is used up by the start that reads it.

const CUT_OFF_AFTER: &str = "kb-test-cut-off-after";

pub fn cut_off_after() -> Option<usize> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    let budget = storage.get_item(CUT_OFF_AFTER).ok().flatten()?;
    let _used_up = storage.remove_item(CUT_OFF_AFTER);
    budget.trim().parse().ok()
}
