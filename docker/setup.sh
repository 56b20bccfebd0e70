#!/usr/bin/env bash
# Idempotent set-up shared by `npm start`, `npm test` and `npm run bench`: npm dependencies, a
# Docker daemon, the images arenas run in, and what only some commands need (the web app; Chromium
# for the end-to-end tests; PostgreSQL for the campaign queue tests; the CLI harnesses the tests
# run). Fast (a few seconds) when everything is already in place.
# Each step says what it does; a step that cannot be done prints the fix and exits non-zero.
#   setup.sh [--for start|test|bench|all]   (default all: everything any command needs)
#   setup.sh --arena <id>                    just what one arena needs: Docker, the base image, its image
#   setup.sh --harness <id>                  just one CLI harness (claude-code, codex) into the host cache
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=all
only_arena=
only_harness=
usage='usage: setup.sh [--for start|test|bench|all] | --arena <id> | --harness <id>'
while [ $# -gt 0 ]; do
  case "$1" in
    --for) purpose=${2:-}; shift 2 || shift ;;
    --for=*) purpose=${1#--for=}; shift ;;
    --arena) only_arena=${2:-}; shift 2 || shift ;;
    --arena=*) only_arena=${1#--arena=}; shift ;;
    --harness) only_harness=${2:-}; shift 2 || shift ;;
    --harness=*) only_harness=${1#--harness=}; shift ;;
    *) printf '[setup] unknown argument %s; %s\n' "$1" "$usage" >&2; exit 2 ;;
  esac
done
case "$purpose" in
  start|test|bench|all) ;;
  *) printf '[setup] --for takes start, test, bench or all, not "%s"\n' "$purpose" >&2; exit 2 ;;
esac
if [ -n "$only_arena" ]; then
  if ! [[ "$only_arena" =~ ^[a-z0-9-]+$ ]] || [ ! -d "arenas/$only_arena" ]; then
    printf '[setup] --arena takes an arena id (%s), not "%s"\n' "$(cd arenas && ls -d -- */ | tr -d / | tr '\n' ' ')" "$only_arena" >&2
    exit 2
  fi
  purpose=arena
fi
if [ -n "$only_harness" ]; then
  [ -z "$only_arena" ] || { printf '[setup] give --arena or --harness, not both\n' >&2; exit 2; }
  if ! [[ "$only_harness" =~ ^[a-z0-9-]+$ ]] || [ ! -f "agents/cli/harnesses/$only_harness/package.json" ]; then
    printf '[setup] --harness takes a harness id (%s), not "%s"\n' "$(cd agents/cli/harnesses && ls -d -- */ | tr -d / | tr '\n' ' ')" "$only_harness" >&2
    exit 2
  fi
  purpose=harness
fi
needs() { for p in "$@"; do [ "$purpose" = all ] || [ "$purpose" = "$p" ] && return 0; done; return 1; }
# With --arena, only that arena's image (and what it stands on) is needed.
needs_arena() { if [ -n "$only_arena" ]; then [ "$1" = "$only_arena" ]; else needs "${@:2}"; fi; }
root=$(pwd)
say() { printf '\033[36m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  is_root || die "need root to install $*; install them yourself (Debian: sudo apt-get install -y $*) and re-run"
  command -v apt-get >/dev/null || die "$* missing and this is not a Debian/Ubuntu machine; install them and re-run"
  if [ $apt_updated = 0 ]; then say "apt-get update"; DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null; apt_updated=1; fi
  say "installing $* (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- 1. npm dependencies: reinstall only when package-lock.json changed -----------------------
# Only what npm installs from counts (dependencies, workspaces, the lock file): a new script line
# in a package.json must not wipe node_modules under a running test.
deps_hash() {
  node -e 'const fs = require("fs");
    const keys = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "workspaces", "overrides"];
    for (const f of process.argv.slice(1)) {
      try { const p = JSON.parse(fs.readFileSync(f, "utf8")); process.stdout.write(f + JSON.stringify(keys.map((k) => p[k] ?? null)) + "\n"); } catch {}
    }' package.json */package.json arenas/*/package.json agents/*/package.json | cat - package-lock.json 2>/dev/null | sha256sum | cut -c1-16
}
if [ -z "$only_arena" ] && [ "$(cat node_modules/.codearena-lock 2>/dev/null)" != "$(deps_hash)" ]; then
  say "installing npm dependencies"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error >&2; else npm install --no-audit --no-fund --loglevel=error >&2; fi
  deps_hash > node_modules/.codearena-lock
fi

# --- 1b. CLI harnesses (Claude Code, Codex) into the host cache: tests run the real programs -----
# Pinned by agents/cli/harnesses/<id>/; installed with `npm ci --ignore-scripts` (about 400 MB
# each, once) by the same installer `codearena run` uses at a harness's first use; a cached
# install is checked in well under a second. Never fetched inside a container.
harnesses=
if [ -n "$only_harness" ]; then harnesses=$only_harness
elif needs test; then harnesses=$(cd agents/cli/harnesses && ls -d -- */ | tr -d / | tr '\n' ' ')
fi
if [ -n "$harnesses" ]; then
  # shellcheck disable=SC2086 # ids are [a-z0-9-]
  node --import tsx agents/cli/src/install/setup-harnesses.ts $harnesses || die "installing the CLI harness(es) $harnesses failed (see above)"
fi
[ -n "$only_harness" ] && { say "ready (harness $only_harness)"; exit 0; }

# --- 2. Docker daemon: use a working one, otherwise install and start Debian's --------------
docker_ok() { timeout 10 docker info >/dev/null 2>&1; }
if ! docker_ok; then
  if ! command -v dockerd >/dev/null; then apt_install docker.io; fi
  is_root || die "no Docker daemon answers; start it (sudo systemctl start docker) or add yourself to the docker group, then re-run"
  log=/var/log/codearena-dockerd.log
  say "starting dockerd in the background (log: $log)"
  # --bridge=none: containers never get a network; codearena talks to them over stdio only.
  # setsid: its own session, so Ctrl-C of the command that started it (npm start) never stops it.
  setsid nohup dockerd --bridge=none --iptables=false >>"$log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do docker_ok && break; sleep 1; done
  docker_ok || die "dockerd did not answer within 60 s; see $log"
fi

# --- 3. Base image: registry pull + build where a registry answers, else debootstrap ---------
# The recipe's hash is a label, so changing the package list rebuilds the image.
base_pkgs="bash,coreutils,python3,nodejs,git,procps,ca-certificates"
recipe=$(printf 'v1 %s' "$base_pkgs" | sha256sum | cut -c1-12)
have_recipe() { [ "$(docker image inspect -f '{{index .Config.Labels "codearena.recipe"}}' "$1" 2>/dev/null)" = "$2" ]; }
if ! have_recipe codearena/base:latest "$recipe"; then
  built=0
  if [ "${CODEARENA_NO_PULL:-}" != 1 ] && timeout 60 docker pull -q debian:bookworm-slim >/dev/null 2>&1; then
    say "building codearena/base from debian:bookworm-slim"
    if docker build -q -t codearena/base:latest --label codearena.recipe="$recipe" \
         --build-arg PKGS="${base_pkgs//,/ }" -f docker/base.Dockerfile docker >/dev/null; then built=1; fi
  fi
  if [ $built = 0 ]; then
    say "no registry image; building codearena/base with debootstrap (about a minute)"
    command -v debootstrap >/dev/null || apt_install debootstrap
    is_root || die "debootstrap needs root; run this set-up once as root"
    mirror=$(node docker/debian-mirror.mjs) || die "could not read a Debian mirror from the apt sources"
    cache=${XDG_CACHE_HOME:-$HOME/.cache}/codearena
    mkdir -p "$cache"
    tarball="$cache/base-$recipe.tar"
    if [ ! -s "$tarball" ]; then
      tmp=$(mktemp -d)
      trap 'rm -rf "$tmp"' EXIT
      debootstrap --variant=minbase --include="$base_pkgs" bookworm "$tmp/rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $cache/debootstrap.log"
      rm -rf "$tmp/rootfs/var/cache/apt/archives/"*.deb "$tmp/rootfs/var/lib/apt/lists/"*
      tar -C "$tmp/rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
      rm -rf "$tmp"; trap - EXIT
    fi
    docker import --change "LABEL codearena.recipe=$recipe" \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' \
      "$tarball" codearena/base:latest >/dev/null
  fi
  say "codearena/base ready"
fi

# --- 4. Arena images on top of the base: arenas/<id>/Dockerfile builds codearena/<id>; an arena
# with arenas/<id>/image/build.sh (a large image, e.g. a JDK) builds its own, and only when
# something will use it: tests, bench, all, or --arena <id> (the demo of `npm start` does not).
for dir in arenas/*/; do
  id=$(basename "$dir")
  if [ -f "$dir/image/build.sh" ]; then
    if needs_arena "$id" test bench; then bash "$dir/image/build.sh"; fi
  elif [ -f "$dir/Dockerfile" ] && needs_arena "$id" start test bench; then
    df="$dir/Dockerfile"
    h=$( (cat "$df"; echo "$recipe") | sha256sum | cut -c1-12)
    if ! have_recipe "codearena/$id:latest" "$h"; then
      say "building image codearena/$id"
      docker build -q --network none -t "codearena/$id:latest" --label codearena.recipe="$h" -f "$df" "$dir" >/dev/null
    fi
  fi
done
[ -n "$only_arena" ] && { say "ready (arena $only_arena)"; exit 0; }

# --- 5. Chromium for the end-to-end tests of the web view (*.e2e.test.ts): tests only ---------
# Debian's package at /usr/bin/chromium; playwright-core drives it (no browser download).
if needs test && [ ! -x /usr/bin/chromium ]; then
  if is_root && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then apt_install chromium
  else say "Chromium missing: the web view's end-to-end tests need it (Debian: sudo apt-get install -y chromium)"; fi
fi

# --- 6. PostgreSQL for the campaign queue tests (`codearena pg start` runs a private server) ---
# Debian's package only: the tests start their own server in a temp dir. Its postinst makes a
# `main` cluster and may start it (invoke-rc.d; without systemd it usually does not): we forbid
# starting services while installing and stop any cluster it started anyway.
pg_ready() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if needs test bench && ! pg_ready; then
  if is_root && command -v apt-get >/dev/null; then
    policy=/usr/sbin/policy-rc.d ours=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; ours=1; trap 'rm -f "$policy"' EXIT; fi
    apt_install postgresql
    if [ $ours = 1 ]; then rm -f "$policy"; trap - EXIT; fi
    if command -v pg_lsclusters >/dev/null; then
      pg_lsclusters -h 2>/dev/null | while read -r ver name _ status _; do
        if [ "$status" = online ]; then say "stopping Debian's own PostgreSQL cluster $ver/$name"; pg_ctlcluster "$ver" "$name" stop || true; fi
      done
    fi
  else say "PostgreSQL missing: the campaign queue tests need it (Debian: sudo apt-get install -y postgresql)"; fi
fi

# --- 7. Web view: build web/dist when its sources changed (a few seconds); bench serves none ---
if needs start test; then node web/scripts/build.mjs; fi

say "ready"
