package postmantest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// forkWorld is a parent collection in the team workspace and a fork of it
// in the personal one.
type forkWorld struct {
	srv              *postmantest.Server
	c                *postman.Client
	parentID, forkID string
}

func newForkWorld(t *testing.T) forkWorld {
	t.Helper()
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	personal, team := srv.Workspaces()[0].ID, srv.Workspaces()[1].ID
	parent := srv.AddCollection(team, []byte(petsCollection))
	fork := srv.ForkCollection(parent, personal, "feature/cats")
	require.NotEmpty(t, fork)
	return forkWorld{srv: srv, c: newClient(t, srv, "any-key"), parentID: parent, forkID: fork}
}

func TestPullRequestLifecycleMergesTheFork(t *testing.T) {
	w := newForkWorld(t)
	ctx := t.Context()
	// The fork gains a folder that the parent lacks.
	_, _, err := w.c.Collections.CreateFolder(ctx, w.forkID, &postman.CollectionFolder{Name: "cats"})
	require.NoError(t, err)
	assert.Equal(t, []string{"pets"}, itemNames(document(t, w.srv, w.parentID)))

	pr, _, err := w.c.PullRequests.Create(ctx, uid(w.forkID), postman.PullRequestCreateParams{
		Title: "Cats", Description: "Adds the cats folder.", Reviewers: []string{fakeUserIDStr}, DestinationID: uid(w.parentID)})
	require.NoError(t, err)
	assert.Equal(t, postman.PullRequestOpen, pr.Status)
	assert.Equal(t, uid(w.forkID), pr.SourceID)
	assert.Equal(t, uid(w.parentID), pr.DestinationID)
	assert.Equal(t, fakeUserIDStr, pr.CreatedBy)
	assert.False(t, pr.CreatedAt.IsZero())

	// Both collections list it.
	for _, id := range []string{w.forkID, w.parentID} {
		list, _, err := w.c.PullRequests.List(ctx, uid(id))
		require.NoError(t, err)
		require.Len(t, list, 1)
		assert.Equal(t, pr.ID, list[0].ID)
		assert.Equal(t, "/pull-requests/"+pr.ID, list[0].Href)
	}

	_, _, err = w.c.PullRequests.Create(ctx, uid(w.forkID), postman.PullRequestCreateParams{
		Title: "Again", Reviewers: []string{}, DestinationID: uid(w.parentID)})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Contains(t, apiErr.Detail, "already exists")

	// A merge needs an approval first.
	_, _, err = w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionMerge})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Given action on current pull request is not allowed", apiErr.Detail)

	upd, _, err := w.c.PullRequests.Update(ctx, pr.ID, postman.PullRequestUpdateParams{Title: "Cats and dogs", Reviewers: []string{fakeUserIDStr}})
	require.NoError(t, err)
	assert.Equal(t, "Cats and dogs", upd.Title)
	assert.Equal(t, "Adds the cats folder.", upd.Description, "a description left out stays")

	review, _, err := w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionApprove})
	require.NoError(t, err)
	assert.Equal(t, postman.PullRequestApproved, review.Status)
	assert.Equal(t, "taylor-lee", review.ReviewedBy.Username)
	got, _, err := w.c.PullRequests.Get(ctx, pr.ID)
	require.NoError(t, err)
	assert.Equal(t, []postman.PullRequestReviewer{{ID: fakeUserIDStr, Status: postman.PullRequestApproved}}, got.Reviewers)

	review, _, err = w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionUnapprove})
	require.NoError(t, err)
	assert.Equal(t, postman.PullRequestOpen, review.Status)
	_, _, err = w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionApprove})
	require.NoError(t, err)

	review, _, err = w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionMerge})
	require.NoError(t, err)
	assert.Equal(t, postman.PullRequestMerged, review.Status)
	assert.Equal(t, []string{"pets", "cats"}, itemNames(document(t, w.srv, w.parentID)), "the merge brought the fork's folder into the parent")
	assert.Equal(t, "update collection Pets API", feed(t, w.c, w.srv.Workspaces()[1].ID, nil)[0], "the parent's feed records the merge")
	status, _, err := w.c.Forks.GetCollectionSourceStatus(ctx, w.forkID)
	require.NoError(t, err)
	assert.False(t, status.IsSourceAhead)

	got, _, err = w.c.PullRequests.Get(ctx, pr.ID)
	require.NoError(t, err)
	assert.Equal(t, postman.PullRequestMerged, got.Status)
	assert.Equal(t, "feature/cats", got.Source.ForkName)
	assert.True(t, got.Source.Exists)
	assert.Equal(t, "Pets API", got.Destination.Name)
	assert.Equal(t, postman.PullRequestMergeInactive, got.Merge.Status)

	_, _, err = w.c.PullRequests.Update(ctx, pr.ID, postman.PullRequestUpdateParams{Title: "late", Reviewers: []string{}})
	assert.ErrorIs(t, err, postman.ErrConflict)
	_, _, err = w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionDecline})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode, "a merged pull request cannot be declined")

	// Once merged, a new pull request of the same fork may be opened.
	_, _, err = w.c.PullRequests.Create(ctx, uid(w.forkID), postman.PullRequestCreateParams{
		Title: "Next", Reviewers: []string{}, DestinationID: uid(w.parentID)})
	require.NoError(t, err)
}

func TestPullRequestDeclineAndErrors(t *testing.T) {
	w := newForkWorld(t)
	ctx := t.Context()
	pr, _, err := w.c.PullRequests.Create(ctx, uid(w.forkID), postman.PullRequestCreateParams{
		Title: "Cats", Reviewers: []string{}, DestinationID: uid(w.parentID)})
	require.NoError(t, err)

	review, _, err := w.c.PullRequests.Review(ctx, pr.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionDecline, Comment: "Missing tests"})
	require.NoError(t, err)
	assert.Equal(t, postman.PullRequestDeclined, review.Status)
	got, _, err := w.c.PullRequests.Get(ctx, pr.ID)
	require.NoError(t, err)
	assert.Equal(t, "Missing tests", got.Comment)
	assert.Equal(t, []string{"pets"}, itemNames(document(t, w.srv, w.parentID)))
	_, _, err = w.c.PullRequests.Update(ctx, pr.ID, postman.PullRequestUpdateParams{Title: "x", Reviewers: []string{}})
	assert.ErrorIs(t, err, postman.ErrConflict)

	// Not a fork of each other.
	other := w.srv.AddCollection(w.srv.Workspaces()[1].ID, []byte(petsCollection))
	_, _, err = w.c.PullRequests.Create(ctx, uid(other), postman.PullRequestCreateParams{
		Title: "x", Reviewers: []string{}, DestinationID: uid(w.parentID)})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Fork relation not found", apiErr.Detail)

	// Reviewers need a role in both collections.
	_, _, err = w.c.PullRequests.Create(ctx, uid(w.forkID), postman.PullRequestCreateParams{
		Title: "x", Reviewers: []string{"87654321"}, DestinationID: uid(w.parentID)})
	assert.ErrorIs(t, err, postman.ErrForbidden)
	for _, id := range []string{w.forkID, w.parentID} {
		_, err = w.c.Roles.UpdateCollectionRoles(ctx, id, postman.CollectionRolesUpdateParams{
			Users: []postman.RoleCollectionMember{{ID: 87654321, Role: postman.RoleCollectionViewer}}})
		require.NoError(t, err)
	}
	pr2, _, err := w.c.PullRequests.Create(ctx, uid(w.forkID), postman.PullRequestCreateParams{
		Title: "x", Reviewers: []string{"87654321"}, DestinationID: uid(w.parentID)})
	require.NoError(t, err)
	got, _, err = w.c.PullRequests.Get(ctx, pr2.ID)
	require.NoError(t, err)
	assert.Equal(t, []postman.PullRequestReviewer{{ID: "87654321"}}, got.Reviewers)

	// Missing elements get the documented 403, not an undocumented 404.
	for _, call := range []func() error{
		func() error {
			_, _, err := w.c.PullRequests.Get(ctx, "00000000-0000-4000-8000-000000000000")
			return err
		},
		func() error {
			_, _, err := w.c.PullRequests.List(ctx, uid("00000000-0000-4000-8000-000000000000"))
			return err
		},
		func() error {
			_, _, err := w.c.PullRequests.Update(ctx, "00000000-0000-4000-8000-000000000000",
				postman.PullRequestUpdateParams{Title: "x", Reviewers: []string{}})
			return err
		},
		func() error {
			_, _, err := w.c.PullRequests.Create(ctx, uid("00000000-0000-4000-8000-000000000000"), postman.PullRequestCreateParams{
				Title: "x", Reviewers: []string{}, DestinationID: uid(w.parentID)})
			return err
		},
	} {
		err := call()
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
		assert.Equal(t, "You do not have enough permissions to perform this action.", apiErr.Detail)
	}

	// A deleted fork shows as gone, and the pull request cannot merge.
	_, _, err = w.c.PullRequests.Review(ctx, pr2.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionApprove})
	require.NoError(t, err)
	_, err = w.c.Collections.Delete(ctx, w.forkID)
	require.NoError(t, err)
	_, _, err = w.c.PullRequests.Review(ctx, pr2.ID, postman.PullRequestReviewParams{Action: postman.PullRequestActionMerge})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Fork relation not found", apiErr.Detail)
	got, _, err = w.c.PullRequests.Get(ctx, pr2.ID)
	require.NoError(t, err)
	assert.False(t, got.Source.Exists)
	assert.Equal(t, "Pets API", got.Source.Name)
	assert.Equal(t, postman.PullRequestMergeFailed, got.Merge.Status)
}
