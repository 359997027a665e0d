package collection

import (
	"strings"
	"unicode"
)

// ParseURL breaks a Postman URL string (which may hold {{variables}} and
// :path variables, and need not be a valid RFC 3986 URL) into its parts the
// way postman-collection's Url.parse does, which is what newman and the
// Postman app send:
//
//   - the hash is cut at the first "#", then the query at the first "?";
//     the query is split on "&", a parameter without "=" gets a null value
//     and an empty one between two "&" a null key as well;
//   - backslashes before the query count as slashes, the protocol ends at
//     the first "://", and slashes after it are skipped (one is kept for
//     "file");
//   - the path starts at the next "/", userinfo ends at the last "@" before
//     it (see [UserInfo]), the port follows the last ":" unless a "]" comes
//     after it (an IPv6 literal), and the host is split on dots;
//   - a path segment ":name" or ":name.ext" declares the path variable
//     "name", once however many segments use it.
//
// A {{variable}} is kept whole: none of the separators above counts inside
// one, so "{{a#b}}" stays in the query and "{{host.name}}" is one host label.
// Leading white space is ignored. Raw is set to raw as given.
func ParseURL(raw string) URL {
	u := URL{Raw: raw}
	s := strings.TrimLeftFunc(raw, isJSSpace)
	if s == "" {
		return u
	}
	// mask is s with the bytes of every {{variable}} replaced by '_', so
	// separators are looked up in mask and parts are cut from s.
	mask := maskVariables(s)
	end := len(s)
	if i := strings.IndexByte(mask, '#'); i >= 0 {
		u.Hash = s[i+1:]
		u.seen |= 1 << urlHash
		end = i
	}
	if i := strings.IndexByte(mask[:end], '?'); i >= 0 {
		u.Query = parseQueryMasked(s[i+1:end], mask[i+1:end])
		end = i
	}
	work, m := slashBackslashes(s[:end], mask[:end])

	start := 0
	if i := strings.Index(m, "://"); i >= 0 {
		u.Protocol = work[:i]
		u.seen |= 1 << urlProtocol
		start = i + 3
		n := len(m[start:]) - len(strings.TrimLeft(m[start:], "/"))
		if n > 0 && strings.EqualFold(u.Protocol, "file") {
			n-- // file:////path is file:///path
		}
		start += n
	}
	stop := len(m)
	if i := strings.IndexByte(m[start:], '/'); i >= 0 {
		stop = start + i
		u.Path = splitMasked(work[stop+1:], m[stop+1:], '/')
	}
	if i := strings.LastIndexByte(m[start:stop], '@'); i >= 0 {
		u.UserInfo = parseUserInfo(work[start:start+i], m[start:start+i])
		start += i + 1
	}
	if i := strings.LastIndexByte(m[start:stop], ':'); i >= 0 && !strings.Contains(m[start+i+1:stop], "]") {
		u.Port = work[start+i+1 : stop]
		u.seen |= 1 << urlPort
		stop = start + i
	}
	if start < stop {
		u.Host = splitMasked(work[start:stop], m[start:stop], '.')
	}
	u.Variables = pathVariables(u.Path)
	return u
}

// isJSSpace reports whether JavaScript's trimLeft removes r, which is not
// quite unicode.IsSpace: U+FEFF is white space there and U+0085 is not.
func isJSSpace(r rune) bool {
	switch r {
	case '\uFEFF':
		return true
	case '\u0085':
		return false
	}
	return unicode.IsSpace(r)
}

// maskVariables returns s with every {{name}} whose name holds no brace
// overwritten with '_', byte for byte.
func maskVariables(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		j := variableEnd(s, i)
		if j < 0 {
			i++
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for k := i; k < j; k++ {
			b[k] = '_'
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(b)
}

// variableEnd returns the end of a {{name}} starting at i whose name holds
// no brace (the innermost form), or -1.
func variableEnd(s string, i int) int {
	if !strings.HasPrefix(s[i:], "{{") {
		return -1
	}
	j := strings.IndexAny(s[i+2:], "{}")
	if j < 0 || !strings.HasPrefix(s[i+2+j:], "}}") {
		return -1
	}
	return i + 2 + j + 2
}

// slashBackslashes turns the backslashes outside variables into slashes, in
// both the text and its mask.
func slashBackslashes(s, mask string) (string, string) {
	if !strings.Contains(mask, `\`) {
		return s, mask
	}
	w, m := []byte(s), []byte(mask)
	for i, c := range m {
		if c == '\\' {
			w[i], m[i] = '/', '/'
		}
	}
	return string(w), string(m)
}

// splitMasked splits s where mask has sep.
func splitMasked(s, mask string, sep byte) []string {
	out := make([]string, 0, strings.Count(mask, string(sep))+1)
	start := 0
	for i := 0; i < len(mask); i++ {
		if mask[i] == sep {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// parseUserInfo splits "user:password" at the first ':' outside variables.
func parseUserInfo(s, mask string) *UserInfo {
	ui := &UserInfo{User: s}
	ui.seen |= 1 << uiUser
	if i := strings.IndexByte(mask, ':'); i >= 0 {
		ui.User, ui.Password = s[:i], s[i+1:]
		ui.seen |= 1 << uiPassword
	}
	return ui
}

// parseQueryMasked splits a query on the '&' outside variables. As in
// postman-collection, a parameter is cut at its first '=' wherever it is, one
// without '=' has a null value, and an empty one other than the last has a
// null key too.
func parseQueryMasked(q, mask string) []QueryParam {
	parts := splitMasked(q, mask, '&')
	params := make([]QueryParam, len(parts))
	for i, part := range parts {
		p := &params[i]
		if part == "" && i < len(parts)-1 {
			p.nulls |= 1<<qpKey | 1<<qpValue
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		p.Key, p.Value = k, v
		if !ok {
			p.nulls |= 1 << qpValue
		}
	}
	return params
}

// pathVariables lists the path variables the segments declare, each once.
func pathVariables(path []string) []Variable {
	var vars []Variable
	for _, seg := range path {
		name, ok := pathVariableName(seg)
		if !ok || hasVariable(vars, name) {
			continue
		}
		vars = append(vars, Variable{Key: name, Value: StringValue("")})
	}
	return vars
}

// pathVariableName returns the variable a ":name" or ":name.ext" segment
// names.
func pathVariableName(seg string) (string, bool) {
	if !strings.HasPrefix(seg, ":") {
		return "", false
	}
	name, _, _ := strings.Cut(seg[1:], ".")
	return name, name != ""
}

func hasVariable(vars []Variable, key string) bool {
	for i := range vars {
		if vars[i].Key == key {
			return true
		}
	}
	return false
}
