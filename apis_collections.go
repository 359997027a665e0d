package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// APICollectionOperation is how AddCollection gets the collection it
// links to the API.
type APICollectionOperation string

// Ways of adding a collection to an API.
const (
	// APICollectionCopy copies a collection of the workspace
	// (APICollectionAddParams.CollectionID).
	APICollectionCopy APICollectionOperation = "COPY_COLLECTION"
	// APICollectionCreateNew creates a collection from its content
	// (APICollectionAddParams.Collection).
	APICollectionCreateNew APICollectionOperation = "CREATE_NEW"
	// APICollectionGenerateFromSchema generates a collection from the
	// API's schema (APICollectionAddParams.Name and Options).
	APICollectionGenerateFromSchema APICollectionOperation = "GENERATE_FROM_SCHEMA"
)

// APICollectionAddParams is the body of AddCollection. Which fields count
// depends on OperationType.
type APICollectionAddParams struct {
	OperationType APICollectionOperation
	// CollectionID is the collection to copy (APICollectionCopy).
	CollectionID string
	// Collection is the new collection in Postman Collection Format v2.1,
	// with "info" and "item" (APICollectionCreateNew).
	Collection json.RawMessage
	// Name is the generated collection's name
	// (APICollectionGenerateFromSchema).
	Name string
	// Options are the OpenAPI to Postman converter's options, with their
	// case-sensitive names, e.g. {"folderStrategy": "Tags"}; see
	// https://github.com/postmanlabs/openapi-to-postman/blob/develop/OPTIONS.md
	// (APICollectionGenerateFromSchema).
	Options map[string]any
}

// MarshalJSON writes the wire form of the request's operation: the copied
// collection's ID or the new collection go in "data".
func (r APICollectionAddParams) MarshalJSON() ([]byte, error) {
	wire := struct {
		OperationType APICollectionOperation `json:"operationType"`
		Name          string                 `json:"name,omitempty"`
		Options       map[string]any         `json:"options,omitempty"`
		Data          any                    `json:"data,omitempty"`
	}{OperationType: r.OperationType, Name: r.Name, Options: r.Options}
	switch {
	case r.CollectionID != "":
		wire.Data = map[string]string{"collectionId": r.CollectionID}
	case len(r.Collection) > 0:
		wire.Data = r.Collection
	}
	return json.Marshal(wire)
}

// validate refuses, before any I/O, requests that lack what their
// operation needs.
func (r *APICollectionAddParams) validate() error {
	switch {
	case r.OperationType == "":
		return fmt.Errorf("postman: APIs.AddCollection: %w: OperationType is empty", ErrInvalidArgument)
	case r.OperationType == APICollectionCopy && r.CollectionID == "":
		return fmt.Errorf("postman: APIs.AddCollection: %w: %s needs CollectionID", ErrInvalidArgument, r.OperationType)
	case r.OperationType == APICollectionCreateNew && len(bytes.TrimSpace(r.Collection)) == 0:
		return fmt.Errorf("postman: APIs.AddCollection: %w: %s needs Collection", ErrInvalidArgument, r.OperationType)
	case len(r.Collection) > 0 && !json.Valid(r.Collection):
		return fmt.Errorf("postman: APIs.AddCollection: %w: Collection is not valid JSON", ErrInvalidArgument)
	}
	return nil
}

// APICollectionGetOptions asks GetCollection for a published collection.
type APICollectionGetOptions struct {
	// VersionID reads the collection as a version published it. API
	// viewers must set it.
	VersionID string `url:"versionId,omitempty"`
}

// APICollection is a collection linked to an API, in Postman Collection
// Format v2.1. Info and Items give its outline; Raw keeps the whole
// document, with scripts, auth and variables, for a full collection model.
type APICollection struct {
	Info  APICollectionInfo   `json:"info"`
	Items []APICollectionItem `json:"item"`
	// Raw is the collection exactly as Postman sent it.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the outline and keeps the whole document in Raw.
func (c *APICollection) UnmarshalJSON(data []byte) error {
	type plain APICollection
	if err := json.Unmarshal(data, (*plain)(c)); err != nil {
		return err
	}
	c.Raw = bytes.Clone(data)
	return nil
}

// MarshalJSON writes Raw back unchanged when the collection was decoded,
// so that nothing Postman sent is lost.
func (c APICollection) MarshalJSON() ([]byte, error) {
	if len(c.Raw) > 0 {
		return c.Raw, nil
	}
	type plain APICollection
	if c.Items == nil {
		c.Items = []APICollectionItem{} // the format requires the array
	}
	return json.Marshal(plain(c))
}

// APICollectionInfo is the info block of a collection.
type APICollectionInfo struct {
	// PostmanID is the collection's ID.
	PostmanID string `json:"_postman_id,omitempty"`
	Name      string `json:"name"`
	// Schema is the URL of the collection format's JSON Schema.
	Schema      string    `json:"schema,omitempty"`
	Description string    `json:"-"`
	UpdatedAt   Timestamp `json:"updatedAt,omitzero"`
}

// UnmarshalJSON reads a description given as text or, as the collection
// format allows, as a {"content": …} object.
func (i *APICollectionInfo) UnmarshalJSON(data []byte) error {
	type plain APICollectionInfo
	var wire struct {
		*plain
		Description json.RawMessage `json:"description"`
	}
	wire.plain = (*plain)(i)
	if err := json.Unmarshal(data, &wire); err != nil {
		return err
	}
	i.Description = ""
	d := bytes.TrimSpace(wire.Description)
	switch {
	case len(d) == 0 || string(d) == "null":
	case d[0] == '"':
		return json.Unmarshal(d, &i.Description)
	case d[0] == '{':
		var obj struct {
			Content string `json:"content"`
		}
		if err := json.Unmarshal(d, &obj); err != nil {
			return err
		}
		i.Description = obj.Content
	}
	return nil
}

// MarshalJSON writes the description as text.
func (i APICollectionInfo) MarshalJSON() ([]byte, error) {
	type plain APICollectionInfo
	return json.Marshal(struct {
		plain
		Description string `json:"description,omitempty"`
	}{plain(i), i.Description})
}

// APICollectionItem is a request or a folder of a collection. Request,
// Responses and Events are Collection Format documents, kept as sent.
type APICollectionItem struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
	// Items are a folder's requests and subfolders.
	Items     []APICollectionItem `json:"item,omitempty"`
	Request   json.RawMessage     `json:"request,omitempty"`
	Responses []json.RawMessage   `json:"response,omitempty"`
	Events    []json.RawMessage   `json:"event,omitempty"`
}

// IsFolder reports whether the item is a folder.
func (it *APICollectionItem) IsFolder() bool { return it.Items != nil && it.Request == nil }

// AddCollection links a collection to an API: a copy of a workspace
// collection, a new collection from its content, or one generated from the
// API's schema. It returns the new collection's ID.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to generate a collection from a specification
// (POST /specs/{specId}/generations/collection) instead.
//
//postman:operation POST /apis/{apiId}/collections
func (s *APIsService) AddCollection(ctx context.Context, apiID string, req APICollectionAddParams) (*APICollectionRef, *Response, error) {
	path, err := pathf("/apis/{apiID}/collections", apiID)
	if err != nil {
		return nil, nil, err
	}
	if err := req.validate(); err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodPost, path)
	r.body = req
	ref := new(APICollectionRef)
	resp, err := s.client.do(ctx, r, ref)
	if err != nil {
		return nil, resp, err
	}
	return ref, resp, nil
}

// GetCollection returns a collection linked to an API. Git-connected APIs
// keep their collections in the repository; Postman answers 422 for them.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Get the collections generated from a specification with
// SpecsService (GET /specs/{specId}/generations/collection), and their
// content with CollectionsService (GET /collections/{collectionId}).
//
//postman:operation GET /apis/{apiId}/collections/{collectionId}
func (s *APIsService) GetCollection(ctx context.Context, apiID, collectionID string, opts *APICollectionGetOptions) (*APICollection, *Response, error) {
	path, err := pathf("/apis/{apiID}/collections/{collectionID}", apiID, collectionID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodGet, path)
	r.query = opts
	c := new(APICollection)
	resp, err := s.client.do(ctx, r, c)
	if err != nil {
		return nil, resp, err
	}
	return c, resp, nil
}

// SyncCollectionWithSchema starts updating a collection linked to an API
// from the API's schema (OpenAPI 3 only). It returns the task; WaitTask
// waits for it to end.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub. Use SpecsService to sync a generated collection with its
// specification (PUT /collections/{collectionUid}/synchronizations)
// instead.
//
//postman:operation PUT /apis/{apiId}/collections/{collectionId}/sync-with-schema-tasks
func (s *APIsService) SyncCollectionWithSchema(ctx context.Context, apiID, collectionID string) (*APITaskRef, *Response, error) {
	path, err := pathf("/apis/{apiID}/collections/{collectionID}/sync-with-schema-tasks", apiID, collectionID)
	if err != nil {
		return nil, nil, err
	}
	ref := new(APITaskRef)
	resp, err := s.client.do(ctx, apiRequest(http.MethodPut, path), ref)
	if err != nil {
		return nil, resp, err
	}
	ref.APIID = apiID
	ref.Location = resp.Header.Get("Location")
	if ref.TaskID == "" {
		ref.TaskID = apiTaskIDFrom(ref.Location)
	}
	return ref, resp, nil
}
