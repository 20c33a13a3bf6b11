#!/bin/sh
# Makes the AppCDS archive of a Groundwork app image where the image lies: a training run of the packaged app (create a
# study, render its Ideas page: the model, the store, the views and JavaFX's controls) archives the classes it loads,
# and every later start maps them instead of parsing them.
#
#   train-cds.sh IMAGE      IMAGE: the app image's folder (holding bin/groundwork and lib/app/groundwork.cfg)
#
# Run by installer/package.sh on the built image, and by the Debian package's postinst on /opt/groundwork: an archive
# records the absolute paths of the jars it was made from, so the JVM rejects one made in the build tree once the image
# is installed elsewhere ("shared class paths mismatch") and the first window would start without it.
# Nothing of the user's is read or written: the run has its own home, settings, data, cache and log folders.
set -eu
image=${1:?usage: train-cds.sh IMAGE}
cfg="$image/lib/app/groundwork.cfg"
archive="$image/lib/app/groundwork.jsa"
use='java-options=-XX:SharedArchiveFile=$APPDIR/groundwork.jsa'
make='java-options=-XX:ArchiveClassesAtExit=$APPDIR/groundwork.jsa'
say() { echo "train-cds: $*" >&2; }

grep -qxF "$use" "$cfg" || { say "$cfg has no line $use"; exit 1; }
train=$(mktemp -d)
restore() { sed -i "s|^$make\$|$use|" "$cfg"; rm -rf "$train"; }
trap restore EXIT
rm -f "$archive"
sed -i "s|^$use\$|$make|" "$cfg"
if ! env -u DISPLAY -u WAYLAND_DISPLAY HOME="$train" XDG_CONFIG_HOME="$train/config" XDG_DATA_HOME="$train/data" \
      XDG_CACHE_HOME="$train/cache" XDG_STATE_HOME="$train/state" \
      sh -c '"$1/bin/groundwork" new "$2/study" && "$1/bin/groundwork" snapshot "$2/study" --page ideas --out "$2/ideas.png"' \
      sh "$image" "$train" >"$train/out.log" 2>&1; then
  cat "$train/out.log" >&2
  rm -f "$archive"
  say "the training run failed (above)."
  exit 1
fi
restore
trap - EXIT
grep -qxF "$use" "$cfg" || { say "could not put the CDS option back into $cfg"; exit 1; }
[ -s "$archive" ] || { say "the training run made no CDS archive"; exit 1; }
