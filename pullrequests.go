package postman

import (
	"context"
	"fmt"
	"net/http"
)

// PullRequestsService is the Pull Requests area: reviewing and updating the pull requests of forked collections.
//
// A pull request asks to merge a forked collection into its parent. Open
// one with Create on the fork, list a collection's with List, then
// reviewers approve, decline or merge it with Review. Collections are
// given by UID (ownerId-collectionId).
type PullRequestsService service

// PullRequestStatus is the review status of a pull request. Postman may
// add values; compare with the constants.
type PullRequestStatus string

// Statuses of a pull request.
const (
	PullRequestOpen     PullRequestStatus = "open"
	PullRequestApproved PullRequestStatus = "approved"
	PullRequestDeclined PullRequestStatus = "declined"
	PullRequestMerged   PullRequestStatus = "merged"
)

// PullRequestMergeStatus is the state of a pull request's merge.
type PullRequestMergeStatus string

// States of a pull request's merge.
const (
	PullRequestMergeInactive   PullRequestMergeStatus = "inactive"
	PullRequestMergeInProgress PullRequestMergeStatus = "inprogress"
	PullRequestMergeFailed     PullRequestMergeStatus = "failed"
)

// PullRequest is a request to merge a fork into its parent. List, Create
// and Update fill the IDs of source and destination; Get fills Source,
// Destination, Merge and Reviewers instead.
type PullRequest struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Description string            `json:"description,omitempty"`
	Status      PullRequestStatus `json:"status"`
	// Comment explains why a declined pull request was declined.
	Comment string `json:"comment,omitempty"`
	// ForkType is the kind of the forked element ("collection").
	ForkType string `json:"forkType,omitempty"`
	// SourceID is the UID of the fork, DestinationID that of the parent it
	// merges into.
	SourceID      string `json:"sourceId,omitempty"`
	DestinationID string `json:"destinationId,omitempty"`
	// Href is the pull request's path in the API ("/pull-requests/{id}").
	Href        string              `json:"href,omitempty"`
	Source      *PullRequestElement `json:"source,omitempty"`
	Destination *PullRequestElement `json:"destination,omitempty"`
	Merge       *PullRequestMerge   `json:"merge,omitempty"`
	// Reviewers are the assigned reviewers with their verdicts.
	Reviewers []PullRequestReviewer `json:"reviewers,omitempty"`
	// CreatedBy and UpdatedBy are user IDs.
	CreatedBy string    `json:"createdBy,omitempty"`
	UpdatedBy string    `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// PullRequestElement is the source or destination of a pull request.
type PullRequestElement struct {
	// ID is the element's UID.
	ID   string `json:"id"`
	Name string `json:"name"`
	// ForkName is the fork's label (source only).
	ForkName string `json:"forkName,omitempty"`
	// Exists is false once the element was deleted.
	Exists bool `json:"exists"`
}

// PullRequestMerge is the progress of a pull request's merge.
type PullRequestMerge struct {
	Status PullRequestMergeStatus `json:"status"`
}

// PullRequestReviewer is a reviewer of a pull request.
type PullRequestReviewer struct {
	// ID is the reviewer's user ID.
	ID string `json:"id"`
	// Status is the reviewer's verdict: PullRequestApproved or
	// PullRequestDeclined, empty before a review.
	Status PullRequestStatus `json:"status,omitempty"`
}

// List returns the pull requests of a collection, given by its UID,
// whether it is their source or their destination. It needs the Viewer
// role on both collections of each pull request.
//
//postman:operation GET /collections/{collectionId}/pull-requests
func (s *PullRequestsService) List(ctx context.Context, collectionUID string) ([]*PullRequest, *Response, error) {
	path, err := pathf("/collections/{collectionUID}/pull-requests", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Data []*PullRequest `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Data, resp, nil
}

// PullRequestCreateParams is what Create needs.
type PullRequestCreateParams struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Reviewers are the user IDs of the reviewers; each needs the Viewer
	// role on both collections.
	Reviewers []string `json:"reviewers"`
	// DestinationID is the UID of the parent collection to merge into.
	DestinationID string `json:"destinationId"`
}

// Create opens a pull request to merge a forked collection, given by its
// UID, into its parent, and returns it.
//
//postman:operation POST /collections/{collectionId}/pull-requests
func (s *PullRequestsService) Create(ctx context.Context, collectionUID string, req PullRequestCreateParams) (*PullRequest, *Response, error) {
	path, err := pathf("/collections/{collectionUID}/pull-requests", collectionUID)
	if err != nil {
		return nil, nil, err
	}
	if err := pullRequestRequire("Create", req.Title, req.Reviewers); err != nil {
		return nil, nil, err
	}
	if req.DestinationID == "" {
		return nil, nil, fmt.Errorf("postman: Create: %w: DestinationID is empty", ErrInvalidArgument)
	}
	pr := new(PullRequest)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: req}, pr)
	if err != nil {
		return nil, resp, err
	}
	return pr, resp, nil
}

// Get returns a pull request with its source, destination, reviewers and
// merge progress.
//
//postman:operation GET /pull-requests/{pullRequestId}
func (s *PullRequestsService) Get(ctx context.Context, pullRequestID string) (*PullRequest, *Response, error) {
	path, err := pathf("/pull-requests/{pullRequestID}", pullRequestID)
	if err != nil {
		return nil, nil, err
	}
	pr := new(PullRequest)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, pr)
	if err != nil {
		return nil, resp, err
	}
	return pr, resp, nil
}

// PullRequestUpdateParams is what Update sets.
type PullRequestUpdateParams struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Reviewers replace every reviewer assigned so far.
	Reviewers []string `json:"reviewers"`
}

// Update changes the title, description and reviewers of an open pull
// request and returns it.
//
//postman:operation PUT /pull-requests/{pullRequestId}
func (s *PullRequestsService) Update(ctx context.Context, pullRequestID string, req PullRequestUpdateParams) (*PullRequest, *Response, error) {
	path, err := pathf("/pull-requests/{pullRequestID}", pullRequestID)
	if err != nil {
		return nil, nil, err
	}
	if err := pullRequestRequire("Update", req.Title, req.Reviewers); err != nil {
		return nil, nil, err
	}
	pr := new(PullRequest)
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: req}, pr)
	if err != nil {
		return nil, resp, err
	}
	return pr, resp, nil
}

// PullRequestAction is a review action. Postman may add actions.
type PullRequestAction string

// Review actions.
const (
	// PullRequestActionApprove approves the pull request for merge.
	PullRequestActionApprove PullRequestAction = "approve"
	// PullRequestActionUnapprove withdraws an approval without declining.
	PullRequestActionUnapprove PullRequestAction = "unapprove"
	// PullRequestActionDecline declines the pull request, with an
	// optional comment.
	PullRequestActionDecline PullRequestAction = "decline"
	// PullRequestActionMerge merges the pull request into its destination.
	PullRequestActionMerge PullRequestAction = "merge"
)

// PullRequestReviewParams is what Review does.
type PullRequestReviewParams struct {
	Action PullRequestAction `json:"action"`
	// Comment says why, for PullRequestActionDecline.
	Comment string `json:"comment,omitempty"`
}

// PullRequestReview is the outcome of a review action.
type PullRequestReview struct {
	// ID is the pull request's ID.
	ID string `json:"id"`
	// Status is the pull request's status after the action.
	Status     PullRequestStatus     `json:"status"`
	ReviewedBy PullRequestReviewedBy `json:"reviewedBy"`
	UpdatedAt  Timestamp             `json:"updatedAt,omitzero"`
}

// PullRequestReviewedBy is the user who reviewed a pull request.
type PullRequestReviewedBy struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
}

// Review approves, unapproves, declines or merges a pull request and
// returns its new status. Despite its path (…/tasks) the action is
// synchronous: a merge is done when Review returns.
//
//postman:operation POST /pull-requests/{pullRequestId}/tasks
func (s *PullRequestsService) Review(ctx context.Context, pullRequestID string, req PullRequestReviewParams) (*PullRequestReview, *Response, error) {
	path, err := pathf("/pull-requests/{pullRequestID}/tasks", pullRequestID)
	if err != nil {
		return nil, nil, err
	}
	if req.Action == "" {
		return nil, nil, fmt.Errorf("postman: Review: %w: no action", ErrInvalidArgument)
	}
	review := new(PullRequestReview)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: req}, review)
	if err != nil {
		return nil, resp, err
	}
	return review, resp, nil
}

// pullRequestRequire checks, before any I/O, the fields Postman requires
// of a pull request.
func pullRequestRequire(method, title string, reviewers []string) error {
	if title == "" {
		return fmt.Errorf("postman: %s: %w: Title is empty", method, ErrInvalidArgument)
	}
	if reviewers == nil {
		return fmt.Errorf("postman: %s: %w: Reviewers is nil", method, ErrInvalidArgument)
	}
	return nil
}
