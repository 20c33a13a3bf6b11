#!/usr/bin/env bash
# Installs Groundwork's .deb in a clean Debian container with no JDK and checks what a researcher gets: the `groundwork`
# command (--version on the bundled runtime, new, a headless snapshot of a drawn page), the menu entry, the window
# opening under Xvfb on the demo study, the AppCDS archive in use from /opt, an upgrade that keeps the user's studies,
# settings and keys, and a removal that leaves them alone. Root only (it starts a private Docker daemon with
# scripts/test-docker.sh and stops it by pid); the container reaches the Debian mirror for the package's dependencies.
# Not part of CI (several minutes: apt installs GTK); run it after ./groundwork package.
#
#   scripts/test-deb-in-container.sh [PATH/groundwork_VERSION_ARCH.deb]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deb=${1:-$(ls "$root"/installer/target/dist/groundwork_*.deb 2>/dev/null | head -n1)}
say() { echo "test-deb: $*" >&2; }
[ -f "$deb" ] || { say "no .deb: build it with ./groundwork package (or give its path)."; exit 1; }
[ "$(id -u)" -eq 0 ] || { say "this test needs root (it starts a private Docker daemon)."; exit 1; }
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
start=$SECONDS

work=$(mktemp -d /tmp/groundwork-deb-test.XXXXXX)
docker_dir="$work/docker"
cleanup() { "$root/scripts/test-docker.sh" stop "$docker_dir"; rm -rf "$work"; }
trap cleanup EXIT
"$root/scripts/test-docker.sh" start "$docker_dir"
endpoint="unix://$docker_dir/docker.sock"
# The test image: Debian minbase with python3 and numpy, no Java (debootstrap, cached; see test-docker.sh).
"$root/scripts/test-docker.sh" images "$endpoint"
image=groundwork-test/python:3-numpy
docker -H "$endpoint" image inspect "$image" >/dev/null

# The upgrade: the same package as version +1 (repacked uncompressed: only the version differs).
mkdir -p "$work/pkg" "$work/out" "$work/next"
cp "$deb" "$work/pkg/groundwork_current.deb"
dpkg-deb -R "$deb" "$work/next/root"
version=$(sed -n 's/^Version: //p' "$work/next/root/DEBIAN/control")
sed -i "s/^Version: .*/Version: $version.1/" "$work/next/root/DEBIAN/control"
fakeroot dpkg-deb -Znone -b "$work/next/root" "$work/pkg/groundwork_next.deb" >/dev/null
rm -rf "$work/next"

cat >"$work/pkg/inside.sh" <<'EOF'
set -eu
check() { echo "CHECK $*"; }
fail() { echo "FAIL $*"; exit 1; }
export DEBIAN_FRONTEND=noninteractive
if command -v java >/dev/null 2>&1 || ls /usr/lib/jvm >/dev/null 2>&1; then fail "the image has a Java"; fi
check "no Java in the image"
apt-get update -q >/dev/null
apt-get install -y -q /pkg/groundwork_current.deb >/tmp/apt.log 2>&1 || { tail -n 30 /tmp/apt.log; fail "apt install"; }
check "apt install ./groundwork_*.deb: $(grep -c '^Setting up' /tmp/apt.log) packages set up"
grep -q 'preparing the class-data archive' /tmp/apt.log || fail "postinst did not train the class-data archive"
grep -q 'no class-data archive' /tmp/apt.log && { tail -n 30 /tmp/apt.log; fail "postinst could not train the class-data archive"; }
command -v java >/dev/null 2>&1 && fail "installing groundwork installed a Java"
[ "$(command -v groundwork)" = /usr/bin/groundwork ] || fail "groundwork is not on the PATH"
groundwork --version | tee /out/version.txt
grep -q '/opt/groundwork/lib/runtime' /out/version.txt || fail "the command does not run on the bundled runtime"
desktop=$(ls /usr/share/applications/*groundwork*.desktop) || fail "no menu entry"
cat "$desktop"; cp "$desktop" /out/
grep -q '^Exec=/opt/groundwork/bin/groundwork' "$desktop" || fail "the menu entry does not start groundwork"
check "menu entry $desktop"

useradd -m researcher
su researcher -c 'cd && groundwork new studies/demo' || fail "new"
su researcher -c 'cd && groundwork snapshot studies/demo --page ideas --out ideas.png --size 1280x800' || fail "snapshot"
cp /home/researcher/ideas.png /out/ideas.png
check "new and a headless snapshot as a user"

# The class-data-sharing archive maps from /opt (the image was trained elsewhere): log it once.
cfg=/opt/groundwork/lib/app/groundwork.cfg
sed -i 's/^java-options=-Xlog:cds=off$/java-options=-Xlog:cds=info/' "$cfg"
su researcher -c 'groundwork --version' >/tmp/cds.log 2>&1
sed -i 's/^java-options=-Xlog:cds=info$/java-options=-Xlog:cds=off/' "$cfg"
grep -q 'Opened shared archive file /opt/groundwork/lib/app/groundwork.jsa' /tmp/cds.log || { cat /tmp/cds.log; fail "the AppCDS archive is not used"; }
grep -qi 'unable to use shared archive\|mismatch\|error' /tmp/cds.log && { cat /tmp/cds.log; fail "the AppCDS archive is rejected or degraded"; }
grep -q 'Mapped dynamic region' /tmp/cds.log || { cat /tmp/cds.log; fail "the app's dynamic archive was not mapped"; }
grep -q 'full module graph: enabled' /tmp/cds.log || { cat /tmp/cds.log; fail "the runtime's archived module graph is off"; }
check "AppCDS archive made by postinst maps from /opt, with the archived module graph"

# No display: one sentence and a non-zero exit.
if su researcher -c 'cd && groundwork gui studies/demo' 2>/tmp/gui.err; then fail "the window claimed to open without a display"; fi
cat /tmp/gui.err; grep -q "needs a display" /tmp/gui.err || fail "no sentence about the display"
check "no display: says so, exits non-zero"

# The window on the demo study under Xvfb, from the menu entry's command.
apt-get install -y -q --no-install-recommends xvfb xauth x11-apps imagemagick >/tmp/apt-x.log 2>&1 || { tail -n 20 /tmp/apt-x.log; fail "apt install xvfb"; }
su researcher -c 'cd && GROUNDWORK_FIRST_PAINT_FILE=/tmp/paint xvfb-run -a -s "-screen 0 1600x1000x24" /opt/groundwork/bin/groundwork' \
  >/tmp/window.log 2>&1 || { cat /tmp/window.log; fail "the window did not open"; }
grep -q first_paint_us /tmp/paint && grep -q study_shown_us /tmp/paint || { cat /tmp/window.log; fail "the window painted nothing"; }
check "the window opened the demo study under Xvfb"

# Upgrade: studies, settings and keys stay (they are in the user's home, never in /opt).
su researcher -c 'mkdir -p ~/.config/groundwork && echo "{\"providers\":{\"openai\":{\"api_key\":\"sk-test-kept\"}}}" > ~/.config/groundwork/settings.json && chmod 600 ~/.config/groundwork/settings.json'
before=$(cd /home/researcher && find .config studies -type f | sort | xargs sha256sum)
apt-get install -y -q /pkg/groundwork_next.deb >/tmp/apt-up.log 2>&1 || { tail -n 20 /tmp/apt-up.log; fail "upgrade"; }
dpkg -s groundwork | grep '^Version'
after=$(cd /home/researcher && find .config studies -type f | sort | xargs sha256sum)
[ "$before" = "$after" ] || fail "the upgrade changed the user's files"
[ -x /usr/bin/groundwork ] || fail "the upgrade lost the groundwork command"
check "upgrade kept $(echo "$before" | wc -l) user files byte for byte; groundwork still on the PATH"
su researcher -c 'cd && groundwork status studies/demo' >/dev/null || fail "status after the upgrade"
before=$(cd /home/researcher && find .config studies -type f | sort | xargs sha256sum)

apt-get remove -y -q groundwork >/tmp/apt-rm.log 2>&1 || { tail -n 20 /tmp/apt-rm.log; fail "remove"; }
[ ! -e /usr/bin/groundwork ] || fail "remove left /usr/bin/groundwork"
[ ! -e /opt/groundwork ] || fail "remove left /opt/groundwork"
ls /usr/share/applications/*groundwork* 2>/dev/null && fail "remove left the menu entry"
after=$(cd /home/researcher && find .config studies -type f | sort | xargs sha256sum)
[ "$before" = "$after" ] || fail "removing the package changed the user's files"
apt-get purge -y -q groundwork >/dev/null 2>&1 || true
[ -d /home/researcher/studies/demo ] || fail "purge removed the studies"
check "remove and purge took /opt, the command and the menu entry, and left the user's studies and settings"
echo ALL-OK
EOF

say "installing $(basename "$deb") in $image"
docker -H "$endpoint" run --rm --network host -v "$work/pkg:/pkg:ro" -v "$work/out:/out" "$image" sh /pkg/inside.sh \
  | tee "$work/inside.log"
grep -q '^ALL-OK$' "$work/inside.log" || { say "the package failed in the container (above)."; exit 1; }
. "$root/app/launcher/find-jdk25.sh"
"$JAVA_HOME/bin/java" "$root/scripts/PngCheck.java" "$work/out/ideas.png" 1280 800 64
mkdir -p "$root/installer/target/deb-test" && cp "$work/out/"* "$root/installer/target/deb-test/"
say "the .deb installs and works in a clean container with no JDK ($((SECONDS - start)) s; its files in installer/target/deb-test)."
