package collection

import (
	"encoding/base64"
	"strings"
)

// UnsupportedAuthError is returned by HTTPRequest and Curl for an effective
// auth that needs more than adding a header or a query parameter: a
// signature over the request (oauth1, awsv4, hawk, edgegrid, jwt, asap), a
// challenge and answer with the server (digest, ntlm), an OAuth 2.0 token
// that has yet to be fetched, or a type this package does not know. newman
// handles those; rather than send such a request unsigned, HTTPRequest
// fails.
type UnsupportedAuthError struct {
	// Type is the auth type, e.g. "digest".
	Type string
	// Item is the name of the request item.
	Item string
	// Reason says what the auth needs, when there is more to say than the type.
	Reason string
}

// Error names the request and the auth type, and says newman can send it.
func (e *UnsupportedAuthError) Error() string {
	msg := "collection: request " + quote(e.Item) + ": auth type " + quote(e.Type) + " is not supported"
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg + " (newman can send it)"
}

// headerField is one header of a request being prepared, in order.
type headerField struct{ key, value string }

// applyAuth adds what the auth a sends to the headers and query, with its
// parameters resolved in s, as newman's authorizers for basic, bearer,
// apikey and oauth2 (with a token) do.
func applyAuth(a *Auth, s *Scope, item string, headers *[]headerField, query *[]QueryParam) error {
	if a == nil {
		return nil
	}
	param := func(key string) string { return s.Replace(a.Param(key)) }
	switch a.Type {
	case AuthNoAuth:
	case AuthBasic:
		creds := param("username") + ":" + param("password")
		setHeader(headers, "Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(creds)))
	case AuthBearer:
		// An empty token sends nothing, as newman does.
		if token := param("token"); token != "" {
			setHeader(headers, "Authorization", "Bearer "+token)
		}
	case AuthAPIKey:
		key, value := param("key"), param("value")
		if key == "" && value == "" {
			return nil
		}
		if param("in") == "query" {
			setQuery(query, key, value)
		} else {
			setHeader(headers, key, value)
		}
	case AuthOAuth2:
		return applyOAuth2(a, param, item, headers, query)
	default:
		return &UnsupportedAuthError{Type: a.Type, Item: item}
	}
	return nil
}

// applyOAuth2 sends an OAuth 2.0 access token that is already there, as
// newman does; fetching one is a protocol exchange this package leaves to
// newman.
func applyOAuth2(a *Auth, param func(string) string, item string, headers *[]headerField, query *[]QueryParam) error {
	token := param("accessToken")
	if token == "" {
		return &UnsupportedAuthError{Type: a.Type, Item: item, Reason: "no accessToken, and fetching one is not supported"}
	}
	if strings.EqualFold(param("tokenType"), "mac") {
		return &UnsupportedAuthError{Type: a.Type, Item: item, Reason: "MAC tokens need a signature"}
	}
	prefix := "Bearer"
	if _, ok := a.ParamValue("headerPrefix"); ok {
		prefix = strings.TrimSpace(param("headerPrefix"))
	}
	if prefix != "" {
		prefix += " "
	}
	delHeader(headers, "Authorization")
	delQuery(query, "access_token")
	switch param("addTokenTo") {
	case "queryParams":
		*query = append(*query, QueryParam{Key: "access_token", Value: token})
	case "header", "":
		*headers = append(*headers, headerField{"Authorization", prefix + token})
	}
	return nil
}

// setHeader replaces every header named key (in any case) by one at the end.
func setHeader(headers *[]headerField, key, value string) {
	delHeader(headers, key)
	*headers = append(*headers, headerField{key, value})
}

func delHeader(headers *[]headerField, key string) {
	out := (*headers)[:0]
	for _, h := range *headers {
		if !strings.EqualFold(h.key, key) {
			out = append(out, h)
		}
	}
	*headers = out
}

// setQuery replaces every query parameter named key by one at the end.
func setQuery(query *[]QueryParam, key, value string) {
	delQuery(query, key)
	*query = append(*query, QueryParam{Key: key, Value: value})
}

func delQuery(query *[]QueryParam, key string) {
	out := make([]QueryParam, 0, len(*query))
	for _, q := range *query {
		if q.Key != key {
			out = append(out, q)
		}
	}
	*query = out
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
