// Renders a Go text/template with values from a JSON file, as the
// differential test of templates needs: render TEMPLATE VALUES.json > out.
package main

import (
	"encoding/json"
	"os"
	"text/template"
)

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	raw, err := os.ReadFile(os.Args[2])
	if err != nil {
		panic(err)
	}
	var values map[string]interface{}
	if err := json.Unmarshal(raw, &values); err != nil {
		panic(err)
	}
	t := template.Must(template.New("t").Option("missingkey=error").Parse(string(src)))
	if err := t.Execute(os.Stdout, values); err != nil {
		panic(err)
	}
}
