package postman

import (
	"context"
	"fmt"
	"net/http"
)

// MergeStrategy says what a collection merge does to the source
// collection. Postman may add strategies; compare with the constants.
type MergeStrategy string

// Merge strategies.
const (
	// MergeDefault merges and leaves the source untouched; it needs the
	// Editor role on the destination only. Only MergeCollection takes it.
	MergeDefault MergeStrategy = "default"
	// MergeUpdateSourceWithDestination merges, then applies the
	// destination's other differences to the source, so that both end up
	// equal. It needs the Editor role on both collections.
	MergeUpdateSourceWithDestination MergeStrategy = "updateSourceWithDestination"
	// MergeDeleteSource merges, then deletes the source (the fork). It
	// needs the Editor role on both collections.
	MergeDeleteSource MergeStrategy = "deleteSource"
)

// CollectionMergeParams is what MergeCollection needs. To merge a fork
// back, Source is the fork and Destination its parent; to pull the
// parent's changes into a fork, swap them.
type CollectionMergeParams struct {
	// Source is the UID of the collection whose changes are merged.
	Source string `json:"source"`
	// Destination is the UID of the collection that receives them.
	Destination string `json:"destination"`
	// Strategy is MergeDefault when empty.
	Strategy MergeStrategy `json:"strategy"`
}

// MergeTaskStatus is the state of a collection merge task. Postman may add
// states; compare with the constants.
type MergeTaskStatus string

// States of a merge task.
const (
	MergeTaskInProgress MergeTaskStatus = "in-progress"
	MergeTaskSuccessful MergeTaskStatus = "successful"
	MergeTaskFailed     MergeTaskStatus = "failed"
)

// MergeTask is an asynchronous collection merge or pull. Postman keeps it
// for 24 hours after it ends; GetMergeTask then answers ErrNotFound.
type MergeTask struct {
	ID     string          `json:"id"`
	Status MergeTaskStatus `json:"status"`
	// Details explain a failed task.
	Details *MergeTaskDetails `json:"details,omitempty"`
}

// MergeTaskDetails explain why a merge task failed.
type MergeTaskDetails struct {
	Error *MergeTaskError `json:"error,omitempty"`
}

// MergeTaskError is the error a failed merge task reports, e.g. "All
// conflicts have not be resolved".
type MergeTaskError struct {
	Message string `json:"message"`
}

// ErrorMessage returns the failure message of a failed task ("" when
// Postman gave none).
func (t *MergeTask) ErrorMessage() string {
	if t == nil || t.Details == nil || t.Details.Error == nil {
		return ""
	}
	return t.Details.Error.Message
}

// MergeCollection starts merging one collection into another and returns
// the task doing it; WaitMerge waits for its end. It merges a fork back
// into its parent, or, with Source and Destination swapped, pulls the
// parent's changes into the fork. The task fails, rather than the call, on
// unresolved conflicts.
//
//postman:operation PUT /collection-merges
func (s *ForksService) MergeCollection(ctx context.Context, req CollectionMergeParams) (*MergeTask, *Response, error) {
	if err := requireArg("MergeCollection", "Source", req.Source); err != nil {
		return nil, nil, err
	}
	if err := requireArg("MergeCollection", "Destination", req.Destination); err != nil {
		return nil, nil, err
	}
	if req.Strategy == "" {
		req.Strategy = MergeDefault
	}
	var root struct {
		Task *MergeTask `json:"task"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: "/collection-merges", body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Task, resp, nil
}

// GetMergeTask returns the state of a collection merge or pull task. A
// task is kept for 24 hours after it ends; afterwards the answer is
// ErrNotFound.
//
//postman:operation GET /collection-merges-tasks/{taskId}
func (s *ForksService) GetMergeTask(ctx context.Context, taskID string) (*MergeTask, *Response, error) {
	path, err := pathf("/collection-merges-tasks/{taskID}", taskID)
	if err != nil {
		return nil, nil, err
	}
	task := new(MergeTask)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, task)
	if err != nil {
		return nil, resp, err
	}
	return task, resp, nil
}

// WaitMerge polls a merge task started by MergeCollection until it ends,
// with backoff (see WithTaskPolling), and returns its final state. A
// failed merge returns a *TaskFailedError holding Postman's explanation.
// A state Postman may add later counts as still running, so bound the wait
// with ctx.
func (s *ForksService) WaitMerge(ctx context.Context, task *MergeTask) (*MergeTask, *Response, error) {
	if task == nil || task.ID == "" {
		return nil, nil, fmt.Errorf("postman: WaitMerge: %w: no task", ErrInvalidArgument)
	}
	return waitFor(ctx, s.client, task,
		func(ctx context.Context) (*MergeTask, *Response, error) { return s.GetMergeTask(ctx, task.ID) },
		func(t *MergeTask) string { return string(t.Status) },
		func(t *MergeTask) (bool, error) {
			switch t.Status {
			case MergeTaskSuccessful:
				return true, nil
			case MergeTaskFailed:
				return false, &TaskFailedError{Task: "collection merge " + task.ID, Status: string(t.Status), Details: t.ErrorMessage()}
			}
			return false, nil
		})
}

// CollectionForkMergeParams is what the deprecated MergeCollectionFork
// needs.
type CollectionForkMergeParams struct {
	// Source is the UID of the fork.
	Source string `json:"source"`
	// Destination is the UID of its parent collection.
	Destination string `json:"destination"`
	// Strategy is MergeUpdateSourceWithDestination (Postman's default when
	// empty) or MergeDeleteSource; this endpoint has no MergeDefault.
	Strategy MergeStrategy `json:"strategy,omitempty"`
}

// MergedCollection is the collection a synchronous merge wrote to.
type MergedCollection struct {
	ID  string `json:"id"`
	UID string `json:"uid"`
}

// MergeCollectionFork merges a forked collection back into its parent in
// one synchronous call. It needs the Editor role on the parent.
//
// Deprecated: Postman deprecated this endpoint: use MergeCollection, which
// runs the merge as a task, and WaitMerge.
//
//postman:operation POST /collections/merge
func (s *ForksService) MergeCollectionFork(ctx context.Context, req CollectionForkMergeParams) (*MergedCollection, *Response, error) {
	if err := requireArg("MergeCollectionFork", "Source", req.Source); err != nil {
		return nil, nil, err
	}
	if err := requireArg("MergeCollectionFork", "Destination", req.Destination); err != nil {
		return nil, nil, err
	}
	var root struct {
		Collection *MergedCollection `json:"collection"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/collections/merge", body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collection, resp, nil
}
