// Command kube-apiserver is a thin wrapper around the upstream kube-apiserver
// command, built from the k8s.io/kubernetes Go module for the cdk8s-multicni
// apiserver test harness (see ../../../README.md).
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	os.Exit(cli.Run(app.NewAPIServerCommand()))
}
