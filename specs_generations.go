package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"
)

// SpecSyncState says whether a generated collection (or spec) still
// matches the element it was generated from. Postman may add values;
// compare with the constants.
type SpecSyncState string

// Sync states of generated elements.
const (
	SpecInSync         SpecSyncState = "in-sync"
	SpecOutOfSync      SpecSyncState = "out-of-sync"
	SpecSyncInProgress SpecSyncState = "sync-in-progress"
)

// SpecGeneratedElement is a collection generated from a spec, or a spec
// generated from a collection, with its sync state.
type SpecGeneratedElement struct {
	// ID is the generated element's ID.
	ID    string        `json:"id"`
	Name  string        `json:"name"`
	State SpecSyncState `json:"state"`
	// CreatedBy and UpdatedBy are user IDs; UpdatedBy is only given for
	// generated specs.
	CreatedBy int64     `json:"createdBy,omitempty"`
	UpdatedBy int64     `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// SpecGeneratedCollectionListOptions pages ListGeneratedCollections.
type SpecGeneratedCollectionListOptions struct {
	CursorOptions
}

// ListGeneratedCollections returns a page of the collections generated
// from a spec (10 unless opts.Limit says otherwise); Response.NextCursor
// points to the next page.
//
//postman:operation GET /specs/{specId}/generations/{elementType}
func (s *SpecsService) ListGeneratedCollections(ctx context.Context, specID string, opts *SpecGeneratedCollectionListOptions) ([]*SpecGeneratedElement, *Response, error) {
	p, err := pathf("/specs/{specID}/generations/collection", specID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Collections []*SpecGeneratedElement `json:"collections"`
		Meta        pageMeta                `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Collections, resp, nil
}

// ListGeneratedCollectionsIter iterates over the collections generated
// from a spec, one page in memory at a time (100 per page unless
// opts.Limit says otherwise).
func (s *SpecsService) ListGeneratedCollectionsIter(ctx context.Context, specID string, opts *SpecGeneratedCollectionListOptions) iter.Seq2[*SpecGeneratedElement, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *SpecGeneratedCollectionListOptions) ([]*SpecGeneratedElement, *Response, error) {
		return s.ListGeneratedCollections(ctx, specID, o)
	})
}

// SpecGeneratedSpecListOptions pages ListGeneratedSpecs. Postman's answers
// carry a meta.nextCursor, but the description documents no cursor
// parameter; ListGeneratedSpecsIter sends it back as "cursor" and stops if
// the server repeats a page.
type SpecGeneratedSpecListOptions struct {
	Cursor string `url:"cursor,omitempty"`
}

func (o *SpecGeneratedSpecListOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// ListGeneratedSpecs returns the specs generated from a collection.
//
//postman:operation GET /collections/{collectionUid}/generations/{elementType}
func (s *SpecsService) ListGeneratedSpecs(ctx context.Context, collectionUID string, opts *SpecGeneratedSpecListOptions) ([]*SpecGeneratedElement, *Response, error) {
	p, err := pathf("/collections/{collectionUID}/generations/spec", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Specs []*SpecGeneratedElement `json:"specs"`
		Meta  pageMeta                `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p, query: opts}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Specs, resp, nil
}

// ListGeneratedSpecsIter iterates over the specs generated from a
// collection, one page in memory at a time.
func (s *SpecsService) ListGeneratedSpecsIter(ctx context.Context, collectionUID string, opts *SpecGeneratedSpecListOptions) iter.Seq2[*SpecGeneratedElement, error] {
	return cursorIter(ctx, opts, 0, func(ctx context.Context, o *SpecGeneratedSpecListOptions) ([]*SpecGeneratedElement, *Response, error) {
		return s.ListGeneratedSpecs(ctx, collectionUID, o)
	})
}

// SpecCollectionGenerateParams is the body of GenerateCollection.
type SpecCollectionGenerateParams struct {
	// Name is the generated collection's name.
	Name    string           `json:"name"`
	Options ConverterOptions `json:"options"`
}

// GenerateCollection starts generating a collection from an OpenAPI 2.0,
// 3.0 or 3.1 spec or a Smithy spec, and returns the task to follow with
// WaitTask; the completed task lists the new collection. Postman answers
// 423 while another generation of the spec runs.
//
//postman:operation POST /specs/{specId}/generations/{elementType}
func (s *SpecsService) GenerateCollection(ctx context.Context, specID string, req SpecCollectionGenerateParams) (*SpecTaskRef, *Response, error) {
	p, err := pathf("/specs/{specID}/generations/collection", specID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("collection name", req.Name); err != nil {
		return nil, nil, err
	}
	return s.startTask(ctx, &request{method: http.MethodPost, path: p, body: req}, SpecTaskOnSpec, specID)
}

// SpecGenerationFormat is the serialisation of a generated spec.
type SpecGenerationFormat string

// Formats of generated specs.
const (
	SpecGenerationJSON SpecGenerationFormat = "JSON"
	SpecGenerationYAML SpecGenerationFormat = "YAML"
)

// SpecGenerateParams is the body of GenerateSpec.
type SpecGenerateParams struct {
	// Name is the generated spec's name.
	Name string `json:"name"`
	// Type is SpecTypeOpenAPI20, SpecTypeOpenAPI30 or SpecTypeOpenAPI31.
	Type   SpecType             `json:"type,omitempty"`
	Format SpecGenerationFormat `json:"format,omitempty"`
}

// GenerateSpec starts generating an OpenAPI 2.0, 3.0 or 3.1 spec from a
// collection, and returns the task to follow with WaitTask; the completed
// task lists the new spec.
//
//postman:operation POST /collections/{collectionUid}/generations/{elementType}
func (s *SpecsService) GenerateSpec(ctx context.Context, collectionUID string, req SpecGenerateParams) (*SpecTaskRef, *Response, error) {
	p, err := pathf("/collections/{collectionUID}/generations/spec", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("spec name", req.Name); err != nil {
		return nil, nil, err
	}
	return s.startTask(ctx, &request{method: http.MethodPost, path: p, body: req}, SpecTaskOnCollection, collectionUID)
}

// SyncSpecFromCollection starts updating an OpenAPI spec from a collection
// generated from it, and returns the task to follow with WaitTask.
//
//postman:operation PUT /specs/{specId}/synchronizations
func (s *SpecsService) SyncSpecFromCollection(ctx context.Context, specID, collectionUID string) (*SpecTaskRef, *Response, error) {
	p, err := pathf("/specs/{specID}/synchronizations", specID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("collection UID", collectionUID); err != nil {
		return nil, nil, err
	}
	q := struct {
		CollectionUID string `url:"collectionUid"`
	}{collectionUID}
	return s.startTask(ctx, &request{method: http.MethodPut, path: p, query: &q}, SpecTaskOnSpec, specID)
}

// SyncCollectionFromSpec starts updating a collection generated from an
// OpenAPI spec with the spec's changes, and returns the task to follow with
// WaitTask.
//
//postman:operation PUT /collections/{collectionUid}/synchronizations
func (s *SpecsService) SyncCollectionFromSpec(ctx context.Context, collectionUID, specID string) (*SpecTaskRef, *Response, error) {
	p, err := pathf("/collections/{collectionUID}/synchronizations", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("spec ID", specID); err != nil {
		return nil, nil, err
	}
	q := struct {
		SpecID string `url:"specId"`
	}{specID}
	return s.startTask(ctx, &request{method: http.MethodPut, path: p, query: &q}, SpecTaskOnCollection, collectionUID)
}

// SpecSyncSettings are how a generated collection follows its spec. Unset
// fields keep their value; both default to true.
type SpecSyncSettings struct {
	// SyncExamples keeps the spec's examples and the collection's example
	// values in sync.
	SyncExamples *bool `json:"syncExamples,omitempty"`
	// DeleteOrphanedRequests deletes the requests whose endpoint left the
	// spec.
	DeleteOrphanedRequests *bool `json:"deleteOrphanedRequests,omitempty"`
}

// UpdateSyncOptions changes the sync options of a collection generated
// from a spec and returns them. collectionID is the collection's ID, not
// its UID. An update that sets nothing is refused before any I/O.
//
//postman:operation PATCH /specs/{specId}/collections/{collectionId}/sync-options
func (s *SpecsService) UpdateSyncOptions(ctx context.Context, specID, collectionID string, opts SpecSyncSettings) (*SpecSyncSettings, *Response, error) {
	p, err := pathf("/specs/{specID}/collections/{collectionID}/sync-options", specID, collectionID)
	if err != nil {
		return nil, nil, err
	}
	if opts.SyncExamples == nil && opts.DeleteOrphanedRequests == nil {
		return nil, nil, fmt.Errorf("postman: %w: sync options update sets nothing", ErrInvalidArgument)
	}
	body := struct {
		SyncOptions SpecSyncSettings `json:"syncOptions"`
	}{opts}
	var root struct {
		SyncOptions *SpecSyncSettings `json:"syncOptions"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: p, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.SyncOptions, resp, nil
}
