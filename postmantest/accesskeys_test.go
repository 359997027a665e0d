package postmantest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestCollectionAccessKeysReadListAndRevoke(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	pets := srv.AddCollection(ws, []byte(petsCollection))
	other := srv.AddCollection(ws, []byte(`{"info":{"name":"Other"},"item":[]}`))
	key := srv.AddCollectionAccessKey(postmantest.CollectionAccessKey{CollectionID: pets})
	srv.AddCollectionAccessKey(postmantest.CollectionAccessKey{CollectionID: other, UserID: 56781234})
	assert.Regexp(t, `^PMAT-[0-9A-Z]{26}$`, key.Token)
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	keys, resp, err := c.Collections.ListAccessKeys(ctx, nil)
	require.NoError(t, err)
	require.Len(t, keys, 2)
	assert.Empty(t, resp.NextCursor)
	assert.Equal(t, key.ID, keys[0].ID)
	assert.Equal(t, "PMAT-**********************"+key.Token[len(key.Token)-4:], keys[0].Token)
	assert.Equal(t, postman.CollectionAccessKeyActive, keys[0].Status)
	assert.Equal(t, uid(pets), keys[0].CollectionID)
	assert.Equal(t, int64(fakeUserID), keys[0].UserID)
	assert.Equal(t, int64(56781234), keys[1].UserID)
	assert.True(t, keys[0].LastUsedAt.IsZero(), "never used")
	assert.WithinDuration(t, keys[0].CreatedAt.Add(60*24*time.Hour), keys[0].ExpiresAfter.Time, time.Second)

	// The key reads its collection, and only that one.
	col, _, err := c.Collections.Get(ctx, pets, &postman.CollectionGetOptions{AccessKey: key.Token})
	require.NoError(t, err)
	assert.Equal(t, "Pets API", col.Info.Name)
	_, _, err = c.Collections.Get(ctx, other, &postman.CollectionGetOptions{AccessKey: key.Token})
	assert.ErrorIs(t, err, postman.ErrUnauthorized)
	status, _ := call(t, plainHTTP(t), http.MethodGet, srv.URL+"/collections/"+uid(pets)+"?access_key="+key.Token, "", nil)
	assert.Equal(t, http.StatusOK, status, "the access key needs no API key")

	keys, _, err = c.Collections.ListAccessKeys(ctx, &postman.CollectionAccessKeyListOptions{CollectionUID: uid(pets)})
	require.NoError(t, err)
	require.Len(t, keys, 1)
	assert.False(t, keys[0].LastUsedAt.IsZero(), "the reads were recorded")
	assert.WithinDuration(t, keys[0].LastUsedAt.Add(60*24*time.Hour), keys[0].ExpiresAfter.Time, time.Second, "a use extends the key")

	_, err = c.Collections.DeleteAccessKey(ctx, key.ID)
	require.NoError(t, err)
	keys, _, err = c.Collections.ListAccessKeys(ctx, &postman.CollectionAccessKeyListOptions{CollectionUID: uid(pets)})
	require.NoError(t, err)
	require.Len(t, keys, 1, "revoked keys stay listed")
	assert.Equal(t, postman.CollectionAccessKeyInactive, keys[0].Status)
	assert.False(t, keys[0].DeletedAt.IsZero())
	_, _, err = c.Collections.Get(ctx, pets, &postman.CollectionGetOptions{AccessKey: key.Token})
	assert.ErrorIs(t, err, postman.ErrUnauthorized, "a revoked key opens nothing, even next to an API key")
	_, err = c.Collections.DeleteAccessKey(ctx, key.ID)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func TestCollectionAccessKeysPageByTen(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	col := srv.AddCollection(srv.Workspaces()[0].ID, []byte(petsCollection))
	for range 12 {
		srv.AddCollectionAccessKey(postmantest.CollectionAccessKey{CollectionID: col})
	}
	expired := srv.AddCollectionAccessKey(postmantest.CollectionAccessKey{CollectionID: col, CreatedAt: time.Now().AddDate(0, -3, 0)})
	c := newClient(t, srv, "any-key")

	first, resp, err := c.Collections.ListAccessKeys(t.Context(), nil)
	require.NoError(t, err)
	assert.Len(t, first, 10)
	assert.Empty(t, resp.PrevCursor)
	require.NotEmpty(t, resp.NextCursor)
	second, resp, err := c.Collections.ListAccessKeys(t.Context(), &postman.CollectionAccessKeyListOptions{Cursor: resp.NextCursor})
	require.NoError(t, err)
	require.Len(t, second, 3)
	assert.Empty(t, resp.NextCursor)
	assert.NotEmpty(t, resp.PrevCursor)
	assert.Equal(t, expired.ID, second[2].ID)
	assert.Equal(t, postman.CollectionAccessKeyInactive, second[2].Status, "expired after 60 days unused")

	var n int
	for k, err := range c.Collections.ListAccessKeysIter(t.Context(), nil) {
		require.NoError(t, err)
		assert.NotEmpty(t, k.ID)
		n++
	}
	assert.Equal(t, 13, n)

	_, _, err = c.Collections.ListAccessKeys(t.Context(), &postman.CollectionAccessKeyListOptions{Cursor: "not-a-cursor"})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "Invalid cursor", apiErr.Detail)
}
