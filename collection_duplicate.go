package postman

import (
	"context"
	"fmt"
	"net/http"
)

// CollectionDuplicateRequest is what Duplicate needs.
type CollectionDuplicateRequest struct {
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
func (s *CollectionsService) Duplicate(ctx context.Context, collectionUID string, req CollectionDuplicateRequest) (*CollectionDuplicateTask, *Response, error) {
	path, err := pathf("/collections/%s/duplicates", collectionUID)
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
	path, err := pathf("/collection-duplicate-tasks/%s", taskUID)
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
func (s *CollectionsService) WaitDuplicate(ctx context.Context, task *CollectionDuplicateTask) (*CollectionDuplicateTask, error) {
	if task == nil || task.ID == "" {
		return nil, fmt.Errorf("postman: WaitDuplicate: %w: no task", ErrInvalidArgument)
	}
	last := task
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		t, _, err := s.GetDuplicateTask(ctx, task.ID)
		if err != nil {
			return false, err
		}
		if t == nil {
			return false, fmt.Errorf("postman: WaitDuplicate: the answer holds no task")
		}
		last = t
		switch t.Status {
		case CollectionDuplicateCompleted:
			return true, nil
		case CollectionDuplicateFailed:
			return false, &TaskFailedError{Task: "collection duplication " + task.ID, Status: string(t.Status), Details: t.Reason}
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return last, nil
}
