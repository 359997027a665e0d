package postmantest

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// serveMockCall answers a call to a mock's URL (<URL>/mock/<id>/<path>)
// the way a Postman mock server does, and logs it: the active server
// response if there is one, else the first saved example of the request
// whose method and path match (x-mock-response-name and
// x-mock-response-code pick another), else 404 mockRequestNotFoundError.
// Private mocks need the API key.
func (s *Server) serveMockCall(w http.ResponseWriter, r *http.Request, rest string, reqBody []byte) {
	id, path, _ := strings.Cut(rest, "/")
	path = "/" + path
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.mock(id)
	if m == nil || s.state.deactivated(m) {
		writeError(w, http.StatusNotFound, "mockNotFoundError", "We could not find the mock server you are looking for.")
		return
	}
	if m.Private && !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, "AuthenticationError", "This mock server is private: send a valid API key in the x-api-key header.")
		return
	}
	call := MockCall{Method: r.Method, Path: path, RequestBody: string(reqBody), ResponseType: "success"}
	if r.URL.RawQuery != "" {
		call.Path += "?" + r.URL.RawQuery
	}
	names := make([]string, 0, len(r.Header))
	for k := range r.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		call.RequestHeaders = append(call.RequestHeaders, MockHeader{Key: k, Value: r.Header.Get(k)})
	}
	switch sr, example := m.serverResponse(m.ServerResponseID), s.state.matchExample(m, r, path); {
	case sr != nil:
		call.ResponseName, call.StatusCode, call.ResponseHeaders, call.ResponseBody = sr.Name, sr.StatusCode, sr.Headers, sr.Body
	case example != nil:
		call.ResponseName, _ = example["name"].(string)
		call.StatusCode = 200
		if code, err := strconv.Atoi(jsonText(example["code"])); err == nil && code > 0 {
			call.StatusCode = code
		}
		headers, _ := example["header"].([]any)
		for _, h := range headers {
			hm, _ := h.(map[string]any)
			if k, _ := hm["key"].(string); k != "" {
				call.ResponseHeaders = append(call.ResponseHeaders, MockHeader{Key: k, Value: jsonText(hm["value"])})
			}
		}
		call.ResponseBody = jsonText(example["body"])
	default:
		call.ResponseName, call.ResponseType, call.StatusCode = "Double check your method and the request path and try again.", "error", http.StatusNotFound
		call.ResponseHeaders = []MockHeader{{Key: "Content-Type", Value: "application/json"}}
		body, _ := json.Marshal(map[string]any{"error": map[string]any{"name": "mockRequestNotFoundError",
			"message": call.ResponseName, "header": "No matching requests"}})
		call.ResponseBody = string(body)
	}
	m.logCall(call)
	for _, h := range call.ResponseHeaders {
		w.Header().Add(h.Key, h.Value)
	}
	w.WriteHeader(call.StatusCode)
	_, _ = w.Write([]byte(call.ResponseBody))
}

// matchExample finds the saved example that answers a call to the mock.
func (st *state) matchExample(m *storedMock, r *http.Request, path string) map[string]any {
	c := st.collection(m.CollectionUID)
	if c == nil {
		return nil
	}
	var found map[string]any
	walkItems(c.doc["item"], "", func(item map[string]any, _ string) bool {
		req, _ := item["request"].(map[string]any)
		examples, _ := item["response"].([]any)
		if req == nil || len(examples) == 0 {
			return true
		}
		method, _ := req["method"].(string)
		if method == "" {
			method = http.MethodGet
		}
		if !strings.EqualFold(method, r.Method) || !pathMatches(urlPath(req["url"]), path) {
			return true
		}
		for _, ex := range examples {
			em, _ := ex.(map[string]any)
			if name := r.Header.Get("x-mock-response-name"); name != "" && em["name"] != name {
				continue
			}
			if code := r.Header.Get("x-mock-response-code"); code != "" && jsonText(em["code"]) != code {
				continue
			}
			found = em
			return false
		}
		return true
	})
	return found
}

// urlPath returns the path of a request's url (a string or an object),
// without its host, {{baseUrl}} variable or query.
func urlPath(u any) string {
	raw := ""
	switch v := u.(type) {
	case string:
		raw = v
	case map[string]any:
		raw, _ = v["raw"].(string)
		if raw == "" {
			segs, _ := v["path"].([]any)
			parts := make([]string, len(segs))
			for i, seg := range segs {
				parts[i] = jsonText(seg)
			}
			return "/" + strings.Join(parts, "/")
		}
	}
	raw, _, _ = strings.Cut(raw, "?")
	raw, _, _ = strings.Cut(raw, "#")
	if _, after, ok := strings.Cut(raw, "://"); ok {
		raw = after
	}
	if strings.HasPrefix(raw, "/") {
		return raw
	}
	if i := strings.Index(raw, "/"); i >= 0 {
		return raw[i:]
	}
	return "/"
}

// pathMatches compares a request's path with a called path; :name,
// {{name}} and * segments match any segment.
func pathMatches(pattern, path string) bool {
	ps := strings.Split(strings.Trim(pattern, "/"), "/")
	as := strings.Split(strings.Trim(path, "/"), "/")
	if len(ps) != len(as) {
		return false
	}
	for i, p := range ps {
		wild := strings.HasPrefix(p, ":") || p == "*" || (strings.HasPrefix(p, "{{") && strings.HasSuffix(p, "}}"))
		if !wild && p != as[i] {
			return false
		}
	}
	return true
}

// jsonText returns a decoded JSON scalar as text ("" for null and absent
// values).
func jsonText(v any) string {
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
