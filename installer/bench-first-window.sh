#!/usr/bin/env bash
# First-window benchmark: time from launch to the first painted window of the packaged workbench against a bare JavaFX
# window with one label (installer/src/main/java/.../BareWindow.java), both app images on the same jlink'd runtime with
# the same java options (natives beside the jars; native access is the runtime's own; each its own AppCDS archive),
# alternating, under one Xvfb server. Each process writes the wall-clock time of its first painted frame
# (GROUNDWORK_FIRST_PAINT_FILE, see app.gui.FirstPaintProbe); launch-to-paint is that minus the time taken just before
# the launch. The workbench opens the demo study (made in a warm-up round), and also reports when the study is shown.
#
#   installer/bench-first-window.sh [ROUNDS] [COLD_ROUNDS]      defaults 10 and 5; needs Xvfb (apt-get install xvfb)
# Build first: mvn -Pinstaller -Djpackage.type=app-image package -pl installer -am. Cold rounds drop the page cache
# before each launch (root only: /proc/sys/vm/drop_caches); they are skipped with a sentence otherwise.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
rounds=${1:-10}
cold_rounds=${2:-5}
target="$here/target"
app="$target/image/groundwork"
say() { echo "bench-first-window: $*" >&2; }
[ -x "$app/bin/groundwork" ] || { say "no app image at $app: build it with mvn -Pinstaller -Djpackage.type=app-image package -pl installer -am."; exit 1; }
bare_jar=$(ls "$target"/groundwork-installer-*.jar 2>/dev/null | head -n1)
[ -n "$bare_jar" ] || { say "no installer jar (the bare window) in $target: build as above."; exit 1; }
command -v Xvfb >/dev/null || { say "Xvfb is not installed (apt-get install xvfb)."; exit 1; }
java_home=${JAVA_HOME:?JAVA_HOME must name a JDK 25 (for jpackage)}

work=$(mktemp -d /tmp/groundwork-first-window.XXXXXX)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The bare window's app image, made like the workbench's (package.sh) on the very same runtime.
bare_input="$work/bare-input"
mkdir -p "$bare_input"
cp "$bare_jar" "$target"/app-input/javafx-*.jar "$target"/app-input/*.so "$bare_input/"
"$java_home/bin/jpackage" --type app-image --dest "$work/bare" --name bare-window --input "$bare_input" \
  --main-jar "$(basename "$bare_jar")" --main-class dev.groundwork.installer.BareWindow --runtime-image "$target/runtime" \
  --java-options '-Djava.library.path=$APPDIR' \
  --java-options '-XX:ArchiveClassesAtExit=$APPDIR/bare-window.jsa' --java-options '-Xlog:cds=off' --java-options '-Xlog:cds+dynamic=off'
bare="$work/bare/bare-window"

display=:$(( 90 + RANDOM % 400 ))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

export DISPLAY=$display XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
unset WAYLAND_DISPLAY

launch() {  # NAME: launches it once; prints "first_paint_ms study_shown_ms" (study_shown is "-" for the bare window)
  local name=$1 out="$work/paint" start
  rm -f "$out"
  start=$(date +%s%N)
  if [ "$name" = bare ]; then
    GROUNDWORK_FIRST_PAINT_FILE=$out "$bare/bin/bare-window" >>"$work/bare.log" 2>&1
  else
    GROUNDWORK_FIRST_PAINT_FILE=$out "$app/bin/groundwork" gui >>"$work/workbench.log" 2>&1
  fi
  [ -s "$out" ] || { say "$name wrote no paint time; its log:"; tail -n 20 "$work/$name.log" >&2; exit 1; }
  local paint study
  paint=$(sed -n 's/^first_paint_us=//p' "$out"); study=$(sed -n 's/^study_shown_us=//p' "$out")
  awk -v s="$start" -v p="$paint" -v t="${study:--}" 'BEGIN {
    printf "%.0f %s\n", p / 1000 - s / 1e6, (t == "-" ? "-" : sprintf("%.0f", t / 1000 - s / 1e6)) }'
}

# Warm-up: trains the bare window's CDS archive (its first run writes it; then the option is switched to use it) and
# creates the demo study the workbench opens.
launch bare >/dev/null
sed -i 's|^java-options=-XX:ArchiveClassesAtExit=|java-options=-XX:SharedArchiveFile=|' "$bare/lib/app/bare-window.cfg"
launch bare >/dev/null
launch workbench >/dev/null
launch workbench >/dev/null

can_drop=0
if [ "$cold_rounds" -gt 0 ]; then
  if [ -w /proc/sys/vm/drop_caches ]; then can_drop=1; else say "cold rounds skipped: dropping the page cache needs root (/proc/sys/vm/drop_caches)."; fi
fi

series() {  # KIND N: N alternating rounds; appends "kind name paint study" lines to $work/results
  local kind=$1 n=$2 i name
  for i in $(seq "$n"); do
    for name in bare workbench; do
      [ "$kind" = cold ] && { sync; echo 3 >/proc/sys/vm/drop_caches; }
      echo "$kind $name $(launch "$name")" >>"$work/results"
    done
  done
}
series warm "$rounds"
[ "$can_drop" = 1 ] && series cold "$cold_rounds"

echo "# first painted window, launch to paint in ms (median [min–max]); $(nproc) cores, Xvfb 1600x1000x24"
awk '
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { k = $1; if ($2 == "bare") { nb[k]++; b[k, nb[k]] = $3 } else { nw[k]++; w[k, nw[k]] = $3; ns[k]++; s[k, ns[k]] = $4 } }
  END {
    for (k in nb) {
      n = nb[k]; delete x; delete y; delete z; delete r
      for (i = 1; i <= n; i++) { x[i] = b[k, i]; y[i] = w[k, i]; z[i] = s[k, i]; r[i] = w[k, i] / b[k, i] }
      mb = median(x, n); mw = median(y, n); ms = median(z, n); mr = median(r, n)
      printf "%s (%d rounds each): bare window %.0f [%.0f–%.0f]  workbench %.0f [%.0f–%.0f]  workbench/bare %.2f (pairwise median %.2f)  study shown %.0f [%.0f–%.0f]\n",
        k, n, mb, x[1], x[n], mw, y[1], y[n], mw / mb, mr, ms, z[1], z[n]
    }
  }' "$work/results"
