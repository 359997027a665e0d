package postman

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestUsersConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "Me", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Users.GetMe(ctx)
			return err
		}},
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Users.List(ctx, &UserListOptions{GroupID: "1234"})
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Users.Get(ctx, "12345678")
			return err
		}},
	})
}

func TestUsersMeDecodesUsage(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	me, resp, err := c.Users.GetMe(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, int64(12345678), me.User.ID)
	assert.Equal(t, "taylor-lee", me.User.Username)
	assert.Equal(t, int64(123), me.User.TeamID)
	left, ok := me.APICallsRemaining()
	require.True(t, ok)
	assert.Equal(t, float64(1000000-10788), left)
	storage, ok := me.Operation("file_storage_limit")
	require.True(t, ok)
	assert.InDelta(t, 0.72, storage.Remaining(), 1e-9)
	_, ok = me.Operation("no_such_operation")
	assert.False(t, ok)

	req, _ := h.LastRequest()
	assert.Equal(t, canaryKey, req.Header.Get("X-Api-Key"))
	assert.Contains(t, req.Header.Get("User-Agent"), "postman-go/"+Version)
}

func TestUsersGetRejectsBadIDsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	for _, id := range []string{"", ".", ".."} {
		_, resp, err := c.Users.Get(t.Context(), id)
		assert.ErrorIs(t, err, ErrInvalidArgument, "id %q", id)
		assert.Nil(t, resp)
	}
	assert.Empty(t, h.Ran())
}
