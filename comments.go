package postman

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
)

// CommentsService is the Comments area: comment threads on APIs, collections, folders, requests and responses.
//
// List, Create, Update and Delete take the CommentTarget the comments are
// on, built by the constructor of its element type (CommentsOnCollection,
// CommentsOnFolder, CommentsOnRequest, CommentsOnResponse, and the
// deprecated CommentsOnAPI and CommentsOnAPICollection). Comments form threads: a
// comment created with a ThreadID replies in that thread, and
// ResolveThread resolves a thread with all its replies. Deleting the first
// comment of a thread deletes the whole thread. Comment and thread IDs are
// int64, as Postman numbers them; the targets have string UIDs.
type CommentsService service

// CommentStatus is whether a comment's thread is open or resolved. Postman
// may add values; compare with the constants.
type CommentStatus string

// Comment statuses.
const (
	CommentOpen     CommentStatus = "Open"
	CommentResolved CommentStatus = "Resolved"
)

// Comment is a comment on an API, a collection or a collection's folder,
// request or response.
type Comment struct {
	ID int64 `json:"id"`
	// ThreadID groups a comment with its replies (see CommentThreads).
	ThreadID int64 `json:"threadId"`
	// Status is empty for comments on API Builder APIs, whose answers
	// carry none.
	Status CommentStatus `json:"status,omitempty"`
	// CreatedBy is the ID of the user who wrote the comment.
	CreatedBy int64     `json:"createdBy"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
	// Body is the comment's text (at most 10,000 characters).
	Body string `json:"body"`
}

// CommentTagType is the kind of a tag in a comment.
type CommentTagType string

// CommentTagUser tags (mentions) a user, the only kind Postman documents.
const CommentTagUser CommentTagType = "user"

// CommentTag identifies a user mentioned in a comment's body.
type CommentTag struct {
	// Type is CommentTagUser when empty.
	Type CommentTagType
	// UserID is the Postman ID of the mentioned user.
	UserID int64
}

// MarshalJSON writes the tag as Postman documents it: the user ID is a
// JSON string, and the type defaults to "user".
func (t CommentTag) MarshalJSON() ([]byte, error) {
	typ := t.Type
	if typ == "" {
		typ = CommentTagUser
	}
	return json.Marshal(struct {
		Type CommentTagType `json:"type"`
		ID   string         `json:"id"`
	}{typ, strconv.FormatInt(t.UserID, 10)})
}

// UnmarshalJSON reads a tag with its user ID as a JSON string or number.
func (t *CommentTag) UnmarshalJSON(data []byte) error {
	var raw struct {
		Type CommentTagType `json:"type"`
		ID   json.Number    `json:"id"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	id, err := raw.ID.Int64()
	if err != nil && raw.ID != "" {
		return fmt.Errorf("postman: comment tag id %q: %w", raw.ID, err)
	}
	t.Type, t.UserID = raw.Type, id
	return nil
}

// CommentCreateParams is the comment to create.
type CommentCreateParams struct {
	// Body is the comment's text (at most 10,000 characters); mention a
	// user with "@username" and a matching entry in Tags.
	Body string `json:"body"`
	// ThreadID, when set, makes the comment a reply in that thread.
	ThreadID int64 `json:"threadId,omitempty"`
	// Tags map each "@username" of Body to the user it mentions.
	Tags map[string]CommentTag `json:"tags,omitempty"`
}

// CommentUpdateParams is the new text of a comment.
type CommentUpdateParams struct {
	// Body replaces the comment's text (at most 10,000 characters).
	Body string `json:"body"`
	// Tags map each "@username" of Body to the user it mentions.
	Tags map[string]CommentTag `json:"tags,omitempty"`
}

// CommentThread is a comment and its replies, oldest first.
type CommentThread struct {
	ID       int64
	Comments []*Comment
}

// Resolved reports whether every comment of the thread is resolved.
func (t *CommentThread) Resolved() bool {
	if len(t.Comments) == 0 {
		return false
	}
	for _, c := range t.Comments {
		if c.Status != CommentResolved {
			return false
		}
	}
	return true
}

// CommentThreads groups comments, as List returns them, into
// their threads: the threads in the order of their first comment, the
// comments of each oldest first.
func CommentThreads(comments []*Comment) []*CommentThread {
	byID := map[int64]*CommentThread{}
	var threads []*CommentThread
	for _, c := range comments {
		if c == nil {
			continue
		}
		t := byID[c.ThreadID]
		if t == nil {
			t = &CommentThread{ID: c.ThreadID}
			byID[c.ThreadID] = t
			threads = append(threads, t)
		}
		t.Comments = append(t.Comments, c)
	}
	oldestFirst := func(a, b *Comment) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt.Time), cmp.Compare(a.ID, b.ID))
	}
	for _, t := range threads {
		slices.SortStableFunc(t.Comments, oldestFirst)
	}
	slices.SortStableFunc(threads, func(a, b *CommentThread) int { return oldestFirst(a.Comments[0], b.Comments[0]) })
	return threads
}

// ResolveThread resolves a comment thread of a collection, folder, request
// or response with all its replies. Thread IDs are the ThreadID of the
// comments List returns.
//
//postman:operation POST /comments-resolutions/{threadId}
func (s *CommentsService) ResolveThread(ctx context.Context, threadID int64) (*Response, error) {
	id, err := formatCommentID("thread", threadID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodPost, path: "/comments-resolutions/" + id}, nil)
}

// List returns the comments on a target, every thread with its replies
// (CommentThreads groups them).
//
//postman:operation GET /collections/{collectionId}/comments
//postman:operation GET /collections/{collectionId}/folders/{folderId}/comments
//postman:operation GET /collections/{collectionId}/requests/{requestId}/comments
//postman:operation GET /collections/{collectionId}/responses/{responseId}/comments
//postman:operation GET /apis/{apiId}/comments
//postman:operation GET /apis/{apiId}/collections/{collectionId}/comments
func (s *CommentsService) List(ctx context.Context, target CommentTarget) ([]*Comment, *Response, error) {
	path, header, err := target.resolve()
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Data []*Comment `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path + "/comments", header: header}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}

// Create comments on a target, or replies in a thread when
// params.ThreadID is set.
//
//postman:operation POST /collections/{collectionId}/comments
//postman:operation POST /collections/{collectionId}/folders/{folderId}/comments
//postman:operation POST /collections/{collectionId}/requests/{requestId}/comments
//postman:operation POST /collections/{collectionId}/responses/{responseId}/comments
//postman:operation POST /apis/{apiId}/comments
//postman:operation POST /apis/{apiId}/collections/{collectionId}/comments
func (s *CommentsService) Create(ctx context.Context, target CommentTarget, params CommentCreateParams) (*Comment, *Response, error) {
	path, header, err := target.resolve()
	if err != nil {
		return nil, nil, err
	}
	return s.write(ctx, http.MethodPost, path+"/comments", header, params)
}

// Update replaces the text of a comment on a target.
//
//postman:operation PUT /collections/{collectionId}/comments/{commentId}
//postman:operation PUT /collections/{collectionId}/folders/{folderId}/comments/{commentId}
//postman:operation PUT /collections/{collectionId}/requests/{requestId}/comments/{commentId}
//postman:operation PUT /collections/{collectionId}/responses/{responseId}/comments/{commentId}
//postman:operation PUT /apis/{apiId}/comments/{commentId}
//postman:operation PUT /apis/{apiId}/collections/{collectionId}/comments/{commentId}
func (s *CommentsService) Update(ctx context.Context, target CommentTarget, commentID int64, params CommentUpdateParams) (*Comment, *Response, error) {
	path, header, err := target.resolve()
	if err != nil {
		return nil, nil, err
	}
	sid, err := formatCommentID("comment", commentID)
	if err != nil {
		return nil, nil, err
	}
	return s.write(ctx, http.MethodPut, path+"/comments/"+sid, header, params)
}

// Delete deletes a comment on a target; deleting the first comment of a
// thread deletes the whole thread.
//
//postman:operation DELETE /collections/{collectionId}/comments/{commentId}
//postman:operation DELETE /collections/{collectionId}/folders/{folderId}/comments/{commentId}
//postman:operation DELETE /collections/{collectionId}/requests/{requestId}/comments/{commentId}
//postman:operation DELETE /collections/{collectionId}/responses/{responseId}/comments/{commentId}
//postman:operation DELETE /apis/{apiId}/comments/{commentId}
//postman:operation DELETE /apis/{apiId}/collections/{collectionId}/comments/{commentId}
func (s *CommentsService) Delete(ctx context.Context, target CommentTarget, commentID int64) (*Response, error) {
	path, header, err := target.resolve()
	if err != nil {
		return nil, err
	}
	sid, err := formatCommentID("comment", commentID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path + "/comments/" + sid, header: header}, nil)
}

func (s *CommentsService) write(ctx context.Context, method, path string, header http.Header, body any) (*Comment, *Response, error) {
	var root struct {
		Data *Comment `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: method, path: path, header: header, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}

// formatCommentID formats a comment or thread ID for a path. Postman's IDs are
// positive: zero is the ID a caller forgot to set.
func formatCommentID(what string, id int64) (string, error) {
	if id <= 0 {
		return "", fmt.Errorf("postman: Comments: %w: the %s ID is %d", ErrInvalidArgument, what, id)
	}
	return strconv.FormatInt(id, 10), nil
}
