package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestCommentsOnCollectionsAndItems(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	colUID := uid(colID)

	first, _, err := c.Comments.Create(ctx, postman.CommentsOnCollection(colUID), postman.CommentCreateParams{Body: "Needs auth @alex",
		Tags: map[string]postman.CommentTag{"@alex": {UserID: 87654321}}})
	require.NoError(t, err)
	assert.Equal(t, postman.CommentOpen, first.Status)
	assert.EqualValues(t, fakeUserID, first.CreatedBy)
	reply, _, err := c.Comments.Create(ctx, postman.CommentsOnCollection(colUID), postman.CommentCreateParams{Body: "Done", ThreadID: first.ThreadID})
	require.NoError(t, err)
	assert.Equal(t, first.ThreadID, reply.ThreadID)
	_, _, err = c.Comments.Create(ctx, postman.CommentsOnCollection(colUID), postman.CommentCreateParams{Body: "Other", ThreadID: 1})
	assert.ErrorIs(t, err, postman.ErrNotFound, "a reply needs a thread of the same target")

	list, _, err := c.Comments.List(ctx, postman.CommentsOnCollection(colUID))
	require.NoError(t, err)
	require.Len(t, list, 2)
	threads := postman.CommentThreads(list)
	require.Len(t, threads, 1)
	assert.Equal(t, "Needs auth @alex", threads[0].Comments[0].Body)
	assert.False(t, threads[0].Resolved())

	_, err = c.Comments.ResolveThread(ctx, first.ThreadID)
	require.NoError(t, err)
	list, _, err = c.Comments.List(ctx, postman.CommentsOnCollection(colUID))
	require.NoError(t, err)
	assert.True(t, postman.CommentThreads(list)[0].Resolved())
	_, err = c.Comments.ResolveThread(ctx, 999)
	assert.ErrorIs(t, err, postman.ErrNotFound)

	updated, _, err := c.Comments.Update(ctx, postman.CommentsOnCollection(colUID), reply.ID, postman.CommentUpdateParams{Body: "Done, see the folder"})
	require.NoError(t, err)
	assert.Equal(t, "Done, see the folder", updated.Body)
	_, err = c.Comments.Delete(ctx, postman.CommentsOnCollection(colUID), first.ID)
	require.NoError(t, err)
	stored := srv.Comments(colID, "")
	require.Len(t, stored, 1)
	assert.Equal(t, "Done, see the folder", stored[0].Body)
	assert.True(t, stored[0].Resolved)

	// Folders, requests and responses each have their own comments.
	onFolder, _, err := c.Comments.Create(ctx, postman.CommentsOnFolder(colUID, uid(petsFolderID)), postman.CommentCreateParams{Body: "Rename to Pets"})
	require.NoError(t, err)
	_, _, err = c.Comments.Create(ctx, postman.CommentsOnRequest(colUID, uid(getPetID)), postman.CommentCreateParams{Body: "Add a 400 example"})
	require.NoError(t, err)
	_, _, err = c.Comments.Create(ctx, postman.CommentsOnResponse(colUID, uid(getPetOKID)), postman.CommentCreateParams{Body: "Rex is a dog"})
	require.NoError(t, err)
	srv.AddComment(colID, addPetID, postmantest.Comment{Body: "Seeded"})

	folder, _, err := c.Comments.List(ctx, postman.CommentsOnFolder(colUID, uid(petsFolderID)))
	require.NoError(t, err)
	require.Len(t, folder, 1)
	assert.Equal(t, onFolder.ID, folder[0].ID)
	onAdd, _, err := c.Comments.List(ctx, postman.CommentsOnRequest(colUID, uid(addPetID)))
	require.NoError(t, err)
	require.Len(t, onAdd, 1)
	assert.Equal(t, "Seeded", onAdd[0].Body)
	_, _, err = c.Comments.List(ctx, postman.CommentsOnFolder(colUID, uid(getPetID)))
	assert.ErrorIs(t, err, postman.ErrNotFound, "a request is not a folder")

	_, _, err = c.Comments.Update(ctx, postman.CommentsOnFolder(colUID, uid(petsFolderID)), onFolder.ID, postman.CommentUpdateParams{Body: "Rename to Animals"})
	require.NoError(t, err)
	resp, _, err := c.Comments.List(ctx, postman.CommentsOnResponse(colUID, uid(getPetOKID)))
	require.NoError(t, err)
	require.Len(t, resp, 1)
	_, err = c.Comments.Delete(ctx, postman.CommentsOnResponse(colUID, uid(getPetOKID)), resp[0].ID)
	require.NoError(t, err)
	_, err = c.Comments.Delete(ctx, postman.CommentsOnRequest(colUID, uid(getPetID)), resp[0].ID)
	assert.ErrorIs(t, err, postman.ErrNotFound, "the comment is gone")
	assert.Empty(t, srv.Comments(colID, getPetOKID))
	assert.Equal(t, "Rename to Animals", srv.Comments(colID, petsFolderID)[0].Body)
}

func TestCommentsUpdateAndDeleteOnEveryItemKind(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	colID := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	colUID := uid(colID)

	for _, tc := range []struct {
		target postman.CommentTarget
		itemID string
	}{
		{postman.CommentsOnFolder(colUID, uid(petsFolderID)), petsFolderID},
		{postman.CommentsOnRequest(colUID, uid(getPetID)), getPetID},
		{postman.CommentsOnResponse(colUID, uid(getPetOKID)), getPetOKID},
	} {
		made, _, err := c.Comments.Create(ctx, tc.target, postman.CommentCreateParams{Body: "First"})
		require.NoError(t, err)
		updated, _, err := c.Comments.Update(ctx, tc.target, made.ID, postman.CommentUpdateParams{Body: "Second"})
		require.NoError(t, err)
		assert.Equal(t, "Second", updated.Body)
		require.Len(t, srv.Comments(colID, tc.itemID), 1)
		assert.Equal(t, "Second", srv.Comments(colID, tc.itemID)[0].Body)

		_, err = c.Comments.Delete(ctx, tc.target, made.ID)
		require.NoError(t, err)
		assert.Empty(t, srv.Comments(colID, tc.itemID))
		_, err = c.Comments.Delete(ctx, tc.target, made.ID)
		assert.ErrorIs(t, err, postman.ErrNotFound, "the comment is gone")
	}
}
