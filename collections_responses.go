package postman

import (
	"context"
	"fmt"
	"net/http"
)

// CollectionResponseCode is the HTTP status of a saved response.
type CollectionResponseCode struct {
	Code int `json:"code"`
	// Name is the status text ("OK", "Not Found").
	Name string `json:"name,omitempty"`
}

// CollectionResponse is a saved response (an example) of a request in
// Postman's item model, as the response endpoints read and write it. The
// same type is the body of CreateResponse and UpdateResponse: only the
// fields set are sent, and Postman ignores the ones it keeps itself (ID,
// Owner, dates …).
type CollectionResponse struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Description is nil when the response has none; Ptr("") empties it.
	Description *string `json:"description,omitempty"`
	// Request is the ID of the request the response belongs to.
	Request string `json:"request,omitempty"`
	// Owner is the user ID of the response's owner.
	Owner string `json:"owner,omitempty"`
	// URL, Method, DataMode, RawModeData and DataOptions describe the
	// request that produced the response.
	URL         string                 `json:"url,omitempty"`
	Method      string                 `json:"method,omitempty"`
	DataMode    CollectionDataMode     `json:"dataMode,omitempty"`
	RawModeData *string                `json:"rawModeData,omitempty"`
	DataOptions *CollectionDataOptions `json:"dataOptions,omitempty"`
	// RequestObject is the JSON text of the request that produced the
	// response, in the item model.
	RequestObject string `json:"requestObject,omitempty"`
	// ResponseCode is the response's HTTP status, and Status its text.
	ResponseCode *CollectionResponseCode `json:"responseCode,omitempty"`
	Status       string                  `json:"status,omitempty"`
	// Headers are the response's headers.
	Headers CollectionHeaders `json:"headers,omitempty"`
	// Cookies is the response's cookie data as text.
	Cookies string `json:"cookies,omitempty"`
	// Time is how long the request took, in milliseconds, as text.
	Time string `json:"time,omitempty"`
	// Text is the response's body; Language its language ("json", "html")
	// and Mime its MIME type.
	Text     string `json:"text,omitempty"`
	Language string `json:"language,omitempty"`
	Mime     string `json:"mime,omitempty"`
	// RawDataType is the type of raw body data.
	RawDataType string    `json:"rawDataType,omitempty"`
	CreatedAt   Timestamp `json:"createdAt,omitzero"`
	UpdatedAt   Timestamp `json:"updatedAt,omitzero"`
	// LastUpdatedBy is the user ID of the last editor.
	LastUpdatedBy string `json:"lastUpdatedBy,omitempty"`
	// LastRevision is the revision at which the response last changed.
	LastRevision int64 `json:"lastRevision,omitempty"`
	// Revision is the collection's revision after the call that returned
	// the response (CreateResponse, UpdateResponse); 0 from GetResponse.
	Revision int64 `json:"-"`
	// ModelID is the answer's model_id: the ID of the element the call
	// touched (this one), as Postman repeats it beside the element.
	ModelID string `json:"-"`
}

func (r *CollectionResponse) setEnvelope(modelID string, rev int64) {
	r.ModelID, r.Revision = modelID, rev
}

// collectionResponseQuery names the parent request of a new response.
type collectionResponseQuery struct {
	Request string `url:"request"`
}

// CreateResponse saves a response for a request of a collection and
// returns it. Postman names a response sent without a Name with an empty
// name.
//
//postman:operation POST /collections/{collectionId}/responses
func (s *CollectionsService) CreateResponse(ctx context.Context, collectionID, requestID string, saved *CollectionResponse) (*CollectionResponse, *Response, error) {
	path, err := pathf("/collections/{collectionID}/responses", collectionID)
	if err != nil {
		return nil, nil, err
	}
	if err := requireArg("CreateResponse", "requestID", requestID); err != nil {
		return nil, nil, err
	}
	if saved == nil {
		return nil, nil, fmt.Errorf("postman: CreateResponse: %w: no response", ErrInvalidArgument)
	}
	return collectionItemDo[CollectionResponse](ctx, s.client, &request{
		method: http.MethodPost, path: path, query: collectionResponseQuery{Request: requestID}, body: saved,
	})
}

// GetResponse returns a saved response of a collection.
//
//postman:operation GET /collections/{collectionId}/responses/{responseId}
func (s *CollectionsService) GetResponse(ctx context.Context, collectionID, responseID string, opts *CollectionItemGetOptions) (*CollectionResponse, *Response, error) {
	path, err := pathf("/collections/{collectionID}/responses/{responseID}", collectionID, responseID)
	if err != nil {
		return nil, nil, err
	}
	return collectionItemDo[CollectionResponse](ctx, s.client, &request{method: http.MethodGet, path: path, query: opts})
}

// UpdateResponse changes the fields of a saved response that saved sets
// and returns the response as it now is.
//
//postman:operation PUT /collections/{collectionId}/responses/{responseId}
func (s *CollectionsService) UpdateResponse(ctx context.Context, collectionID, responseID string, saved *CollectionResponse) (*CollectionResponse, *Response, error) {
	path, err := pathf("/collections/{collectionID}/responses/{responseID}", collectionID, responseID)
	if err != nil {
		return nil, nil, err
	}
	if saved == nil {
		return nil, nil, fmt.Errorf("postman: UpdateResponse: %w: no response", ErrInvalidArgument)
	}
	return collectionItemDo[CollectionResponse](ctx, s.client, &request{method: http.MethodPut, path: path, body: saved})
}

// DeleteResponse deletes a saved response of a collection.
//
//postman:operation DELETE /collections/{collectionId}/responses/{responseId}
func (s *CollectionsService) DeleteResponse(ctx context.Context, collectionID, responseID string) (*Response, error) {
	path, err := pathf("/collections/{collectionID}/responses/{responseID}", collectionID, responseID)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
	return resp, err
}
