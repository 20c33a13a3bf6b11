#!/usr/bin/env bash
# The launcher's class-data-sharing archive: written by the first run, used by the next ones, and written again once
# the jars are built again. The JVM refuses an archive whose jars changed and never replaces it itself, so without the
# launcher's help every start after a rebuild loaded all its classes from the jars (run by .ci/run after the tests).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
archive="$root/app/target/groundwork.jsa"
jar="$root/app/target/groundwork-app.jar"
fail() { echo "test-launcher-cds: $*" >&2; exit 1; }
# How many classes a start of `groundwork --version` mapped from the launcher's archive (the top layer).
archived() {
  GROUNDWORK_JAVA_OPTS=-Xlog:class+load=info "$root/groundwork" --version | grep -c 'shared objects file (top)' || true
}

[ -f "$jar" ] || "$root/groundwork" --version >/dev/null  # builds the app when the tests did not
rm -f "$archive"
"$root/groundwork" --version >/dev/null
[ -s "$archive" ] || fail "the first run wrote no archive at $archive"
first=$(archived)
[ "$first" -gt 0 ] || fail "the second run mapped no class from the archive"
touch "$jar"  # what a rebuild does to the archive's jars
archived >/dev/null  # runs without an archive and writes a new one as it exits
again=$(archived)
[ "$again" -gt 0 ] || fail "after the jar changed, no run used an archive again ($again classes mapped)"
echo "test-launcher-cds: $first classes from the archive; after the jar changed, $again from a new one." >&2
