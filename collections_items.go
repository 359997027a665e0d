package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/postman-go/postman/collection"
)

// This file holds what the folder, request and response endpoints share:
// Postman's item model, older than the collection format (a request's URL
// is a string, its headers are headerData, its body is dataMode plus
// rawModeData …), and the envelope these endpoints answer with.

// CollectionItemGetOptions are the options of GetFolder, GetRequest and
// GetResponse.
type CollectionItemGetOptions struct {
	// IDs returns only the members that hold IDs.
	IDs bool `url:"ids,omitempty"`
	// UID returns every ID in UID form (ownerId-id).
	UID bool `url:"uid,omitempty"`
	// Populate returns the item's whole contents.
	Populate bool `url:"populate,omitempty"`
}

// CollectionDataMode is the kind of a request body in the item model.
// Postman may add modes; compare with the constants.
type CollectionDataMode string

// Body modes of the item model.
const (
	CollectionDataRaw        CollectionDataMode = "raw"
	CollectionDataURLEncoded CollectionDataMode = "urlencoded"
	CollectionDataFormData   CollectionDataMode = "formdata"
	CollectionDataBinary     CollectionDataMode = "binary"
	CollectionDataGraphQL    CollectionDataMode = "graphql"
)

// CollectionHeader is a header of a request or a saved response in the
// item model.
type CollectionHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	// Name repeats Key in some of Postman's answers.
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Type is "text" in Postman's answers.
	Type string `json:"type,omitempty"`
	// Enabled is nil for Postman's default (enabled); Ptr(false) keeps the
	// header without sending it.
	Enabled *bool `json:"enabled,omitempty"`
}

// CollectionHeaders is a list of headers of the item model. Postman
// writes a request's "headers" member either as a list or as text, one
// "Key: value" per line ("//" before the key disables the header); both
// read into the list, which is always written as a list.
type CollectionHeaders []CollectionHeader

// UnmarshalJSON reads a list of headers, header text, or null.
func (h *CollectionHeaders) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case len(data) == 0 || string(data) == "null":
		*h = nil
		return nil
	case data[0] == '"':
		var text string
		if err := json.Unmarshal(data, &text); err != nil {
			return err
		}
		*h = collectionParseHeaders(text)
		return nil
	}
	var list []CollectionHeader
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	*h = list
	return nil
}

// collectionParseHeaders reads Postman's header text: "Key: value" lines,
// disabled when the line starts with "//".
func collectionParseHeaders(text string) CollectionHeaders {
	out := CollectionHeaders{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var hdr CollectionHeader
		if rest, ok := strings.CutPrefix(line, "//"); ok {
			line = strings.TrimSpace(rest)
			hdr.Enabled = Ptr(false)
		}
		key, value, _ := strings.Cut(line, ":")
		hdr.Key, hdr.Value = strings.TrimSpace(key), strings.TrimSpace(value)
		out = append(out, hdr)
	}
	return out
}

// CollectionQueryParam is a query parameter of a request in the item
// model.
type CollectionQueryParam struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
	// Equals is true when the parameter is written with "=" even without
	// a value.
	Equals bool `json:"equals,omitempty"`
	// Enabled is nil for Postman's default (enabled); Ptr(false) keeps the
	// parameter without sending it.
	Enabled *bool `json:"enabled,omitempty"`
}

// CollectionPathVariable is a path variable (":id") of a request in the
// item model.
type CollectionPathVariable struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}

// CollectionFormParamType is the kind of a form data entry.
type CollectionFormParamType string

// Kinds of form data entries.
const (
	CollectionFormText CollectionFormParamType = "text"
	CollectionFormFile CollectionFormParamType = "file"
)

// CollectionFormParam is an entry of a request's form data (urlencoded or
// formdata body) in the item model.
type CollectionFormParam struct {
	Key         string                  `json:"key"`
	Value       string                  `json:"value"`
	Description string                  `json:"description,omitempty"`
	Type        CollectionFormParamType `json:"type,omitempty"`
	// Enabled is nil for Postman's default (enabled).
	Enabled *bool `json:"enabled,omitempty"`
	// UUID identifies the entry.
	UUID string `json:"uuid,omitempty"`
}

// CollectionGraphQLData is the body of a GraphQL request.
type CollectionGraphQLData struct {
	Query string `json:"query"`
	// Variables is the JSON text of the query's variables.
	Variables string `json:"variables,omitempty"`
}

// CollectionDataOptions are settings of a request's body, per mode.
type CollectionDataOptions struct {
	Raw *CollectionRawOptions `json:"raw,omitempty"`
	// The settings of the other modes are free-form objects.
	URLEncoded json.RawMessage `json:"urlencoded,omitempty"`
	Params     json.RawMessage `json:"params,omitempty"`
	Binary     json.RawMessage `json:"binary,omitempty"`
	GraphQL    json.RawMessage `json:"graphql,omitempty"`
}

// CollectionRawOptions are the settings of a raw body.
type CollectionRawOptions struct {
	// Language is the raw body's language: "json", "xml", "text" …
	Language string `json:"language,omitempty"`
}

// CollectionItemAuth is the auth of a folder or request in the item
// model: an object with the auth type and the parameters of that type.
// Postman sometimes answers with the type alone, as a string ("noauth");
// that reads into Type, and is written back as an object, the only form
// the API documents for writes.
type CollectionItemAuth struct {
	// Type is the auth type ("apikey", "bearer", "noauth" …; see the
	// collection package's Auth… constants).
	Type string
	// Params are the type's parameters.
	Params []CollectionItemAuthParam
}

// CollectionItemAuthParam is a parameter of an auth ({key, value, type}).
type CollectionItemAuthParam struct {
	Key string `json:"key"`
	// Value is any JSON value, kept exactly (a string, or a list of
	// objects for some types).
	Value collection.Value `json:"value,omitzero"`
	// Type is the value's type ("string", "boolean", "any" …).
	Type string `json:"type,omitempty"`
}

// MarshalJSON writes {"type": T, T: [params]}.
func (a CollectionItemAuth) MarshalJSON() ([]byte, error) {
	typ, err := json.Marshal(a.Type)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(`{"type":`)
	b.Write(typ)
	if a.Params != nil && a.Type != "" && a.Type != "type" {
		params, err := json.Marshal(a.Params)
		if err != nil {
			return nil, err
		}
		b.WriteByte(',')
		b.Write(typ)
		b.WriteByte(':')
		b.Write(params)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an auth object or a bare type string. Parameters in
// the collection format v2.0 object form ({"token": "…"}) are read too.
func (a *CollectionItemAuth) UnmarshalJSON(data []byte) error {
	*a = CollectionItemAuth{}
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		return nil
	}
	if len(data) > 0 && data[0] == '"' {
		return json.Unmarshal(data, &a.Type)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return err
	}
	if t, ok := obj["type"]; ok {
		if err := json.Unmarshal(t, &a.Type); err != nil {
			return fmt.Errorf("auth type: %w", err)
		}
	}
	raw := bytes.TrimSpace(obj[a.Type])
	switch {
	case a.Type == "" || a.Type == "type" || len(raw) == 0 || string(raw) == "null":
	case raw[0] == '[':
		if err := json.Unmarshal(raw, &a.Params); err != nil {
			return fmt.Errorf("auth %s parameters: %w", a.Type, err)
		}
	case raw[0] == '{':
		var params map[string]json.RawMessage
		if err := json.Unmarshal(raw, &params); err != nil {
			return fmt.Errorf("auth %s parameters: %w", a.Type, err)
		}
		keys := make([]string, 0, len(params))
		for k := range params {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			v, err := collection.RawValue(params[k])
			if err != nil {
				return fmt.Errorf("auth %s parameter %s: %w", a.Type, k, err)
			}
			a.Params = append(a.Params, CollectionItemAuthParam{Key: k, Value: v})
		}
	}
	return nil
}

// Param returns the text of the parameter key (see collection.Value's
// String), or "".
func (a *CollectionItemAuth) Param(key string) string {
	for _, p := range a.Params {
		if p.Key == key {
			return p.Value.String()
		}
	}
	return ""
}

// collectionItemRoot is the envelope of the folder, request and response
// endpoints: the item under "data", the ID of the element the call
// touched, and the collection's revision after the call. Its "meta"
// member describes the server's internal operation and is left in
// Response.Raw.
type collectionItemRoot[T any] struct {
	Data     *T      `json:"data"`
	ModelID  string  `json:"model_id"`
	Revision float64 `json:"revision"`
}

// collectionItemPtr is a pointer to an item type, which records the
// envelope of the answer that carried it.
type collectionItemPtr[T any] interface {
	*T
	setEnvelope(modelID string, rev int64)
}

// collectionItemDo runs r and unwraps the item of the answer.
func collectionItemDo[T any, PT collectionItemPtr[T]](ctx context.Context, c *Client, r *request) (*T, *Response, error) {
	var root collectionItemRoot[T]
	resp, err := c.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	PT(root.Data).setEnvelope(root.ModelID, int64(root.Revision))
	return root.Data, resp, nil
}
