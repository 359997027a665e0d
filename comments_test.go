package postman

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// IDs of the description's examples.
const (
	commentTestCollectionUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"
	commentTestFolderUID     = "12345678-65a99e60-8e0a-4b6e-b79c-7d8264cc5caa"
	commentTestRequestUID    = "12345678-c82dd02c-4870-4907-8fcb-593a876cf05b"
	commentTestResponseUID   = "12345678-cc364734-7dfd-4bfc-897d-be763dcdbb07"
	commentTestAPIID         = "90ca9f5a-c4c4-11ed-afa1-0242ac120002"
	commentTestAPICollection = "12345678-61867bcc-c4c1-11ed-afa1-0242ac120002"
	commentTestCommentID     = 46814
	commentTestThreadID      = 12345
)

// commentTestTarget is one target of the comment operations.
type commentTestTarget struct {
	name   string
	target CommentTarget
	// listOp is the operationId of List; path the target's path.
	listOp string
	path   string
	api    bool
}

func commentTestTargets() []commentTestTarget {
	return []commentTestTarget{
		{name: "Collection", target: CommentsOnCollection(commentTestCollectionUID), listOp: "getCollectionComments",
			path: "/collections/" + commentTestCollectionUID},
		{name: "Folder", target: CommentsOnFolder(commentTestCollectionUID, commentTestFolderUID), listOp: "getFolderComments",
			path: "/collections/" + commentTestCollectionUID + "/folders/" + commentTestFolderUID},
		{name: "Request", target: CommentsOnRequest(commentTestCollectionUID, commentTestRequestUID), listOp: "getRequestComments",
			path: "/collections/" + commentTestCollectionUID + "/requests/" + commentTestRequestUID},
		{name: "Response", target: CommentsOnResponse(commentTestCollectionUID, commentTestResponseUID), listOp: "getResponseComments",
			path: "/collections/" + commentTestCollectionUID + "/responses/" + commentTestResponseUID},
		{name: "API", target: CommentsOnAPI(commentTestAPIID), listOp: "getApiComments",
			path: "/apis/" + commentTestAPIID, api: true},
		{name: "APICollection", target: CommentsOnAPICollection(commentTestAPIID, commentTestAPICollection), listOp: "getApiCollectionComments",
			path: "/apis/" + commentTestAPIID + "/collections/" + commentTestAPICollection, api: true},
	}
}

func TestCommentsConformance(t *testing.T) {
	var scenarios []scenario
	for _, tg := range commentTestTargets() {
		scenarios = append(scenarios,
			scenario{name: "ListOn" + tg.name, call: func(ctx context.Context, c *Client) error {
				_, _, err := c.Comments.List(ctx, tg.target)
				return err
			}},
			scenario{name: "CreateOn" + tg.name, call: func(ctx context.Context, c *Client) error {
				_, _, err := c.Comments.Create(ctx, tg.target, CommentCreateParams{Body: "This is an example."})
				return err
			}},
			scenario{name: "CreateOn" + tg.name + "Reply", call: func(ctx context.Context, c *Client) error {
				_, _, err := c.Comments.Create(ctx, tg.target, CommentCreateParams{Body: "This is an example. @alex-cruz", ThreadID: commentTestThreadID,
					Tags: map[string]CommentTag{"@alex-cruz": {UserID: 87654321}}})
				return err
			}},
			scenario{name: "UpdateOn" + tg.name, call: func(ctx context.Context, c *Client) error {
				_, _, err := c.Comments.Update(ctx, tg.target, commentTestCommentID, CommentUpdateParams{Body: "This is an example. @alex-cruz",
					Tags: map[string]CommentTag{"@alex-cruz": {Type: CommentTagUser, UserID: 87654321}}})
				return err
			}},
			scenario{name: "DeleteOn" + tg.name, call: func(ctx context.Context, c *Client) error {
				_, err := c.Comments.Delete(ctx, tg.target, commentTestCommentID)
				return err
			}},
		)
	}
	scenarios = append(scenarios, scenario{name: "ResolveThread", call: func(ctx context.Context, c *Client) error {
		_, err := c.Comments.ResolveThread(ctx, 34567)
		return err
	}})
	runConformance(t, scenarios)
}

func TestCommentsListDecodesExample(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	comments, _, err := c.Comments.List(t.Context(), CommentsOnCollection(commentTestCollectionUID))
	require.NoError(t, err)
	require.Len(t, comments, 3)
	first := comments[0]
	assert.Equal(t, int64(46818), first.ID)
	assert.Equal(t, int64(12345), first.ThreadID)
	assert.Equal(t, CommentOpen, first.Status)
	assert.Equal(t, int64(12345678), first.CreatedBy)
	assert.Equal(t, "This is also an example.", first.Body)
	assert.True(t, first.CreatedAt.Equal(time.Date(2024, 1, 18, 12, 0, 54, 0, time.UTC)), "got %v", first.CreatedAt)
	assert.Equal(t, CommentResolved, comments[1].Status)

	apiComments, _, err := c.Comments.List(t.Context(), CommentsOnAPI(commentTestAPIID))
	require.NoError(t, err)
	require.Len(t, apiComments, 3)
	assert.Empty(t, apiComments[0].Status, "API comments carry no status")
	assert.True(t, apiComments[2].UpdatedAt.Equal(time.Date(2024, 1, 18, 11, 30, 40, 0, time.UTC)))
}

func TestCommentsCreateAndUpdateBodies(t *testing.T) {
	for _, tg := range commentTestTargets() {
		t.Run(tg.name, func(t *testing.T) {
			h := conformance.New(t)
			c := newTestClient(t, h.URL)

			created, _, err := c.Comments.Create(t.Context(), tg.target, CommentCreateParams{
				Body:     "This is an example. @alex-cruz",
				ThreadID: commentTestThreadID,
				Tags:     map[string]CommentTag{"@alex-cruz": {UserID: 87654321}},
			})
			require.NoError(t, err)
			req, body := h.LastRequest()
			assert.Equal(t, http.MethodPost, req.Method)
			assert.Equal(t, tg.path+"/comments", req.URL.Path)
			assert.JSONEq(t, `{"body":"This is an example. @alex-cruz","threadId":12345,"tags":{"@alex-cruz":{"type":"user","id":"87654321"}}}`, string(body))
			assert.Equal(t, int64(46814), created.ID)
			assert.Equal(t, int64(12345), created.ThreadID)
			assert.Equal(t, "This is an example.", created.Body)

			_, _, err = c.Comments.Create(t.Context(), tg.target, CommentCreateParams{Body: "A new thread."})
			require.NoError(t, err)
			_, body = h.LastRequest()
			assert.JSONEq(t, `{"body":"A new thread."}`, string(body), "a new thread sends no threadId or tags")

			updated, _, err := c.Comments.Update(t.Context(), tg.target, commentTestCommentID, CommentUpdateParams{Body: "This is an updated example."})
			require.NoError(t, err)
			req, body = h.LastRequest()
			assert.Equal(t, http.MethodPut, req.Method)
			assert.Equal(t, tg.path+"/comments/46814", req.URL.Path)
			assert.JSONEq(t, `{"body":"This is an updated example."}`, string(body))
			assert.Equal(t, "This is an updated example.", updated.Body)

			resp, err := c.Comments.Delete(t.Context(), tg.target, commentTestCommentID)
			require.NoError(t, err)
			assert.Equal(t, http.StatusNoContent, resp.StatusCode)
			req, _ = h.LastRequest()
			assert.Equal(t, http.MethodDelete, req.Method)
			assert.Equal(t, tg.path+"/comments/46814", req.URL.Path)

			for _, r := range h.Requests() {
				accept := r.Header.Get("Accept")
				if tg.api {
					assert.Contains(t, accept, "application/vnd.api.v10+json", "API Builder comments ask for v10")
					assert.Contains(t, accept, "application/json")
				} else {
					assert.Equal(t, "application/json", accept)
				}
			}
		})
	}
}

func TestCommentsListNotFound(t *testing.T) {
	for _, tg := range commentTestTargets() {
		t.Run(tg.name, func(t *testing.T) {
			h := conformance.New(t)
			h.Status(tg.listOp, http.StatusNotFound)
			c := newTestClient(t, h.URL)
			comments, resp, err := c.Comments.List(t.Context(), tg.target)
			assert.Nil(t, comments)
			require.NotNil(t, resp)
			assert.Equal(t, http.StatusNotFound, resp.StatusCode)
			assert.ErrorIs(t, err, ErrNotFound)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tg.path+"/comments", apiErr.Path)
		})
	}
}

func TestCommentsAPIErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getApiComments", http.StatusForbidden)
	h.Status("createApiComment", http.StatusBadRequest)
	c := newTestClient(t, h.URL)

	_, _, err := c.Comments.List(t.Context(), CommentsOnAPI(commentTestAPIID))
	assert.ErrorIs(t, err, ErrFeatureUnavailable, "the region answer of the description")

	_, _, err = c.Comments.Create(t.Context(), CommentsOnAPI(commentTestAPIID), CommentCreateParams{Body: "x"})
	assert.ErrorIs(t, err, ErrDeprecated, "a v9 API answers that it needs the v10 Accept header")
}

func TestCommentsResolveThread(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	resp, err := c.Comments.ResolveThread(t.Context(), commentTestThreadID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "/comments-resolutions/12345", req.URL.Path)
	assert.Empty(t, body)

	h.Status("resolveCommentThread", http.StatusNotFound)
	_, err = c.Comments.ResolveThread(t.Context(), commentTestThreadID)
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestCommentsRejectBadIDsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()
	calls := map[string]func() error{
		"ResolveThread 0":  func() error { _, err := c.Comments.ResolveThread(ctx, 0); return err },
		"List zero target": func() error { _, _, err := c.Comments.List(ctx, CommentTarget{}); return err },
		"UpdateOnCollection 0": func() error {
			_, _, err := c.Comments.Update(ctx, CommentsOnCollection(commentTestCollectionUID), 0, CommentUpdateParams{Body: "x"})
			return err
		},
		"DeleteOnFolder -1": func() error {
			_, err := c.Comments.Delete(ctx, CommentsOnFolder(commentTestCollectionUID, commentTestFolderUID), -1)
			return err
		},
		"ListOnRequest empty request": func() error {
			_, _, err := c.Comments.List(ctx, CommentsOnRequest(commentTestCollectionUID, ""))
			return err
		},
		"CreateOnAPICollection dot": func() error {
			_, _, err := c.Comments.Create(ctx, CommentsOnAPICollection(".", commentTestAPICollection), CommentCreateParams{Body: "x"})
			return err
		},
		"DeleteOnAPI empty": func() error { _, err := c.Comments.Delete(ctx, CommentsOnAPI(""), 1); return err },
	}
	for name, call := range calls {
		assert.ErrorIs(t, call(), ErrInvalidArgument, name)
	}
	assert.Empty(t, h.Ran())
}

func TestCommentThreadsGroupsOldestFirst(t *testing.T) {
	at := func(s string) Timestamp {
		var ts Timestamp
		require.NoError(t, json.Unmarshal([]byte(`"`+s+`"`), &ts))
		return ts
	}
	comments := []*Comment{
		{ID: 5, ThreadID: 2, Status: CommentResolved, CreatedAt: at("2024-01-18 12:00:54+00:00")},
		{ID: 4, ThreadID: 1, Status: CommentOpen, CreatedAt: at("2024-01-18 11:48:01+00:00")},
		nil,
		{ID: 3, ThreadID: 2, Status: CommentResolved, CreatedAt: at("2024-01-18 11:30:40+00:00")},
		{ID: 2, ThreadID: 1, Status: CommentOpen, CreatedAt: at("2024-01-18 11:48:01+00:00")},
	}
	threads := CommentThreads(comments)
	require.Len(t, threads, 2)
	assert.Equal(t, int64(2), threads[0].ID, "the thread started first comes first")
	assert.Equal(t, []int64{3, 5}, commentIDs(threads[0].Comments))
	assert.True(t, threads[0].Resolved())
	assert.Equal(t, int64(1), threads[1].ID)
	assert.Equal(t, []int64{2, 4}, commentIDs(threads[1].Comments), "equal times fall back to the ID")
	assert.False(t, threads[1].Resolved())
	assert.False(t, (&CommentThread{}).Resolved())
	assert.Empty(t, CommentThreads(nil))
}

func commentIDs(cs []*Comment) []int64 {
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

func TestCommentTagJSON(t *testing.T) {
	data, err := json.Marshal(map[string]CommentTag{"@a": {UserID: 42}, "@b": {Type: "team", UserID: 7}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"@a":{"type":"user","id":"42"},"@b":{"type":"team","id":"7"}}`, string(data))

	var tags map[string]CommentTag
	require.NoError(t, json.Unmarshal([]byte(`{"@a":{"type":"user","id":"42"},"@b":{"type":"user","id":87654321}}`), &tags))
	assert.Equal(t, CommentTag{Type: CommentTagUser, UserID: 42}, tags["@a"])
	assert.Equal(t, int64(87654321), tags["@b"].UserID, "the 2024-12 description writes the ID as a number")

	var tag CommentTag
	assert.Error(t, json.Unmarshal([]byte(`{"type":"user","id":"alex"}`), &tag))
}
