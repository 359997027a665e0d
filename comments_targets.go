package postman

import (
	"fmt"
	"net/http"
)

// CommentTarget is what comments are on: a collection, one of its folders,
// requests or saved responses, or an API of the v10 API Builder or one of
// its collections. Build it with the constructor of the element type
// (CommentsOnCollection, CommentsOnFolder …); the zero CommentTarget is
// refused before any I/O.
type CommentTarget struct {
	kind   string
	format string
	ids    []string
	// api marks the API Builder's endpoints, which need the v10 Accept
	// header.
	api bool
}

// CommentsOnCollection is a collection. collectionUID is the collection's
// UID (ownerId-collectionId).
func CommentsOnCollection(collectionUID string) CommentTarget {
	return CommentTarget{kind: "collection", format: "/collections/{collectionUID}", ids: []string{collectionUID}}
}

// CommentsOnFolder is a folder of a collection; both are UIDs (ownerId-id).
func CommentsOnFolder(collectionUID, folderUID string) CommentTarget {
	return CommentTarget{kind: "folder", format: "/collections/{collectionUID}/folders/{folderUID}", ids: []string{collectionUID, folderUID}}
}

// CommentsOnRequest is a request of a collection; both are UIDs
// (ownerId-id).
func CommentsOnRequest(collectionUID, requestUID string) CommentTarget {
	return CommentTarget{kind: "request", format: "/collections/{collectionUID}/requests/{requestUID}", ids: []string{collectionUID, requestUID}}
}

// CommentsOnResponse is a saved response of a collection; both are UIDs
// (ownerId-id).
func CommentsOnResponse(collectionUID, responseUID string) CommentTarget {
	return CommentTarget{kind: "response", format: "/collections/{collectionUID}/responses/{responseUID}", ids: []string{collectionUID, responseUID}}
}

// CommentsOnAPI is an API of the v10 API Builder.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; Spec Hub,
// which replaces it, has no comment endpoints: comment on the collections
// generated from a specification (CommentsOnCollection) instead.
func CommentsOnAPI(apiID string) CommentTarget {
	return CommentTarget{kind: "API", format: "/apis/{apiID}", ids: []string{apiID}, api: true}
}

// CommentsOnAPICollection is a collection of an API of the v10 API
// Builder. collectionID is the collection's UID.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; Spec Hub,
// which replaces it, has no comment endpoints: comment on the collections
// generated from a specification (CommentsOnCollection) instead.
func CommentsOnAPICollection(apiID, collectionID string) CommentTarget {
	return CommentTarget{kind: "API collection", format: "/apis/{apiID}/collections/{collectionID}", ids: []string{apiID, collectionID}, api: true}
}

// String names the target's element type and IDs, for messages and logs.
func (t CommentTarget) String() string {
	if t.format == "" {
		return "no comment target"
	}
	return fmt.Sprintf("comments on %s %v", t.kind, t.ids)
}

// commentAPIAccept is the Accept header of comments on v10 API Builder
// APIs. Postman answers a request without the v10 media type with a 400
// asking for it (ErrDeprecated), but the description declares only
// application/json answers, which mocks such as Prism match against
// Accept: offering both satisfies either.
const commentAPIAccept = "application/vnd.api.v10+json, application/json"

// resolve escapes the target's IDs into its path, refusing the zero
// target and empty, "." or ".." IDs before any I/O, and returns the
// headers its endpoints need.
func (t CommentTarget) resolve() (string, http.Header, error) {
	if t.format == "" {
		return "", nil, fmt.Errorf("postman: Comments: %w: no comment target (use CommentsOnCollection …)", ErrInvalidArgument)
	}
	p, err := pathf(t.format, t.ids...)
	if err != nil {
		return "", nil, err
	}
	if t.api {
		return p, http.Header{"Accept": {commentAPIAccept}}, nil
	}
	return p, nil, nil
}
