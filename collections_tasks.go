package postman

import (
	"context"
	"fmt"
	"net/http"

	"github.com/postman-go/postman/collection"
)

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
		// Absent when Postman ran the update at once (see below).
		Task *CollectionUpdateTask `json:"task,omitempty"`
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
	path, err := pathf("/collections/{collectionID}", collectionID)
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
	path, err := pathf("/collection-updates-tasks/{taskID}", taskID)
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
func (s *CollectionsService) WaitUpdate(ctx context.Context, task *CollectionUpdateTask) (*CollectionUpdateTask, *Response, error) {
	if task == nil {
		return nil, nil, fmt.Errorf("postman: WaitUpdate: %w: no task", ErrInvalidArgument)
	}
	if task.ID == "" && task.Status == CollectionUpdateSuccessful {
		return task, nil, nil
	}
	if task.ID == "" {
		return nil, nil, fmt.Errorf("postman: WaitUpdate: %w: the task has no ID", ErrInvalidArgument)
	}
	return waitFor(ctx, s.client, task,
		func(ctx context.Context) (*CollectionUpdateTask, *Response, error) {
			return s.GetUpdateTask(ctx, task.ID)
		},
		func(t *CollectionUpdateTask) string { return string(t.Status) },
		func(t *CollectionUpdateTask) (bool, error) {
			switch t.Status {
			case CollectionUpdateSuccessful:
				return true, nil
			case CollectionUpdateFailed:
				return false, &TaskFailedError{Task: "collection update " + task.ID, Status: string(t.Status)}
			}
			return false, nil
		})
}

// CollectionDuplicateParams is what Duplicate needs.
type CollectionDuplicateParams struct {
	// WorkspaceID is the workspace that receives the copy (required).
	WorkspaceID string `json:"workspace"`
	// Suffix, when set, is appended to the copy's name.
	Suffix string `json:"suffix,omitempty"`
}

// CollectionDuplicateStatus is the state of a collection duplication
// task. Postman may add states; compare with the constants.
type CollectionDuplicateStatus string

// States of a collection duplication task.
const (
	CollectionDuplicateProcessing CollectionDuplicateStatus = "processing"
	CollectionDuplicateCompleted  CollectionDuplicateStatus = "completed"
	CollectionDuplicateFailed     CollectionDuplicateStatus = "failed"
)

// CollectionDuplicateTask is an asynchronous collection duplication.
type CollectionDuplicateTask struct {
	// ID is the task's UID, the form GetDuplicateTask takes.
	ID     string                    `json:"id"`
	Status CollectionDuplicateStatus `json:"status"`
	// Reason explains a failed task ("instance not found").
	Reason string `json:"reason,omitempty"`
}

// Duplicate starts copying a collection, given by its UID, into a
// workspace and returns the task doing it; WaitDuplicate waits for its
// end. The task does not report the new collection's ID: find the copy
// with List (by workspace and name).
//
//postman:operation POST /collections/{collectionId}/duplicates
func (s *CollectionsService) Duplicate(ctx context.Context, collectionUID string, req CollectionDuplicateParams) (*CollectionDuplicateTask, *Response, error) {
	path, err := pathf("/collections/{collectionUID}/duplicates", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	if err := requireArg("Duplicate", "WorkspaceID", req.WorkspaceID); err != nil {
		return nil, nil, err
	}
	var root struct {
		Task *CollectionDuplicateTask `json:"task"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Task, resp, nil
}

// GetDuplicateTask returns the state of a collection duplication task,
// given by its UID (CollectionDuplicateTask.ID).
//
//postman:operation GET /collection-duplicate-tasks/{taskId}
func (s *CollectionsService) GetDuplicateTask(ctx context.Context, taskUID string) (*CollectionDuplicateTask, *Response, error) {
	path, err := pathf("/collection-duplicate-tasks/{taskUID}", taskUID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Task *CollectionDuplicateTask `json:"task"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Task, resp, nil
}

// WaitDuplicate polls a duplication task started by Duplicate until it
// ends, with backoff (see WithTaskPolling), and returns its final state.
// A failed duplication returns a *TaskFailedError with Postman's reason.
// A state Postman may add later counts as still running, so bound the
// wait with ctx.
func (s *CollectionsService) WaitDuplicate(ctx context.Context, task *CollectionDuplicateTask) (*CollectionDuplicateTask, *Response, error) {
	if task == nil || task.ID == "" {
		return nil, nil, fmt.Errorf("postman: WaitDuplicate: %w: no task", ErrInvalidArgument)
	}
	return waitFor(ctx, s.client, task,
		func(ctx context.Context) (*CollectionDuplicateTask, *Response, error) {
			return s.GetDuplicateTask(ctx, task.ID)
		},
		func(t *CollectionDuplicateTask) string { return string(t.Status) },
		func(t *CollectionDuplicateTask) (bool, error) {
			switch t.Status {
			case CollectionDuplicateCompleted:
				return true, nil
			case CollectionDuplicateFailed:
				return false, &TaskFailedError{Task: "collection duplication " + task.ID, Status: string(t.Status), Details: t.Reason}
			}
			return false, nil
		})
}
