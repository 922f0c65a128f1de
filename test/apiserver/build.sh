#!/usr/bin/env bash
# Builds the binaries of the apiserver test harness, for every Kubernetes version it tests:
#   kubernetes-1.NN/{kube-apiserver,kube-scheduler,kube-controller-manager}
#                      from the k8s.io/kubernetes Go module in test/apiserver/go/kubernetes-1.NN (one per version)
#   kubectl            from the newest of those modules (one kubectl serves every tested server: client skew)
#   etcd               from go.etcd.io/etcd/server/v3 (test/apiserver/go/etcd)
#   kwok               from sigs.k8s.io/kwok (test/apiserver/go/kwok)
# and puts each version's OpenAPI v3 spec (api/openapi-spec/v3/*.json of the same k8s.io/kubernetes module)
# where the unit tests' schema validator finds it:
#   ${MULTICNI_APISERVER_CACHE:-$HOME/.cache/cdk8s-multicni/apiserver}/openapi/<v1.NN.P>/*.json
#
# Idempotent and cached: the binaries go to
#   ${MULTICNI_APISERVER_CACHE:-$HOME/.cache/cdk8s-multicni/apiserver}/<key>/
# where <key> is a hash of every Go module under test/apiserver/go but the two helpers below (go.mod, go.sum, *.go) and of the
# build settings below; when that directory already holds the binaries nothing is built. Installs what
# it needs (Go >= 1.26, openssl) through apt when it is missing, so it works on a fresh machine.
#
# Usage: build.sh            build if needed; the last stdout line is the directory
#        build.sh --cached   print the directory if already built, else exit 3
#        build.sh --dir      print the directory the binaries go to (built or not)
#        build.sh --openapi  only fetch the OpenAPI specs (a module download, no build); prints their root
#        build.sh --yamlreader-path       print the path of the yamlreader helper (built or not)
#        build.sh --cilium-operator-path  print the path of cilium-operator-generic (built or not)
# It also builds two helpers, each from its own module under its own cache key, so that editing
# one never rebuilds Kubernetes (nor the other way round):
#   yamlreader               test/apiserver/go/yamlreader: kubectl's YAML reader, for test/app/kubectl-read.test.ts
#   cilium-operator-generic  test/apiserver/go/cilium-operator: github.com/cilium/cilium's operator (the
#                            generic variant, build tag ipam_provider_operator), for the cluster scenarios
# All progress goes to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GO_SRC="$HERE/go"
CACHE_ROOT="${MULTICNI_APISERVER_CACHE:-$HOME/.cache/cdk8s-multicni/apiserver}"
OPENAPI_ROOT="$CACHE_ROOT/openapi"
# One module dir per tested Kubernetes version, oldest first: kubernetes-1.35 kubernetes-1.37 ...
mapfile -t K8S_MODULES < <(cd "$GO_SRC" && ls -d kubernetes-1.* | sort -V)
[ ${#K8S_MODULES[@]} -gt 0 ] || { echo "build.sh: no $GO_SRC/kubernetes-1.* module" >&2; exit 1; }
MIN_GO_MINOR=26 # k8s.io/kubernetes v1.37, etcd v3.6.17 and sigs.k8s.io/kwok v0.8 declare go 1.26
GO_TOOLCHAIN=go1.26.8 # what an older Go (>= 1.21) fetches for itself when no Go >= 1.26 is packaged
# Part of the cache key: bump when the way the binaries are built changes.
BUILD_FORMAT="v2 CGO_ENABLED=0 -trimpath -ldflags=-s -w +version kubernetes-1.NN/"

log() { echo "build.sh: $*" >&2; }

cache_key() {
  {
    echo "$BUILD_FORMAT"
    (cd "$GO_SRC" && find . \( -path ./yamlreader -o -path ./cilium-operator -o -path ./kustomize \) -prune -o -type f \( -name go.mod -o -name go.sum -o -name '*.go' \) -print | LC_ALL=C sort |
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

# ---- cilium-operator-generic: its own module, key and binary -------------------
CILIUM_OPERATOR_SRC="$GO_SRC/cilium-operator"
# Part of its key, with its go.mod and go.sum: bump when the way it is built changes.
CILIUM_OPERATOR_FORMAT="v1 CGO_ENABLED=0 -tags ipam_provider_operator -trimpath -ldflags=-s -w +version"
CILIUM_OPERATOR_BIN="$CACHE_ROOT/cilium-operator-$(cd "$CILIUM_OPERATOR_SRC" && { echo "$CILIUM_OPERATOR_FORMAT"; cat go.mod go.sum; } | sha256sum | cut -c1-16)/cilium-operator-generic"
build_cilium_operator() {
  [ -x "$CILIUM_OPERATOR_BIN" ] && return 0
  local dir; dir="$(dirname "$CILIUM_OPERATOR_BIN")"
  exec 7>"$CACHE_ROOT/.cilium-operator.lock"
  flock 7
  [ -x "$CILIUM_OPERATOR_BIN" ] && return 0 # another build.sh finished it meanwhile
  local v; v="$(cd "$CILIUM_OPERATOR_SRC" && go list -m -f '{{.Version}}' github.com/cilium/cilium)" # e.g. v1.19.6
  log "building cilium-operator-generic $v into $CILIUM_OPERATOR_BIN"
  rm -rf "$dir.tmp-$$" && mkdir -p "$dir.tmp-$$"
  # The generic operator is operator/ built with the ipam_provider_operator tag only (operator/Makefile's
  # cilium-operator-generic target): cluster-pool and multi-pool IPAM, no cloud provider. Named after the
  # binary the Deployment runs: the operator names itself (logs, flags) after os.Args[0]. Its version
  # string is what Makefile.defs stamps into pkg/version (the release; no git revision here).
  TIMEFORMAT="build.sh: cilium-operator-generic built in %0R s (CPU: %0U s user, %0S s sys)"
  time (cd "$CILIUM_OPERATOR_SRC" && go build -p "$JOBS" -tags ipam_provider_operator -trimpath \
    -ldflags="-s -w -X github.com/cilium/cilium/pkg/version.ciliumVersion=${v#v}" \
    -o "$dir.tmp-$$/cilium-operator-generic" github.com/cilium/cilium/operator)
  "$dir.tmp-$$/cilium-operator-generic" --version >&2
  rm -rf "$dir" && mv "$dir.tmp-$$" "$dir"
  flock -u 7
}

# ---- kustomize: its own module, key and binary (test/gitops/kustomize-build.test.ts) ----
# sigs.k8s.io/kustomize/kustomize/v5 from test/apiserver/go/kustomize (pinned by its go.mod/go.sum). kustomize
# v5.8 declares go 1.27: a Go older than that fetches KUSTOMIZE_GO_TOOLCHAIN (the golang.org/toolchain module,
# from the Go module proxy, checked against the checksum database) for this build only.
KUSTOMIZE_SRC="$GO_SRC/kustomize"
KUSTOMIZE_FORMAT="v1 CGO_ENABLED=0 -trimpath -ldflags=-s -w"
KUSTOMIZE_GO_TOOLCHAIN=go1.27.4
KUSTOMIZE_BIN="$CACHE_ROOT/kustomize-$(cd "$KUSTOMIZE_SRC" && { echo "$KUSTOMIZE_FORMAT"; cat go.mod go.sum; } | sha256sum | cut -c1-16)/kustomize"
build_kustomize() {
  [ -x "$KUSTOMIZE_BIN" ] && return 0
  local dir tc=local m; dir="$(dirname "$KUSTOMIZE_BIN")"
  mkdir -p "$CACHE_ROOT"
  exec 6>"$CACHE_ROOT/.kustomize.lock"
  flock 6
  [ -x "$KUSTOMIZE_BIN" ] && return 0
  m="$(go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9][0-9]*\).*/\1/p')"
  { [ -n "$m" ] && [ "$m" -ge 27 ]; } || tc="$KUSTOMIZE_GO_TOOLCHAIN"
  log "building kustomize $(cd "$KUSTOMIZE_SRC" && GOTOOLCHAIN=$tc go list -m -f '{{.Version}}' sigs.k8s.io/kustomize/kustomize/v5) into $KUSTOMIZE_BIN"
  rm -rf "$dir.tmp-$$" && mkdir -p "$dir.tmp-$$"
  (cd "$KUSTOMIZE_SRC" && GOTOOLCHAIN=$tc CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" \
    go build -p "${MULTICNI_APISERVER_BUILD_JOBS:-2}" -trimpath -ldflags="-s -w" -o "$dir.tmp-$$/kustomize" sigs.k8s.io/kustomize/kustomize/v5)
  rm -rf "$dir" && mv "$dir.tmp-$$" "$dir"
  flock -u 6
}
if [ "${1:-}" = --kustomize-path ]; then echo "$KUSTOMIZE_BIN"; exit 0; fi
if [ "${1:-}" = --kustomize ]; then build_kustomize; echo "$KUSTOMIZE_BIN"; exit 0; fi
# ---- end of kustomize ----

# The commands of a kubernetes-1.NN module: its subdirectories with a main.go.
commands_of() { (cd "$GO_SRC/$1" && for d in */; do [ -f "$d/main.go" ] && echo "${d%/}"; done); true; }

# Every file a complete build has, relative to its directory (kubectl sits at the top, see the header).
expected_binaries() {
  local m c
  echo etcd; echo kwok
  echo kubectl
  for m in "${K8S_MODULES[@]}"; do
    for c in $(commands_of "$m"); do [ "$c" = kubectl ] || echo "$m/$c"; done
  done
}

have_binaries() {
  local b
  for b in $(expected_binaries); do [ -x "$1/$b" ] || return 1; done
}

case "${1:-}" in
  --dir) echo "$OUT"; exit 0 ;;
  --yamlreader-path) echo "$YAMLREADER_BIN"; exit 0 ;;
  --cilium-operator-path) echo "$CILIUM_OPERATOR_BIN"; exit 0 ;;
  --cached) if have_binaries "$OUT"; then touch "$OUT" 2>/dev/null || true; echo "$OUT"; exit 0; else exit 3; fi ;;
  ""|--openapi) ;;
  *) echo "usage: $0 [--cached|--dir|--openapi|--yamlreader-path|--cilium-operator-path]" >&2; exit 2 ;;
esac

# The version of k8s.io/kubernetes a module dir requires, from its go.mod (no Go needed), e.g. v1.37.2.
k8s_version() { awk '$1 == "k8s.io/kubernetes" && $2 ~ /^v1\./ { print $2; exit }' "$GO_SRC/$1/go.mod"; }

have_openapi() {
  local m
  for m in "${K8S_MODULES[@]}"; do [ -f "$OPENAPI_ROOT/$(k8s_version "$m")/api__v1_openapi.json" ] || return 1; done
}

if [ -z "${1:-}" ] && have_binaries "$OUT" && have_openapi && [ -x "$YAMLREADER_BIN" ] && [ -x "$CILIUM_OPERATOR_BIN" ]; then
  touch "$OUT" 2>/dev/null || true # marks it used (see the pruning at the end)
  log "cached: $OUT"
  echo "$OUT"
  exit 0
fi
if [ "${1:-}" = --openapi ] && have_openapi; then echo "$OPENAPI_ROOT"; exit 0; fi

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

# Newest packaged golang-1.N-go with N >= GO_PKG_MIN (default MIN_GO_MINOR), from the apt lists given by "$@" (apt options).
newest_go_pkg() {
  apt-cache "$@" search --names-only '^golang-1\.[0-9]+-go$' 2>/dev/null |
    sed -n 's/^golang-1\.\([0-9][0-9]*\)-go .*/\1/p' | sort -n |
    awk -v min="${GO_PKG_MIN:-$MIN_GO_MINOR}" '$1 >= min { v = $1 } END { if (v) print "golang-1." v "-go" }'
}

# A Go >= 1.21 too old for the modules fetches a newer toolchain itself (GOTOOLCHAIN): the
# golang.org/toolchain module, from the Go module proxy, checked against the checksum database.
use_go_toolchain() {
  local m goroot
  m="$(go_minor)" && [ -n "$m" ] && [ "$m" -ge 21 ] || return 1
  log "$(go env GOVERSION) is older than go1.$MIN_GO_MINOR: fetching the $GO_TOOLCHAIN toolchain through the Go module proxy"
  goroot="$(GOTOOLCHAIN="$GO_TOOLCHAIN" go env GOROOT)" && [ -x "$goroot/bin/go" ] || return 1
  export PATH="$goroot/bin:$PATH"
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
    # None new enough: one >= 1.21 will fetch the newer toolchain itself (use_go_toolchain).
    [ -n "$pkg" ] || pkg="$(GO_PKG_MIN=21 newest_go_pkg "${opts[@]}")"
    [ -n "$pkg" ] || { log "no Go >= 1.21 in apt, even in $codename-backports"; return 1; }
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
go_ok || use_go_toolchain || true
if ! go_ok; then
  log "Go >= 1.$MIN_GO_MINOR not found (have: $(go version 2>/dev/null || echo none)); installing it with apt"
  install_go
  go_ok || use_go_toolchain || true
  go_ok || { log "Go install failed"; exit 1; }
fi
# The harness makes its certificates with openssl.
[ "${1:-}" = --openapi ] || command -v openssl >/dev/null || apt_install openssl ca-certificates

# ---- OpenAPI specs -----------------------------------------------------------

# Use the local toolchain (never download one), link statically, stamp no VCS
# info (the modules live inside this repo's git tree), and insist that the
# committed go.mod/go.sum are complete. 2 cores: 2 parallel compile jobs.
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false"
JOBS="${MULTICNI_APISERVER_BUILD_JOBS:-2}"

mkdir -p "$OPENAPI_ROOT"
# Its own lock: a unit test asking for the specs does not wait for a Kubernetes build.
(
  flock 8
  for m in "${K8S_MODULES[@]}"; do
    v="$(k8s_version "$m")"
    [ -f "$OPENAPI_ROOT/$v/api__v1_openapi.json" ] && continue
    # The module zip (checked against the module's go.sum) carries the spec the release serves.
    src="$(cd "$GO_SRC/$m" && go mod download -json k8s.io/kubernetes | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -f "$src/api/openapi-spec/v3/api__v1_openapi.json" ] || { log "no api/openapi-spec/v3 in k8s.io/kubernetes@$v ($src)"; exit 1; }
    tmp="$OPENAPI_ROOT/.tmp-$v-$$"
    rm -rf "$tmp" && mkdir -p "$tmp" && cp "$src"/api/openapi-spec/v3/*.json "$tmp/" && chmod -R u+w "$tmp"
    rm -rf "${OPENAPI_ROOT:?}/$v" && mv "$tmp" "$OPENAPI_ROOT/$v"
    log "OpenAPI v3 spec of $v: $OPENAPI_ROOT/$v"
  done
) 8>"$CACHE_ROOT/.openapi.lock"
if [ "${1:-}" = --openapi ]; then echo "$OPENAPI_ROOT"; exit 0; fi

build_yamlreader
build_cilium_operator

# ---- build -------------------------------------------------------------------

exec 9>"$CACHE_ROOT/.lock"
log "waiting for the build lock $CACHE_ROOT/.lock"
flock 9
if have_binaries "$OUT"; then # another build.sh finished it meanwhile
  echo "$OUT"
  exit 0
fi

TMP="$CACHE_ROOT/.tmp-$(basename "$OUT")-$$"
rm -rf "$TMP" && mkdir -p "$TMP"
trap 'rm -rf "$TMP"' EXIT

start=$(date +%s)
log "$(go version); building into $OUT"
for m in "${K8S_MODULES[@]}"; do
  v="$(k8s_version "$m")" # e.g. v1.37.2
  vflags=""
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    vflags+=" -X $pkg.gitVersion=$v -X $pkg.gitMajor=1 -X $pkg.gitMinor=$(echo "$v" | cut -d. -f2) -X $pkg.gitTreeState=clean"
  done
  mapfile -t cmds < <(commands_of "$m")
  log "building kubernetes $v (${cmds[*]}) from go/$m"
  mkdir -p "$TMP/$m"
  # One go build per version: the commands' shared packages are compiled once.
  TIMEFORMAT="build.sh: kubernetes $v built in %0R s (CPU: %0U s user, %0S s sys)"
  time (cd "$GO_SRC/$m" && go build -p "$JOBS" -trimpath -ldflags="-s -w$vflags" -o "$TMP/$m/" "${cmds[@]/#/./}")
  if [ -e "$TMP/$m/kubectl" ]; then mv "$TMP/$m/kubectl" "$TMP/kubectl"; fi
  "$TMP/$m/kube-apiserver" --version >&2
done
[ -x "$TMP/kubectl" ] || { log "no kubectl/main.go in any of go/${K8S_MODULES[*]} (it belongs in the newest)"; exit 1; }
log "building etcd $(cd "$GO_SRC/etcd" && go list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3)"
TIMEFORMAT="build.sh: etcd built in %0R s (CPU: %0U s user, %0S s sys)"
time (cd "$GO_SRC/etcd" && go build -p "$JOBS" -trimpath -ldflags="-s -w" -o "$TMP/" .)
# kwok is its own module: its k8s.io libraries (v0.36 for kwok v0.8) need not match any tested server
# (client-go supports servers one minor older or newer).
log "building kwok $(cd "$GO_SRC/kwok" && go list -m -f '{{.Version}}' sigs.k8s.io/kwok)"
TIMEFORMAT="build.sh: kwok built in %0R s (CPU: %0U s user, %0S s sys)"
time (cd "$GO_SRC/kwok" && go build -p "$JOBS" -trimpath -ldflags="-s -w" -o "$TMP/" sigs.k8s.io/kwok/cmd/kwok)
"$TMP/kubectl" version --client >&2
"$TMP/kwok" --version >&2
"$TMP/etcd" --version | head -1 >&2

rm -rf "$OUT" && mv "$TMP" "$OUT"
trap - EXIT
# Drop builds for other (older) go.mod/go.sum versions not touched for 30 days.
find "$CACHE_ROOT" -mindepth 1 -maxdepth 1 -type d -regex '.*/[0-9a-f]\{16\}' ! -path "$OUT" -mtime +30 \
  -exec rm -rf {} + 2>/dev/null || true
log "built in $(($(date +%s) - start))s: $OUT"
echo "$OUT"
