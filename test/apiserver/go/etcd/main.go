// Command etcd is a thin wrapper around the upstream etcd server entry point,
// built from the go.etcd.io/etcd/server/v3 Go module for the cdk8s-multicni
// apiserver test harness (see ../../README.md). It lives in its own module so
// its dependency versions never have to agree with k8s.io/kubernetes's.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
