package postman

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// errorBody is the union of every error shape Postman sends.
type errorBody struct {
	Error            json.RawMessage `json:"error"`
	ErrorDescription json.RawMessage `json:"error_description"`
	Name             json.RawMessage `json:"name"`
	Message          json.RawMessage `json:"message"`
	Type             json.RawMessage `json:"type"`
	Title            json.RawMessage `json:"title"`
	Detail           json.RawMessage `json:"detail"`
	Details          json.RawMessage `json:"details"`
	Instance         json.RawMessage `json:"instance"`
	SCIMType         json.RawMessage `json:"scimType"`
	// Header is the heading of some Mock server errors ("Unable to find mock").
	Header json.RawMessage `json:"header"`
}

// decodeAPIError fills an APIError from an error body of any shape. It is
// driven by the body, not the Content-Type, which Postman often gets wrong.
func decodeAPIError(status int, body []byte) *APIError {
	e := &APIError{StatusCode: status}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return e
	}
	e.decode(body, true)
	return e
}

func (e *APIError) decode(body []byte, top bool) {
	var w errorBody
	if json.Unmarshal(body, &w) != nil {
		return
	}
	// The "error" member is an object in Postman's envelope and a string in
	// OAuth 2.0 answers.
	if s, ok := jsonString(w.Error); ok {
		e.Name = s
		e.Message = textOf(w.ErrorDescription)
	} else if isObject(w.Error) {
		var inner errorBody
		if json.Unmarshal(w.Error, &inner) == nil {
			e.fill(&inner)
		}
	}
	e.fill(&w)
	if top && e.Name == "" && e.Type == "" && e.text() == "" {
		// A body with one member holding the error object, such as
		// {"value": {…}} or {"collection": {"name", "message"}}: a few of
		// Postman's documented answers are wrapped this way.
		var members map[string]json.RawMessage
		if json.Unmarshal(body, &members) == nil && len(members) == 1 {
			for _, v := range members {
				if isObject(v) {
					e.decode(v, false)
				}
			}
		}
	}
}

// fill sets the fields of e that are still empty from w.
func (e *APIError) fill(w *errorBody) {
	name, nameMsg := nameOf(w.Name)
	setIfEmpty(&e.Name, name)
	setIfEmpty(&e.Message, textOf(w.Message))
	setIfEmpty(&e.Message, nameMsg)
	setIfEmpty(&e.Type, textOf(w.Type))
	setIfEmpty(&e.Title, textOf(w.Title))
	setIfEmpty(&e.Title, textOf(w.Header))
	setIfEmpty(&e.Instance, textOf(w.Instance))
	setIfEmpty(&e.SCIMType, textOf(w.SCIMType))
	if s, ok := jsonString(w.Detail); ok {
		setIfEmpty(&e.Detail, s)
	} else if isStructured(w.Detail) && e.Details == nil {
		e.Details = w.Detail
		e.fillNested(w.Detail)
	}
	if isStructured(w.Details) && e.Details == nil {
		e.Details = w.Details
	} else if s, ok := jsonString(w.Details); ok {
		setIfEmpty(&e.Detail, s)
	}
}

// fillNested reads the error envelope the Teams API nests in a problem's
// detail: {"detail":{"error":{"name","message"}}} or {"detail":{"error":"…"}}.
func (e *APIError) fillNested(detail json.RawMessage) {
	var nested errorBody
	if json.Unmarshal(detail, &nested) != nil {
		return
	}
	if s, ok := jsonString(nested.Error); ok {
		setIfEmpty(&e.Message, s)
		return
	}
	var inner errorBody
	if len(nested.Error) > 0 && nested.Error[0] == '{' && json.Unmarshal(nested.Error, &inner) == nil {
		name, _ := nameOf(inner.Name)
		setIfEmpty(&e.Name, name)
		setIfEmpty(&e.Message, textOf(inner.Message))
	}
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// nameOf reads "name", which some Postman answers nest as
// {"name","message"} or {"name","reason"}.
func nameOf(raw json.RawMessage) (name, message string) {
	if s, ok := jsonString(raw); ok {
		return s, ""
	}
	var nested struct {
		Name    json.RawMessage `json:"name"`
		Message json.RawMessage `json:"message"`
		Reason  json.RawMessage `json:"reason"`
	}
	if isObject(raw) && json.Unmarshal(raw, &nested) == nil {
		msg := textOf(nested.Message)
		if msg == "" {
			msg = textOf(nested.Reason)
		}
		return textOf(nested.Name), msg
	}
	return "", ""
}

func jsonString(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// textOf renders a scalar member as text (a string, or a number or boolean
// as written); objects and arrays give "".
func textOf(raw json.RawMessage) string {
	if s, ok := jsonString(raw); ok {
		return s
	}
	t := strings.TrimSpace(string(raw))
	if t == "" || t == "null" || t[0] == '{' || t[0] == '[' {
		return ""
	}
	return t
}

func isObject(raw json.RawMessage) bool {
	return len(raw) > 0 && raw[0] == '{'
}

func isStructured(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// bodySummary is what an error message shows of a body it could not
// decode: the title of an HTML page (a proxy's "502 Bad Gateway"), else
// the start of the body on one line.
func bodySummary(body []byte) string {
	// ASCII-only lowering keeps the indexes of body (bytes.ToLower turns
	// invalid UTF-8 into longer replacement characters).
	lower := asciiLower(body)
	if i := bytes.Index(lower, []byte("<title>")); i >= 0 {
		rest, restLower := body[i+len("<title>"):], lower[i+len("<title>"):]
		if j := bytes.Index(restLower, []byte("</title>")); j >= 0 {
			if t := oneLine(rest[:j], 120); t != "" {
				return "HTML page: " + t
			}
		}
	}
	return oneLine(body, 120)
}

// asciiLower returns a copy of b with A–Z lowered and every other byte,
// valid UTF-8 or not, left in place.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// oneLine shortens b to at most n bytes of valid UTF-8 on a single line.
func oneLine(b []byte, n int) string {
	s := strings.ToValidUTF8(strings.Join(strings.Fields(string(b)), " "), "\uFFFD")
	if len(s) > n {
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	return s
}
