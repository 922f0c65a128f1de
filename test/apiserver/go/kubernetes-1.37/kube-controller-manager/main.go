// Command kube-controller-manager is a thin wrapper around the upstream
// kube-controller-manager command, built from the same k8s.io/kubernetes
// module as the harness's kube-apiserver, for the simulated-cluster tests
// (see ../../../README.md).
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

func main() {
	os.Exit(cli.Run(app.NewControllerManagerCommand()))
}
