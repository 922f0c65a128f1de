// Command yamlreader reads YAML files the way kubectl does and prints what it read as JSON, so tests can
// compare it with the objects synth meant to write (test/app/kubectl-read.test.ts).
//
// kubectl apply -f splits a file into documents with k8s.io/apimachinery's YAML document reader
// (util/yaml.NewYAMLOrJSONDecoder over NewYAMLReader) and turns each document into JSON with
// sigs.k8s.io/yaml, whose rules are YAML 1.1 (`no` is false, `0b1` is 1); documents that are empty or
// null are skipped, as kubectl's resource builder skips them.
//
// Usage: yamlreader FILE...   prints one JSON object {"FILE": [document, ...], ...}
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

func readFile(name string) ([]json.RawMessage, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	reader := utilyaml.NewYAMLReader(bufio.NewReader(f))
	docs := []json.RawMessage{}
	for {
		doc, err := reader.Read()
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, err
		}
		data, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", len(docs)+1, err)
		}
		data = bytes.TrimSpace(data)
		if len(data) == 0 || bytes.Equal(data, []byte("null")) {
			continue
		}
		docs = append(docs, json.RawMessage(data))
	}
}

func main() {
	out := map[string][]json.RawMessage{}
	for _, name := range os.Args[1:] {
		docs, err := readFile(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "yamlreader: %s: %v\n", name, err)
			os.Exit(1)
		}
		out[name] = docs
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintf(os.Stderr, "yamlreader: %v\n", err)
		os.Exit(1)
	}
}
