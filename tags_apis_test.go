package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestAPIsTags(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tags, _, err := c.Tags.GetAPITags(t.Context(), testAPIID)
	require.NoError(t, err)
	require.Len(t, tags, 2)
	assert.Equal(t, "needs-review", tags[0].Slug)
	assert.Equal(t, "test-api", tags[1].Slug)

	tags, _, err = c.Tags.UpdateAPITags(t.Context(), testAPIID, []string{"needs-review"})
	require.NoError(t, err)
	assert.Len(t, tags, 2)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"tags":[{"slug":"needs-review"}]}`, string(body))

	_, _, err = c.Tags.UpdateAPITags(t.Context(), testAPIID, nil)
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"tags":[]}`, string(body), "no tags removes them all rather than sending null")
}

func TestAPIsTagsArePlanGated(t *testing.T) {
	enterpriseOnly := apiJSON(http.StatusForbidden, `{"type":"https://api.postman.com/problems/forbidden","title":"Access Denied","detail":"The tags feature is only available to enterprise teams","status":403}`)
	t.Run("enterprise only", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getApiTags", enterpriseOnly)
		h.Respond("updateApiTags", enterpriseOnly)
		c := newTestClient(t, h.URL)
		_, _, err := c.Tags.GetAPITags(t.Context(), testAPIID)
		assert.ErrorIs(t, err, ErrFeatureUnavailable)
		assert.ErrorIs(t, err, ErrForbidden)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "The tags feature is only available to enterprise teams", apiErr.Detail)
		assert.Equal(t, apiErr.Error(), err.Error())

		_, _, err = c.Tags.UpdateAPITags(t.Context(), testAPIID, nil)
		assert.ErrorIs(t, err, ErrFeatureUnavailable)
	})
	t.Run("region", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("getApiTags", http.StatusForbidden)
		c := newTestClient(t, h.URL)
		_, _, err := c.Tags.GetAPITags(t.Context(), testAPIID)
		assert.ErrorIs(t, err, ErrFeatureUnavailable)
	})
	t.Run("permission is not plan", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("getApiTags", apiJSON(http.StatusForbidden, `{"type":"ForbiddenError","title":"You are not permitted to perform the action.","detail":"Please ensure that you have required permissions"}`))
		c := newTestClient(t, h.URL)
		_, _, err := c.Tags.GetAPITags(t.Context(), testAPIID)
		assert.ErrorIs(t, err, ErrForbidden)
		assert.NotErrorIs(t, err, ErrFeatureUnavailable)
	})
	t.Run("not found", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("updateApiTags", http.StatusNotFound)
		c := newTestClient(t, h.URL)
		_, _, err := c.Tags.UpdateAPITags(t.Context(), testAPIID, []string{"needs-review"})
		assert.ErrorIs(t, err, ErrNotFound)
	})
}
