package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const (
	collTestForkUID   = "87654321-3b79068c-dbe5-41d5-a826-51be4bf646ef"
	collTestParentUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"
)

func TestPullRequestsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.PullRequests.List(ctx, collTestParentUID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.PullRequests.Create(ctx, collTestForkUID, PullRequestCreateParams{
				Title: "Test PR", Description: "This is a test pull request.", Reviewers: []string{"87654321"}, DestinationID: collTestParentUID})
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.PullRequests.Get(ctx, collTestPRID)
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.PullRequests.Update(ctx, collTestPRID, PullRequestUpdateParams{Title: "Updated PR title", Reviewers: []string{"12345678"}})
			return err
		}},
		{name: "ReviewApprove", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionApprove})
			return err
		}},
		{name: "ReviewDecline", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionDecline, Comment: "Missing descriptions in requests"})
			return err
		}},
	})
}

func TestPullRequestsListDecodesStatuses(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	prs, _, err := c.PullRequests.List(t.Context(), collTestParentUID)
	require.NoError(t, err)
	require.Len(t, prs, 3)
	assert.Equal(t, collTestPRID, prs[0].ID)
	assert.Equal(t, "Open PR", prs[0].Title)
	assert.Equal(t, PullRequestOpen, prs[0].Status)
	assert.Equal(t, collTestForkUID, prs[0].SourceID)
	assert.Equal(t, collTestParentUID, prs[0].DestinationID)
	assert.Equal(t, "/pull-requests/"+collTestPRID, prs[0].Href)
	assert.Equal(t, 20, prs[0].CreatedAt.Day())
	assert.Equal(t, PullRequestApproved, prs[1].Status)
	assert.Equal(t, PullRequestDeclined, prs[2].Status)
	assert.Equal(t, "Missing information.", prs[2].Comment)
	req, _ := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestParentUID+"/pull-requests", req.URL.Path)
}

func TestPullRequestsCreateUpdateGet(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	pr, _, err := c.PullRequests.Create(ctx, collTestForkUID, PullRequestCreateParams{
		Title: "Test PR", Reviewers: []string{"87654321", "56781234"}, DestinationID: collTestParentUID})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "/collections/"+collTestForkUID+"/pull-requests", req.URL.Path)
	assert.JSONEq(t, `{"title":"Test PR","reviewers":["87654321","56781234"],"destinationId":"`+collTestParentUID+`"}`, string(body))
	assert.Equal(t, collTestPRID, pr.ID)
	assert.Equal(t, PullRequestOpen, pr.Status)
	assert.Equal(t, "12345678-ec548788-unftw-rgn8-83b8-0b59798648e4", pr.DestinationID)

	pr, _, err = c.PullRequests.Update(ctx, collTestPRID, PullRequestUpdateParams{Title: "Updated PR title",
		Description: "Updated description of the pull request.", Reviewers: []string{"12345678", "87654321"}})
	require.NoError(t, err)
	req, body = h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.JSONEq(t, `{"title":"Updated PR title","description":"Updated description of the pull request.","reviewers":["12345678","87654321"]}`, string(body))
	assert.Equal(t, "collection", pr.ForkType)
	assert.Equal(t, "Updated PR title", pr.Title)

	pr, _, err = c.PullRequests.Get(ctx, collTestPRID)
	require.NoError(t, err)
	assert.Equal(t, PullRequestDeclined, pr.Status)
	assert.Equal(t, "collection", pr.ForkType, "read from forkType, which the description's schema misspells fortkType")
	require.NotNil(t, pr.Source)
	assert.Equal(t, PullRequestElement{ID: collTestForkUID, Name: "test-collection", ForkName: "Taylor Lee's fork", Exists: true}, *pr.Source)
	require.NotNil(t, pr.Destination)
	assert.True(t, pr.Destination.Exists)
	require.NotNil(t, pr.Merge)
	assert.Equal(t, PullRequestMergeInactive, pr.Merge.Status)
	assert.Equal(t, []PullRequestReviewer{{ID: "12345678", Status: PullRequestDeclined}}, pr.Reviewers)

	for name, call := range map[string]func() error{
		"create without title": func() error {
			_, _, err := c.PullRequests.Create(ctx, collTestForkUID, PullRequestCreateParams{Reviewers: []string{}, DestinationID: collTestParentUID})
			return err
		},
		"create without destination": func() error {
			_, _, err := c.PullRequests.Create(ctx, collTestForkUID, PullRequestCreateParams{Title: "x", Reviewers: []string{}})
			return err
		},
		"update without reviewers": func() error {
			_, _, err := c.PullRequests.Update(ctx, collTestPRID, PullRequestUpdateParams{Title: "x"})
			return err
		},
		"review without action": func() error {
			_, _, err := c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{})
			return err
		},
		"get with empty ID": func() error {
			_, _, err := c.PullRequests.Get(ctx, "")
			return err
		},
	} {
		assert.ErrorIs(t, call(), ErrInvalidArgument, name)
	}
	assert.Len(t, h.Ran(), 3)
}

func TestPullRequestsReviewActions(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	review, _, err := c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionApprove})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "/pull-requests/"+collTestPRID+"/tasks", req.URL.Path)
	assert.JSONEq(t, `{"action":"approve"}`, string(body))
	assert.Equal(t, PullRequestApproved, review.Status)
	assert.Equal(t, PullRequestReviewedBy{ID: 12345678, Name: "Taylor Lee", Username: "taylor-lee"}, review.ReviewedBy)
	assert.Equal(t, 21, review.UpdatedAt.Day())

	collServeExample(t, h, "reviewPullRequest", http.StatusOK, "Merged")
	review, _, err = c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionMerge})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"action":"merge"}`, string(body))
	assert.Equal(t, PullRequestMerged, review.Status)

	collServeExample(t, h, "reviewPullRequest", http.StatusOK, "Declined")
	review, _, err = c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionDecline, Comment: "Missing descriptions in requests"})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"action":"decline","comment":"Missing descriptions in requests"}`, string(body))
	assert.Equal(t, PullRequestDeclined, review.Status)

	collServeExample(t, h, "reviewPullRequest", http.StatusOK, "Unpproved")
	review, _, err = c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionUnapprove})
	require.NoError(t, err)
	assert.Equal(t, PullRequestOpen, review.Status)
}

func TestPullRequestsErrors(t *testing.T) {
	h := conformance.New(t)
	collServeExample(t, h, "reviewPullRequest", http.StatusBadRequest, "Action Not Allowed")
	h.Status("getPullRequest", http.StatusForbidden)
	h.Status("updatePullRequest", http.StatusConflict)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	_, _, err := c.PullRequests.Review(ctx, collTestPRID, PullRequestReviewParams{Action: PullRequestActionMerge})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "Given action on current pull request is not allowed", apiErr.Detail)

	_, _, err = c.PullRequests.Get(ctx, collTestPRID)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable, "missing roles are not a plan limit")

	_, _, err = c.PullRequests.Update(ctx, collTestPRID, PullRequestUpdateParams{Title: "x", Reviewers: []string{}})
	assert.ErrorIs(t, err, ErrConflict)
}
