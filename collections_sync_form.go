package postman

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/postman-go/postman/collection"
)

// This file holds the two halves of what Sync knows about Postman's item
// model: the normal form both collections are put in before they are
// compared, so that what Postman rewrites on its side (a URL string comes
// back as an object, scripts gain IDs, the info block gains updatedAt, a
// folder's subfolders come before its requests …) is not a change; and
// the bodies of the item endpoints built from an element in that form,
// with the members they cannot carry named instead of dropped.
//
// Both work on the generic JSON of a collection (maps, slices, strings and
// json.Number), which is what the item endpoints send and Postman's
// rewrites are about.

type jsonObject = map[string]any

// syncForm returns c in the normal form, read back through the lossless
// model so that Diff sees typed fields.
func syncForm(c *collection.Collection) (*collection.Collection, error) {
	data, err := c.MarshalJSON()
	if err != nil {
		return nil, err
	}
	v, err := decodeJSONValue(data)
	if err != nil {
		return nil, err
	}
	doc, _ := v.(jsonObject)
	if doc == nil {
		doc = jsonObject{}
	}
	normCollection(doc)
	if data, err = json.Marshal(doc); err != nil {
		return nil, err
	}
	return collection.Parse(data)
}

// decodeJSONValue decodes JSON keeping numbers as their text.
func decodeJSONValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// genericOf returns the generic JSON of v (an item, a response …).
func genericOf(v any) jsonObject {
	data, err := json.Marshal(v)
	if err != nil {
		return jsonObject{}
	}
	g, err := decodeJSONValue(data)
	if err != nil {
		return jsonObject{}
	}
	m, _ := g.(jsonObject)
	if m == nil {
		m = jsonObject{}
	}
	return m
}

// serverInfoKeys are the members Postman adds to the info block it serves.
var serverInfoKeys = []string{"createdAt", "updatedAt", "lastUpdatedBy", "fork", "uid", "_exporter_id"}

func normCollection(doc jsonObject) {
	info, ok := doc["info"].(jsonObject)
	if !ok {
		info = jsonObject{}
		doc["info"] = info
	}
	for _, k := range serverInfoKeys {
		delete(info, k)
	}
	normDescriptionIn(info, "description")
	// Postman stores every collection as v2.1, whichever URL names it.
	info["schema"] = collection.FormatV21.SchemaURL()
	normListIn(doc, "event", normEvent)
	normListIn(doc, "variable", normVariable)
	normAuthIn(doc, "auth")
	if items, ok := doc["item"].([]any); ok {
		doc["item"] = normItems(items)
	}
}

// isFolderJSON tells folders (they have a list of items) from requests.
func isFolderJSON(v any) bool {
	m, ok := v.(jsonObject)
	if !ok {
		return false
	}
	_, ok = m["item"].([]any)
	return ok
}

// normItems puts a folder's subfolders before its requests, keeping the
// order of each, as Postman lists them, and normalises each.
func normItems(items []any) []any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		if isFolderJSON(it) {
			out = append(out, it)
		}
	}
	for _, it := range items {
		if !isFolderJSON(it) {
			out = append(out, it)
		}
	}
	for _, it := range out {
		m, ok := it.(jsonObject)
		if !ok {
			continue
		}
		if isFolderJSON(m) {
			normFolder(m)
		} else {
			normRequestItem(m)
		}
	}
	return out
}

func normFolder(m jsonObject) {
	normCommonItem(m)
	normAuthIn(m, "auth")
	m["item"] = normItems(m["item"].([]any))
}

func normCommonItem(m jsonObject) {
	if _, ok := m["name"]; !ok {
		m["name"] = ""
	}
	normDescriptionIn(m, "description")
	normListIn(m, "event", normEvent)
	normListIn(m, "variable", normVariable)
	normEmptyObjectIn(m, "protocolProfileBehavior")
}

func normRequestItem(m jsonObject) {
	normCommonItem(m)
	if _, ok := m["request"]; !ok {
		m["request"] = jsonObject{}
	}
	m["request"] = normRequest(m["request"])
	if list, ok := m["response"].([]any); ok {
		for _, r := range list {
			if rm, ok := r.(jsonObject); ok {
				normResponse(rm, m["request"])
			}
		}
		if len(list) == 0 {
			delete(m, "response")
		}
	}
}

// normRequest returns a request in the normal form: an object, its method
// GET when absent, its URL as raw text with query and path variables.
func normRequest(v any) any {
	var req jsonObject
	switch r := v.(type) {
	case string:
		req = jsonObject{"url": r}
	case jsonObject:
		req = r
	default:
		return v
	}
	if s, _ := req["method"].(string); s == "" {
		req["method"] = http.MethodGet
	}
	if u, ok := req["url"]; ok {
		req["url"] = normURL(u)
	} else {
		req["url"] = jsonObject{"raw": ""}
	}
	if s, ok := req["header"].(string); ok {
		req["header"] = headerLines(s)
	}
	normListIn(req, "header", normPair)
	normDescriptionIn(req, "description")
	normAuthIn(req, "auth")
	if body, ok := req["body"]; ok {
		if b := normBody(body); b == nil {
			delete(req, "body")
		} else {
			req["body"] = b
		}
	}
	return req
}

// headerLines reads headers given as text, "Key: value" a line, "//"
// before a disabled one.
func headerLines(s string) []any {
	out := []any{}
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		row := jsonObject{}
		if rest, ok := strings.CutPrefix(line, "//"); ok {
			line, row["disabled"] = strings.TrimSpace(rest), true
		}
		k, v, _ := strings.Cut(line, ":")
		row["key"], row["value"] = strings.TrimSpace(k), strings.TrimSpace(v)
		out = append(out, row)
	}
	return out
}

// normURL returns a URL as {raw, query, variable}: Postman derives the
// protocol, host, path, port and hash from the raw text, and writes the
// enabled query parameters into it. Other members stay, for the item
// endpoints to refuse.
func normURL(v any) any {
	var raw string
	var query, vars []any
	hasQuery := false
	out := jsonObject{}
	switch u := v.(type) {
	case string:
		raw = u
	case jsonObject:
		if s, ok := u["raw"].(string); ok {
			raw = s
		} else {
			raw = urlFromParts(u)
		}
		query, hasQuery = u["query"].([]any)
		vars, _ = u["variable"].([]any)
		for k, x := range u {
			switch k {
			case "raw", "query", "variable", "protocol", "host", "path", "port", "hash":
			default:
				out[k] = x
			}
		}
	case nil:
	default:
		return v
	}
	base, rawQuery, _ := strings.Cut(raw, "?")
	if !hasQuery && rawQuery != "" {
		for pair := range strings.SplitSeq(rawQuery, "&") {
			k, val, _ := strings.Cut(pair, "=")
			query = append(query, jsonObject{"key": k, "value": val})
		}
	}
	var pairs []string
	for _, q := range query {
		qm, ok := q.(jsonObject)
		if !ok {
			continue
		}
		normPair(qm)
		if qm["disabled"] != true {
			pairs = append(pairs, jsonScalarText(qm["key"])+"="+jsonScalarText(qm["value"]))
		}
	}
	if len(pairs) > 0 {
		base += "?" + strings.Join(pairs, "&")
	}
	out["raw"] = base
	if len(query) > 0 {
		out["query"] = query
	}
	for _, x := range vars {
		if xm, ok := x.(jsonObject); ok {
			normPair(xm)
		}
	}
	if len(vars) > 0 {
		out["variable"] = vars
	}
	return out
}

// urlFromParts writes the text of a URL object without raw.
func urlFromParts(u jsonObject) string {
	var b strings.Builder
	if p := jsonScalarText(u["protocol"]); p != "" {
		b.WriteString(p + "://")
	}
	switch h := u["host"].(type) {
	case string:
		b.WriteString(h)
	case []any:
		for i, x := range h {
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(jsonScalarText(x))
		}
	}
	if p := jsonScalarText(u["port"]); p != "" {
		b.WriteString(":" + p)
	}
	switch p := u["path"].(type) {
	case string:
		if p != "" && !strings.HasPrefix(p, "/") {
			b.WriteByte('/')
		}
		b.WriteString(p)
	case []any:
		for _, x := range p {
			b.WriteString("/" + jsonScalarText(x))
		}
	}
	return b.String()
}

// jsonScalarText is the text of a JSON scalar: a string as it is, a number or a
// boolean as written, null as "".
func jsonScalarText(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case json.Number:
		return t.String()
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// normPair normalises a key/value row (header, query parameter, path
// variable, form field): disabled only when true, the description as
// text, a header's type (always "text") left out.
func normPair(m jsonObject) {
	if d, ok := m["disabled"]; ok && d != true {
		delete(m, "disabled")
	}
	normDescriptionIn(m, "description")
	if t, ok := m["type"].(string); ok && t == "text" {
		delete(m, "type")
	}
	if _, ok := m["key"]; !ok {
		m["key"] = ""
	}
	if v, ok := m["value"]; !ok || v == nil {
		m["value"] = ""
	}
}

// normBody returns a body in the normal form, or nil for none (an empty
// raw body without options is no body).
func normBody(v any) any {
	b, ok := v.(jsonObject)
	if !ok {
		if v == nil {
			return nil
		}
		return v
	}
	if d, ok := b["disabled"]; ok && d != true {
		delete(b, "disabled")
	}
	normEmptyObjectIn(b, "options")
	mode, _ := b["mode"].(string)
	for _, k := range []string{"raw", "urlencoded", "formdata", "file", "graphql"} {
		if k != mode {
			delete(b, k) // what another mode left behind is not sent
		}
	}
	switch mode {
	case "raw":
		if b["raw"] == nil {
			b["raw"] = ""
		}
		if b["raw"] == "" && len(b) == 2 {
			return nil
		}
	case "urlencoded", "formdata":
		normListIn(b, mode, normPair)
		if _, ok := b[mode]; !ok {
			b[mode] = []any{}
		}
	case "graphql":
		g, _ := b["graphql"].(jsonObject)
		if g == nil {
			g = jsonObject{}
		}
		if g["query"] == nil {
			g["query"] = ""
		}
		if s, ok := g["variables"].(string); ok && s == "" || g["variables"] == nil {
			delete(g, "variables")
		}
		b["graphql"] = g
	case "file":
		normEmptyObjectIn(b, "file")
	}
	return b
}

// normAuthIn normalises the auth under key: null is absent (inherit),
// parameters are the v2.1 array, sorted by key, without the default type
// "string".
func normAuthIn(m jsonObject, key string) {
	v, ok := m[key]
	if !ok {
		return
	}
	a, isObj := v.(jsonObject)
	if !isObj {
		if v == nil {
			delete(m, key)
		}
		return
	}
	for k, params := range a {
		if obj, isObj := params.(jsonObject); isObj && k != "type" {
			// The v2.0 form: {"token": "…"}.
			list := make([]any, 0, len(obj))
			for pk, pv := range obj {
				list = append(list, jsonObject{"key": pk, "value": pv})
			}
			a[k], params = list, list
		}
		list, ok := params.([]any)
		if k == "type" || !ok {
			continue
		}
		for _, p := range list {
			if pm, ok := p.(jsonObject); ok {
				if t, _ := pm["type"].(string); t == "string" {
					delete(pm, "type")
				}
			}
		}
		slices.SortStableFunc(list, func(x, y any) int {
			return strings.Compare(jsonScalarText(mapOf(x)["key"]), jsonScalarText(mapOf(y)["key"]))
		})
		if len(list) == 0 {
			delete(a, k)
		}
	}
}

func mapOf(v any) jsonObject {
	m, _ := v.(jsonObject)
	return m
}

// normEvent normalises a script: the IDs Postman gives events and scripts
// left out, the code as lines, the default type and empty packages
// dropped.
func normEvent(e jsonObject) {
	delete(e, "id")
	if d, ok := e["disabled"]; ok && d != true {
		delete(e, "disabled")
	}
	s, ok := e["script"].(jsonObject)
	if !ok {
		return
	}
	delete(s, "id")
	if t, _ := s["type"].(string); t == "text/javascript" {
		delete(s, "type")
	}
	normEmptyObjectIn(s, "packages")
	normEmptyObjectIn(s, "requests")
	var lines []any
	switch x := s["exec"].(type) {
	case string:
		for l := range strings.SplitSeq(x, "\n") {
			lines = append(lines, l)
		}
	case []any:
		lines = x
	}
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	if lines == nil {
		lines = []any{}
	}
	s["exec"] = lines
}

// normVariable normalises a variable: its ID, the default type and a
// false disabled left out.
func normVariable(v jsonObject) {
	delete(v, "id")
	if t, _ := v["type"].(string); t == "string" || t == "default" {
		delete(v, "type")
	}
	if d, ok := v["disabled"]; ok && d != true {
		delete(v, "disabled")
	}
	normDescriptionIn(v, "description")
}

// normResponse normalises a saved response of a request: status text from
// the code when absent, empty members dropped, and the original request
// its request's when absent, as Postman fills it in.
func normResponse(r jsonObject, request any) {
	if _, ok := r["name"]; !ok {
		r["name"] = ""
	}
	if _, ok := r["code"]; !ok {
		r["code"] = json.Number("200")
	}
	if s, _ := r["status"].(string); s == "" {
		code, _ := strconv.Atoi(jsonScalarText(r["code"]))
		r["status"] = http.StatusText(code)
	}
	normListIn(r, "header", normPair)
	if s, ok := r["header"].(string); ok {
		r["header"] = headerLines(s)
		normListIn(r, "header", normPair)
	}
	for _, k := range []string{"cookie", "body", "_postman_previewlanguage", "timings", "responseTime"} {
		switch x := r[k].(type) {
		case nil:
			delete(r, k)
		case string:
			if x == "" && k != "responseTime" {
				delete(r, k)
			} else if k == "responseTime" {
				if _, err := strconv.Atoi(x); err == nil {
					r[k] = json.Number(x)
				}
			}
		case []any:
			if len(x) == 0 {
				delete(r, k)
			}
		}
	}
	if orig, ok := r["originalRequest"]; ok && orig != nil {
		r["originalRequest"] = normRequest(orig)
	} else {
		r["originalRequest"] = cloneGeneric(request)
	}
}

func cloneGeneric(v any) any {
	switch t := v.(type) {
	case jsonObject:
		out := make(jsonObject, len(t))
		for k, x := range t {
			out[k] = cloneGeneric(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = cloneGeneric(x)
		}
		return out
	}
	return v
}

// normDescriptionIn makes a description text: an object with only its
// content (in the default formats) is its content, and an empty one is
// none.
func normDescriptionIn(m jsonObject, key string) {
	switch d := m[key].(type) {
	case nil:
		delete(m, key)
	case string:
		if d == "" {
			delete(m, key)
		}
	case jsonObject:
		t, _ := d["type"].(string)
		content, isText := d["content"].(string)
		if isText && (len(d) == 1 || len(d) == 2 && (t == "text/markdown" || t == "text/plain")) {
			if content == "" {
				delete(m, key)
			} else {
				m[key] = content
			}
		}
	}
}

// normListIn normalises each object of the list under key and drops the
// list when empty (absent and empty are the same to Postman).
func normListIn(m jsonObject, key string, fn func(jsonObject)) {
	switch list := m[key].(type) {
	case nil:
		delete(m, key)
	case []any:
		for i, x := range list {
			switch e := x.(type) {
			case jsonObject:
				fn(e)
			case string:
				if key == "header" {
					// "Key: value" strings in a list of headers.
					if rows := headerLines(e); len(rows) == 1 {
						list[i] = rows[0]
						fn(rows[0].(jsonObject))
					}
				}
			}
		}
		if len(list) == 0 {
			delete(m, key)
		}
	}
}

// normEmptyObjectIn drops the member key when it is null or {}.
func normEmptyObjectIn(m jsonObject, key string) {
	v, ok := m[key]
	if !ok {
		return
	}
	if o, isObj := v.(jsonObject); v == nil || isObj && len(o) == 0 {
		delete(m, key)
	}
}

// syncGap is a member a body cannot carry: the field of a change it
// belongs to, its name as Diff names it, and why.
type syncGap struct {
	field  collection.Fields
	member string
	reason string
}

// itemBody is a body for the item endpoints with the field each of its
// members expresses, so that an update sends only what changed.
type itemBody struct {
	members map[string]any
	fields  map[string]collection.Fields
	gaps    []syncGap
}

func newItemBody() *itemBody {
	return &itemBody{members: map[string]any{}, fields: map[string]collection.Fields{}}
}

func (b *itemBody) set(key string, f collection.Fields, v any) {
	b.members[key] = v
	b.fields[key] = f
}

func (b *itemBody) gap(f collection.Fields, member, reason string) {
	b.gaps = append(b.gaps, syncGap{field: f, member: member, reason: reason})
}

// pick returns the members of an update of fields, other naming the
// members outside the named fields (Change.Other); all of them for an
// addition (fields 0).
func (b *itemBody) pick(fields collection.Fields, other []string) map[string]any {
	out := map[string]any{}
	for k, v := range b.members {
		f := b.fields[k]
		if fields == 0 || f&fields != 0 && (f != collection.FieldOther || slices.Contains(other, otherName(k))) {
			out[k] = v
		}
	}
	return out
}

// gapsOf returns the gaps that matter to an update of fields (all for an
// addition).
func (b *itemBody) gapsOf(fields collection.Fields, other []string) []syncGap {
	var out []syncGap
	for _, g := range b.gaps {
		if fields == 0 || g.field&fields != 0 && (g.field != collection.FieldOther || slices.Contains(other, g.member)) {
			out = append(out, g)
		}
	}
	return out
}

// otherNames maps the item-model members that express members outside
// Diff's named fields to the name Diff gives those.
var otherNames = map[string]string{
	"protocolProfileBehavior": "protocolProfileBehavior",
	"language":                "_postman_previewlanguage",
	"time":                    "responseTime",
}

func otherName(key string) string { return otherNames[key] }

const (
	reasonNoField = "the item endpoints have no field for it"
)

// checkKeys records a gap for each member of m outside allowed.
func (b *itemBody) checkKeys(m jsonObject, allowed []string, f collection.Fields, prefix string) {
	for k := range m {
		if slices.Contains(allowed, k) {
			continue
		}
		if f == collection.FieldOther {
			b.gap(f, prefix+k, reasonNoField)
		} else {
			b.gap(f, strings.TrimSuffix(prefix, "."), "the item endpoints cannot carry its member "+strconv.Quote(k))
		}
	}
}

var identityKeys = []string{"id", "_postman_id", "uid"}

// folderBody builds the body of a folder's creation or update.
func folderBody(it jsonObject) *itemBody {
	b := newItemBody()
	b.checkKeys(it, append([]string{"name", "description", "item", "auth", "event", "variable"}, identityKeys...), collection.FieldOther, "")
	b.set("name", collection.FieldName, it["name"])
	b.set("description", collection.FieldDescription, descriptionText(b, it["description"], collection.FieldDescription, "description"))
	b.set("auth", collection.FieldAuth, it["auth"])
	b.set("events", collection.FieldScripts, eventsBody(b, it["event"], ""))
	b.set("variables", collection.FieldVariables, variablesBody(b, it["variable"], collection.FieldVariables, "variable"))
	return b
}

// requestBody builds the body of a request's creation or update.
func requestBody(it jsonObject) *itemBody {
	b := newItemBody()
	b.checkKeys(it, append([]string{"name", "request", "response", "event", "protocolProfileBehavior"}, identityKeys...), collection.FieldOther, "")
	for k, f := range map[string]collection.Fields{"description": collection.FieldDescription, "variable": collection.FieldVariables, "auth": collection.FieldAuth} {
		if _, ok := it[k]; ok {
			// The item endpoints know a request's own description and
			// auth, not its item's, and no variables of a request.
			b.gap(f, k, "the item endpoints have no "+k+" for a request item (only inside its request)")
		}
	}
	b.set("name", collection.FieldName, it["name"])
	b.set("events", collection.FieldScripts, eventsBody(b, it["event"], ""))
	b.set("protocolProfileBehavior", collection.FieldOther, it["protocolProfileBehavior"])
	req, _ := it["request"].(jsonObject)
	if req == nil {
		b.gap(collection.FieldOther, "request", "the request is not an object")
		return b
	}
	requestMembers(b, req, "request.", 0)
	return b
}

// requestMembers adds the members of a request (of an item, or a saved
// response's original request: then every member expresses field).
func requestMembers(b *itemBody, req jsonObject, prefix string, field collection.Fields) {
	pick := func(f collection.Fields) collection.Fields {
		if field != 0 {
			return field
		}
		return f
	}
	if field == 0 {
		b.checkKeys(req, []string{"url", "method", "header", "body", "auth", "description"}, collection.FieldOther, prefix)
	} else {
		b.checkKeys(req, []string{"url", "method", "header", "body", "auth", "description"}, field, prefix)
	}
	b.set("method", pick(collection.FieldMethod), req["method"])
	b.set("description", pick(collection.FieldDescription), descriptionText(b, req["description"], pick(collection.FieldDescription), prefix+"description"))
	b.set("auth", pick(collection.FieldAuth), req["auth"])

	u, _ := req["url"].(jsonObject)
	fu := pick(collection.FieldURL)
	b.checkKeys(u, []string{"raw", "query", "variable"}, fu, prefix+"url.")
	b.set("url", fu, jsonScalarText(u["raw"]))
	b.set("queryParams", fu, rowsBody(b, u["query"], fu, prefix+"url", []string{"key", "value", "description", "disabled"}, false))
	b.set("pathVariableData", fu, rowsBody(b, u["variable"], fu, prefix+"url", []string{"key", "value", "description"}, false))

	fh := pick(collection.FieldHeaders)
	b.set("headerData", fh, rowsBody(b, req["header"], fh, prefix+"header", []string{"key", "value", "description", "disabled"}, false))

	fb := pick(collection.FieldBody)
	for _, k := range []string{"dataMode", "rawModeData", "data", "graphqlModeData", "dataOptions"} {
		b.set(k, fb, nil)
	}
	body, _ := req["body"].(jsonObject)
	if body == nil {
		return
	}
	mode, _ := body["mode"].(string)
	b.checkKeys(body, []string{"mode", mode, "options"}, fb, prefix+"body.")
	b.members["dataOptions"] = body["options"]
	switch mode {
	case "raw":
		b.members["dataMode"], b.members["rawModeData"] = "raw", body["raw"]
	case "urlencoded", "formdata":
		allowed := []string{"key", "value", "description", "disabled"}
		if mode == "formdata" {
			allowed = append(allowed, "type")
		}
		b.members["dataMode"] = mode
		b.members["data"] = rowsBody(b, body[mode], fb, prefix+"body", allowed, true)
	case "graphql":
		g, _ := body["graphql"].(jsonObject)
		b.checkKeys(g, []string{"query", "variables"}, fb, prefix+"body.graphql.")
		b.members["dataMode"] = "graphql"
		gq := jsonObject{"query": g["query"]}
		if v, ok := g["variables"]; ok {
			gq["variables"] = v
		}
		b.members["graphqlModeData"] = gq
	case "file":
		b.members["dataMode"] = "binary"
		if _, ok := body["file"]; ok {
			b.gap(fb, strings.TrimSuffix(prefix, ".")+".body", "the item endpoints cannot carry a file body's source")
		}
	default:
		b.gap(fb, prefix+"body", "the item endpoints know no body mode "+strconv.Quote(mode))
	}
}

// descriptionText returns a description as the item endpoints' text, ""
// to empty it.
func descriptionText(b *itemBody, v any, f collection.Fields, member string) any {
	switch d := v.(type) {
	case nil:
		return ""
	case string:
		return d
	}
	b.gap(f, member, "the item endpoints take a description as text only")
	return nil
}

// rowsBody turns rows of the normal form into the item model's (enabled
// instead of disabled); asForm keeps a form field's type.
func rowsBody(b *itemBody, v any, f collection.Fields, member string, allowed []string, asForm bool) []any {
	list, _ := v.([]any)
	out := make([]any, 0, len(list))
	for _, x := range list {
		m, ok := x.(jsonObject)
		if !ok {
			b.gap(f, member, "an entry is not an object")
			continue
		}
		b.checkKeys(m, allowed, f, member+".")
		row := jsonObject{"key": jsonScalarText(m["key"]), "value": jsonScalarText(m["value"])}
		if d, ok := m["description"]; ok {
			row["description"] = d
		}
		if m["disabled"] == true {
			row["enabled"] = false
		}
		if t, ok := m["type"]; ok && asForm {
			row["type"] = t
		}
		out = append(out, row)
	}
	return out
}

// eventsBody returns scripts for an item body; nil (JSON null) removes
// them.
func eventsBody(b *itemBody, v any, prefix string) any {
	list, _ := v.([]any)
	if len(list) == 0 {
		return nil
	}
	for _, e := range list {
		em, _ := e.(jsonObject)
		b.checkKeys(em, []string{"listen", "script", "disabled"}, collection.FieldScripts, prefix+"event.")
		s, _ := em["script"].(jsonObject)
		b.checkKeys(s, []string{"exec", "type"}, collection.FieldScripts, prefix+"event.script.")
	}
	return list
}

// variablesBody returns variables for a folder body; nil removes them.
func variablesBody(b *itemBody, v any, f collection.Fields, member string) any {
	list, _ := v.([]any)
	if len(list) == 0 {
		return nil
	}
	for _, x := range list {
		b.checkKeys(mapOf(x), []string{"key", "value", "type", "description", "disabled"}, f, member+".")
	}
	return list
}

// responseBody builds the body of a saved response's creation or update.
func responseBody(r jsonObject) *itemBody {
	b := newItemBody()
	b.checkKeys(r, append([]string{"name", "originalRequest", "status", "code", "header", "body", "_postman_previewlanguage", "responseTime"}, identityKeys...), collection.FieldOther, "")
	b.set("name", collection.FieldName, r["name"])
	code, err := strconv.Atoi(jsonScalarText(r["code"]))
	if err != nil {
		b.gap(collection.FieldStatus, "code", "the code is not a number")
	}
	b.set("responseCode", collection.FieldStatus, jsonObject{"code": code, "name": r["status"]})
	b.set("headers", collection.FieldHeaders, rowsBody(b, r["header"], collection.FieldHeaders, "header", []string{"key", "value", "description", "disabled"}, false))
	body, ok := r["body"].(string)
	if !ok && r["body"] != nil {
		b.gap(collection.FieldBody, "body", "the body is not text")
	}
	b.set("text", collection.FieldBody, body)
	b.set("language", collection.FieldOther, r["_postman_previewlanguage"])
	switch t := r["responseTime"].(type) {
	case nil:
		b.set("time", collection.FieldOther, nil)
	case json.Number:
		if _, err := strconv.Atoi(t.String()); err != nil {
			b.gap(collection.FieldOther, "responseTime", "the item endpoints take a time in whole milliseconds")
		}
		b.set("time", collection.FieldOther, t.String())
	default:
		b.gap(collection.FieldOther, "responseTime", "the item endpoints take a time in whole milliseconds")
	}
	orig, _ := r["originalRequest"].(jsonObject)
	if orig == nil {
		b.gap(collection.FieldOriginalRequest, "originalRequest", "the original request is not an object")
		return b
	}
	ob := newItemBody()
	requestMembers(ob, orig, "originalRequest.", collection.FieldOriginalRequest)
	b.gaps = append(b.gaps, ob.gaps...)
	data, err := json.Marshal(ob.members)
	if err != nil {
		b.gap(collection.FieldOriginalRequest, "originalRequest", err.Error())
	}
	b.set("requestObject", collection.FieldOriginalRequest, string(data))
	return b
}
