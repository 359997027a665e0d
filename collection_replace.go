package postman

import (
	"context"
	"fmt"
	"net/http"

	"github.com/postman-go/postman/collection"
)

// Replace replaces the whole contents of a collection with c and waits
// for Postman to finish. Items keep their identity only if c carries
// their IDs (a document from Get does); items without IDs are removed and
// recreated with new ones. The document is sent as it is, never
// rewritten: Postman documents only info.schema
// "https://schema.postman.com/json/collection/v2.1.0/collection.json"
// and the v2.1 array form of auth, and accepts at most 100 MB. For large
// collections prefer ReplaceAsync.
//
//postman:operation PUT /collections/{collectionId}
func (s *CollectionsService) Replace(ctx context.Context, collectionID string, c *collection.Collection) (*CollectionRef, *Response, error) {
	path, body, err := collectionReplaceRequest("Replace", collectionID, c)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Collection *CollectionRef `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}

// ReplaceAsync replaces the whole contents of a collection as Replace
// does, but asynchronously (Prefer: respond-async): Postman answers at
// once (202) with a task, which WaitUpdate follows to its end. Should
// Postman run the update synchronously instead, the task returned is
// already successful, without an ID, and WaitUpdate returns it at once.
// Postman refuses another update of the collection while one is running
// (ErrConflict).
//
//postman:operation PUT /collections/{collectionId}
func (s *CollectionsService) ReplaceAsync(ctx context.Context, collectionID string, c *collection.Collection) (*CollectionUpdateTask, *Response, error) {
	path, body, err := collectionReplaceRequest("ReplaceAsync", collectionID, c)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Task *CollectionUpdateTask `json:"task"`
	}
	resp, err := s.client.do(ctx, &request{
		method: http.MethodPut,
		path:   path,
		body:   body,
		header: http.Header{"Prefer": {"respond-async"}},
	}, &root)
	if err != nil {
		return nil, resp, err
	}
	if root.Task == nil {
		// Postman ran the update at once and answered as Replace does.
		return &CollectionUpdateTask{Status: CollectionUpdateSuccessful}, resp, nil
	}
	return root.Task, resp, nil
}

func collectionReplaceRequest(method, collectionID string, c *collection.Collection) (string, []byte, error) {
	path, err := pathf("/collections/%s", collectionID)
	if err != nil {
		return "", nil, err
	}
	body, err := collectionEnvelope(method, c)
	if err != nil {
		return "", nil, err
	}
	return path, body, nil
}

// CollectionUpdateStatus is the state of an asynchronous collection
// update. Postman may add states; compare with the constants.
type CollectionUpdateStatus string

// States of a collection update task.
const (
	CollectionUpdateInProgress CollectionUpdateStatus = "in-progress"
	CollectionUpdateSuccessful CollectionUpdateStatus = "successful"
	CollectionUpdateFailed     CollectionUpdateStatus = "failed"
)

// CollectionUpdateTask is an asynchronous collection update started by
// ReplaceAsync.
type CollectionUpdateTask struct {
	ID     string                 `json:"id"`
	Status CollectionUpdateStatus `json:"status"`
}

// GetUpdateTask returns the state of an asynchronous collection update.
//
//postman:operation GET /collection-updates-tasks/{taskId}
func (s *CollectionsService) GetUpdateTask(ctx context.Context, taskID string) (*CollectionUpdateTask, *Response, error) {
	path, err := pathf("/collection-updates-tasks/%s", taskID)
	if err != nil {
		return nil, nil, err
	}
	task := new(CollectionUpdateTask)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, task)
	if err != nil {
		return nil, resp, err
	}
	return task, resp, nil
}

// WaitUpdate polls an update task started by ReplaceAsync until it ends,
// with backoff (see WithTaskPolling), and returns its final state. A
// failed update returns a *TaskFailedError. A state Postman may add later
// counts as still running, so bound the wait with ctx.
func (s *CollectionsService) WaitUpdate(ctx context.Context, task *CollectionUpdateTask) (*CollectionUpdateTask, error) {
	if task == nil {
		return nil, fmt.Errorf("postman: WaitUpdate: %w: no task", ErrInvalidArgument)
	}
	if task.ID == "" && task.Status == CollectionUpdateSuccessful {
		return task, nil
	}
	if task.ID == "" {
		return nil, fmt.Errorf("postman: WaitUpdate: %w: the task has no ID", ErrInvalidArgument)
	}
	last := task
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		t, _, err := s.GetUpdateTask(ctx, task.ID)
		if err != nil {
			return false, err
		}
		last = t
		switch t.Status {
		case CollectionUpdateSuccessful:
			return true, nil
		case CollectionUpdateFailed:
			return false, &TaskFailedError{Task: "collection update " + task.ID, Status: string(t.Status)}
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return last, nil
}
