package postman

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/postman-go/postman/internal/paginate"
	"github.com/postman-go/postman/internal/transport"
)

// Sentinel errors. Every *APIError and *RateLimitError matches the ones
// that describe it with errors.Is, e.g. errors.Is(err, postman.ErrNotFound).
var (
	// ErrInvalidArgument is wrapped by errors for bad arguments found
	// before any I/O: an empty ID, a bad option, a nil context.
	ErrInvalidArgument = errors.New("invalid argument")
	// ErrUnauthorized matches 401 answers: a missing, wrong or revoked key.
	ErrUnauthorized = errors.New("postman: unauthorized")
	// ErrForbidden matches 403 answers.
	ErrForbidden = errors.New("postman: forbidden")
	// ErrFeatureUnavailable matches 403 answers saying the feature is not
	// available to the team: "This feature isn't available in your
	// region.", and the answers of plan-gated endpoints.
	ErrFeatureUnavailable = errors.New("postman: feature unavailable for this region or plan")
	// ErrNotFound matches 404 answers.
	ErrNotFound = errors.New("postman: not found")
	// ErrConflict matches 409 answers.
	ErrConflict = errors.New("postman: conflict")
	// ErrRateLimited matches every 429 answer.
	ErrRateLimited = errors.New("postman: rate limited")
	// ErrQuotaExhausted matches the 429 serviceLimitExhausted answer: the
	// team's monthly API quota is used up; retrying will not help.
	ErrQuotaExhausted = errors.New("postman: monthly API quota exhausted")
	// ErrPlanLimit matches the answers saying the team holds as many
	// elements as its plan allows: 429 "You've reached the limit for your
	// plan" (the Package Library's package count) and 403
	// limitReachedError "You can create up to 3 APIs on your current
	// plan". They are not retried: delete elements or upgrade the plan.
	ErrPlanLimit = errors.New("postman: plan limit reached")
	// ErrDeprecated matches answers from endpoints Postman has deprecated or
	// withdrawn, and the answer about a v9 API Builder API, which this SDK
	// does not support (see APIsService).
	ErrDeprecated = errors.New("postman: deprecated endpoint or API version")
	// ErrRedirect matches redirects the client refused to follow: to
	// another scheme, host or port, or of a request other than GET.
	ErrRedirect = errors.New("postman: redirect not followed")
	// ErrResponseTooLarge is returned when a success body is larger than
	// the cap set with WithMaxResponseSize.
	ErrResponseTooLarge = transport.ErrTooLarge
	// ErrNoSCIMKey is returned, before any I/O, by SCIM calls on a client
	// created without WithSCIMKey.
	ErrNoSCIMKey = transport.ErrNoSCIMKey
	// ErrPaginationLoop ends an iterator when the server hands back a
	// cursor it already gave, or the very page it just gave (a server
	// that ignores the cursor or offset), which would otherwise loop
	// forever. The repeated page's items are not yielded again.
	ErrPaginationLoop = paginate.ErrLoop
	// ErrPaginationStalled ends an iterator after five empty pages in a
	// row that each pointed to yet another page.
	ErrPaginationStalled = paginate.ErrStalled
)

// excerptSize bounds the body excerpt kept in errors.
const excerptSize = 512

// APIError is an error answer of the Postman API. It decodes every error
// shape Postman sends: {"error":{"name","message","details"}}, RFC 7807
// problem objects {"type","title","detail","status","instance"}, bare
// {"name","message"}, SCIM errors (string "status", "scimType"), OAuth 2.0
// {"error","error_description"}, and HTML pages from proxies (kept as
// an excerpt). It never holds the request or its headers.
type APIError struct {
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Name is the error's name ("instanceNotFoundError", "rateLimited" …).
	Name string
	// Message is the error's human-readable message.
	Message string
	// Type, Title, Detail and Instance are the fields of problem objects;
	// Type is often a name like "instanceNotFoundError" rather than a URI.
	Type     string
	Title    string
	Detail   string
	Instance string
	// Details is the raw JSON of structured details ("details", or a
	// "detail" that is an object), nil when there are none.
	Details json.RawMessage
	// SCIMType is the scimType of SCIM errors ("invalidValue", "uniqueness" …).
	SCIMType string
	// RequestID is the server's ID for the request, when it sent one.
	RequestID string
	// Method and Path say which call failed; Path has no query string.
	Method string
	Path   string
	// Operation is the operationId of the call ("getCollection"), "" for
	// a Client.Do call that named none.
	Operation string
	// ContentType is the answer's Content-Type, and Location its Location
	// header (set for redirects).
	ContentType string
	Location    string
	// Body is an excerpt of the answer's body (at most 512 bytes).
	Body []byte
}

// Error describes the failed call, its status and the server's message.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("postman: ")
	if e.Method != "" {
		b.WriteString(e.Method + " " + e.Path + ": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if t := http.StatusText(e.StatusCode); t != "" {
		b.WriteString(" " + t)
	}
	if name := e.kind(); name != "" {
		b.WriteString(": " + name)
	}
	if msg := e.text(); msg != "" {
		b.WriteString(": " + msg)
	} else if len(e.Body) > 0 && e.Name == "" && e.Type == "" {
		b.WriteString(": " + bodySummary(e.Body))
	}
	if e.StatusCode >= 300 && e.StatusCode < 400 {
		b.WriteString(" (redirect to " + e.Location + " not followed: the client only follows GET redirects on its own origin)")
	}
	if e.isV9() {
		b.WriteString(" (this is a v9 API Builder API, which the Postman API no longer serves through v10 endpoints and this SDK does not support: upgrade the API to v10 in the Postman app, or move it to Spec Hub and use the Specs service)")
	}
	return b.String()
}

// kind is the error's name, whichever field holds it.
func (e *APIError) kind() string {
	if e.Name != "" {
		return e.Name
	}
	return e.Type
}

// text is the best human-readable message of the error.
func (e *APIError) text() string {
	for _, s := range []string{e.Message, e.Detail, e.Title} {
		if s != "" {
			return s
		}
	}
	return ""
}

// Is lets errors.Is match the sentinel errors that describe e.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrFeatureUnavailable:
		// The Teams API answers a team feature the organization lacks with
		// a 400 rather than a 403.
		return (e.StatusCode == http.StatusForbidden || e.StatusCode == http.StatusBadRequest) && e.featureUnavailable()
	case ErrNotFound:
		// Several endpoints (getCollection, deleteWorkspace, getEnvironment,
		// item endpoints) answer a missing element with 400
		// instanceNotFoundError; the v9 API answer shares the name but is
		// not about a missing element.
		return e.StatusCode == http.StatusNotFound ||
			(e.StatusCode == http.StatusBadRequest && strings.EqualFold(e.kind(), "instanceNotFoundError") && !e.isV9())
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrQuotaExhausted:
		return e.StatusCode == http.StatusTooManyRequests && e.quotaExhausted()
	case ErrPlanLimit:
		// 429: "limit for your plan"; 403 limitReachedError: "You can
		// create up to 3 APIs on your current plan" (createApi,
		// syncCollectionWithSpec).
		return (e.StatusCode == http.StatusTooManyRequests && transport.IsPlanLimit([]byte(e.allText()+" "+strings.ToLower(string(e.Body))))) ||
			(e.StatusCode == http.StatusForbidden && strings.EqualFold(e.kind(), "limitReachedError"))
	case ErrDeprecated:
		return e.isV9() || e.StatusCode == http.StatusGone
	case ErrRedirect:
		return e.StatusCode >= 300 && e.StatusCode < 400
	}
	return false
}

func (e *APIError) allText() string {
	return strings.ToLower(strings.Join([]string{e.Name, e.Type, e.Title, e.Message, e.Detail}, " \x00 "))
}

func (e *APIError) featureUnavailable() bool {
	t := e.allText()
	return strings.Contains(t, "isn't available") || strings.Contains(t, "is not available") ||
		strings.Contains(t, "not available in your region") || strings.Contains(t, "featureunavailable") ||
		strings.Contains(t, "upgrade your plan") || strings.Contains(t, "plan does not") ||
		// "The tags feature is only available to enterprise teams", "This
		// feature is only available with "Advanced Security Administration"
		// add-on".
		strings.Contains(t, "only available to") || strings.Contains(t, "only available with")
}

func (e *APIError) quotaExhausted() bool {
	return strings.EqualFold(e.Name, "serviceLimitExhausted") || strings.EqualFold(e.Type, "serviceLimitExhausted") ||
		transport.IsQuotaExhausted(e.Body)
}

// isV9 recognises Postman's answers about v9 API Builder APIs: the 400
// instanceNotFoundError asking for the application/vnd.api.v10+json Accept
// header, and the unsupportedEntityError "This endpoint does not support
// v9 APIs.".
func (e *APIError) isV9() bool {
	t := e.allText()
	return strings.Contains(t, "vnd.api.v10+json") || strings.Contains(t, "v10headermissing") ||
		strings.Contains(t, "support v9") || strings.Contains(t, "v9 api")
}

// RateLimitError is a 429 answer. It wraps the *APIError, so errors.As
// finds either, and matches ErrRateLimited, and ErrQuotaExhausted when the
// monthly quota is used up.
type RateLimitError struct {
	*APIError
	// RetryAfter is the wait the server asked for (0 if it did not say).
	// When it is longer than the client accepts (WithMaxRetryAfter), the
	// call returns at once with this error instead of sleeping.
	RetryAfter time.Duration
	// QuotaExhausted is true for serviceLimitExhausted, the monthly quota,
	// false for the per-minute rateLimited limit.
	QuotaExhausted bool
}

// Error describes the limit and the requested wait.
func (e *RateLimitError) Error() string {
	msg := e.APIError.Error()
	if e.RetryAfter > 0 {
		msg += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return msg
}

// Unwrap returns the underlying *APIError.
func (e *RateLimitError) Unwrap() error { return e.APIError }

// DecodeError is returned when a success answer cannot be decoded into the
// SDK's types: truncated JSON, an HTML page from a proxy, a type mismatch.
type DecodeError struct {
	StatusCode int
	Method     string
	Path       string
	// RequestID is Postman's ID of the request, for its support.
	RequestID string
	// Operation is the operationId of the call's operation ("" for a Do
	// call that named none).
	Operation string
	// Excerpt is the start of the body (at most 512 bytes).
	Excerpt []byte
	Err     error
}

// Error describes the call and the decoding failure.
func (e *DecodeError) Error() string {
	id := ""
	if e.RequestID != "" {
		id = " (request " + e.RequestID + ")"
	}
	return fmt.Sprintf("postman: %s %s: %d answer could not be decoded%s: %v (body starts %q)",
		e.Method, e.Path, e.StatusCode, id, e.Err, oneLine(e.Excerpt, 80))
}

// Unwrap returns the decoder's error.
func (e *DecodeError) Unwrap() error { return e.Err }
