#[cfg(target_arch = "wasm32")]
fn main() {
    klassenblick::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Klassenblick läuft im Browser: scripts/serve startet die App.");
}
