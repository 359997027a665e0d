package postman

import (
	"context"
	"net/http"
)

// commentAPIAccept is the Accept header of comments on v10 API Builder
// APIs. Postman answers a request without the v10 media type with a 400
// asking for it (ErrDeprecated), but the description declares only
// application/json answers, which mocks such as Prism match against
// Accept: offering both satisfies either.
const commentAPIAccept = "application/vnd.api.v10+json, application/json"

// commentAPITargetOf is commentTargetOf for the API Builder, whose
// endpoints need the v10 Accept header.
func commentAPITargetOf(format string, ids ...string) (commentTarget, error) {
	t, err := commentTargetOf(format, ids...)
	t.header = http.Header{"Accept": {commentAPIAccept}}
	return t, err
}

// ListOnAPI returns the comments on an API of the v10 API Builder,
// every thread with its replies.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; Spec Hub,
// which replaces the API Builder, has no comment endpoints: comment on the
// collections generated from a specification with the …OnCollection methods
// instead.
//
//postman:operation GET /apis/{apiId}/comments
func (s *CommentsService) ListOnAPI(ctx context.Context, apiID string) ([]*Comment, *Response, error) {
	t, err := commentAPITargetOf("/apis/%s", apiID)
	if err != nil {
		return nil, nil, err
	}
	return s.list(ctx, t)
}

// CreateOnAPI comments on an API of the v10 API Builder, or replies
// in a thread when req.ThreadID is set.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; Spec Hub,
// which replaces the API Builder, has no comment endpoints: comment on the
// collections generated from a specification with the …OnCollection methods
// instead.
//
//postman:operation POST /apis/{apiId}/comments
func (s *CommentsService) CreateOnAPI(ctx context.Context, apiID string, req CommentCreateParams) (*Comment, *Response, error) {
	t, err := commentAPITargetOf("/apis/%s", apiID)
	if err != nil {
		return nil, nil, err
	}
	return s.create(ctx, t, req)
}

// UpdateOnAPI replaces the text of a comment on an API of the v10 API
// Builder.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; Spec Hub,
// which replaces the API Builder, has no comment endpoints: comment on the
// collections generated from a specification with the …OnCollection methods
// instead.
//
//postman:operation PUT /apis/{apiId}/comments/{commentId}
func (s *CommentsService) UpdateOnAPI(ctx context.Context, apiID string, commentID int64, req CommentUpdateParams) (*Comment, *Response, error) {
	t, err := commentAPITargetOf("/apis/%s", apiID)
	if err != nil {
		return nil, nil, err
	}
	return s.update(ctx, t, commentID, req)
}

// DeleteOnAPI deletes a comment on an API of the v10 API Builder;
// deleting the first comment of a thread deletes the whole thread.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; Spec Hub,
// which replaces the API Builder, has no comment endpoints: comment on the
// collections generated from a specification with the …OnCollection methods
// instead.
//
//postman:operation DELETE /apis/{apiId}/comments/{commentId}
func (s *CommentsService) DeleteOnAPI(ctx context.Context, apiID string, commentID int64) (*Response, error) {
	t, err := commentAPITargetOf("/apis/%s", apiID)
	if err != nil {
		return nil, err
	}
	return s.delete(ctx, t, commentID)
}

// ListOnAPICollection returns the comments on a collection of an API of the
// v10 API Builder,
// every thread with its replies. collectionID is the collection's UID
// (ownerId-collectionId).
//
// Deprecated: Postman deprecated the API Builder in Postman v12; an API's
// collection is a collection like any other: use the matching …OnCollection
// method with the collection's UID.
//
//postman:operation GET /apis/{apiId}/collections/{collectionId}/comments
func (s *CommentsService) ListOnAPICollection(ctx context.Context, apiID, collectionID string) ([]*Comment, *Response, error) {
	t, err := commentAPITargetOf("/apis/%s/collections/%s", apiID, collectionID)
	if err != nil {
		return nil, nil, err
	}
	return s.list(ctx, t)
}

// CreateOnAPICollection comments on a collection of an API of the v10 API
// Builder, or replies
// in a thread when req.ThreadID is set.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; an API's
// collection is a collection like any other: use the matching …OnCollection
// method with the collection's UID.
//
//postman:operation POST /apis/{apiId}/collections/{collectionId}/comments
func (s *CommentsService) CreateOnAPICollection(ctx context.Context, apiID, collectionID string, req CommentCreateParams) (*Comment, *Response, error) {
	t, err := commentAPITargetOf("/apis/%s/collections/%s", apiID, collectionID)
	if err != nil {
		return nil, nil, err
	}
	return s.create(ctx, t, req)
}

// UpdateOnAPICollection replaces the text of a comment on a collection of an
// API of the v10 API
// Builder.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; an API's
// collection is a collection like any other: use the matching …OnCollection
// method with the collection's UID.
//
//postman:operation PUT /apis/{apiId}/collections/{collectionId}/comments/{commentId}
func (s *CommentsService) UpdateOnAPICollection(ctx context.Context, apiID, collectionID string, commentID int64, req CommentUpdateParams) (*Comment, *Response, error) {
	t, err := commentAPITargetOf("/apis/%s/collections/%s", apiID, collectionID)
	if err != nil {
		return nil, nil, err
	}
	return s.update(ctx, t, commentID, req)
}

// DeleteOnAPICollection deletes a comment on a collection of an API of the
// v10 API Builder;
// deleting the first comment of a thread deletes the whole thread.
//
// Deprecated: Postman deprecated the API Builder in Postman v12; an API's
// collection is a collection like any other: use the matching …OnCollection
// method with the collection's UID.
//
//postman:operation DELETE /apis/{apiId}/collections/{collectionId}/comments/{commentId}
func (s *CommentsService) DeleteOnAPICollection(ctx context.Context, apiID, collectionID string, commentID int64) (*Response, error) {
	t, err := commentAPITargetOf("/apis/%s/collections/%s", apiID, collectionID)
	if err != nil {
		return nil, err
	}
	return s.delete(ctx, t, commentID)
}
