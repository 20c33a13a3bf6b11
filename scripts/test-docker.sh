#!/usr/bin/env bash
# A private Docker daemon for Groundwork's tests: its own socket, data root and exec root under DIR, and the network
# flags that keep it from touching this machine's iptables and forwarding (containers get --network none or host).
#
#   scripts/test-docker.sh start DIR [DOCKERD ARGS...]  starts dockerd (root) on unix://DIR/docker.sock, waits for it
#   scripts/test-docker.sh stop DIR                     stops it by its pid, unmounts what it left, removes DIR
#   scripts/test-docker.sh images ENDPOINT              puts the test images on that daemon:
#        groundwork-test/busybox:latest   busybox-static in an empty root (for fast life-cycle tests)
#        groundwork-test/python:3-numpy   Debian minbase + python3 + numpy by debootstrap, cached as a tarball in
#                                         ${XDG_CACHE_HOME:-~/.cache}/groundwork/images (what `groundwork image build` caches)
# Missing packages (docker.io, debootstrap, busybox-static) are installed with apt when run as root.
set -euo pipefail

BUSYBOX_IMAGE=groundwork-test/busybox:latest
PYTHON_IMAGE=groundwork-test/python:3-numpy

say() { echo "test-docker: $*" >&2; }

need_packages() {  # installs the Debian packages whose commands are missing
  local missing=() pkg cmd
  for pair in dockerd:docker.io debootstrap:debootstrap busybox:busybox-static; do
    cmd=${pair%%:*}; pkg=${pair#*:}
    if [ "$pkg" = busybox-static ]; then
      static_busybox >/dev/null || missing+=("$pkg")
    elif ! command -v "$cmd" >/dev/null 2>&1; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing ${missing[*]}; install them as root (apt-get install ${missing[*]})."
    return 1
  fi
  say "installing ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
}

static_busybox() {  # prints a statically linked busybox, which runs in an image with nothing else in it
  local candidate
  for candidate in /bin/busybox /usr/bin/busybox; do
    if [ -x "$candidate" ] && ! ldd "$candidate" >/dev/null 2>&1; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

start() {
  local dir=$1; shift
  if [ "$(id -u)" -ne 0 ]; then say "starting a Docker daemon needs root."; return 1; fi
  need_packages
  mkdir -p "$dir"
  dockerd --host "unix://$dir/docker.sock" --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
    --storage-driver=overlay2 --iptables=false --ip6tables=false --bridge=none --ip-forward=false --ip-masq=false \
    "$@" >>"$dir/dockerd.log" 2>&1 </dev/null &
  local pid=$! i
  for i in $(seq 600); do  # up to a minute: on a loaded 2-core machine containerd took over 30 s once
    if [ -S "$dir/docker.sock" ] && docker -H "unix://$dir/docker.sock" version >/dev/null 2>&1; then
      echo "$pid" >"$dir/dockerd.pid"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  say "dockerd did not start; its log:"; tail -n 20 "$dir/dockerd.log" >&2
  kill -TERM "$pid" 2>/dev/null || true
  return 1
}

stop_pid() {  # TERM, then KILL after $2 tenths of a second
  local pid=$1 tenths=$2 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq "$tenths"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop() {
  local dir=$1 pid
  [ -d "$dir" ] || return 0
  for pidfile in "$dir/dockerd.pid" "$dir/docker.pid" "$dir/exec/containerd/containerd.pid"; do
    if [ -s "$pidfile" ]; then
      pid=$(cat "$pidfile")
      [[ $pid =~ ^[0-9]+$ ]] && stop_pid "$pid" 200
    fi
  done
  # A killed daemon leaves its network namespace and overlay mounts behind; deepest first.
  local mounts
  mounts=$(grep -o " $dir/[^ ]*" /proc/mounts 2>/dev/null | sort -r || true)
  for mount in $mounts; do umount -l "$mount" 2>/dev/null || true; done
  rm -rf "$dir"
}

images() {
  local endpoint=$1
  local docker=(docker -H "$endpoint")
  if ! "${docker[@]}" image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1; then
    local busybox rootfs
    if ! busybox=$(static_busybox); then
      say "no statically linked busybox (apt-get install busybox-static): the fast Docker tests will be skipped."
    else
      rootfs=$(mktemp -d)
      mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/workspace"
      chmod 1777 "$rootfs/tmp"
      cp "$busybox" "$rootfs/bin/busybox"
      for applet in $("$busybox" --list); do [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"; done
      tar -C "$rootfs" -c . | "${docker[@]}" import -c 'ENV PATH=/bin' - "$BUSYBOX_IMAGE" >/dev/null
      rm -rf "$rootfs"
    fi
  fi
  if ! "${docker[@]}" image inspect "$PYTHON_IMAGE" >/dev/null 2>&1; then
    local cache tarball
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/groundwork/images"
    tarball="$cache/$(suite)-python3-numpy.rootfs.tar.gz"
    if [ ! -s "$tarball" ]; then
      build_python "$tarball" || { say "the Python image could not be built: the end-to-end Docker tests will be skipped."; return 0; }
    fi
    gzip -dc "$tarball" | "${docker[@]}" import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      - "$PYTHON_IMAGE" >/dev/null
  fi
}

suite() {  # the Debian release this machine runs (its packages are what the mirror serves)
  local codename
  codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
  echo "debian-${codename:-bookworm}"
}

mirror() {  # the first Debian mirror apt uses here (deb822 sources, then the one-line format)
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '{print ($2 ~ /^\[/) ? $3 : $2}' | grep -v security | head -n1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

build_python() {
  local tarball=$1 rootfs codename
  if [ "$(id -u)" -ne 0 ] || ! command -v debootstrap >/dev/null 2>&1; then
    say "building the Python image needs root and debootstrap."; return 1
  fi
  codename=$(suite); codename=${codename#debian-}
  rootfs=$(mktemp -d)
  say "building the Python test image with debootstrap ($codename from $(mirror)); about a minute, once"
  if ! debootstrap --variant=minbase --include=python3,python3-numpy,libopenblas0-pthread "$codename" "$rootfs" \
      "$(mirror)" >"$rootfs.log" 2>&1; then
    tail -n 5 "$rootfs.log" >&2; rm -rf "$rootfs" "$rootfs.log"; return 1
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs.log"
  mkdir -p "$(dirname "$tarball")"
  tar -C "$rootfs" -c . | gzip -1 >"$tarball.part" && mv "$tarball.part" "$tarball"
  rm -rf "$rootfs"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  images) shift; images "$@" ;;
  *) echo "usage: $0 start DIR [DOCKERD ARGS...] | stop DIR | images ENDPOINT" >&2; exit 2 ;;
esac
