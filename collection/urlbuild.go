package collection

import "strings"

// String returns the URL as text: Raw when set, else the parts put together
// as postman-collection's Url#toString does, path variables left as
// ":name" (see Concrete).
func (u URL) String() string {
	if u.Raw != "" {
		return u.Raw
	}
	return u.build(false)
}

// Concrete returns the URL newman would send, before percent-encoding: the
// parts put together as postman-collection's Url#toString does, with each
// ":name" path segment replaced by the value of the path variable name (the
// last one of that key, when the value is a non-empty string), disabled
// query parameters left out, and "&", "#" (and "=" in keys) outside
// {{variables}} percent-encoded in the query. A URL with no parts is parsed
// from Raw first. {{variables}} are left as they are: see
// [Collection.HTTPRequest] for a URL with those resolved too.
func (u URL) Concrete() string {
	if u.onlyRaw() {
		u = ParseURL(u.Raw)
	}
	return u.build(true)
}

// build puts the parts together as Url#toString does.
func (u *URL) build(fillPathVariables bool) string {
	var b strings.Builder
	if u.Protocol != "" {
		b.WriteString(u.Protocol)
		if !strings.HasSuffix(u.Protocol, "://") {
			b.WriteString("://")
		}
	}
	if u.UserInfo != nil && (u.UserInfo.has(uiUser) || u.UserInfo.hasPassword()) {
		b.WriteString(u.UserInfo.text())
		b.WriteByte('@')
	}
	b.WriteString(strings.Join(u.Host, "."))
	if u.has(urlPort) {
		b.WriteByte(':')
		b.WriteString(u.Port)
	}
	if path, ok := u.pathSegments(); ok {
		for _, seg := range path {
			b.WriteByte('/')
			if fillPathVariables {
				seg = u.fillPathVariable(seg)
			}
			b.WriteString(seg)
		}
		if len(path) == 0 {
			b.WriteByte('/')
		}
	}
	if q, ok := u.queryString(); ok {
		b.WriteByte('?')
		b.WriteString(q)
	}
	if u.has(urlHash) {
		b.WriteByte('#')
		b.WriteString(u.Hash)
	}
	return b.String()
}

// queryString returns the enabled query parameters as Url#toString writes
// them, and false when there are none (all disabled, or no query).
func (u *URL) queryString() (string, bool) {
	enabled := false
	var q strings.Builder
	for i := range u.Query {
		p := &u.Query[i]
		if p.Disabled {
			continue
		}
		if enabled {
			q.WriteByte('&')
		}
		enabled = true
		q.WriteString(escapeQueryPart(p.Key, true))
		if !p.ValueIsNull() {
			q.WriteByte('=')
			q.WriteString(escapeQueryPart(p.Value, false))
		}
	}
	return q.String(), enabled
}

// pathSegments returns the path as postman-collection holds it. A path read
// as a string ("/a/b", kept as "", "a", "b") loses one leading slash and is
// split again, so "/a/b" and "a/b" are both a, b and "" is no path.
func (u *URL) pathSegments() ([]string, bool) {
	if u.Path == nil {
		return nil, false
	}
	if u.forms&formBitPath == 0 {
		return u.Path, true
	}
	s := strings.Join(u.Path, "/")
	if len(s) > 1 && s[0] == '/' {
		s = s[1:]
	}
	switch s {
	case "":
		return nil, false
	case "/":
		return []string{""}, true
	}
	return strings.Split(s, "/"), true
}

// fillPathVariable replaces the ":name" of a segment by the variable's value.
func (u *URL) fillPathVariable(seg string) string {
	name, ok := pathVariableName(seg)
	if !ok {
		return seg
	}
	for i := len(u.Variables) - 1; i >= 0; i-- {
		v := &u.Variables[i]
		if v.Key != name {
			continue
		}
		if val := v.Value.String(); v.Value.IsString() && val != "" {
			return val + seg[1+len(name):]
		}
		return seg
	}
	return seg
}

// escapeQueryPart percent-encodes "&" and "#", and "=" in a key, outside
// {{variables}}, so that the parameter reads back as one.
func escapeQueryPart(s string, key bool) string {
	special := "&#"
	if key {
		special = "&#="
	}
	if !strings.ContainsAny(s, special) {
		return s
	}
	mask := maskVariables(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := mask[i]; {
		case c == '&':
			b.WriteString("%26")
		case c == '#':
			b.WriteString("%23")
		case c == '=' && key:
			b.WriteString("%3D")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
