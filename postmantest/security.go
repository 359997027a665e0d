package postmantest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

func (s *Server) routeSecurity() {
	s.mux.HandleFunc("POST /security/api-validation", s.validateDefinition)
}

// defNode is a member of an API definition with where it is: the fake's
// security validation reads definitions as an outline of keys, lines and
// scalar values, from JSON or from (block style) YAML.
type defNode struct {
	key      string
	value    string // scalars only
	line     int    // 1-based line of the key
	col      int    // 0-based column of the key
	endLine  int    // last line of the member
	children []*defNode
}

func (n *defNode) child(key string) *defNode {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.key == key {
			return c
		}
	}
	return nil
}

// at follows keys from n.
func (n *defNode) at(keys ...string) *defNode {
	for _, k := range keys {
		n = n.child(k)
	}
	return n
}

// outlineJSON reads a JSON definition; ok is false when it is not a JSON
// object.
func outlineJSON(text string) (*defNode, bool) {
	var probe map[string]any
	if json.Unmarshal([]byte(text), &probe) != nil {
		return nil, false
	}
	lineStarts := []int{0}
	for i, c := range text {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	pos := func(off int) (int, int) {
		line := 1
		for line < len(lineStarts) && lineStarts[line] <= off {
			line++
		}
		return line, off - lineStarts[line-1]
	}
	dec := json.NewDecoder(strings.NewReader(text))
	root := &defNode{line: 1}
	var fill func(n *defNode) // reads the value of n
	fill = func(n *defNode) {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case json.Delim:
			i := 0
			for dec.More() {
				var c *defNode
				if t == '{' {
					k, _ := dec.Token()
					c = &defNode{key: k.(string)}
					c.line, c.col = pos(int(dec.InputOffset()) - len(c.key) - 2)
				} else {
					c = &defNode{key: strconv.Itoa(i)}
					c.line, c.col = pos(int(dec.InputOffset()))
					i++
				}
				fill(c)
				n.children = append(n.children, c)
			}
			_, _ = dec.Token() // the closing delimiter
		case string:
			n.value = t
		default:
			n.value = strings.TrimSpace(jsonText(t))
		}
		n.endLine, _ = pos(int(dec.InputOffset()))
	}
	fill(root)
	return root, true
}

// outlineYAML reads the block-style structure of a YAML definition: keys
// by indentation, list items as members "0", "1" …, and plain or quoted
// scalars.
func outlineYAML(text string) *defNode {
	root := &defNode{line: 1, col: -1}
	type open struct {
		n      *defNode
		indent int
		items  int
	}
	stack := []*open{{n: root, indent: -1}}
	lines := strings.Split(text, "\n")
	for i, raw := range lines {
		line := strings.TrimRight(raw, " \r\t")
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || trimmed == "---" {
			continue
		}
		indent := len(line) - len(trimmed)
		for len(stack) > 1 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		if rest, ok := strings.CutPrefix(trimmed, "- "); ok || trimmed == "-" {
			item := &defNode{key: strconv.Itoa(parent.items), line: i + 1, col: indent, endLine: i + 1}
			parent.items++
			parent.n.children = append(parent.n.children, item)
			stack = append(stack, &open{n: item, indent: indent})
			parent, indent, trimmed = stack[len(stack)-1], indent+2, rest
			if !strings.Contains(trimmed, ": ") && !strings.HasSuffix(trimmed, ":") {
				item.value = yamlScalar(trimmed)
				continue
			}
		}
		key, value, found := strings.Cut(trimmed, ":")
		if !found {
			continue
		}
		n := &defNode{key: yamlScalar(key), value: yamlScalar(value), line: i + 1, col: indent, endLine: i + 1}
		parent.n.children = append(parent.n.children, n)
		stack = append(stack, &open{n: n, indent: indent})
		for _, o := range stack {
			o.n.endLine = i + 1
		}
	}
	root.endLine = len(lines)
	return root
}

func yamlScalar(s string) string {
	s = strings.TrimSpace(s)
	if c, _, ok := strings.Cut(s, " #"); ok {
		s = strings.TrimSpace(c)
	}
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return s
}

// securityRule is a rule of the fake's validation.
type securityRule struct {
	slug, vulnSlug, name, message, typ, severity, fix string
}

var (
	ruleNoSecurity = securityRule{"OPENAPI_SCHEMA_RULE_0005", "OPENAPI_VUL_0003", "Security field is not defined",
		"Security field is not defined", "security", "ERROR", "security-field-is-not-defined"}
	ruleNoSchemes = securityRule{"OPENAPI_SCHEMA_RULE_0004", "OPENAPI_VUL_0002", "Security schemes are not defined",
		"No security schemes are defined in the components.", "security", "ERROR", "security-schemes-are-not-defined"}
	ruleOperation = securityRule{"OPENAPI_SCHEMA_RULE_0017", "OPENAPI_VUL_0012", "Operation does not enforce any security scheme",
		"Operation does not enforce any security scheme.", "security", "WARN", "operation-does-not-enforce-any-security-scheme"}
	ruleHTTP = securityRule{"OPENAPI_SCHEMA_RULE_0009", "OPENAPI_VUL_0007", "HTTP is used instead of HTTPS",
		"Server URL uses HTTP instead of HTTPS.", "security", "WARN", "server-url-uses-http"}
	ruleSummary = securityRule{"OPENAPI_SPECTRAL_6_RULE_1016", "OPENAPI_SPECTRAL_6_operations_summary", "All of your operations need summaries.",
		"All of your operations need summaries.", "governance", "ERROR", "all-operations-should-have-summaries"}
)

var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// securityViolations applies the fake's rules to a definition: a missing
// top-level security requirement, missing security schemes, operations
// without security, servers over plain HTTP, and operations without
// summaries.
func securityViolations(root *defNode, openapi2 bool) []any {
	out := []any{}
	add := func(r securityRule, n *defNode, path ...string) {
		if path == nil {
			path = []string{}
		}
		sum := sha256.Sum256([]byte(r.slug + "/" + strings.Join(path, "/")))
		endCol := 0
		if n != root {
			endCol = n.col + len(n.key) + 2
		}
		out = append(out, map[string]any{
			"slug": r.slug, "type": r.typ, "severity": r.severity, "message": r.message,
			"vulnerability": map[string]any{"name": r.name, "slug": r.vulnSlug},
			"category":      map[string]any{"name": r.typ, "slug": r.typ},
			"dataPath":      path, "checksum": hex.EncodeToString(sum[:]),
			"possibleFixUrl": "https://go.pstmn.io/openapi3-security-warnings#" + r.fix,
			"location": map[string]any{"start": map[string]any{"line": n.line, "column": max(n.col, 0)},
				"end": map[string]any{"line": max(n.endLine, n.line), "column": endCol}},
		})
	}
	global := root.child("security")
	if global == nil {
		add(ruleNoSecurity, root)
	}
	schemes := root.at("components", "securitySchemes")
	if openapi2 {
		schemes = root.child("securityDefinitions")
	}
	if schemes == nil || len(schemes.children) == 0 {
		at := root.child("components")
		if at == nil {
			at = root
		}
		add(ruleNoSchemes, at)
	}
	if openapi2 {
		if schemes := root.child("schemes"); schemes != nil {
			for _, s := range schemes.children {
				if s.value == "http" {
					add(ruleHTTP, s, "schemes", s.key)
				}
			}
		}
	}
	for _, srv := range root.child("servers").childrenOrNil() {
		if u := srv.child("url"); u != nil && strings.HasPrefix(u.value, "http://") {
			add(ruleHTTP, u, "servers", srv.key, "url")
		}
	}
	for _, p := range root.child("paths").childrenOrNil() {
		for _, op := range p.children {
			if !slices.Contains(httpMethods, op.key) {
				continue
			}
			if global == nil && op.child("security") == nil {
				add(ruleOperation, op, "paths", p.key, op.key)
			}
			if op.child("summary") == nil {
				add(ruleSummary, op, "paths", p.key, op.key)
			}
		}
	}
	return out
}

func (n *defNode) childrenOrNil() []*defNode {
	if n == nil {
		return nil
	}
	return n.children
}

// invalidSchema answers API Security's 400.
func invalidSchema(w http.ResponseWriter, reason string) {
	writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"name": map[string]any{"name": "Invalid Schema", "reason": reason}}})
}

// validateDefinition serves POST /security/api-validation with the
// fake's rules (see securityViolations).
func (s *Server) validateDefinition(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Schema *struct {
			Type     string `json:"type"`
			Language string `json:"language"`
			Schema   string `json:"schema"`
		} `json:"schema"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	switch {
	case body.Schema == nil || strings.TrimSpace(body.Schema.Schema) == "":
		invalidSchema(w, "Provided schema is empty.")
		return
	case body.Schema.Type != "openapi3" && body.Schema.Type != "openapi2":
		invalidSchema(w, "Provided schema type is not supported.")
		return
	}
	var root *defNode
	switch body.Schema.Language {
	case "json":
		var ok bool
		if root, ok = outlineJSON(body.Schema.Schema); !ok {
			invalidSchema(w, "Provided schema is not valid JSON.")
			return
		}
	case "yaml":
		root = outlineYAML(body.Schema.Schema)
	default:
		invalidSchema(w, "Provided schema language is not supported.")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"warnings": securityViolations(root, body.Schema.Type == "openapi2")})
}
