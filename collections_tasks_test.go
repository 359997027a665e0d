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

const collTestUpdateTaskID = "be15d43c-0ca9-427b-b073-1c4228f32f8d"

// collTaskScript answers a task status endpoint with the given states in
// turn, repeating the last one, and counts the polls; wrap puts a state
// into the endpoint's answer.
func collTaskScript(polls *int, wrap func(state string) any, states ...string) conformance.Responder {
	return func(w http.ResponseWriter, _ *http.Request) {
		state := states[min(*polls, len(states)-1)]
		*polls++
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(wrap(state))
	}
}

func collUpdateState(state string) any {
	return map[string]any{"id": collTestUpdateTaskID, "status": state}
}

func collDuplicateState(state string) any {
	task := map[string]any{"id": "694899-358b6bdb-bfb8-4715-a8e5-eca2a375e232", "status": state, "reason": nil}
	if state == "failed" {
		task["reason"] = "instance not found"
	}
	return map[string]any{"task": task}
}

func TestCollectionsReplaceAsyncThenWaitUpdate(t *testing.T) {
	h := conformance.New(t)
	h.Status("putCollection", http.StatusAccepted)
	polls := 0
	h.Respond("getCollectionUpdatesTasks", collTaskScript(&polls, collUpdateState, "in-progress", "in-progress", "successful"))
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	task, resp, err := c.Collections.ReplaceAsync(ctx, collTestID, collTestParse(t, collTestDocument))
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, collTestUpdateTaskID, task.ID)
	assert.Equal(t, CollectionUpdateInProgress, task.Status)
	req, body := h.LastRequest()
	assert.Equal(t, "respond-async", req.Header.Get("Prefer"))
	assert.JSONEq(t, `{"collection":`+collTestDocument+`}`, string(body))

	done, _, err := c.Collections.WaitUpdate(ctx, task)
	require.NoError(t, err)
	assert.Equal(t, CollectionUpdateSuccessful, done.Status)
	assert.Equal(t, 3, polls)
	req, _ = h.LastRequest()
	assert.Equal(t, "/collection-updates-tasks/"+collTestUpdateTaskID, req.URL.Path)
	assert.Equal(t, []string{"putCollection", "getCollectionUpdatesTasks", "getCollectionUpdatesTasks", "getCollectionUpdatesTasks"}, h.Ran())
}

func TestCollectionsWaitUpdateReportsFailure(t *testing.T) {
	h := conformance.New(t)
	polls := 0
	h.Respond("getCollectionUpdatesTasks", collTaskScript(&polls, collUpdateState, "in-progress", "failed"))
	c := newTestClient(t, h.URL)

	_, _, err := c.Collections.WaitUpdate(t.Context(), &CollectionUpdateTask{ID: collTestUpdateTaskID, Status: CollectionUpdateInProgress})
	var failed *TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "failed", failed.Status)
	assert.Equal(t, "collection update "+collTestUpdateTaskID, failed.Task)
	assert.Equal(t, 2, polls)
}

func TestCollectionsReplaceIsSynchronousWithoutPrefer(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ref, resp, err := c.Collections.Replace(t.Context(), collTestID, collTestParse(t, collTestDocument))
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, &CollectionRef{ID: collTestID, Name: "Test Collection", UID: collTestUID}, ref)
	req, _ := h.LastRequest()
	assert.Empty(t, req.Header.Get("Prefer"))

	// A server that ignores Prefer answers 200 with the collection: the
	// update is already done and WaitUpdate does not poll.
	task, _, err := c.Collections.ReplaceAsync(t.Context(), collTestID, collTestParse(t, collTestDocument))
	require.NoError(t, err)
	assert.Equal(t, CollectionUpdateSuccessful, task.Status)
	assert.Empty(t, task.ID)
	done, _, err := c.Collections.WaitUpdate(t.Context(), task)
	require.NoError(t, err)
	assert.Same(t, task, done)
	assert.Equal(t, []string{"putCollection", "putCollection"}, h.Ran())

	_, _, err = c.Collections.WaitUpdate(t.Context(), nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.WaitUpdate(t.Context(), &CollectionUpdateTask{Status: CollectionUpdateInProgress})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestCollectionsReplaceMapsConflictAndNotFound(t *testing.T) {
	h := conformance.New(t)
	h.Status("putCollection", http.StatusConflict)
	c := newTestClient(t, h.URL)
	_, _, err := c.Collections.ReplaceAsync(t.Context(), collTestID, collTestParse(t, collTestDocument))
	assert.ErrorIs(t, err, ErrConflict, "an update already running")

	h.Status("putCollection", http.StatusNotFound)
	_, resp, err := c.Collections.Replace(t.Context(), collTestID, collTestParse(t, collTestDocument))
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, 1, resp.Attempts, "a 404 is not retried")
}

func TestCollectionsDuplicateThenWaitDuplicate(t *testing.T) {
	h := conformance.New(t)
	polls := 0
	h.Respond("getDuplicateCollectionTaskStatus", collTaskScript(&polls, collDuplicateState, "processing", "completed"))
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	task, _, err := c.Collections.Duplicate(ctx, collTestUID, CollectionDuplicateParams{WorkspaceID: collTestWorkspaceID, Suffix: "Copy"})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestUID+"/duplicates", req.URL.Path)
	assert.JSONEq(t, `{"workspace":"`+collTestWorkspaceID+`","suffix":"Copy"}`, string(body))
	assert.Equal(t, "694899-358b6bdb-bfb8-4715-a8e5-eca2a375e232", task.ID)
	assert.Equal(t, CollectionDuplicateProcessing, task.Status)

	done, _, err := c.Collections.WaitDuplicate(ctx, task)
	require.NoError(t, err)
	assert.Equal(t, CollectionDuplicateCompleted, done.Status)
	assert.Empty(t, done.Reason)
	assert.Equal(t, 2, polls)
	req, _ = h.LastRequest()
	assert.Equal(t, "/collection-duplicate-tasks/"+task.ID, req.URL.Path)

	_, _, err = c.Collections.Duplicate(ctx, collTestUID, CollectionDuplicateParams{WorkspaceID: collTestWorkspaceID})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"workspace":"`+collTestWorkspaceID+`"}`, string(body), "no suffix unless set")
}

func TestCollectionsWaitDuplicateReportsFailure(t *testing.T) {
	h := conformance.New(t)
	polls := 0
	h.Respond("getDuplicateCollectionTaskStatus", collTaskScript(&polls, collDuplicateState, "processing", "processing", "failed"))
	c := newTestClient(t, h.URL)
	_, _, err := c.Collections.WaitDuplicate(t.Context(), &CollectionDuplicateTask{ID: "694899-358b6bdb-bfb8-4715-a8e5-eca2a375e232"})
	var failed *TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "instance not found", failed.Details)
	assert.Equal(t, "failed", failed.Status)
	assert.Contains(t, err.Error(), "collection duplication 694899-358b6bdb-bfb8-4715-a8e5-eca2a375e232")
	assert.Equal(t, 3, polls)
}

func TestCollectionsWaitDuplicateStopsWithContextAndErrors(t *testing.T) {
	h := conformance.New(t)
	polls := 0
	h.Respond("getDuplicateCollectionTaskStatus", collTaskScript(&polls, collDuplicateState, "processing"))
	c := newTestClient(t, h.URL)

	ctx, cancel := context.WithCancel(t.Context())
	c.waits.sleep = func(ctx context.Context, _ time.Duration) error {
		if polls == 3 {
			cancel()
		}
		return ctx.Err()
	}
	_, _, err := c.Collections.WaitDuplicate(ctx, &CollectionDuplicateTask{ID: "694899-358b6bdb-bfb8-4715-a8e5-eca2a375e232"})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 3, polls, "a task that never ends is polled until ctx ends")

	h2 := conformance.New(t)
	h2.Status("getDuplicateCollectionTaskStatus", http.StatusNotFound)
	c2 := newTestClient(t, h2.URL)
	_, _, err = c2.Collections.WaitDuplicate(t.Context(), &CollectionDuplicateTask{ID: "12345678-gone"})
	assert.ErrorIs(t, err, ErrNotFound, "a status error ends the wait")
	_, _, err = c2.Collections.WaitDuplicate(t.Context(), &CollectionDuplicateTask{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
