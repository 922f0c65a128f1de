// Command kube-scheduler is a thin wrapper around the upstream kube-scheduler
// command, built from the same k8s.io/kubernetes module as the harness's
// kube-apiserver, for the simulated-cluster tests (see ../../../README.md).
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-scheduler/app"
)

func main() {
	os.Exit(cli.Run(app.NewSchedulerCommand()))
}
