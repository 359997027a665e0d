package postman

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// mergeTaskScript answers the merge task status endpoint with the given
// states in turn, repeating the last one, and counts the polls.
func mergeTaskScript(polls *int, states ...string) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		state := states[min(*polls, len(states)-1)]
		*polls++
		task := map[string]any{"id": forkTestTaskID, "status": state}
		if state == "failed" {
			task["details"] = map[string]any{"error": map[string]any{"message": "All conflicts have not be resolved"}}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(task)
	}
}

func TestForksMergeCollectionSendsDefaultStrategy(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	task, _, err := c.Forks.MergeCollection(t.Context(), CollectionMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/collection-merges", req.URL.Path)
	assert.JSONEq(t, `{"source":"`+forkTestForkUID+`","destination":"`+forkTestParentUID+`","strategy":"default"}`, string(body))
	assert.Equal(t, "pm~vc:merge-workflow~12345678-4824989b-cd77-4e2f-856c-1ff2a3e9aaca", task.ID)
	assert.Equal(t, MergeTaskInProgress, task.Status)

	_, _, err = c.Forks.MergeCollection(t.Context(), CollectionMergeParams{Source: forkTestParentUID, Destination: forkTestForkUID, Strategy: MergeUpdateSourceWithDestination})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"source":"`+forkTestParentUID+`","destination":"`+forkTestForkUID+`","strategy":"updateSourceWithDestination"}`, string(body))
}

func TestForksForkThenMergeWaitsForTheTask(t *testing.T) {
	h := conformance.New(t)
	polls := 0
	h.Respond("asyncMergePullCollectionTaskStatus", mergeTaskScript(&polls, "in-progress", "in-progress", "successful"))
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	fork, _, err := c.Forks.ForkCollection(ctx, forkTestCollectionID, CollectionForkParams{WorkspaceID: forkTestWorkspaceID, Label: "Test Fork"})
	require.NoError(t, err)
	task, _, err := c.Forks.MergeCollection(ctx, CollectionMergeParams{Source: fork.UID, Destination: fork.Fork.From, Strategy: MergeDeleteSource})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"source":"12345678-09547fef-a9a5-4e00-998b-aa563e8db69a","destination":"12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2","strategy":"deleteSource"}`, string(body))

	done, _, err := c.Forks.WaitMerge(ctx, task)
	require.NoError(t, err)
	assert.Equal(t, MergeTaskSuccessful, done.Status)
	assert.Equal(t, forkTestTaskID, done.ID)
	assert.Equal(t, 3, polls)
	req, _ := h.LastRequest()
	assert.Equal(t, "/collection-merges-tasks/"+task.ID, req.URL.Path, "the task ID is escaped as one segment")
	assert.Equal(t, []string{"createCollectionFork", "asyncMergePullCollectionFork",
		"asyncMergePullCollectionTaskStatus", "asyncMergePullCollectionTaskStatus", "asyncMergePullCollectionTaskStatus"}, h.Ran())
}

func TestForksWaitMergeReportsFailure(t *testing.T) {
	h := conformance.New(t)
	polls := 0
	h.Respond("asyncMergePullCollectionTaskStatus", mergeTaskScript(&polls, "in-progress", "failed"))
	c := newTestClient(t, h.URL)

	task, _, err := c.Forks.MergeCollection(t.Context(), CollectionMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID})
	require.NoError(t, err)
	done, _, err := c.Forks.WaitMerge(t.Context(), task)
	assert.Nil(t, done)
	var failed *TaskFailedError
	require.ErrorAs(t, err, &failed)
	assert.Equal(t, "failed", failed.Status)
	assert.Equal(t, "All conflicts have not be resolved", failed.Details)
	assert.Contains(t, failed.Task, task.ID)
	assert.Equal(t, 2, polls)
}

func TestForksGetMergeTaskDecodesDocumentedFailure(t *testing.T) {
	// The description's first example (by name) is the failed task.
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	task, _, err := c.Forks.GetMergeTask(t.Context(), forkTestTaskID)
	require.NoError(t, err)
	assert.Equal(t, MergeTaskFailed, task.Status)
	assert.Equal(t, "All conflicts have not be resolved", task.ErrorMessage())

	var nilTask *MergeTask
	assert.Empty(t, nilTask.ErrorMessage())
	assert.Empty(t, (&MergeTask{Status: MergeTaskSuccessful}).ErrorMessage())
}

func TestForksWaitMergeExpiredTask(t *testing.T) {
	h := conformance.New(t)
	h.Status("asyncMergePullCollectionTaskStatus", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	_, _, err := c.Forks.WaitMerge(t.Context(), &MergeTask{ID: forkTestTaskID, Status: MergeTaskInProgress})
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Task not found", apiErr.Title)
}

func TestForksWaitMergeStopsWithContext(t *testing.T) {
	h := conformance.New(t)
	ctx, cancel := context.WithCancel(t.Context())
	polls := 0
	h.Respond("asyncMergePullCollectionTaskStatus", func(w http.ResponseWriter, r *http.Request) {
		if polls++; polls == 4 {
			cancel()
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"` + forkTestTaskID + `","status":"in-progress"}`))
	})
	c := newTestClient(t, h.URL)
	_, _, err := c.Forks.WaitMerge(ctx, &MergeTask{ID: forkTestTaskID})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 4, polls)
}

func TestForksMergeCollectionForkDeprecated(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	merged, _, err := c.Forks.MergeCollectionFork(t.Context(), CollectionForkMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.JSONEq(t, `{"source":"`+forkTestForkUID+`","destination":"`+forkTestParentUID+`"}`, string(body),
		"an empty strategy is left to Postman's default")
	assert.Equal(t, "12ece9e1-2abf-4edc-8e34-de66e74114d2", merged.ID)
	assert.Equal(t, "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2", merged.UID)

	h.Status("mergeCollectionFork", http.StatusForbidden)
	_, _, err = c.Forks.MergeCollectionFork(t.Context(), CollectionForkMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID, Strategy: MergeDeleteSource})
	assert.ErrorIs(t, err, ErrFeatureUnavailable, "the first documented 403 is the region answer")
	assert.ErrorIs(t, err, ErrForbidden)
}
