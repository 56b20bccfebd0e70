#!/usr/bin/env bash
# Builds codearena/robocode:latest when its recipe changed (run by docker/setup.sh, only when
# the arena is used). The JDK and robocode come from the host's own apt sources: the .deb
# closure is resolved against the base image's dpkg status (so exactly what the image lacks),
# downloaded once into a cache, and installed by a `docker build --network none`.
set -euo pipefail
cd "$(dirname "$0")/../../.."
say() { printf '\033[36m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }
image=codearena/robocode:latest
arena=arenas/robocode
pkgs="openjdk-17-jdk-headless libcodesize-java libpicocontainer-java"

base_recipe=$(docker image inspect -f '{{index .Config.Labels "codearena.recipe"}}' codearena/base:latest 2>/dev/null) \
  || die "codearena/base:latest is missing; run docker/setup.sh (it builds the base image first)"
# Everything that goes into the image: the recipe, the driver, the reference bots, the base.
recipe=$( { echo "v1 $pkgs robocode $base_recipe"
  find "$arena/image" "$arena/engine" "$arena/bots" -type f 2>/dev/null | LC_ALL=C sort | xargs -r sha256sum; } \
  | sha256sum | cut -c1-12)
if [ "$(docker image inspect -f '{{index .Config.Labels "codearena.recipe"}}' "$image" 2>/dev/null)" = "$recipe" ]; then
  exit 0
fi

# --- the .deb closure, cached: reused when a previous download completed ---------------------
cache=${XDG_CACHE_HOME:-$HOME/.cache}/codearena/robocode-debs
stamp="v1 $pkgs robocode $base_recipe"
complete() { [ -f "$cache/complete" ] && [ "$(head -1 "$cache/complete")" = "$stamp" ] &&
  tail -n +2 "$cache/complete" | while read -r f; do [ -s "$cache/$f" ] || exit 1; done; }
if ! complete; then
  command -v apt-get >/dev/null || die "the robocode image needs Debian's openjdk-17 and robocode packages, and this host has no apt-get; build codearena/robocode on a Debian/Ubuntu host"
  say "downloading a headless JDK 17 and robocode (Debian packages, about 125 MB, once)"
  mkdir -p "$cache/partial" "$cache/state"
  docker run --rm --network none codearena/base:latest cat /var/lib/dpkg/status >"$cache/state/status.part" \
    || die "could not read the base image's package list"
  mv "$cache/state/status.part" "$cache/state/status"
  apt=(apt-get -q -y -o Dir::State::status="$cache/state/status" -o Dir::Cache::archives="$cache" -o Debug::NoLocking=1)
  resolve() { "${apt[@]}" --download-only install --no-install-recommends $pkgs >"$cache/apt.log" 2>&1 &&
    (cd "$cache" && apt-get -q download robocode >>"$cache/apt.log" 2>&1); }
  if ! resolve; then
    # Package lists missing or stale: refresh them (root only, like setup.sh's apt_install).
    [ "$(id -u)" = 0 ] || die "apt could not download $pkgs robocode (see $cache/apt.log); run 'sudo apt-get update' and re-run"
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
    resolve || die "apt could not download $pkgs robocode; see $cache/apt.log"
  fi
  { echo "$stamp"; (cd "$cache" && ls -1 -- *.deb); } >"$cache/complete.part"
  mv "$cache/complete.part" "$cache/complete"
fi

# --- the image: install the debs in a container (no network), commit, build the rest on it -----
ctx=$(mktemp -d)
stage="codearena/robocode-stage:$recipe"
box="codearena-robocode-build-$$"
cleanup() { docker rm -f "$box" >/dev/null 2>&1 || true; docker rmi "$stage" >/dev/null 2>&1 || true; rm -rf "$ctx"; }
trap cleanup EXIT
mkdir -p "$ctx/debs" "$ctx/bots"
tail -n +2 "$cache/complete" | while read -r f; do ln "$cache/$f" "$ctx/debs/$f" 2>/dev/null || cp "$cache/$f" "$ctx/debs/$f"; done
cp -r "$arena/engine" "$ctx/engine"
if [ -d "$arena/bots" ]; then cp -r "$arena/bots/." "$ctx/bots/"; fi
say "building image codearena/robocode (JDK 17 + robocode 1.9.3.9 + driver)"
docker run --name "$box" --label codearena.role=image-build --network none -v "$ctx/debs:/debs:ro" \
  -v "$(pwd)/$arena/image/install-debs.sh:/install-debs.sh:ro" codearena/base:latest sh /install-debs.sh >"$ctx/build.log" 2>&1 \
  || { cat "$ctx/build.log" >&2; die "installing the JDK and robocode into the image failed (log above)"; }
docker commit "$box" "$stage" >/dev/null
docker rm "$box" >/dev/null
docker build -q --network none --build-arg STAGE="$stage" -t "$image" --label codearena.recipe="$recipe" \
  -f "$arena/image/Dockerfile" "$ctx" >"$ctx/build.log" 2>&1 \
  || { cat "$ctx/build.log" >&2; die "building codearena/robocode failed (log above)"; }
say "codearena/robocode ready ($(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%d MB", $1/1000000}'))"
