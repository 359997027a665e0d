package postmantest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
)

// writeYAML writes a JSON value built of omaps, lists and scalars as
// block YAML, indented by indent spaces: postmantest has no YAML library,
// and a definition needs no more than this. Strings that YAML could read
// as anything else are written as JSON strings, which are valid YAML
// double-quoted scalars.
func writeYAML(b *bytes.Buffer, v any, indent int) {
	pad := strings.Repeat(" ", indent)
	switch t := v.(type) {
	case *omap:
		writeYAML(b, *t, indent)
	case omap:
		for _, f := range t {
			b.WriteString(pad + yamlString(f.key) + ":")
			writeYAMLValue(b, f.value, indent)
		}
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		m := omap{}
		for _, k := range keys {
			m.set(k, t[k])
		}
		writeYAML(b, m, indent)
	case []any:
		for _, item := range t {
			b.WriteString(pad + "-")
			if isComposite(item) && !isEmpty(item) {
				// The first member goes on the dash's line.
				var inner bytes.Buffer
				writeYAML(&inner, item, indent+2)
				b.WriteString(" " + strings.TrimPrefix(inner.String(), pad+"  "))
				continue
			}
			writeYAMLValue(b, item, indent)
		}
	}
}

// writeYAMLValue writes what follows "key:" or "-": a scalar or an empty
// collection on the same line, anything else on the next lines.
func writeYAMLValue(b *bytes.Buffer, v any, indent int) {
	if !isComposite(v) || isEmpty(v) {
		b.WriteString(" " + yamlValueText(v) + "\n")
		return
	}
	b.WriteString("\n")
	writeYAML(b, v, indent+2)
}

func isComposite(v any) bool {
	switch v.(type) {
	case omap, *omap, map[string]any, []any:
		return true
	}
	return false
}

func isEmpty(v any) bool {
	switch t := v.(type) {
	case omap:
		return len(t) == 0
	case *omap:
		return len(*t) == 0
	case map[string]any:
		return len(t) == 0
	case []any:
		return len(t) == 0
	}
	return false
}

func yamlValueText(v any) string {
	switch t := v.(type) {
	case omap, *omap, map[string]any:
		return "{}"
	case []any:
		return "[]"
	case string:
		return yamlString(t)
	case nil:
		return "null"
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// plainYAML matches strings YAML reads back as the same string unquoted.
var plainYAML = regexp.MustCompile(`^[A-Za-z_/][A-Za-z0-9_ ./()-]*[A-Za-z0-9_./)-]$|^[A-Za-z_]$|^\d+(\.\d+){2,}$`)

// yamlReserved are the plain scalars YAML reads as something else.
var yamlReserved = map[string]bool{"true": true, "false": true, "null": true, "yes": true, "no": true,
	"on": true, "off": true, "y": true, "n": true, "~": true}

func yamlString(s string) string {
	if plainYAML.MatchString(s) && !yamlReserved[strings.ToLower(s)] {
		return s
	}
	data, _ := json.Marshal(s)
	return string(data)
}
