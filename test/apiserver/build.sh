#!/usr/bin/env bash
# Builds the binaries of the apiserver test harness: kube-apiserver, kubectl,
# kube-scheduler and kube-controller-manager (from the k8s.io/kubernetes Go
# module, test/apiserver/go/kubernetes), etcd (from go.etcd.io/etcd/server/v3,
# test/apiserver/go/etcd) and kwok (from sigs.k8s.io/kwok, test/apiserver/go/kwok).
#
# Idempotent and cached: the binaries go to
#   ${MULTICNI_APISERVER_CACHE:-$HOME/.cache/cdk8s-multicni/apiserver}/<key>/
# where <key> is a hash of the three Go modules (go.mod, go.sum, *.go) and of the
# build settings below; when that directory already holds the binaries nothing
# is built. Installs what it needs (Go >= 1.24, openssl) through apt when it is
# missing, so it works on a fresh machine.
#
# Usage: build.sh            build if needed; the last stdout line is the directory
#        build.sh --cached   print the directory if already built, else exit 3
#        build.sh --dir      print the directory the binaries go to (built or not)
#        build.sh --yamlreader-path   print the path of the yamlreader helper (built or not)
# It also builds yamlreader (test/apiserver/go/yamlreader: kubectl's YAML reader, for
# test/app/kubectl-read.test.ts), cached apart under its own key, so that editing it
# never rebuilds Kubernetes.
# All progress goes to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GO_SRC="$HERE/go"
CACHE_ROOT="${MULTICNI_APISERVER_CACHE:-$HOME/.cache/cdk8s-multicni/apiserver}"
BINARIES=(kube-apiserver kubectl kube-scheduler kube-controller-manager etcd kwok)
MIN_GO_MINOR=24 # k8s.io/kubernetes v1.32 and etcd v3.5 declare go 1.23, sigs.k8s.io/kwok v0.7 go 1.24
# Part of the cache key: bump when the way the binaries are built changes.
BUILD_FORMAT="v1 CGO_ENABLED=0 -trimpath -ldflags=-s -w +version"

log() { echo "build.sh: $*" >&2; }

cache_key() {
  {
    echo "$BUILD_FORMAT"
    (cd "$GO_SRC" && find . -path ./yamlreader -prune -o -type f \( -name go.mod -o -name go.sum -o -name '*.go' \) -print | LC_ALL=C sort |
      while read -r f; do echo "== $f"; cat "$f"; done)
  } | sha256sum | cut -c1-16
}

OUT="$CACHE_ROOT/$(cache_key)"

# ---- yamlreader: its own module, key and binary --------------------------------
YAMLREADER_SRC="$GO_SRC/yamlreader"
YAMLREADER_BIN="$CACHE_ROOT/yamlreader-$(cd "$YAMLREADER_SRC" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)/yamlreader"
build_yamlreader() {
  [ -x "$YAMLREADER_BIN" ] && return 0
  log "building yamlreader into $YAMLREADER_BIN"
  local dir; dir="$(dirname "$YAMLREADER_BIN")"
  mkdir -p "$dir.tmp-$$"
  (cd "$YAMLREADER_SRC" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" \
    go build -trimpath -ldflags="-s -w" -o "$dir.tmp-$$/yamlreader" .)
  rm -rf "$dir" && mv "$dir.tmp-$$" "$dir"
}

have_binaries() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$1/$b" ] || return 1; done
}

case "${1:-}" in
  --dir) echo "$OUT"; exit 0 ;;
  --yamlreader-path) echo "$YAMLREADER_BIN"; exit 0 ;;
  --cached) if have_binaries "$OUT"; then touch "$OUT" 2>/dev/null || true; echo "$OUT"; exit 0; else exit 3; fi ;;
  "") ;;
  *) echo "usage: $0 [--cached|--dir|--yamlreader-path]" >&2; exit 2 ;;
esac

if have_binaries "$OUT" && [ -x "$YAMLREADER_BIN" ]; then
  touch "$OUT" 2>/dev/null || true # marks it used (see the pruning at the end)
  log "cached: $OUT"
  echo "$OUT"
  exit 0
fi

# ---- prerequisites -----------------------------------------------------------

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || { log "cannot install $* (no apt-get)"; return 1; }
  if [ -z "$APT_UPDATED" ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

go_minor() { # prints the minor version of the go on PATH, e.g. 26 for go1.26.8
  command -v go >/dev/null || return 1
  go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p'
}

go_ok() { local m; m="$(go_minor)" && [ -n "$m" ] && [ "$m" -ge "$MIN_GO_MINOR" ]; }

# Newest packaged golang-1.N-go with N >= MIN_GO_MINOR, from the apt lists given by "$@" (apt options).
newest_go_pkg() {
  apt-cache "$@" search --names-only '^golang-1\.[0-9]+-go$' 2>/dev/null |
    sed -n 's/^golang-1\.\([0-9][0-9]*\)-go .*/\1/p' | sort -n |
    awk -v min="$MIN_GO_MINOR" '$1 >= min { v = $1 } END { if (v) print "golang-1." v "-go" }'
}

install_go() {
  local pkg codename priv opts=()
  command -v apt-get >/dev/null || { log "Go >= 1.$MIN_GO_MINOR is needed and there is no apt-get to install it"; return 1; }
  if [ -z "$APT_UPDATED" ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
  pkg="$(newest_go_pkg)"
  if [ -z "$pkg" ]; then
    # Debian stable's own Go may be too old (bookworm: 1.19); its backports
    # suite has newer ones. Use it through private apt lists so the machine's
    # apt configuration is left as it was.
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    [ -n "$codename" ] || { log "no Go >= 1.$MIN_GO_MINOR in apt and unknown release"; return 1; }
    priv="$CACHE_ROOT/.apt"
    rm -rf "$priv" && mkdir -p "$priv/sources.list.d" "$priv/lists/partial"
    cp /etc/apt/sources.list.d/* "$priv/sources.list.d/" 2>/dev/null || true
    [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$priv/sources.list.d/00-main.list"
    echo "deb http://deb.debian.org/debian $codename-backports main" >"$priv/sources.list.d/zz-backports.list"
    opts=(-o "Dir::Etc::sourcelist=/dev/null" -o "Dir::Etc::sourceparts=$priv/sources.list.d"
      -o "Dir::State::Lists=$priv/lists")
    apt-get "${opts[@]}" update -qq >&2
    pkg="$(newest_go_pkg "${opts[@]}")"
    [ -n "$pkg" ] || { log "no Go >= 1.$MIN_GO_MINOR in apt, even in $codename-backports"; return 1; }
    opts+=(-t "$codename-backports")
  fi
  log "installing $pkg"
  DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" install -y -qq --no-install-recommends "$pkg" >&2
  local gobin="/usr/lib/go-${pkg#golang-}" # golang-1.N-go -> /usr/lib/go-1.N-go
  export PATH="${gobin%-go}/bin:$PATH"      # -> /usr/lib/go-1.N/bin
}

if ! go_ok; then
  # A packaged Go (from an earlier run) that is installed but not on PATH?
  for d in $(ls -d /usr/lib/go-1.* 2>/dev/null | sort -t. -k2 -n -r); do
    [ -x "$d/bin/go" ] || continue
    saved="$PATH"; export PATH="$d/bin:$PATH"
    go_ok && break
    export PATH="$saved"
  done
fi
if ! go_ok; then
  log "Go >= 1.$MIN_GO_MINOR not found (have: $(go version 2>/dev/null || echo none)); installing it with apt"
  install_go
  go_ok || { log "Go install failed"; exit 1; }
fi
# The harness makes its certificates with openssl.
command -v openssl >/dev/null || apt_install openssl ca-certificates

build_yamlreader

# ---- build -------------------------------------------------------------------

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
log "waiting for the build lock $CACHE_ROOT/.lock"
flock 9
if have_binaries "$OUT"; then # another build.sh finished it meanwhile
  echo "$OUT"
  exit 0
fi

# Use the local toolchain (never download one), link statically, stamp no VCS
# info (the modules live inside this repo's git tree), and insist that the
# committed go.mod/go.sum are complete. 2 cores: 2 parallel compile jobs.
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"
JOBS="${MULTICNI_APISERVER_BUILD_JOBS:-2}"

K8S_VERSION="$(cd "$GO_SRC/kubernetes" && go list -m -f '{{.Version}}' k8s.io/kubernetes)" # e.g. v1.32.13
K8S_MINOR="$(echo "$K8S_VERSION" | cut -d. -f2)"
vflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  vflags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$K8S_MINOR -X $pkg.gitTreeState=clean"
done

TMP="$CACHE_ROOT/.tmp-$(basename "$OUT")-$$"
rm -rf "$TMP" && mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT

start=$(date +%s)
log "$(go version); building kubernetes $K8S_VERSION (kube-apiserver, kubectl, kube-scheduler, kube-controller-manager) into $OUT"
# One go build for the four: their shared packages are compiled once.
(cd "$GO_SRC/kubernetes" && go build -p "$JOBS" -trimpath -ldflags="-s -w$vflags" -o "$TMP/" \
  ./kube-apiserver ./kubectl ./kube-scheduler ./kube-controller-manager)
log "building etcd $(cd "$GO_SRC/etcd" && go list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3)"
(cd "$GO_SRC/etcd" && go build -p "$JOBS" -trimpath -ldflags="-s -w" -o "$TMP/" .)
# kwok is its own module: it needs k8s.io v0.33 libraries, the four above v0.32 (a
# v0.33 client against a v1.32 server is within the client-go version skew).
log "building kwok $(cd "$GO_SRC/kwok" && go list -m -f '{{.Version}}' sigs.k8s.io/kwok)"
(cd "$GO_SRC/kwok" && go build -p "$JOBS" -trimpath -ldflags="-s -w" -o "$TMP/" sigs.k8s.io/kwok/cmd/kwok)
"$TMP/kube-apiserver" --version >&2
"$TMP/kwok" --version >&2
"$TMP/etcd" --version | head -1 >&2

rm -rf "$OUT" && mv "$TMP" "$OUT"
trap - EXIT
# Drop builds for other (older) go.mod/go.sum versions not touched for 30 days.
find "$CACHE_ROOT" -mindepth 1 -maxdepth 1 -type d -regex '.*/[0-9a-f]\{16\}' ! -path "$OUT" -mtime +30 \
  -exec rm -rf {} + 2>/dev/null || true
log "built in $(($(date +%s) - start))s: $OUT"
echo "$OUT"
