package postman

import (
	"context"
	"iter"
	"net/http"
)

// SpecVersionTag is a named snapshot of a spec at a point in time.
type SpecVersionTag struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// SpecVersionTagEntryType tells a file of a snapshot from a folder.
type SpecVersionTagEntryType string

// Kinds of snapshot entries.
const (
	SpecVersionTagFile   SpecVersionTagEntryType = "FILE"
	SpecVersionTagFolder SpecVersionTagEntryType = "FOLDER"
)

// SpecVersionTagEntry is a file or a folder of a spec as a version tag
// captured it.
type SpecVersionTagEntry struct {
	ID   string                  `json:"id"`
	Name string                  `json:"name"`
	Path string                  `json:"path"`
	Type SpecVersionTagEntryType `json:"type"`
	// FileType is the file's role; folders have none.
	FileType SpecFileType `json:"fileType,omitempty"`
	// Content is the file's content; folders have none.
	Content string `json:"content,omitempty"`
	// ParentID is the ID of the enclosing folder, "" at the top level.
	ParentID string `json:"parentId,omitempty"`
	// CreatedBy and UpdatedBy are user IDs (strings here, unlike SpecFile's).
	CreatedBy string    `json:"createdBy,omitempty"`
	UpdatedBy string    `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// IsFolder reports whether the entry is a folder.
func (e *SpecVersionTagEntry) IsFolder() bool { return e.Type == SpecVersionTagFolder }

// File returns a file entry as a SpecFile, to read its format or detected
// type, or to restore it with CreateFile or UpdateFile.
func (e *SpecVersionTagEntry) File() *SpecFile {
	return &SpecFile{ID: e.ID, Path: e.Path, Name: e.Name, Type: e.FileType, Content: e.Content,
		CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

// SpecVersionTagListOptions pages ListVersionTags.
type SpecVersionTagListOptions struct {
	CursorOptions
}

// ListVersionTags returns a page of a spec's version tags (10 unless
// opts.Limit says otherwise); Response.NextCursor points to the next page.
//
//postman:operation GET /specs/{specId}/version-tags
func (s *SpecsService) ListVersionTags(ctx context.Context, specID string, opts *SpecVersionTagListOptions) ([]*SpecVersionTag, *Response, error) {
	p, err := pathf("/specs/{specID}/version-tags", specID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[SpecVersionTag](ctx, s.client, p, opts)
}

// ListVersionTagsIter iterates over a spec's version tags, one page in
// memory at a time (100 per page unless opts.Limit says otherwise).
func (s *SpecsService) ListVersionTagsIter(ctx context.Context, specID string, opts *SpecVersionTagListOptions) iter.Seq2[*SpecVersionTag, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *SpecVersionTagListOptions) ([]*SpecVersionTag, *Response, error) {
		return s.ListVersionTags(ctx, specID, o)
	})
}

// SpecVersionTagCreateParams is the body of CreateVersionTag.
type SpecVersionTagCreateParams struct {
	Name string `json:"name"`
}

// CreateVersionTag snapshots a spec under a version tag. Postman answers
// 409 (ErrConflict) when the spec's current changelog group already has a
// tag: change the spec first.
//
//postman:operation POST /specs/{specId}/version-tags
func (s *SpecsService) CreateVersionTag(ctx context.Context, specID string, req SpecVersionTagCreateParams) (*SpecVersionTag, *Response, error) {
	p, err := pathf("/specs/{specID}/version-tags", specID)
	if err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("version tag name", req.Name); err != nil {
		return nil, nil, err
	}
	var root struct {
		Data *SpecVersionTag `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: p, body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}

// GetVersionTagFiles returns the files and folders of a spec as a version
// tag captured them, with the files' content.
//
//postman:operation GET /specs/{specId}/version-tags/{tagId}/files
func (s *SpecsService) GetVersionTagFiles(ctx context.Context, specID, tagID string) ([]*SpecVersionTagEntry, *Response, error) {
	p, err := pathf("/specs/{specID}/version-tags/{tagID}/files", specID, tagID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Data []*SpecVersionTagEntry `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}
