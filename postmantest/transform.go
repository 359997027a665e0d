package postmantest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// field is a member of an omap.
type field struct {
	key   string
	value any
}

// omap is a JSON object that keeps its members in order, so that a
// generated OpenAPI document reads openapi, info, servers, paths … as
// Postman writes it, in JSON and in YAML.
type omap []field

// MarshalJSON writes the members in order.
func (m omap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(f.key)
		v, err := json.Marshal(f.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func (m *omap) set(key string, value any) { *m = append(*m, field{key, value}) }

// get returns the member key, nil if there is none.
func (m omap) get(key string) any {
	for _, f := range m {
		if f.key == key {
			return f.value
		}
	}
	return nil
}

// transformCollection answers the OpenAPI 3.0.3 definition of a stored
// collection, in JSON (the default) or YAML, as
// GET /collections/{id}/transformations does. It creates nothing.
func (s *Server) transformCollection(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "yaml" {
		problemFor(w, r, http.StatusBadRequest, "bad-request", "Bad Request", "format must be json or yaml")
		return
	}
	s.mu.Lock()
	c := s.state.collection(r.PathValue("collectionId"))
	var def omap
	if c != nil {
		// A copy, as the definition is written out after the lock is released.
		def = openAPIOf(cloneJSON(c.doc).(map[string]any))
	}
	s.mu.Unlock()
	if c == nil {
		problemFor(w, r, http.StatusNotFound, "not-found", "Not Found", "Not Found")
		return
	}
	var out []byte
	if format == "yaml" {
		var b bytes.Buffer
		writeYAML(&b, def, 0)
		out = b.Bytes()
	} else {
		out, _ = json.MarshalIndent(def, "", "  ")
	}
	writeJSON(w, http.StatusOK, map[string]any{"output": string(out)})
}

// openAPIOf builds an OpenAPI 3.0.3 definition from a Collection v2.1
// document the way Postman's transformation does: one operation per
// request, tagged with its folders; path variables (":id", "{{id}}")
// become path parameters, enabled query rows query parameters, headers
// header parameters; raw JSON bodies and saved responses become schemas
// with examples; the host (a {{variable}} resolved with the collection's
// variables) becomes the server; the collection's auth a security scheme.
func openAPIOf(doc map[string]any) omap {
	info, _ := doc["info"].(map[string]any)
	vars := map[string]string{}
	for _, v := range asList(doc["variable"]) {
		if m, ok := v.(map[string]any); ok {
			vars[jsonText(m["key"])] = jsonText(m["value"])
		}
	}
	b := &openAPIBuilder{vars: vars, paths: omap{}, opIDs: map[string]int{}}
	b.items(asList(doc["item"]), nil)

	inf := omap{{"title", jsonText(info["name"])}}
	if d, ok := description(info["description"]); ok && d != "" {
		inf.set("description", d)
	}
	inf.set("version", "1.0.0")
	inf.set("contact", omap{})
	def := omap{{"openapi", "3.0.3"}, {"info", inf}}
	if b.server != "" {
		def.set("servers", []any{omap{{"url", b.server}}})
	}
	def.set("paths", b.paths)
	if name, scheme := securityScheme(doc["auth"]); scheme != nil {
		def.set("components", omap{{"securitySchemes", omap{{name, scheme}}}})
		def.set("security", []any{omap{{name, []any{}}}})
	}
	if len(b.tags) > 0 {
		tags := []any{}
		for _, t := range b.tags {
			tags = append(tags, omap{{"name", t}})
		}
		def.set("tags", tags)
	}
	return def
}

// asList reads a list member of a collection document (nil otherwise).
func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// openAPIBuilder collects the paths, tags and server of a definition as
// it walks a collection's items.
type openAPIBuilder struct {
	vars   map[string]string
	server string
	paths  omap
	tags   []string
	opIDs  map[string]int
}

// items adds the requests under items, folders giving their tags.
func (b *openAPIBuilder) items(items []any, tags []string) {
	for _, it := range items {
		item, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if kindOf(item) == kindFolder {
			name := jsonText(item["name"])
			if !slices.Contains(b.tags, name) {
				b.tags = append(b.tags, name)
			}
			b.items(asList(item["item"]), append(tags[:len(tags):len(tags)], name))
			continue
		}
		b.request(item, tags)
	}
}

// pathVar matches the variables of a path segment: ":id" or "{{id}}".
var pathVar = regexp.MustCompile(`^:(\w+)$|^\{\{(\w+)\}\}$`)

func (b *openAPIBuilder) request(item map[string]any, tags []string) {
	req, _ := item["request"].(map[string]any)
	if req == nil {
		return
	}
	method := strings.ToLower(jsonText(req["method"]))
	if method == "" {
		method = "get"
	}
	u, _ := req["url"].(map[string]any)
	if u == nil {
		u = urlObject(rawURL(req["url"]), nil)
	}
	b.noteServer(u)
	var segs []string
	var params []any
	for _, seg := range asList(u["path"]) {
		s := jsonText(seg)
		if m := pathVar.FindStringSubmatch(s); m != nil {
			name := m[1] + m[2]
			s = "{" + name + "}"
			params = append(params, omap{{"name", name}, {"in", "path"}, {"required", true}, {"schema", omap{{"type", "string"}}}})
		}
		segs = append(segs, s)
	}
	path := "/" + strings.Join(segs, "/")
	for _, q := range asList(u["query"]) {
		if m, ok := q.(map[string]any); ok && m["disabled"] != true {
			params = append(params, omap{{"name", jsonText(m["key"])}, {"in", "query"},
				{"schema", omap{{"type", "string"}, {"example", jsonText(m["value"])}}}})
		}
	}
	for _, h := range asList(req["header"]) {
		m, ok := h.(map[string]any)
		key := jsonText(m["key"])
		if !ok || m["disabled"] == true || strings.EqualFold(key, "Content-Type") || strings.EqualFold(key, "Accept") || strings.EqualFold(key, "Authorization") {
			continue
		}
		params = append(params, omap{{"name", key}, {"in", "header"}, {"schema", omap{{"type", "string"}, {"example", jsonText(m["value"])}}}})
	}

	name := jsonText(item["name"])
	op := omap{}
	if len(tags) > 0 {
		op.set("tags", stringsToAny(tags))
	}
	op.set("summary", name)
	desc, _ := description(req["description"])
	if desc == "" {
		desc = name
	}
	op.set("description", desc)
	op.set("operationId", b.operationID(name))
	if len(params) > 0 {
		op.set("parameters", params)
	}
	if body := requestBodyOf(req["body"]); body != nil {
		op.set("requestBody", body)
	}
	op.set("responses", responsesOf(asList(item["response"])))

	pathItem, _ := b.paths.get(path).(*omap)
	if pathItem == nil {
		pathItem = &omap{}
		b.paths.set(path, pathItem)
	}
	pathItem.set(method, op)
}

// hostVar matches a host that is a variable ("{{baseUrl}}").
var hostVar = regexp.MustCompile(`^\{\{(\w+)\}\}$`)

// noteServer takes the first request's origin as the server.
func (b *openAPIBuilder) noteServer(u map[string]any) {
	if b.server != "" {
		return
	}
	var host []string
	for _, h := range asList(u["host"]) {
		host = append(host, jsonText(h))
	}
	origin := strings.Join(host, ".")
	if m := hostVar.FindStringSubmatch(origin); m != nil {
		if v, ok := b.vars[m[1]]; ok {
			origin = v
		}
	}
	if p := jsonText(u["protocol"]); p != "" && origin != "" {
		origin = p + "://" + origin
	}
	if port := jsonText(u["port"]); port != "" && origin != "" {
		origin += ":" + port
	}
	b.server = origin
}

// operationID is the request's name in lower camel case ("Read a
// spacecraft" → "readASpacecraft"), numbered when two requests share it.
func (b *openAPIBuilder) operationID(name string) string {
	var out []rune
	upper := false
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			upper = len(out) > 0
		case upper:
			out, upper = append(out, unicode.ToUpper(r)), false
		case len(out) == 0:
			out = append(out, unicode.ToLower(r))
		default:
			out = append(out, r)
		}
	}
	id := string(out)
	b.opIDs[id]++
	if n := b.opIDs[id]; n > 1 {
		id += strconv.Itoa(n)
	}
	return id
}

func stringsToAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// requestBodyOf turns a request body into a requestBody: raw JSON with an
// inferred schema and the body as example, form rows as properties.
func requestBodyOf(v any) omap {
	body, _ := v.(map[string]any)
	switch jsonText(body["mode"]) {
	case "raw":
		raw := jsonText(body["raw"])
		if raw == "" {
			return nil
		}
		return omap{{"content", mediaOf(raw, "", "")}}
	case "urlencoded", "formdata":
		mode := jsonText(body["mode"])
		props := omap{}
		for _, row := range asList(body[mode]) {
			if m, ok := row.(map[string]any); ok && m["disabled"] != true {
				props.set(jsonText(m["key"]), omap{{"type", "string"}, {"example", jsonText(m["value"])}})
			}
		}
		mime := "application/x-www-form-urlencoded"
		if mode == "formdata" {
			mime = "multipart/form-data"
		}
		return omap{{"content", omap{{mime, omap{{"schema", omap{{"type", "object"}, {"properties", props}}}}}}}}
	}
	return nil
}

// mediaOf is the content of a body: application/json with a schema and
// the example (named exampleName when given) for JSON text, text/plain
// otherwise.
func mediaOf(text, exampleName, mime string) omap {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	media := omap{}
	if err := dec.Decode(&v); err == nil && !dec.More() {
		if mime == "" {
			mime = "application/json"
		}
		media.set("schema", schemaOf(v))
		if exampleName != "" {
			media.set("examples", omap{{exampleName, omap{{"value", v}}}})
		} else {
			media.set("example", v)
		}
	} else {
		if mime == "" || strings.Contains(mime, "json") {
			mime = "text/plain"
		}
		media.set("schema", omap{{"type", "string"}, {"example", text}})
	}
	return omap{{mime, media}}
}

// schemaOf infers a schema from a JSON value, with examples at the leaves.
func schemaOf(v any) omap {
	switch t := v.(type) {
	case map[string]any:
		props := omap{}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			props.set(k, schemaOf(t[k]))
		}
		return omap{{"type", "object"}, {"properties", props}}
	case []any:
		items := omap{}
		if len(t) > 0 {
			items = schemaOf(t[0])
		}
		return omap{{"type", "array"}, {"items", items}}
	case json.Number:
		if _, err := t.Int64(); err == nil {
			return omap{{"type", "integer"}, {"example", t}}
		}
		return omap{{"type", "number"}, {"example", t}}
	case bool:
		return omap{{"type", "boolean"}, {"example", t}}
	case string:
		return omap{{"type", "string"}, {"example", t}}
	}
	return omap{{"nullable", true}}
}

// responsesOf turns saved responses into responses by status code, each
// response's name its description and example name; a request without
// saved responses gets a bare 200, as OpenAPI needs one response.
func responsesOf(saved []any) omap {
	out := omap{}
	for _, s := range saved {
		resp, ok := s.(map[string]any)
		if !ok {
			continue
		}
		code := jsonText(resp["code"])
		if code == "" || out.get(code) != nil {
			continue
		}
		name := jsonText(resp["name"])
		r := omap{{"description", name}}
		mime := ""
		for _, h := range asList(resp["header"]) {
			if m, ok := h.(map[string]any); ok && strings.EqualFold(jsonText(m["key"]), "Content-Type") {
				mime, _, _ = strings.Cut(jsonText(m["value"]), ";")
			}
		}
		if body := jsonText(resp["body"]); body != "" {
			r.set("content", mediaOf(body, name, mime))
		}
		out.set(code, r)
	}
	if len(out) == 0 {
		out.set("200", omap{{"description", "Successful response"}})
	}
	return out
}

// securityScheme is the name and security scheme of a collection's auth,
// or nil.
func securityScheme(v any) (string, omap) {
	auth, _ := v.(map[string]any)
	param := func(key string) string {
		for _, p := range asList(auth[jsonText(auth["type"])]) {
			if m, ok := p.(map[string]any); ok && jsonText(m["key"]) == key {
				return jsonText(m["value"])
			}
		}
		return ""
	}
	switch jsonText(auth["type"]) {
	case "apikey":
		in := param("in")
		if in == "" {
			in = "header"
		}
		return "apiKey", omap{{"type", "apiKey"}, {"name", param("key")}, {"in", in}}
	case "bearer":
		return "bearerAuth", omap{{"type", "http"}, {"scheme", "bearer"}}
	case "basic":
		return "basicAuth", omap{{"type", "http"}, {"scheme", "basic"}}
	}
	return "", nil
}
