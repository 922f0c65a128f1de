//go:build tools

// The kustomize CLI for test/gitops/kustomize-build.test.ts: build.sh builds sigs.k8s.io/kustomize/kustomize/v5
// from this module (its own cache key), so the version is pinned by go.mod and go.sum here.
package tools

import _ "sigs.k8s.io/kustomize/kustomize/v5"
