#!/usr/bin/env bash
# Smoke test of the packaged app (installer/target/image/groundwork, or the folder given): the launcher starts on its
# own jlink'd runtime with no display, prints its build, creates the demo study, runs one short epoch of the loop and
# renders the Ideas page to a PNG that must be a drawn page. A module missing from the runtime (package.sh's MODULES)
# fails one of these. Run by .ci/run after ./run-tests; about 40 s on 2 cores.
#
#   scripts/smoke-package.sh [APP_IMAGE_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
image=${1:-$root/installer/target/image/groundwork}
bin="$image/bin/groundwork"
say() { echo "smoke-package: $*" >&2; }
[ -x "$bin" ] || { say "no packaged app at $image: build it with ./groundwork package."; exit 1; }
. "$root/app/launcher/find-jdk25.sh" # only for PngCheck.java; the app itself runs on its own runtime

work=$(mktemp -d /tmp/groundwork-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Its own settings, data, cache and log folders: the smoke test never reads or writes the user's.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
unset DISPLAY WAYLAND_DISPLAY
step() {  # NAME COMMAND...: runs one step, shows its output when it fails
  local name=$1; shift
  local start=$SECONDS
  if ! "$@" >"$work/$name.log" 2>&1; then
    cat "$work/$name.log" >&2
    say "'$name' failed (output above)."
    exit 1
  fi
  say "$name ok ($((SECONDS - start)) s)"
}

step version "$bin" --version
grep -q '^groundwork [0-9].* (commit ' "$work/version.log" || { cat "$work/version.log" >&2; say "--version does not name the build."; exit 1; }
grep -qF "$image/lib/runtime" "$work/version.log" || { cat "$work/version.log" >&2; say "the launcher does not run on its own runtime."; exit 1; }
step new "$bin" new "$work/study"
step run "$bin" run "$work/study" --epochs 1 --ideas-per-epoch 2 --concurrency 2 --auto-approve
step snapshot "$bin" snapshot "$work/study" --page ideas --out "$work/ideas.png" --size 1280x800
step png "$JAVA_HOME/bin/java" "$root/scripts/PngCheck.java" "$work/ideas.png" 1280 800 64
cat "$work/png.log"
step window-without-display sh -c '! "$1" gui "$2" 2>"$3"; grep -q "display" "$3"' sh "$bin" "$work/study" "$work/gui.err"
say "the packaged app works ($image)."
