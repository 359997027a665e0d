package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestGroupsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Groups.List(ctx)
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Groups.Get(ctx, "123")
			return err
		}},
	})
}

func TestGroupsDecode(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	groups, _, err := c.Groups.List(t.Context())
	require.NoError(t, err)
	require.Len(t, groups, 3)
	assert.Equal(t, "API Test Group", groups[0].Name)
	assert.Equal(t, []int64{12345678, 87654321, 56781234}, groups[0].Members)
	assert.Equal(t, []string{"user"}, groups[0].Roles)
	assert.Equal(t, 2024, groups[0].CreatedAt.Year())
	assert.Empty(t, groups[1].Summary)

	group, _, err := c.Groups.Get(t.Context(), "123")
	require.NoError(t, err)
	assert.Equal(t, int64(1), group.TeamID)
	assert.Equal(t, []int64{12345678}, group.Managers)
	req, _ := h.LastRequest()
	assert.Equal(t, "/groups/123", req.URL.Path)
}

func TestGroupsErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getGroups", http.StatusForbidden) // the first example: "Feature Unavailable"
	h.Status("getGroup", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	_, _, err := c.Groups.List(t.Context())
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	_, _, err = c.Groups.Get(t.Context(), "999")
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Groups.Get(t.Context(), "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
