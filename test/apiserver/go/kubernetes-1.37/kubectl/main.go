// Command kubectl is built from the same k8s.io module versions as the
// harness's kube-apiserver, so the apiserver tests do not depend on whichever
// kubectl (if any) the machine has on PATH.
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	cmdutil "k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	if err := cli.RunNoErrOutput(cmd.NewDefaultKubectlCommand()); err != nil {
		// RunNoErrOutput leaves printing to us; CheckErr prints the error the
		// way kubectl always does and exits non-zero.
		cmdutil.CheckErr(err)
	}
	os.Exit(0)
}
