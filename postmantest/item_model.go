package postmantest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// The item endpoints (/collections/{id}/folders|requests|responses) use
// Postman's older item model (headerData, queryParams, dataMode,
// rawModeData, responseCode …); the stored document is a Collection v2.1
// document. This file converts between the two.

// description returns an item's description as text (v2.1 allows a
// {"content","type"} object), and whether it has one.
func description(v any) (string, bool) {
	switch d := v.(type) {
	case string:
		return d, true
	case map[string]any:
		c, ok := d["content"].(string)
		return c, ok
	}
	return "", false
}

// rawURL returns a v2.1 url (string or object) as one string.
func rawURL(u any) string {
	switch v := u.(type) {
	case string:
		return v
	case map[string]any:
		if raw, ok := v["raw"].(string); ok {
			return raw
		}
		host, _ := v["host"].([]any)
		hosts := make([]string, len(host))
		for i, h := range host {
			hosts[i] = jsonText(h)
		}
		return strings.Join(hosts, ".") + urlPath(v)
	}
	return ""
}

// urlObject parses a raw URL into the v2.1 url object Postman stores;
// query, when not nil, replaces the query of raw (older model
// queryParams).
func urlObject(raw string, query []any) map[string]any {
	u := map[string]any{}
	rest := raw
	if proto, after, ok := strings.Cut(rest, "://"); ok {
		u["protocol"], rest = proto, after
	}
	rest, rawQuery, _ := strings.Cut(rest, "?")
	hostPort, path, hasPath := strings.Cut(rest, "/")
	if host, port, ok := strings.Cut(hostPort, ":"); ok && !strings.Contains(host, "{{") {
		hostPort, u["port"] = host, port
	}
	hosts := []any{}
	for h := range strings.SplitSeq(hostPort, ".") {
		hosts = append(hosts, h)
	}
	u["host"] = hosts
	if hasPath {
		segs := []any{}
		for seg := range strings.SplitSeq(path, "/") {
			segs = append(segs, seg)
		}
		u["path"] = segs
	}
	if query == nil && rawQuery != "" {
		for pair := range strings.SplitSeq(rawQuery, "&") {
			k, v, _ := strings.Cut(pair, "=")
			query = append(query, map[string]any{"key": k, "value": v})
		}
	}
	if len(query) > 0 {
		u["query"] = query
		var pairs []string
		for _, q := range query {
			qm, _ := q.(map[string]any)
			if qm["disabled"] != true {
				pairs = append(pairs, jsonText(qm["key"])+"="+jsonText(qm["value"]))
			}
		}
		raw, _, _ = strings.Cut(raw, "?")
		if len(pairs) > 0 {
			raw += "?" + strings.Join(pairs, "&")
		}
	}
	u["raw"] = raw
	return u
}

// pairsFromModel turns older-model key/value rows (with enabled) into
// v2.1 rows (with disabled).
func pairsFromModel(v any) []any {
	rows, _ := v.([]any)
	out := []any{}
	for _, row := range rows {
		m, ok := row.(map[string]any)
		if !ok {
			continue
		}
		p := rowFromModel(m)
		if t, ok := m["type"]; ok {
			p["type"] = t
		}
		if m["enabled"] == false {
			p["disabled"] = true
		}
		out = append(out, p)
	}
	return out
}

// pairsToModel turns v2.1 rows into older-model rows.
func pairsToModel(v any) []any {
	rows, _ := v.([]any)
	out := []any{}
	for _, row := range rows {
		m, ok := row.(map[string]any)
		if !ok {
			continue
		}
		p := map[string]any{"key": m["key"], "value": m["value"], "enabled": m["disabled"] != true}
		if d, ok := description(m["description"]); ok {
			p["description"] = d
		}
		if t, ok := m["type"]; ok {
			p["type"] = t
		}
		out = append(out, p)
	}
	return out
}

// dataModes maps older-model data modes to v2.1 body modes.
var dataModes = map[string]string{"raw": "raw", "urlencoded": "urlencoded", "formdata": "formdata", "binary": "file", "graphql": "graphql"}

// bodyFromModel builds a v2.1 request body from older-model fields.
func bodyFromModel(m map[string]any) map[string]any {
	modeName, _ := m["dataMode"].(string)
	mode, ok := dataModes[modeName]
	if !ok {
		return nil
	}
	body := map[string]any{"mode": mode}
	switch mode {
	case "raw":
		body["raw"] = jsonText(m["rawModeData"])
	case "urlencoded", "formdata":
		body[mode] = pairsFromModel(m["data"])
	case "graphql":
		gql, _ := m["graphqlModeData"].(map[string]any)
		body["graphql"] = map[string]any{"query": jsonText(gql["query"]), "variables": jsonText(gql["variables"])}
	case "file":
		body["file"] = map[string]any{}
	}
	if opts, ok := m["dataOptions"].(map[string]any); ok {
		body["options"] = opts
	}
	return body
}

// bodyToModel adds the older-model fields of a v2.1 request body to out.
func bodyToModel(body map[string]any, out map[string]any) {
	out["dataMode"], out["rawModeData"], out["data"] = nil, nil, nil
	mode, _ := body["mode"].(string)
	for model, v21 := range dataModes {
		if v21 == mode {
			out["dataMode"] = model
		}
	}
	switch mode {
	case "raw":
		out["rawModeData"] = body["raw"]
	case "urlencoded", "formdata":
		out["data"] = pairsToModel(body[mode])
	case "graphql":
		out["graphqlModeData"] = body["graphql"]
	}
	if opts, ok := body["options"]; ok {
		out["dataOptions"] = opts
	}
}

// applyRequestModel writes the older-model fields present in m into a
// v2.1 request item.
func applyRequestModel(item, m map[string]any) {
	req, _ := item["request"].(map[string]any)
	if req == nil {
		req = map[string]any{"method": http.MethodGet, "header": []any{}}
		if s, ok := item["request"].(string); ok {
			req["url"] = s
		}
		item["request"] = req
	}
	if name, ok := m["name"]; ok {
		item["name"] = name
	}
	if d, ok := m["description"]; ok {
		req["description"] = d
	}
	if method, ok := m["method"].(string); ok && method != "" {
		req["method"] = method
	}
	_, hasURL := m["url"]
	query, hasQuery := m["queryParams"]
	pathVars, hasPathVars := m["pathVariableData"]
	if hasURL || hasQuery || hasPathVars {
		old, _ := req["url"].(map[string]any)
		raw := rawURL(req["url"])
		if hasURL {
			raw = jsonText(m["url"])
		}
		var q []any
		if hasQuery {
			q = pairsFromModel(query)
		}
		u := urlObject(raw, q)
		// Postman keeps path variables apart from the URL text: a new URL
		// keeps them, pathVariableData replaces them.
		if vars, ok := old["variable"]; ok && !hasPathVars {
			u["variable"] = vars
		}
		if hasPathVars {
			if vars := pathVariablesFromModel(pathVars); len(vars) > 0 {
				u["variable"] = vars
			}
		}
		req["url"] = u
	}
	if h, ok := m["headerData"]; ok {
		req["header"] = pairsFromModel(h)
	} else if h, ok := m["headers"].([]any); ok {
		req["header"] = pairsFromModel(h)
	}
	for _, k := range []string{"dataMode", "rawModeData", "data", "dataOptions", "graphqlModeData"} {
		if _, ok := m[k]; ok {
			current := map[string]any{}
			if b, ok := req["body"].(map[string]any); ok {
				bodyToModel(b, current)
			}
			for _, k := range []string{"dataMode", "rawModeData", "data", "dataOptions", "graphqlModeData"} {
				if v, ok := m[k]; ok {
					current[k] = v
				}
			}
			if body := bodyFromModel(current); body != nil {
				req["body"] = body
			} else {
				delete(req, "body")
			}
			break
		}
	}
	if auth, ok := m["auth"]; ok {
		if auth == nil {
			delete(req, "auth")
		} else {
			req["auth"] = auth
		}
	}
	setOrDelete(item, "event", m, "events")
	setOrDelete(item, "protocolProfileBehavior", m, "protocolProfileBehavior")
}

// setOrDelete sets the member key of doc to the member from of a write's
// body m when m has it, or deletes it when that is null.
func setOrDelete(doc map[string]any, key string, m map[string]any, from string) {
	v, ok := m[from]
	switch {
	case !ok:
	case v == nil:
		delete(doc, key)
	default:
		doc[key] = v
	}
}

// rowFromModel is the key, value and description of an older-model row
// as a v2.1 row.
func rowFromModel(m map[string]any) map[string]any {
	p := map[string]any{"key": jsonText(m["key"]), "value": jsonText(m["value"])}
	if d, ok := m["description"]; ok && d != nil {
		p["description"] = d
	}
	return p
}

// pathVariablesFromModel turns older-model path variables into the v2.1
// url's variable rows.
func pathVariablesFromModel(v any) []any {
	rows, _ := v.([]any)
	out := []any{}
	for _, row := range rows {
		m, ok := row.(map[string]any)
		if !ok {
			continue
		}
		p := rowFromModel(m)
		out = append(out, p)
	}
	return out
}

// requestModel returns a stored request in the older item model.
func requestModel(item map[string]any) map[string]any {
	req, _ := item["request"].(map[string]any)
	if req == nil {
		req = map[string]any{"url": item["request"]}
	}
	out := map[string]any{"name": jsonText(item["name"]), "method": http.MethodGet, "url": rawURL(req["url"]),
		"headerData": pairsToModel(req["header"]), "queryParams": []any{}, "pathVariableData": []any{},
		"dataMode": nil, "rawModeData": nil, "data": nil, "auth": req["auth"], "events": item["event"]}
	if m, ok := req["method"].(string); ok {
		out["method"] = m
	}
	if d, ok := description(req["description"]); ok {
		out["description"] = d
	}
	pathVariables := map[string]any{}
	if u, ok := req["url"].(map[string]any); ok {
		out["queryParams"] = pairsToModel(u["query"])
		out["pathVariableData"] = pairsToModel(u["variable"])
		for _, v := range asList(u["variable"]) {
			if m, ok := v.(map[string]any); ok {
				pathVariables[jsonText(m["key"])] = jsonText(m["value"])
			}
		}
	}
	// The older model's copies of what the document holds elsewhere, as
	// getCollectionRequest's example shows them; the fields it only shows
	// empty (variables, headers, the older auth helper) stay null.
	out["pathVariables"] = pathVariables
	out["descriptionFormat"] = descriptionFormat(req["description"])
	out["preRequestScript"], out["tests"] = scriptText(item["event"], "prerequest"), scriptText(item["event"], "test")
	out["protocolProfileBehavior"] = item["protocolProfileBehavior"]
	out["variables"], out["headers"], out["currentHelper"], out["helperAttributes"] = nil, nil, nil, nil
	out["dataDisabled"] = false
	if body, ok := req["body"].(map[string]any); ok {
		bodyToModel(body, out)
		out["dataDisabled"] = body["disabled"] == true
	}
	ids := []any{}
	examples, _ := item["response"].([]any)
	for _, ex := range examples {
		if em, ok := ex.(map[string]any); ok {
			ids = append(ids, jsonText(em["id"]))
		}
	}
	out["responses"], out["responses_order"] = ids, ids
	return out
}

// descriptionFormat is the older model's name of a description's format:
// "markdown" or "html" for a v2.1 description object of that type, else
// null.
func descriptionFormat(d any) any {
	m, _ := d.(map[string]any)
	switch m["type"] {
	case "text/markdown":
		return "markdown"
	case "text/html":
		return "html"
	}
	return nil
}

// scriptText is the older model's single text of an item's scripts that
// listen to listen (the lines of each, one script after the other), or
// null when there are none.
func scriptText(events any, listen string) any {
	var lines []string
	for _, e := range asList(events) {
		ev, _ := e.(map[string]any)
		if ev["listen"] != listen {
			continue
		}
		script, _ := ev["script"].(map[string]any)
		switch exec := script["exec"].(type) {
		case string:
			lines = append(lines, exec)
		case []any:
			for _, line := range exec {
				lines = append(lines, jsonText(line))
			}
		}
	}
	if lines == nil {
		return nil
	}
	return strings.Join(lines, "\n")
}

// applyResponseModel writes the older-model fields present in m into a
// v2.1 saved response; the original request comes from the request
// fields of m (method, url, rawModeData …) or stays as it is.
func applyResponseModel(resp, m map[string]any) {
	if name, ok := m["name"]; ok {
		resp["name"] = name
	}
	if rc, ok := m["responseCode"].(map[string]any); ok {
		code, _ := strconv.Atoi(jsonText(rc["code"]))
		resp["code"] = code
		status := jsonText(rc["name"])
		if status == "" {
			status = http.StatusText(code)
		}
		resp["status"] = status
	}
	if h, ok := m["headers"].([]any); ok {
		resp["header"] = pairsFromModel(h)
	}
	if text, ok := m["text"]; ok {
		resp["body"] = jsonText(text)
	}
	setOrDelete(resp, "_postman_previewlanguage", m, "language")
	if t, ok := m["time"]; ok {
		if n, err := strconv.Atoi(jsonText(t)); err == nil {
			resp["responseTime"] = n
		} else if t == nil {
			delete(resp, "responseTime")
		}
	}
	if obj, ok := m["requestObject"].(string); ok {
		// The whole original request, in the item model, as JSON text.
		var rm map[string]any
		if json.Unmarshal([]byte(obj), &rm) == nil && rm != nil {
			holder := map[string]any{"request": map[string]any{"method": http.MethodGet, "header": []any{}, "url": urlObject("", nil)}}
			applyRequestModel(holder, rm)
			resp["originalRequest"] = holder["request"]
			return
		}
	}
	orig := map[string]any{}
	for _, k := range []string{"method", "url", "dataMode", "rawModeData", "dataOptions", "description"} {
		if v, ok := m[k]; ok {
			orig[k] = v
		}
	}
	if len(orig) > 0 {
		holder := map[string]any{"request": resp["originalRequest"]}
		applyRequestModel(holder, orig)
		resp["originalRequest"] = holder["request"]
	}
}

// responseModel returns a stored saved response in the older item model.
func responseModel(resp map[string]any) map[string]any {
	code, _ := strconv.Atoi(jsonText(resp["code"]))
	out := map[string]any{"name": jsonText(resp["name"]), "responseCode": map[string]any{"code": code, "name": jsonText(resp["status"])},
		"status": nil, "time": nil, "headers": pairsToModel(resp["header"]), "cookies": nil, "mime": nil,
		"text": jsonText(resp["body"]), "language": resp["_postman_previewlanguage"], "rawDataType": nil}
	if t, ok := resp["responseTime"]; ok && t != nil {
		out["time"] = jsonText(t)
	}
	if orig, ok := resp["originalRequest"]; ok && orig != nil {
		data, _ := json.Marshal(requestModel(map[string]any{"request": orig}))
		out["requestObject"] = string(data)
	}
	return out
}
