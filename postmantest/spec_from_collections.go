package postmantest

import (
	"bytes"
	"cmp"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
)

// specGenerationState is the generations of specs from collections, by
// task ID.
type specGenerationState struct {
	specGenerations map[string]specGeneration
}

func (s *Server) routeSpecsFromCollections() {
	s.mux.HandleFunc("POST /collections/{collectionUid}/generations/{elementType}", s.generateSpec)
	s.mux.HandleFunc("GET /collections/{collectionUid}/generations/{elementType}", s.listCollectionSpecs)
	s.mux.HandleFunc("PUT /specs/{specId}/synchronizations", s.syncSpec)
}

// specGeneration is the generation of a specification from a collection:
// the task's collection and, unless it failed, the specification made.
type specGeneration struct {
	task         *task
	collectionID string
	specID       string
}

// generateSpec starts generating an OpenAPI specification from a
// collection: one operation per request (see openAPIFromCollection),
// stored at once as the single root file of a new specification in the
// collection's workspace, unless FailTasks makes the task fail. The task
// reports done after the configured task delay; a second generation from
// the collection while one runs answers 423, as for collections
// generated from specifications.
func (s *Server) generateSpec(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("elementType") != "spec" {
		notServed(w, r)
		return
	}
	var body struct {
		Name   string `json:"name"`
		Type   string `json:"type"`
		Format string `json:"format"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	// The description makes only the name required and gives no defaults:
	// its example, OpenAPI 3.0 in JSON, stands in for them.
	body.Type = cmp.Or(body.Type, "OPENAPI:3.0")
	body.Format = cmp.Or(body.Format, "JSON")
	switch {
	case body.Name == "":
		specProblem(w, http.StatusBadRequest, "invalidParamError", "Invalid request body", "Missing parameter: 'name'")
		return
	case !strings.HasPrefix(body.Type, "OPENAPI:") || !slices.Contains(specTypes, body.Type):
		specProblem(w, http.StatusBadRequest, "InvalidParamsError", "Required parameter is invalid",
			"Required property `type` is invalid. Should be one of: OPENAPI:2.0, OPENAPI:3.0, OPENAPI:3.1")
		return
	case body.Format != "JSON" && body.Format != "YAML":
		specProblem(w, http.StatusBadRequest, "InvalidParamsError", "Required parameter is invalid",
			"Required property `format` is invalid. Should be one of: JSON, YAML")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := lookup(w, s.state.collection, r.PathValue("collectionUid"), specInstanceNotFound)
	if c == nil {
		return
	}
	for _, g := range s.state.specGenerations {
		if g.collectionID == c.id && !g.task.done() {
			specProblem(w, http.StatusLocked, "actionLockedError", "Spec generation in progress",
				"Spec generation is already in progress for the collection.")
			return
		}
	}
	t := s.state.newTask(s.cfg.taskDelay)
	t.failed = s.state.failTasks
	g := specGeneration{task: t, collectionID: c.id}
	if t.failed == "" {
		file := SpecFile{Path: "index.json", Root: true}
		if body.Format == "YAML" {
			file.Path = "index.yaml"
		}
		file.Content = encodeSpecDocument(openAPIFromCollection(c, body.Type, body.Name), body.Format == "YAML")
		sp := s.state.addSpec(Spec{Name: body.Name, Type: body.Type, WorkspaceID: c.workspaceID, Files: []SpecFile{file}})
		sp.source, sp.sourceRev = c.id, c.rev
		g.specID = sp.ID
	}
	if s.state.specGenerations == nil {
		s.state.specGenerations = map[string]specGeneration{}
	}
	s.state.specGenerations[t.id] = g
	// The description documents a 200 here, not the 202 of the other
	// generations. The task is the collection's: the spec does not exist
	// until it is done, so its status is under the collection (the
	// description's examples give both forms).
	writeJSON(w, http.StatusOK, map[string]any{"taskId": t.id, "url": "/collections/" + s.state.uid(c.id) + "/tasks/" + t.id})
}

// listCollectionSpecs answers the specifications generated from a
// collection that still exist, newest first; one is out of sync once the
// collection changed after its generation or last synchronisation.
func (s *Server) listCollectionSpecs(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("elementType") != "spec" {
		notServed(w, r)
		return
	}
	s.specListPage(w, r, "specs", func() ([]any, bool) {
		c := lookup(w, s.state.collection, r.PathValue("collectionUid"), specInstanceNotFound)
		if c == nil {
			return nil, false
		}
		var list []any
		for _, sp := range slices.Backward(s.state.specs) {
			if sp.source != c.id {
				continue
			}
			state := "in-sync"
			if sp.sourceRev != c.rev {
				state = "out-of-sync"
			}
			list = append(list, map[string]any{"id": sp.ID, "name": sp.Name, "state": state, "createdBy": s.state.user.ID,
				"updatedBy": s.state.user.ID, "createdAt": sp.CreatedAt.Format(postmanTime), "updatedAt": sp.UpdatedAt.Format(postmanTime)})
		}
		return list, true
	})
}

// syncSpec starts updating an OpenAPI specification from a collection
// linked to it (generated from it, or that it was generated from): the
// root file's content is generated again from the collection, in the
// root's format. The change is applied at once unless FailTasks makes the
// task fail; the task reports done after the configured task delay. The
// other collections generated from the specification fall behind it.
func (s *Server) syncSpec(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sp := lookup(w, s.state.spec, r.PathValue("specId"), specNotFound)
	if sp == nil {
		return
	}
	c := s.state.collection(r.URL.Query().Get("collectionUid"))
	if c == nil || (!sp.generated(c.id) && sp.source != c.id) {
		notGeneratedFrom(w)
		return
	}
	root := sp.root()
	if !strings.HasPrefix(sp.Type, "OPENAPI:") || root == nil {
		specBadRequest(w, "Only OpenAPI specifications can be synchronised with a collection.")
		return
	}
	t := s.state.newTask(s.cfg.taskDelay)
	t.failed = s.state.failTasks
	if t.failed == "" {
		now := time.Now().UTC()
		root.Content = encodeSpecDocument(openAPIFromCollection(c, sp.Type, sp.Name), sp.fileFormat() == "yaml")
		root.UpdatedAt = now
		sp.changed(now)
		if sp.generated(c.id) {
			sp.markStale(c.id, false)
		}
		if sp.source == c.id {
			sp.sourceRev = c.rev
		}
	}
	if sp.specSyncs == nil {
		sp.specSyncs = map[string]string{}
	}
	sp.specSyncs[t.id] = c.id
	writeJSON(w, http.StatusAccepted, map[string]any{"taskId": t.id, "url": "/specs/" + sp.ID + "/tasks/" + t.id})
}

// openAPIFromCollection describes a collection's requests as an OpenAPI
// document of type typ (OPENAPI:2.0, 3.0 or 3.1) titled title: one
// operation per method and path (the first request wins), summarised by
// the request's name, with its path parameters and a response per saved
// example (a 200 when it has none). The baseUrl variable gives the server.
func openAPIFromCollection(c *storedCollection, typ, title string) map[string]any {
	swagger := typ == "OPENAPI:2.0"
	info := map[string]any{"title": title, "version": "1.0.0"}
	if d, ok := description(c.info()["description"]); ok && d != "" {
		info["description"] = d
	}
	paths := map[string]any{}
	walkItems(c.doc["item"], "", func(item map[string]any, _ string) bool {
		req, ok := item["request"].(map[string]any)
		if kindOf(item) != kindRequest || !ok {
			return true
		}
		method, _ := req["method"].(string)
		method = strings.ToLower(cmp.Or(method, "GET"))
		p, params := openAPIPath(rawURL(req["url"]))
		ops, _ := paths[p].(map[string]any)
		if ops == nil {
			ops = map[string]any{}
			paths[p] = ops
		}
		if _, dup := ops[method]; dup {
			return true
		}
		name, _ := item["name"].(string)
		op := map[string]any{"summary": name, "responses": openAPIResponses(item["response"])}
		if len(params) > 0 {
			var list []any
			for _, n := range params {
				param := map[string]any{"name": n, "in": "path", "required": true}
				if swagger {
					param["type"] = "string"
				} else {
					param["schema"] = map[string]any{"type": "string"}
				}
				list = append(list, param)
			}
			op["parameters"] = list
		}
		ops[method] = op
		return true
	})
	doc := map[string]any{"info": info, "paths": paths}
	server := collectionVariable(c, "baseUrl")
	switch {
	case swagger:
		doc["swagger"] = "2.0"
		if u, err := url.Parse(server); err == nil && u.Host != "" {
			doc["host"], doc["schemes"] = u.Host, []any{u.Scheme}
			if u.Path != "" {
				doc["basePath"] = u.Path
			}
		}
	case typ == "OPENAPI:3.1":
		doc["openapi"] = "3.1.0"
	default:
		doc["openapi"] = "3.0.3"
	}
	if !swagger && server != "" {
		doc["servers"] = []any{map[string]any{"url": server}}
	}
	return doc
}

// openAPIPath returns the OpenAPI path of a request's raw URL, without its
// host ({{baseUrl}} or a real one) and query, its :name and {{name}}
// segments as {name}; and the names of those parameters.
func openAPIPath(raw string) (string, []string) {
	raw, _, _ = strings.Cut(raw, "?")
	raw, _, _ = strings.Cut(raw, "#")
	if _, rest, ok := strings.Cut(raw, "://"); ok {
		raw = rest
	}
	if i := strings.IndexByte(raw, '/'); i >= 0 {
		raw = raw[i:]
	} else {
		raw = ""
	}
	var segs, params []string
	for _, seg := range strings.Split(strings.Trim(raw, "/"), "/") {
		name := ""
		switch {
		case strings.HasPrefix(seg, ":"):
			name = seg[1:]
		case strings.HasPrefix(seg, "{{") && strings.HasSuffix(seg, "}}"):
			name = strings.Trim(seg, "{}")
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}"):
			name = strings.Trim(seg, "{}")
		}
		if name != "" {
			params = append(params, name)
			seg = "{" + name + "}"
		}
		if seg != "" {
			segs = append(segs, seg)
		}
	}
	return "/" + strings.Join(segs, "/"), params
}

// openAPIResponses describes a request's saved examples as the responses
// of an operation.
func openAPIResponses(examples any) map[string]any {
	out := map[string]any{}
	list, _ := examples.([]any)
	for _, e := range list {
		resp, _ := e.(map[string]any)
		code := jsonText(resp["code"])
		if code == "" {
			continue
		}
		name, _ := resp["name"].(string)
		out[code] = map[string]any{"description": cmp.Or(name, "Response")}
	}
	if len(out) == 0 {
		out["200"] = map[string]any{"description": "Successful response"}
	}
	return out
}

// collectionVariable returns the value of a collection variable, or "".
func collectionVariable(c *storedCollection, key string) string {
	vars, _ := c.doc["variable"].([]any)
	for _, v := range vars {
		m, _ := v.(map[string]any)
		if m["key"] == key {
			return jsonText(m["value"])
		}
	}
	return ""
}

// encodeSpecDocument writes a generated document as indented JSON or as
// YAML.
func encodeSpecDocument(doc map[string]any, yaml bool) string {
	if yaml {
		var b strings.Builder
		writeYAML(&b, doc, 0)
		return b.String()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(doc)
	return buf.String()
}

// writeYAML writes a decoded JSON value as block YAML, keys sorted.
// Scalars are written as JSON, which YAML reads the same (strings double
// quoted), so nothing needs YAML's own quoting rules.
func writeYAML(b *strings.Builder, v any, indent int) {
	pad := strings.Repeat(" ", indent)
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			key := k
			if !plainYAMLKey.MatchString(k) {
				key = yamlText(k)
			}
			b.WriteString(pad + key + ":")
			writeYAMLValue(b, v[k], indent+2)
		}
	case []any:
		for _, e := range v {
			if !yamlBlock(e) {
				b.WriteString(pad + "-")
				writeYAMLValue(b, e, indent+2)
				continue
			}
			var item strings.Builder
			writeYAML(&item, e, indent+2)
			// The item's first line starts after "- " instead of its indent.
			b.WriteString(pad + "- " + strings.TrimPrefix(item.String(), pad+"  "))
		}
	default:
		b.WriteString(pad + yamlText(v) + "\n")
	}
}

// yamlBlock reports whether v is written as a block: a collection that
// is not empty.
func yamlBlock(v any) bool {
	switch e := v.(type) {
	case map[string]any:
		return len(e) > 0
	case []any:
		return len(e) > 0
	}
	return false
}

// writeYAMLValue writes what follows a mapping key or a "-": a scalar or
// an empty collection on the same line, anything else in a block under it.
func writeYAMLValue(b *strings.Builder, v any, indent int) {
	if yamlBlock(v) {
		b.WriteString("\n")
		writeYAML(b, v, indent)
		return
	}
	switch v.(type) {
	case map[string]any:
		b.WriteString(" {}\n")
	case []any:
		b.WriteString(" []\n")
	default:
		b.WriteString(" " + yamlText(v) + "\n")
	}
}

// plainYAMLKey matches the keys written unquoted, as YAML tools write
// them ("openapi: 3.0.3", which readers look for); others are quoted.
var plainYAMLKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func yamlText(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSuffix(buf.String(), "\n")
}
