package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/postman-go/postman/collection"
)

// CollectionRequest is a request of a collection in Postman's item model,
// as the request endpoints read and write it: its URL is a string, its
// headers are HeaderData, its body is DataMode with RawModeData, Data or
// GraphQLModeData. The same type is the body of CreateRequest and
// UpdateRequest: only the fields set are sent, and Postman ignores the
// ones it keeps itself (ID, Owner, dates …), so a request from GetRequest
// can be changed and sent back.
type CollectionRequest struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Description is nil when the request has none; Ptr("") empties it.
	Description *string `json:"description,omitempty"`
	// DescriptionFormat is the description's format ("markdown", "html").
	DescriptionFormat string `json:"descriptionFormat,omitempty"`
	// Method is the HTTP method: GET, POST … and the WebDAV methods
	// Postman supports (COPY, LINK, PURGE, LOCK, PROPFIND, VIEW …).
	Method string `json:"method,omitempty"`
	// URL is the request's URL as text, variables included.
	URL string `json:"url,omitempty"`
	// HeaderData are the request's headers.
	HeaderData []CollectionHeader `json:"headerData,omitempty"`
	// Headers is an older copy of the headers, which Postman may send as
	// text; prefer HeaderData.
	Headers          CollectionHeaders        `json:"headers,omitempty"`
	QueryParams      []CollectionQueryParam   `json:"queryParams,omitempty"`
	PathVariables    map[string]string        `json:"pathVariables,omitempty"`
	PathVariableData []CollectionPathVariable `json:"pathVariableData,omitempty"`
	// DataMode says which of the body fields holds the body.
	DataMode CollectionDataMode `json:"dataMode,omitempty"`
	// Data is the form data of urlencoded and formdata bodies.
	Data []CollectionFormParam `json:"data,omitempty"`
	// RawModeData is the body of raw requests; Ptr("") empties it.
	RawModeData     *string                `json:"rawModeData,omitempty"`
	GraphQLModeData *CollectionGraphQLData `json:"graphqlModeData,omitempty"`
	DataOptions     *CollectionDataOptions `json:"dataOptions,omitempty"`
	// DataDisabled is true when the body is not sent.
	DataDisabled bool `json:"dataDisabled,omitempty"`
	// Auth is nil when the request inherits its parent's auth.
	Auth      *CollectionItemAuth   `json:"auth,omitempty"`
	Events    []collection.Event    `json:"events,omitempty"`
	Variables []collection.Variable `json:"variables,omitempty"`
	// PreRequestScript and Tests are the older, single-text forms of the
	// pre-request and test scripts; Events holds the current ones.
	PreRequestScript string `json:"preRequestScript,omitempty"`
	Tests            string `json:"tests,omitempty"`
	// CurrentHelper and HelperAttributes are the older form of auth
	// ("basicAuth" with its attributes), a free-form object.
	CurrentHelper    string          `json:"currentHelper,omitempty"`
	HelperAttributes json.RawMessage `json:"helperAttributes,omitempty"`
	// ProtocolProfileBehavior holds settings of Postman's runtime
	// (disableBodyPruning, followRedirects …), a free-form object.
	ProtocolProfileBehavior json.RawMessage `json:"protocolProfileBehavior,omitempty"`
	// Collection is the ID of the collection holding the request.
	Collection string `json:"collection,omitempty"`
	// Folder is the ID of the parent folder, nil at the collection's top
	// level. CreateRequest takes the parent from its options instead.
	Folder *string `json:"folder,omitempty"`
	// Owner is the user ID of the request's owner.
	Owner string `json:"owner,omitempty"`
	// Responses and ResponsesOrder list the IDs of the request's saved
	// responses, the latter in order.
	Responses      []string  `json:"responses,omitempty"`
	ResponsesOrder []string  `json:"responses_order,omitempty"`
	CreatedAt      Timestamp `json:"createdAt,omitzero"`
	UpdatedAt      Timestamp `json:"updatedAt,omitzero"`
	// LastUpdatedBy is the user ID of the last editor.
	LastUpdatedBy string `json:"lastUpdatedBy,omitempty"`
	// LastRevision is the revision at which the request last changed.
	LastRevision int64 `json:"lastRevision,omitempty"`
	// Revision is the collection's revision after the call that returned
	// the request (CreateRequest, UpdateRequest); 0 from GetRequest.
	Revision int64 `json:"-"`
	// ModelID is the answer's model_id: the ID of the element the call
	// touched (this one), as Postman repeats it beside the element.
	ModelID string `json:"-"`
}

func (r *CollectionRequest) setEnvelope(modelID string, rev int64) {
	r.ModelID, r.Revision = modelID, rev
}

// CollectionRequestCreateOptions place a request that CreateRequest
// creates.
type CollectionRequestCreateOptions struct {
	// FolderID is the folder that receives the request; empty for the
	// collection's top level.
	FolderID string `url:"folderId,omitempty"`
}

// CreateRequest creates a request in a collection, at its top level or in
// the folder of opts, and returns it. Postman names a request sent
// without a Name with an empty name.
//
//postman:operation POST /collections/{collectionId}/requests
func (s *CollectionsService) CreateRequest(ctx context.Context, collectionID string, req *CollectionRequest, opts *CollectionRequestCreateOptions) (*CollectionRequest, *Response, error) {
	path, err := pathf("/collections/{collectionID}/requests", collectionID)
	if err != nil {
		return nil, nil, err
	}
	if req == nil {
		return nil, nil, fmt.Errorf("postman: CreateRequest: %w: no request", ErrInvalidArgument)
	}
	return collectionItemDo[CollectionRequest](ctx, s.client, &request{method: http.MethodPost, path: path, query: opts, body: req})
}

// GetRequest returns a request of a collection.
//
//postman:operation GET /collections/{collectionId}/requests/{requestId}
func (s *CollectionsService) GetRequest(ctx context.Context, collectionID, requestID string, opts *CollectionItemGetOptions) (*CollectionRequest, *Response, error) {
	path, err := pathf("/collections/{collectionID}/requests/{requestID}", collectionID, requestID)
	if err != nil {
		return nil, nil, err
	}
	return collectionItemDo[CollectionRequest](ctx, s.client, &request{method: http.MethodGet, path: path, query: opts})
}

// UpdateRequest changes the fields of a request that req sets and returns
// the request as it now is. It cannot move the request: use
// TransferRequests.
//
//postman:operation PUT /collections/{collectionId}/requests/{requestId}
func (s *CollectionsService) UpdateRequest(ctx context.Context, collectionID, requestID string, req *CollectionRequest) (*CollectionRequest, *Response, error) {
	path, err := pathf("/collections/{collectionID}/requests/{requestID}", collectionID, requestID)
	if err != nil {
		return nil, nil, err
	}
	if req == nil {
		return nil, nil, fmt.Errorf("postman: UpdateRequest: %w: no request", ErrInvalidArgument)
	}
	return collectionItemDo[CollectionRequest](ctx, s.client, &request{method: http.MethodPut, path: path, body: req})
}

// DeleteRequest deletes a request of a collection, with its saved
// responses.
//
//postman:operation DELETE /collections/{collectionId}/requests/{requestId}
func (s *CollectionsService) DeleteRequest(ctx context.Context, collectionID, requestID string) (*Response, error) {
	path, err := pathf("/collections/{collectionID}/requests/{requestID}", collectionID, requestID)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
	return resp, err
}
