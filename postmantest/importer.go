package postmantest

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
)

func (s *Server) routeImport() {
	s.mux.HandleFunc("POST /import/openapi", s.importOpenAPI)
}

// importOpenAPI turns an OpenAPI definition into a collection, as POST
// /import/openapi does: one folder per first path segment, one request
// per operation. JSON definitions are converted fully; for YAML only the
// title is read (postmantest has no YAML parser), giving an empty collection.
func (s *Server) importOpenAPI(w http.ResponseWriter, r *http.Request) {
	ws := r.URL.Query().Get("workspace")
	if ws == "" {
		paramMissing(w, "workspace is a required query parameter")
		return
	}
	input, ok := importInput(w, r)
	if !ok {
		return
	}
	doc := convertOpenAPI(input)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state.workspace(ws) == nil {
		workspaceNotFound(w)
		return
	}
	c := s.state.addCollection(ws, doc)
	writeJSON(w, http.StatusOK, map[string]any{"collections": []any{map[string]any{"id": c.id, "name": c.name(), "uid": s.state.uid(c.id)}}})
}

// importInput reads the definition from the JSON body ({"type":"json"|
// "string","input":…}) or the multipart form (type=file, input=<file>).
func importInput(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		f, _, err := r.FormFile("input")
		if err != nil {
			paramMissing(w, "input is a required form field")
			return nil, false
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		return data, err == nil
	}
	var body struct {
		Type  string          `json:"type"`
		Input json.RawMessage `json:"input"`
	}
	if !decodeBody(w, r, &body) {
		return nil, false
	}
	if len(body.Input) == 0 {
		paramMissing(w, "input is a required field")
		return nil, false
	}
	if body.Type == "string" {
		var s string
		if err := json.Unmarshal(body.Input, &s); err != nil {
			paramMissing(w, "input must be a string when type is string")
			return nil, false
		}
		return []byte(s), true
	}
	return body.Input, true
}

var yamlTitle = regexp.MustCompile(`(?m)^\s+title:\s*["']?([^"'\n]+)["']?\s*$`)

func convertOpenAPI(input []byte) map[string]any {
	var spec struct {
		Info struct {
			Title string `json:"title"`
		} `json:"info"`
		Servers []struct {
			URL string `json:"url"`
		} `json:"servers"`
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	name := "Imported API"
	if err := json.Unmarshal(input, &spec); err != nil {
		if m := yamlTitle.FindSubmatch(input); m != nil {
			name = strings.TrimSpace(string(m[1]))
		}
	} else if spec.Info.Title != "" {
		name = spec.Info.Title
	}
	base := "{{baseUrl}}"
	folders := map[string][]any{}
	paths := make([]string, 0, len(spec.Paths))
	for p := range spec.Paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		segment := strings.Split(strings.Trim(p, "/"), "/")[0]
		for _, method := range []string{"get", "put", "post", "delete", "patch", "head", "options"} {
			raw, ok := spec.Paths[p][method]
			if !ok {
				continue
			}
			var op struct {
				Summary string `json:"summary"`
			}
			_ = json.Unmarshal(raw, &op)
			title := op.Summary
			if title == "" {
				title = strings.ToUpper(method) + " " + p
			}
			folders[segment] = append(folders[segment], map[string]any{"name": title, "request": map[string]any{
				"method": strings.ToUpper(method), "header": []any{},
				"url": map[string]any{"raw": base + p, "host": []any{base}, "path": pathSegments(p)}}})
		}
	}
	names := make([]string, 0, len(folders))
	for n := range folders {
		names = append(names, n)
	}
	slices.Sort(names)
	items := []any{}
	for _, n := range names {
		items = append(items, map[string]any{"name": n, "item": folders[n]})
	}
	variables := []any{}
	if len(spec.Servers) > 0 {
		variables = append(variables, map[string]any{"key": "baseUrl", "value": spec.Servers[0].URL, "type": "string"})
	}
	return map[string]any{
		"info":     map[string]any{"name": name, "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":     items,
		"variable": variables,
	}
}

func pathSegments(p string) []any {
	out := []any{}
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			seg = ":" + strings.Trim(seg, "{}")
		}
		out = append(out, seg)
	}
	return out
}
