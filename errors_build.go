package postman

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// newError builds the error of a non-2xx answer.
func (c *Client) newError(call *transport.Call, resp *http.Response, body []byte) error {
	e := decodeAPIError(resp.StatusCode, body)
	quota := e.quotaExhausted()
	e.Method, e.Path = call.Method, call.Path
	e.Operation = call.Operation
	e.ContentType = resp.Header.Get("Content-Type")
	e.Location = redactLocation(resp.Header.Get("Location"))
	e.RequestID = firstHeader(resp.Header, "X-Request-Id", "X-Srv-Trace", "X-Amzn-Requestid")
	e.Body = c.excerpt(body)
	// A server that echoes the request (a proxy's error page, a debugging
	// endpoint) could put the key into any field: blank it everywhere.
	for _, f := range []*string{&e.Name, &e.Message, &e.Type, &e.Title, &e.Detail, &e.Instance, &e.SCIMType, &e.RequestID, &e.ContentType, &e.Location} {
		*f = c.scrub(*f)
	}
	if e.Details != nil {
		e.Details = c.scrubBytes(e.Details)
	}
	if resp.StatusCode != http.StatusTooManyRequests {
		return e
	}
	return &RateLimitError{APIError: e, RetryAfter: retryAfter(resp.Header, time.Now()), QuotaExhausted: quota}
}

// excerpt returns the start of body with the client's own credentials
// blanked out, in case a server echoes a request back.
func (c *Client) excerpt(body []byte) []byte {
	return c.scrubBytes(body[:min(len(body), excerptSize)])
}

// scrubBytes returns a copy of b with the client's credentials replaced by
// [REDACTED]; a credential cut by the end of b is blanked too.
func (c *Client) scrubBytes(b []byte) []byte {
	out := bytes.Clone(b)
	for _, s := range []transport.Secret{c.apiKey, c.scimKey} {
		if !s.Redactable() {
			continue
		}
		key := []byte(s.Reveal())
		out = bytes.ReplaceAll(out, key, []byte(transport.Redacted))
		// The excerpt may end inside the key: drop a trailing prefix of it.
		for n := min(len(key)-1, len(out)); n >= 4; n-- {
			if bytes.HasSuffix(out, key[:n]) {
				out = append(out[:len(out)-n], transport.Redacted...)
				break
			}
		}
	}
	return out
}

func (c *Client) scrub(s string) string {
	if s == "" {
		return s
	}
	if c.apiKey.In(s) || c.scimKey.In(s) {
		return string(c.scrubBytes([]byte(s)))
	}
	return s
}

// redactLocation keeps a redirect target without its query and user info.
func redactLocation(loc string) string {
	loc, _, _ = strings.Cut(loc, "?")
	if scheme, rest, ok := strings.Cut(loc, "://"); ok {
		if at := strings.Index(rest, "@"); at >= 0 && at < strings.IndexAny(rest+"/", "/") {
			rest = rest[at+1:]
		}
		loc = scheme + "://" + rest
	}
	return loc
}

func retryAfter(h http.Header, now time.Time) time.Duration {
	d, _ := transport.ParseRetryAfter(h, now)
	return d
}
