package postman

import "context"

// ListOnCollection returns the comments on a collection, every thread with
// its replies (CommentThreads groups them). collectionID is the collection's
// UID (ownerId-collectionId).
//
//postman:operation GET /collections/{collectionId}/comments
func (s *CommentsService) ListOnCollection(ctx context.Context, collectionID string) ([]*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s", collectionID)
	if err != nil {
		return nil, nil, err
	}
	return s.list(ctx, t)
}

// CreateOnCollection comments on a collection, or replies in a thread when
// req.ThreadID is set.
//
//postman:operation POST /collections/{collectionId}/comments
func (s *CommentsService) CreateOnCollection(ctx context.Context, collectionID string, req CommentCreateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s", collectionID)
	if err != nil {
		return nil, nil, err
	}
	return s.create(ctx, t, req)
}

// UpdateOnCollection replaces the text of a comment on a collection.
//
//postman:operation PUT /collections/{collectionId}/comments/{commentId}
func (s *CommentsService) UpdateOnCollection(ctx context.Context, collectionID string, commentID int64, req CommentUpdateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s", collectionID)
	if err != nil {
		return nil, nil, err
	}
	return s.update(ctx, t, commentID, req)
}

// DeleteOnCollection deletes a comment on a collection; deleting the first
// comment of a thread deletes the whole thread.
//
//postman:operation DELETE /collections/{collectionId}/comments/{commentId}
func (s *CommentsService) DeleteOnCollection(ctx context.Context, collectionID string, commentID int64) (*Response, error) {
	t, err := commentTargetOf("/collections/%s", collectionID)
	if err != nil {
		return nil, err
	}
	return s.delete(ctx, t, commentID)
}

// ListOnFolder returns the comments on a folder of a collection, every
// thread with its replies (CommentThreads groups them). collectionID and
// folderID are UIDs (ownerId-id).
//
//postman:operation GET /collections/{collectionId}/folders/{folderId}/comments
func (s *CommentsService) ListOnFolder(ctx context.Context, collectionID, folderID string) ([]*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/folders/%s", collectionID, folderID)
	if err != nil {
		return nil, nil, err
	}
	return s.list(ctx, t)
}

// CreateOnFolder comments on a folder of a collection, or replies in a
// thread when req.ThreadID is set.
//
//postman:operation POST /collections/{collectionId}/folders/{folderId}/comments
func (s *CommentsService) CreateOnFolder(ctx context.Context, collectionID, folderID string, req CommentCreateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/folders/%s", collectionID, folderID)
	if err != nil {
		return nil, nil, err
	}
	return s.create(ctx, t, req)
}

// UpdateOnFolder replaces the text of a comment on a folder of a collection.
//
//postman:operation PUT /collections/{collectionId}/folders/{folderId}/comments/{commentId}
func (s *CommentsService) UpdateOnFolder(ctx context.Context, collectionID, folderID string, commentID int64, req CommentUpdateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/folders/%s", collectionID, folderID)
	if err != nil {
		return nil, nil, err
	}
	return s.update(ctx, t, commentID, req)
}

// DeleteOnFolder deletes a comment on a folder of a collection; deleting the
// first comment of a thread deletes the whole thread.
//
//postman:operation DELETE /collections/{collectionId}/folders/{folderId}/comments/{commentId}
func (s *CommentsService) DeleteOnFolder(ctx context.Context, collectionID, folderID string, commentID int64) (*Response, error) {
	t, err := commentTargetOf("/collections/%s/folders/%s", collectionID, folderID)
	if err != nil {
		return nil, err
	}
	return s.delete(ctx, t, commentID)
}

// ListOnRequest returns the comments on a request of a collection, every
// thread with its replies (CommentThreads groups them). collectionID and
// requestID are UIDs (ownerId-id).
//
//postman:operation GET /collections/{collectionId}/requests/{requestId}/comments
func (s *CommentsService) ListOnRequest(ctx context.Context, collectionID, requestID string) ([]*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/requests/%s", collectionID, requestID)
	if err != nil {
		return nil, nil, err
	}
	return s.list(ctx, t)
}

// CreateOnRequest comments on a request of a collection, or replies in a
// thread when req.ThreadID is set.
//
//postman:operation POST /collections/{collectionId}/requests/{requestId}/comments
func (s *CommentsService) CreateOnRequest(ctx context.Context, collectionID, requestID string, req CommentCreateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/requests/%s", collectionID, requestID)
	if err != nil {
		return nil, nil, err
	}
	return s.create(ctx, t, req)
}

// UpdateOnRequest replaces the text of a comment on a request of a
// collection.
//
//postman:operation PUT /collections/{collectionId}/requests/{requestId}/comments/{commentId}
func (s *CommentsService) UpdateOnRequest(ctx context.Context, collectionID, requestID string, commentID int64, req CommentUpdateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/requests/%s", collectionID, requestID)
	if err != nil {
		return nil, nil, err
	}
	return s.update(ctx, t, commentID, req)
}

// DeleteOnRequest deletes a comment on a request of a collection; deleting
// the first comment of a thread deletes the whole thread.
//
//postman:operation DELETE /collections/{collectionId}/requests/{requestId}/comments/{commentId}
func (s *CommentsService) DeleteOnRequest(ctx context.Context, collectionID, requestID string, commentID int64) (*Response, error) {
	t, err := commentTargetOf("/collections/%s/requests/%s", collectionID, requestID)
	if err != nil {
		return nil, err
	}
	return s.delete(ctx, t, commentID)
}

// ListOnResponse returns the comments on a saved response of a collection,
// every thread with its replies (CommentThreads groups them). collectionID
// and responseID are UIDs (ownerId-id).
//
//postman:operation GET /collections/{collectionId}/responses/{responseId}/comments
func (s *CommentsService) ListOnResponse(ctx context.Context, collectionID, responseID string) ([]*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/responses/%s", collectionID, responseID)
	if err != nil {
		return nil, nil, err
	}
	return s.list(ctx, t)
}

// CreateOnResponse comments on a saved response of a collection, or replies
// in a thread when req.ThreadID is set.
//
//postman:operation POST /collections/{collectionId}/responses/{responseId}/comments
func (s *CommentsService) CreateOnResponse(ctx context.Context, collectionID, responseID string, req CommentCreateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/responses/%s", collectionID, responseID)
	if err != nil {
		return nil, nil, err
	}
	return s.create(ctx, t, req)
}

// UpdateOnResponse replaces the text of a comment on a saved response of a
// collection.
//
//postman:operation PUT /collections/{collectionId}/responses/{responseId}/comments/{commentId}
func (s *CommentsService) UpdateOnResponse(ctx context.Context, collectionID, responseID string, commentID int64, req CommentUpdateParams) (*Comment, *Response, error) {
	t, err := commentTargetOf("/collections/%s/responses/%s", collectionID, responseID)
	if err != nil {
		return nil, nil, err
	}
	return s.update(ctx, t, commentID, req)
}

// DeleteOnResponse deletes a comment on a saved response of a collection;
// deleting the first comment of a thread deletes the whole thread.
//
//postman:operation DELETE /collections/{collectionId}/responses/{responseId}/comments/{commentId}
func (s *CommentsService) DeleteOnResponse(ctx context.Context, collectionID, responseID string, commentID int64) (*Response, error) {
	t, err := commentTargetOf("/collections/%s/responses/%s", collectionID, responseID)
	if err != nil {
		return nil, err
	}
	return s.delete(ctx, t, commentID)
}
