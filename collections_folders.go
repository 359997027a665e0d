package postman

import (
	"context"
	"fmt"
	"net/http"

	"github.com/postman-go/postman/collection"
)

// CollectionFolder is a folder of a collection in Postman's item model,
// as the folder endpoints read and write it. The same type is the body of
// CreateFolder and UpdateFolder: only the fields set are sent, and
// Postman ignores the ones it keeps itself (ID, Owner, dates …), so a
// folder from GetFolder can be changed and sent back.
type CollectionFolder struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Description is nil when the folder has none; Ptr("") empties it.
	Description *string `json:"description,omitempty"`
	// Collection is the ID of the collection holding the folder.
	Collection string `json:"collection,omitempty"`
	// Folder is the ID of the parent folder, nil at the collection's top
	// level. Set it on CreateFolder to create a subfolder.
	Folder *string `json:"folder,omitempty"`
	// Owner is the user ID of the folder's owner.
	Owner string `json:"owner,omitempty"`
	// Order lists the IDs of the folder's requests, and FoldersOrder those
	// of its subfolders, in order.
	Order        []string `json:"order,omitempty"`
	FoldersOrder []string `json:"folders_order,omitempty"`
	// Folders and Requests list the folder's subfolders and requests.
	Folders  []string `json:"folders,omitempty"`
	Requests []string `json:"requests,omitempty"`
	// Auth is nil when the folder inherits its collection's auth.
	Auth      *CollectionItemAuth   `json:"auth,omitempty"`
	Events    []collection.Event    `json:"events,omitempty"`
	Variables []collection.Variable `json:"variables,omitempty"`
	CreatedAt Timestamp             `json:"createdAt,omitzero"`
	UpdatedAt Timestamp             `json:"updatedAt,omitzero"`
	// LastUpdatedBy is the user ID of the last editor.
	LastUpdatedBy string `json:"lastUpdatedBy,omitempty"`
	// LastRevision is the revision at which the folder last changed.
	LastRevision int64 `json:"lastRevision,omitempty"`
	// Revision is the collection's revision after the call that returned
	// the folder (CreateFolder, UpdateFolder); 0 from GetFolder.
	Revision int64 `json:"-"`
	// ModelID is the answer's model_id: the ID of the element the call
	// touched (this one), as Postman repeats it beside the element.
	ModelID string `json:"-"`
}

func (f *CollectionFolder) setEnvelope(modelID string, rev int64) {
	f.ModelID, f.Revision = modelID, rev
}

// CreateFolder creates a folder in a collection, at its top level or, with
// folder.Folder set, inside another folder, and returns it. Postman names
// a folder sent without a Name with an empty name.
//
//postman:operation POST /collections/{collectionId}/folders
func (s *CollectionsService) CreateFolder(ctx context.Context, collectionID string, folder *CollectionFolder) (*CollectionFolder, *Response, error) {
	path, err := pathf("/collections/{collectionID}/folders", collectionID)
	if err != nil {
		return nil, nil, err
	}
	if folder == nil {
		return nil, nil, fmt.Errorf("postman: CreateFolder: %w: no folder", ErrInvalidArgument)
	}
	return collectionItemDo[CollectionFolder](ctx, s.client, &request{method: http.MethodPost, path: path, body: folder})
}

// GetFolder returns a folder of a collection.
//
//postman:operation GET /collections/{collectionId}/folders/{folderId}
func (s *CollectionsService) GetFolder(ctx context.Context, collectionID, folderID string, opts *CollectionItemGetOptions) (*CollectionFolder, *Response, error) {
	path, err := pathf("/collections/{collectionID}/folders/{folderID}", collectionID, folderID)
	if err != nil {
		return nil, nil, err
	}
	return collectionItemDo[CollectionFolder](ctx, s.client, &request{method: http.MethodGet, path: path, query: opts})
}

// UpdateFolder changes the fields of a folder that folder sets (name,
// description, auth …) and returns the folder as it now is.
//
//postman:operation PUT /collections/{collectionId}/folders/{folderId}
func (s *CollectionsService) UpdateFolder(ctx context.Context, collectionID, folderID string, folder *CollectionFolder) (*CollectionFolder, *Response, error) {
	path, err := pathf("/collections/{collectionID}/folders/{folderID}", collectionID, folderID)
	if err != nil {
		return nil, nil, err
	}
	if folder == nil {
		return nil, nil, fmt.Errorf("postman: UpdateFolder: %w: no folder", ErrInvalidArgument)
	}
	return collectionItemDo[CollectionFolder](ctx, s.client, &request{method: http.MethodPut, path: path, body: folder})
}

// DeleteFolder deletes a folder of a collection, with its contents.
//
//postman:operation DELETE /collections/{collectionId}/folders/{folderId}
func (s *CollectionsService) DeleteFolder(ctx context.Context, collectionID, folderID string) (*Response, error) {
	path, err := pathf("/collections/{collectionID}/folders/{folderID}", collectionID, folderID)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
	return resp, err
}
