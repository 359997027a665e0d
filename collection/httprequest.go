package collection

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// prepared is a request item resolved as newman resolves it, before its
// body is read: what HTTPRequest sends and Curl prints.
type prepared struct {
	method string
	url    *url.URL
	header []headerField
	body   *preparedBody // nil: no body
}

// HTTPRequest returns the HTTP request newman would send for the request
// item it, with {{variables}} resolved in s (which may be nil):
//
//   - the method, and the URL put together as [URL.Concrete] does (path
//     variables filled, disabled query parameters dropped), resolved, parsed
//     again and percent-encoded where a URL may not hold a character as it
//     is; "http://" when there is no protocol; no fragment;
//   - the enabled headers, in order;
//   - the body in its mode: raw (with a Content-Type from
//     options.raw.language when no header sets one), urlencoded, formdata
//     (files read from s.Files), file, graphql; none for GET, HEAD, COPY,
//     PURGE and UNLOCK unless protocolProfileBehavior.disableBodyPruning
//     is set, nor for a disabled or empty body;
//   - the effective auth ([Collection.EffectiveAuth]) applied: basic,
//     bearer, apikey (header or query) and oauth2 with an accessToken. Any
//     other type is an [*UnsupportedAuthError] rather than an unsigned
//     request.
//
// Scripts are not run (nothing here executes JavaScript), so what a
// pre-request script would set is not there: run such collections with
// newman. newman's own headers (User-Agent, Postman-Token, …) are not
// added either. The body can be read again through GetBody.
func (c *Collection) HTTPRequest(ctx context.Context, it *Item, s *Scope) (*http.Request, error) {
	p, err := c.prepare(it, s)
	if err != nil {
		return nil, err
	}
	var body []byte
	var contentType string
	if p.body != nil {
		body, contentType, err = p.body.encode(s)
		if err != nil {
			return nil, fmt.Errorf("collection: request %s: %w", quote(it.Name), err)
		}
	}
	var r io.Reader
	if p.body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, p.method, p.url.String(), r)
	if err != nil {
		return nil, fmt.Errorf("collection: request %s: %w", quote(it.Name), err)
	}
	for _, h := range p.header {
		if strings.EqualFold(h.key, "Host") {
			req.Host = h.value
			continue
		}
		req.Header.Add(h.key, h.value)
	}
	if contentType != "" && !hasHeader(p.header, "Content-Type") {
		req.Header.Set("Content-Type", contentType)
	}
	return req, nil
}

// prepare resolves the item's method, URL, headers, auth and body.
func (c *Collection) prepare(it *Item, s *Scope) (*prepared, error) {
	if it == nil || it.Request == nil {
		return nil, errors.New("collection: not a request item")
	}
	req := it.Request
	p := &prepared{method: s.Replace(req.EffectiveMethod())}

	for _, h := range req.Header {
		if h.Disabled || h.Key == "" {
			continue
		}
		p.header = append(p.header, headerField{s.Replace(h.Key), s.Replace(h.Value)})
	}

	// As newman does: the URL as text with path variables filled, then
	// resolved, then parsed again, since values may hold separators.
	u := req.URL
	if u.onlyRaw() {
		u = ParseURL(u.Raw)
	}
	resolved := ParseURL(s.Replace(u.build(true)))
	if err := applyAuth(c.EffectiveAuth(it), s, it.Name, &p.header, &resolved.Query); err != nil {
		return nil, err
	}
	var err error
	if p.url, err = resolved.httpURL(); err != nil {
		return nil, fmt.Errorf("collection: request %s: %w", quote(it.Name), err)
	}

	if b := req.Body; b != nil && !b.null && !b.Disabled && !pruned(p.method, it) {
		p.body = prepareBody(b, s)
		if p.body != nil && p.body.contentType != "" && !hasHeader(p.header, "Content-Type") &&
			(p.body.mode == ModeRaw || p.body.mode == ModeGraphQL) {
			p.header = append(p.header, headerField{"Content-Type", p.body.contentType})
		}
	}
	return p, nil
}

// pruned reports whether newman leaves out the body for the method.
func pruned(method string, it *Item) bool {
	switch strings.ToLower(method) {
	case "get", "head", "copy", "purge", "unlock":
		keep, _ := it.ProtocolProfileBehavior.Bool("disableBodyPruning")
		return !keep
	}
	return false
}

func hasHeader(headers []headerField, key string) bool {
	for _, h := range headers {
		if strings.EqualFold(h.key, key) {
			return true
		}
	}
	return false
}

// httpURL returns the URL as sent: its parts put together, with "http" when
// there is no protocol, the fragment dropped and the characters a URL may
// not hold as they are percent-encoded (a "%" not starting an escape
// included).
func (u *URL) httpURL() (*url.URL, error) {
	var b strings.Builder
	scheme := strings.TrimSuffix(u.Protocol, "://")
	if scheme == "" {
		scheme = "http"
	}
	b.WriteString(scheme)
	b.WriteString("://")
	if ui := u.UserInfo; ui != nil && (ui.has(uiUser) || ui.hasPassword()) {
		if ui.hasPassword() {
			b.WriteString(url.UserPassword(ui.User, ui.Password).String())
		} else {
			b.WriteString(url.User(ui.User).String())
		}
		b.WriteByte('@')
	}
	b.WriteString(escapeURLPart(strings.Join(u.Host, "."), "/?#@"))
	if u.has(urlPort) {
		b.WriteByte(':')
		b.WriteString(escapeURLPart(u.Port, "/?#@"))
	}
	if path, ok := u.pathSegments(); ok {
		for _, seg := range path {
			b.WriteByte('/')
			b.WriteString(escapeURLPart(seg, "/?#"))
		}
		if len(path) == 0 {
			b.WriteByte('/')
		}
	}
	if q, ok := u.queryString(); ok {
		b.WriteByte('?')
		b.WriteString(escapeURLPart(q, "#"))
	}
	return url.Parse(b.String())
}

// escapeURLPart percent-encodes the bytes of s that a URL cannot hold as
// they are, and those in extra.
func escapeURLPart(s, extra string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c <= ' ' || c >= 0x7f || c == '%' || strings.IndexByte("\"<>\\^`{|}", c) >= 0 ||
			strings.IndexByte(extra, c) >= 0:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
