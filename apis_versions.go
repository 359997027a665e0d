package postman

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
)

// APIVersion is a published version of an API: a snapshot of its schemas
// and collections. Schemas and Collections are only filled by GetVersion.
type APIVersion struct {
	ID           string             `json:"id"`
	Name         string             `json:"name"`
	ReleaseNotes string             `json:"releaseNotes,omitempty"`
	CreatedAt    Timestamp          `json:"createdAt,omitzero"`
	UpdatedAt    Timestamp          `json:"updatedAt,omitzero"`
	Schemas      []APISchemaRef     `json:"schemas,omitempty"`
	Collections  []APICollectionRef `json:"collections,omitempty"`
}

// APIVersionListOptions pages ListVersions.
type APIVersionListOptions struct {
	CursorOptions
}

// APIVersionCreateParams is the body of CreateVersion. Schemas and
// Collections say what the version publishes: by ID for APIs kept in
// Postman, by path in the repository (with Branch) for Git-connected ones.
type APIVersionCreateParams struct {
	Name         string `json:"name"`
	ReleaseNotes string `json:"releaseNotes,omitempty"`
	// Branch is the repository branch to publish, for Git-connected APIs.
	Branch      string                       `json:"branch,omitempty"`
	Schemas     []APIVersionSchemaSource     `json:"schemas"`
	Collections []APIVersionCollectionSource `json:"collections"`
}

// APIVersionSchemaSource is a schema to publish in a version: its ID, or
// for Git-connected APIs its root file (FilePath) or directory
// (DirectoryPath).
type APIVersionSchemaSource struct {
	ID            string `json:"id,omitempty"`
	FilePath      string `json:"filePath,omitempty"`
	DirectoryPath string `json:"directoryPath,omitempty"`
}

// APIVersionCollectionSource is a collection to publish in a version: its
// ID, or for Git-connected APIs its file in the repository.
type APIVersionCollectionSource struct {
	ID       string `json:"id,omitempty"`
	FilePath string `json:"filePath,omitempty"`
}

// APIVersionUpdateParams is the body of UpdateVersion. Name is required
// by Postman; nil ReleaseNotes leaves them as they are.
type APIVersionUpdateParams struct {
	Name         string  `json:"name"`
	ReleaseNotes *string `json:"releaseNotes,omitempty"`
}

// APIVersionPublication is the answer of CreateVersion: the version being
// published and the task that publishes it.
type APIVersionPublication struct {
	// APIID is the API the version belongs to.
	APIID   string
	Version APIVersion
	// TaskID is the publication task (for GetTask), read from
	// the Location header; "" if Postman sent none.
	TaskID string
}

// APIVersionPendingError is returned by GetVersion while the version is
// still being published. Postman answers API editors with a 302 to the
// publication task; the client follows it when it can, and Task then holds
// the task's state. WaitVersion waits for the publication to end.
type APIVersionPendingError struct {
	APIID     string
	VersionID string
	// TaskID is the publication task ("" if Postman did not name it).
	TaskID string
	// Task is the task's state when the client could read it.
	Task *APITask
	// Err is the redirect answer when the client did not follow it.
	Err error
}

// Error says which version is pending and on what task.
func (e *APIVersionPendingError) Error() string {
	msg := "postman: API " + e.APIID + " version " + e.VersionID + " is still being published"
	if e.TaskID != "" {
		msg += " (task " + e.TaskID + ")"
	}
	return msg
}

// Unwrap returns the redirect answer, if any.
func (e *APIVersionPendingError) Unwrap() error { return e.Err }

// ListVersions returns a page of the published versions of an API;
// Response.NextCursor points to the next page (ListVersionsIter pages for
// you).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where versions are version tags. Use SpecsService to list a
// specification's version tags (GET /specs/{specId}/version-tags) instead.
//
//postman:operation GET /apis/{apiId}/versions
func (s *APIsService) ListVersions(ctx context.Context, apiID string, opts *APIVersionListOptions) ([]*APIVersion, *Response, error) {
	path, err := pathf("/apis/{apiID}/versions", apiID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodGet, path)
	r.query = opts
	var root struct {
		Versions []*APIVersion `json:"versions"`
		Meta     pageMeta      `json:"meta"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return root.Versions, resp, nil
}

// ListVersionsIter iterates over the published versions of an API, one
// page in memory at a time (100 per page unless opts.Limit says otherwise).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where versions are version tags. Use SpecsService to list a
// specification's version tags (GET /specs/{specId}/version-tags) instead.
func (s *APIsService) ListVersionsIter(ctx context.Context, apiID string, opts *APIVersionListOptions) iter.Seq2[*APIVersion, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *APIVersionListOptions) ([]*APIVersion, *Response, error) {
		return s.ListVersions(ctx, apiID, o)
	})
}

// GetVersion returns a version with the schemas and collections it
// published. While the version is still being published it returns an
// *APIVersionPendingError (API viewers get a 404 instead).
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where versions are version tags. Use SpecsService to get a version
// tag's files (GET /specs/{specId}/version-tags/{tagId}/files) instead.
//
//postman:operation GET /apis/{apiId}/versions/{versionId}
func (s *APIsService) GetVersion(ctx context.Context, apiID, versionID string) (*APIVersion, *Response, error) {
	path, err := pathf("/apis/{apiID}/versions/{versionID}", apiID, versionID)
	if err != nil {
		return nil, nil, err
	}
	var body []byte
	resp, err := s.client.do(ctx, apiRequest(http.MethodGet, path), &body)
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusFound {
			return nil, resp, &APIVersionPendingError{APIID: apiID, VersionID: versionID,
				TaskID: apiTaskIDFrom(apiErr.Location), Err: err}
		}
		return nil, resp, err
	}
	// A followed redirect ends on the task status endpoint.
	if resp.Request != nil {
		if taskID := apiTaskIDFrom(resp.Request.URL.Path); taskID != "" {
			task := new(APITask)
			if err := decodeInto(body, task); err != nil {
				return nil, resp, &DecodeError{StatusCode: resp.StatusCode, Method: http.MethodGet,
					Path: resp.Request.URL.Path, Excerpt: s.client.excerpt(body), Err: err}
			}
			return nil, resp, &APIVersionPendingError{APIID: apiID, VersionID: versionID, TaskID: taskID, Task: task}
		}
	}
	var root struct {
		Version *APIVersion `json:"version"`
	}
	if err := decodeResult(body, &root); err != nil {
		return nil, resp, &DecodeError{StatusCode: resp.StatusCode, Method: http.MethodGet, Path: path,
			RequestID: resp.RequestID, Excerpt: s.client.excerpt(body), Err: err}
	}
	return root.Version, resp, nil
}

// CreateVersion publishes a version of an API: a snapshot of its schemas
// and collections. Postman publishes it asynchronously; WaitVersion
// waits for the end.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where versions are version tags. Use SpecsService to create a
// version tag (POST /specs/{specId}/version-tags) instead.
//
//postman:operation POST /apis/{apiId}/versions
func (s *APIsService) CreateVersion(ctx context.Context, apiID string, req APIVersionCreateParams) (*APIVersionPublication, *Response, error) {
	path, err := pathf("/apis/{apiID}/versions", apiID)
	if err != nil {
		return nil, nil, err
	}
	// Postman requires both lists, even empty.
	if req.Schemas == nil {
		req.Schemas = []APIVersionSchemaSource{}
	}
	if req.Collections == nil {
		req.Collections = []APIVersionCollectionSource{}
	}
	r := apiRequest(http.MethodPost, path)
	r.body = req
	pub := new(APIVersionPublication)
	resp, err := s.client.do(ctx, r, &pub.Version)
	if err != nil {
		return nil, resp, err
	}
	pub.APIID = apiID
	pub.TaskID = apiTaskIDFrom(resp.Header.Get("Location"))
	return pub, resp, nil
}

// WaitVersion polls the version CreateVersion started publishing with
// backoff (see WithTaskPolling) until its publication ends, and returns it
// with the last poll's Response. A failed publication gives a
// *TaskFailedError; ctx bounds the wait. API viewers cannot wait: Postman
// answers them 404 while the version is pending.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where version tags are created synchronously by SpecsService
// (POST /specs/{specId}/version-tags).
func (s *APIsService) WaitVersion(ctx context.Context, pub *APIVersionPublication) (*APIVersion, *Response, error) {
	if pub == nil {
		return nil, nil, fmt.Errorf("postman: APIs.WaitVersion: %w: no publication", ErrInvalidArgument)
	}
	var (
		version  *APIVersion
		lastResp *Response
	)
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		v, resp, err := s.GetVersion(ctx, pub.APIID, pub.Version.ID)
		lastResp = resp
		var pending *APIVersionPendingError
		if errors.As(err, &pending) {
			if pending.Task != nil {
				return false, pending.Task.failure()
			}
			return false, nil
		}
		if err != nil {
			return false, err
		}
		version = v
		return true, nil
	})
	if err != nil {
		return nil, lastResp, err
	}
	return version, lastResp, nil
}

// UpdateVersion renames a version or changes its release notes. Postman
// answers 404 while the version is still being published.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where versions are version tags; SpecsService has no update for
// them.
//
//postman:operation PUT /apis/{apiId}/versions/{versionId}
func (s *APIsService) UpdateVersion(ctx context.Context, apiID, versionID string, req APIVersionUpdateParams) (*APIVersion, *Response, error) {
	path, err := pathf("/apis/{apiID}/versions/{versionID}", apiID, versionID)
	if err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodPut, path)
	r.body = req
	version := new(APIVersion)
	resp, err := s.client.do(ctx, r, version)
	if err != nil {
		return nil, resp, err
	}
	return version, resp, nil
}

// DeleteVersion deletes a version. Postman answers 404 while the version is
// still being published.
//
// Deprecated: Postman deprecated the API Builder in v12 in favour of Spec
// Hub, where versions are version tags; SpecsService has no delete for
// them.
//
//postman:operation DELETE /apis/{apiId}/versions/{versionId}
func (s *APIsService) DeleteVersion(ctx context.Context, apiID, versionID string) (*Response, error) {
	path, err := pathf("/apis/{apiID}/versions/{versionID}", apiID, versionID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, apiRequest(http.MethodDelete, path), nil)
}
