#!/usr/bin/env bash
# Installs whatever the build and the tests need and skips what is already there.
# Sourced by scripts/serve and scripts/test. Everything comes from crates.io, npm or apt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  # Without --locked: the locked set asks for a webpki-roots the registry no longer serves.
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
    || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
    cargo install --force --version "$WASM_BINDGEN_VERSION" wasm-bindgen-cli
  fi
}

ensure_wasm_split() {
  # scripts/split-build.mjs cuts the wasm by screen with it; Trunk 0.21 cannot.
  # The binary prints no version, so ask cargo which one it installed.
  if ! command -v wasm-split-cli >/dev/null \
    || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes)"
    cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
  fi
}

ensure_npm_packages() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
    || [ ! -d node_modules/@axe-core/playwright ] || [ ! -x node_modules/.bin/lighthouse ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (binaryen, @playwright/test, @axe-core/playwright, lighthouse)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromium-driver from apt"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

ensure_crates() {
  # Trunk builds offline, so the crates must be in the local registry first.
  cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_npm_packages
  ensure_crates
}

ICS_VENV="$ROOT/.venv-ics"

# Python's icalendar package, a real parser for the calendar-file check, in a virtual
# environment of its own. Returns 1 when there is no python3 to build it with.
ensure_icalendar() {
  if [ -x "$ICS_VENV/bin/python" ] && "$ICS_VENV/bin/python" -c "import icalendar" 2>/dev/null; then
    return 0
  fi
  command -v python3 >/dev/null || return 1
  say "installing Python's icalendar into $ICS_VENV"
  python3 -m venv "$ICS_VENV"
  "$ICS_VENV/bin/pip" install --quiet icalendar
}
