module cdk8s-multicni/test/apiserver/yamlreader

go 1.23.0

require (
	k8s.io/apimachinery v0.32.13
	sigs.k8s.io/yaml v1.4.0
)

require sigs.k8s.io/json v0.0.0-20241010143419-9aa6b5e7a4b3 // indirect
