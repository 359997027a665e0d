package postmantest

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

func (s *Server) routeTransformations() {
	s.mux.HandleFunc("GET /collections/{collectionId}/transformations", s.transformCollection)
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
	var def map[string]any
	if c != nil {
		def = openAPITransformation(c)
	}
	s.mu.Unlock()
	if c == nil {
		problemFor(w, r, http.StatusNotFound, "not-found", "Not Found", "Not Found")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"output": encodeSpecDocument(def, format == "yaml")})
}

// openAPITransformation is the definition Postman's transformation
// writes: the document a spec generated from the collection starts from
// (openAPIFromCollection), with what the transformation adds to each
// operation: its folders as tags, an operationId, its description, the
// enabled query rows and headers as parameters, a raw JSON or form body
// as requestBody, and the saved responses' bodies as content with a
// schema inferred from them; and the collection's auth as a security
// scheme. It holds no value of the stored document, so it can be written
// out after the lock is released.
func openAPITransformation(c *storedCollection) map[string]any {
	def := openAPIFromCollection(c, "OPENAPI:3.0", c.name())
	def["info"].(map[string]any)["contact"] = map[string]any{}
	paths := def["paths"].(map[string]any)
	t := &transformation{paths: paths, opIDs: map[string]int{}}
	t.items(asList(c.doc["item"]), nil)
	if len(t.tags) > 0 {
		tags := []any{}
		for _, name := range t.tags {
			tags = append(tags, map[string]any{"name": name})
		}
		def["tags"] = tags
	}
	if name, scheme := securityScheme(c.doc["auth"]); scheme != nil {
		def["components"] = map[string]any{"securitySchemes": map[string]any{name: scheme}}
		def["security"] = []any{map[string]any{name: []any{}}}
	}
	return def
}

// transformation adds to the operations of a generated definition as it
// walks a collection's items, folders giving the tags.
type transformation struct {
	paths map[string]any
	tags  []string
	opIDs map[string]int
}

func (t *transformation) items(items []any, tags []string) {
	for _, it := range items {
		item, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if kindOf(item) == kindFolder {
			name := jsonText(item["name"])
			if !slices.Contains(t.tags, name) {
				t.tags = append(t.tags, name)
			}
			t.items(asList(item["item"]), append(tags[:len(tags):len(tags)], name))
			continue
		}
		t.request(item, tags)
	}
}

func (t *transformation) request(item map[string]any, tags []string) {
	req, _ := item["request"].(map[string]any)
	if req == nil {
		return
	}
	method := strings.ToLower(jsonText(req["method"]))
	if method == "" {
		method = "get"
	}
	path, _ := openAPIPath(rawURL(req["url"]))
	ops, _ := t.paths[path].(map[string]any)
	op, _ := ops[method].(map[string]any)
	if op == nil || op["operationId"] != nil {
		return // the first request of a method and path makes the operation
	}
	name := jsonText(item["name"])
	if len(tags) > 0 {
		op["tags"] = stringsToAny(tags)
	}
	desc, _ := description(req["description"])
	op["description"] = cmp.Or(desc, name)
	op["operationId"] = t.operationID(name)
	params := asList(op["parameters"])
	u, _ := req["url"].(map[string]any)
	if u == nil {
		u = urlObject(rawURL(req["url"]), nil)
	}
	for _, q := range asList(u["query"]) {
		if m, ok := q.(map[string]any); ok && m["disabled"] != true {
			params = append(params, map[string]any{"name": jsonText(m["key"]), "in": "query",
				"schema": map[string]any{"type": "string", "example": jsonText(m["value"])}})
		}
	}
	for _, h := range asList(req["header"]) {
		m, _ := h.(map[string]any)
		key := jsonText(m["key"])
		// OpenAPI ignores these as header parameters: content negotiation
		// and security schemes describe them.
		if m == nil || m["disabled"] == true || strings.EqualFold(key, "Content-Type") || strings.EqualFold(key, "Accept") || strings.EqualFold(key, "Authorization") {
			continue
		}
		params = append(params, map[string]any{"name": key, "in": "header",
			"schema": map[string]any{"type": "string", "example": jsonText(m["value"])}})
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if body := requestBodyOf(req["body"]); body != nil {
		op["requestBody"] = body
	}
	responses, _ := op["responses"].(map[string]any)
	for _, s := range asList(item["response"]) {
		saved, _ := s.(map[string]any)
		r, _ := responses[jsonText(saved["code"])].(map[string]any)
		body := jsonText(saved["body"])
		if r == nil || r["content"] != nil || body == "" {
			continue
		}
		mime := ""
		for _, h := range asList(saved["header"]) {
			if m, ok := h.(map[string]any); ok && strings.EqualFold(jsonText(m["key"]), "Content-Type") {
				mime, _, _ = strings.Cut(jsonText(m["value"]), ";")
			}
		}
		r["content"] = mediaOf(body, jsonText(saved["name"]), mime)
	}
}

// operationID is the request's name in lower camel case ("Read a
// spacecraft" → "readASpacecraft", as Postman writes it), numbered when
// two requests share it, as operation IDs are unique.
func (t *transformation) operationID(name string) string {
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
	t.opIDs[id]++
	if n := t.opIDs[id]; n > 1 {
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
func requestBodyOf(v any) map[string]any {
	body, _ := v.(map[string]any)
	switch mode := jsonText(body["mode"]); mode {
	case "raw":
		raw := jsonText(body["raw"])
		if raw == "" {
			return nil
		}
		return map[string]any{"content": mediaOf(raw, "", "")}
	case "urlencoded", "formdata":
		props := map[string]any{}
		for _, row := range asList(body[mode]) {
			if m, ok := row.(map[string]any); ok && m["disabled"] != true {
				props[jsonText(m["key"])] = map[string]any{"type": "string", "example": jsonText(m["value"])}
			}
		}
		mime := "application/x-www-form-urlencoded"
		if mode == "formdata" {
			mime = "multipart/form-data"
		}
		return map[string]any{"content": map[string]any{mime: map[string]any{"schema": map[string]any{"type": "object", "properties": props}}}}
	}
	return nil
}

// mediaOf is the content of a body: JSON (application/json unless mime
// says another JSON type) with a schema and the example (named
// exampleName when given), or text with a string schema.
func mediaOf(text, exampleName, mime string) map[string]any {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		if mime == "" || strings.Contains(mime, "json") {
			mime = "text/plain"
		}
		return map[string]any{mime: map[string]any{"schema": map[string]any{"type": "string", "example": text}}}
	}
	if mime == "" {
		mime = "application/json"
	}
	media := map[string]any{"schema": schemaOf(v)}
	if exampleName != "" {
		media["examples"] = map[string]any{exampleName: map[string]any{"value": v}}
	} else {
		media["example"] = v
	}
	return map[string]any{mime: media}
}

// schemaOf infers a schema from a JSON value, with examples at the leaves.
func schemaOf(v any) map[string]any {
	switch t := v.(type) {
	case map[string]any:
		props := map[string]any{}
		for k, e := range t {
			props[k] = schemaOf(e)
		}
		return map[string]any{"type": "object", "properties": props}
	case []any:
		items := map[string]any{}
		if len(t) > 0 {
			items = schemaOf(t[0])
		}
		return map[string]any{"type": "array", "items": items}
	case json.Number:
		if _, err := t.Int64(); err == nil {
			return map[string]any{"type": "integer", "example": t}
		}
		return map[string]any{"type": "number", "example": t}
	case bool:
		return map[string]any{"type": "boolean", "example": t}
	case string:
		return map[string]any{"type": "string", "example": t}
	}
	return map[string]any{"nullable": true}
}

// securityScheme is the name and security scheme of a collection's auth,
// or nil.
func securityScheme(v any) (string, map[string]any) {
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
		return "apiKey", map[string]any{"type": "apiKey", "name": param("key"), "in": in}
	case "bearer":
		return "bearerAuth", map[string]any{"type": "http", "scheme": "bearer"}
	case "basic":
		return "basicAuth", map[string]any{"type": "http", "scheme": "basic"}
	}
	return "", nil
}
