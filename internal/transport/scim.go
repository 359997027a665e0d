package transport

import (
	"errors"
	"net/url"
	"path"
	"strings"
)

// ErrNoSCIMKey is returned for a request to /scim on a client without a
// SCIM key: the API key is never sent there instead.
var ErrNoSCIMKey = errors.New("postman: SCIM endpoints need a SCIM API key: create the client with WithSCIMKey")

// LimiterPath is the path a limiter sees for u: relative to basePath, and
// for the SCIM API in the form IsSCIMPath reads it ("/scim/…", cleaned and
// unescaped), so that a request draws from the buckets of the key it
// carries.
func LimiterPath(u *url.URL, basePath string) string {
	if !IsSCIMPath(u, basePath) {
		return strings.TrimPrefix(u.Path, basePath)
	}
	p := serverPath(u)
	p = p[len(cleanBase(basePath)):]
	return "/scim" + p[len("/scim"):]
}

// serverPath is u's path as a server reads it: unescaped (twice, in case
// the server decodes again) and cleaned of dot segments and doubled slashes.
func serverPath(u *url.URL) string {
	p := u.Path // already unescaped once by url.Parse
	if unescaped, err := url.PathUnescape(p); err == nil {
		p = unescaped
	}
	return path.Clean("/" + p)
}

// cleanBase is the base path without a trailing slash ("" for the root).
func cleanBase(basePath string) string {
	return strings.TrimSuffix(path.Clean("/"+basePath), "/")
}

// IsSCIMPath reports whether u, under the base path basePath, addresses
// Postman's SCIM API, as the server would read its path: unescaped ("%73"
// is "s"), with its dot segments and doubled slashes resolved, and in any
// case. The credential of each request actually sent, redirect hops
// included, is decided from this, so that neither a crafted path nor a
// redirect can take the API key to /scim or the SCIM key elsewhere.
func IsSCIMPath(u *url.URL, basePath string) bool {
	p := strings.ToLower(serverPath(u))
	rest, ok := strings.CutPrefix(p, strings.ToLower(cleanBase(basePath)))
	if !ok {
		return false
	}
	return rest == "/scim" || strings.HasPrefix(rest, "/scim/")
}
