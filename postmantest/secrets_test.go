package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestDetectedSecretsSearchLocationsAndResolution(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	public := srv.AddWorkspace(postmantest.Workspace{Name: "Public APIs", Type: "public"})
	team := srv.Workspaces()[1].ID
	leaked := srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Stripe API Key", Value: "sk_live_0123456789abcdef", WorkspaceID: public,
		Locations: []postmantest.SecretLocation{
			{ResourceType: "request", ResourceID: "12345678-e0df25e0-d245-40dd-89b5-68720d186d3f", Location: "Headers", Occurrences: 2},
			{ResourceType: "environment", ResourceID: "12345678-14728df4-c7af-424f-b665-5047b7d25866", Location: "Variables"},
		}})
	srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Slack Access Token", Value: "xoxp-2551900000-1111", WorkspaceID: team})
	srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Basic Auth", Value: "Basic dXNlcjpwYXNz", WorkspaceID: team, Resolution: "FALSE_POSITIVE"})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	all, resp, err := c.SecretScanner.Search(ctx, postman.DetectedSecretSearchParams{}, &postman.DetectedSecretSearchOptions{IncludeTotal: true})
	require.NoError(t, err)
	require.Len(t, all, 3)
	assert.Equal(t, 3, resp.Total)
	assert.Equal(t, "Basic Auth", all[0].SecretType, "newest first")

	open, _, err := c.SecretScanner.Search(ctx, postman.DetectedSecretSearchParams{Resolved: postman.Ptr(false),
		WorkspaceVisibilities: []postman.DetectedSecretVisibility{postman.DetectedSecretPublic}}, nil)
	require.NoError(t, err)
	require.Len(t, open, 1)
	s := open[0]
	assert.Equal(t, leaked, s.SecretID)
	assert.Equal(t, "Stripe API Key", s.SecretType)
	assert.Equal(t, 3, s.Occurrences)
	assert.Equal(t, postman.DetectedSecretPublic, s.WorkspaceVisibility)
	assert.NotContains(t, s.ObfuscatedSecret.Reveal(), "abcdef", "only the start of a secret is shown")
	assert.Len(t, s.SecretHash, 64)

	var pages []string
	for sec, err := range c.SecretScanner.SearchIter(ctx, postman.DetectedSecretSearchParams{}, &postman.DetectedSecretSearchOptions{CursorOptions: postman.CursorOptions{Limit: 2}}) {
		require.NoError(t, err)
		pages = append(pages, sec.SecretType)
	}
	assert.Equal(t, []string{"Basic Auth", "Slack Access Token", "Stripe API Key"}, pages)

	byResource, _, err := c.SecretScanner.Search(ctx, postman.DetectedSecretSearchParams{Resources: []postman.DetectedSecretResources{
		{Type: postman.SecretInEnvironment, IDs: []string{"12345678-14728df4-c7af-424f-b665-5047b7d25866"}}}}, nil)
	require.NoError(t, err)
	require.Len(t, byResource, 1)
	assert.Equal(t, postman.SecretInEnvironment, byResource[0].ResourceType)
	assert.Equal(t, 1, byResource[0].Occurrences)

	locs, _, err := c.SecretScanner.ListLocations(ctx, leaked, public, nil)
	require.NoError(t, err)
	require.Len(t, locs.Locations, 2)
	assert.Equal(t, 2, locs.Total)
	assert.Equal(t, "Stripe API Key", locs.SecretType)
	assert.Equal(t, "Headers", locs.Locations[0].Location)
	assert.Contains(t, locs.Locations[0].URL, public)
	assert.Empty(t, locs.ActivityFeed)

	status, _, err := c.SecretScanner.UpdateResolution(ctx, leaked, postman.DetectedSecretResolutionUpdateParams{Resolution: postman.DetectedSecretRevoked, WorkspaceID: public})
	require.NoError(t, err)
	assert.Equal(t, postman.DetectedSecretRevoked, status.Resolution)
	require.Len(t, status.History, 1)
	assert.Equal(t, []postmantest.SecretResolution{{Resolution: "REVOKED", Actor: srv.SecretResolutions(leaked)[0].Actor, At: srv.SecretResolutions(leaked)[0].At}}, srv.SecretResolutions(leaked))
	assert.Equal(t, "REVOKED", srv.DetectedSecrets()[0].Resolution)

	locs, _, err = c.SecretScanner.ListLocations(ctx, leaked, public, &postman.DetectedSecretLocationListOptions{ResourceType: postman.SecretInEnvironment})
	require.NoError(t, err)
	require.Len(t, locs.Locations, 1)
	require.Len(t, locs.ActivityFeed, 1)
	assert.Equal(t, postman.DetectedSecretRevoked, locs.ActivityFeed[0].Status)

	resolved, _, err := c.SecretScanner.Search(ctx, postman.DetectedSecretSearchParams{Resolved: postman.Ptr(true)}, nil)
	require.NoError(t, err)
	assert.Len(t, resolved, 2)

	types, _, err := c.SecretScanner.ListTypes(ctx)
	require.NoError(t, err)
	var names []string
	for _, ty := range types {
		names = append(names, ty.Name)
	}
	assert.Contains(t, names, "Stripe API Key")
}

func TestDetectedSecretErrors(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	id := srv.AddDetectedSecret(postmantest.DetectedSecret{Type: "Acme Token", Value: "acme-123456", WorkspaceID: ws})
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	_, _, err := c.SecretScanner.Search(ctx, postman.DetectedSecretSearchParams{WorkspaceIDs: []string{ws},
		Resources: []postman.DetectedSecretResources{{Type: postman.SecretInRequest, IDs: []string{"x"}}}}, nil)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, "Invalid filters specified", apiErr.Title)

	types, _, err := c.SecretScanner.ListTypes(ctx)
	require.NoError(t, err)
	assert.Equal(t, postman.SecretTypeTeamRegex, types[len(types)-1].Origin, "an unknown type name is the team's own")

	// An unknown resolution needs a client that does not validate.
	plain, err := postman.NewClient("any-key", postman.WithBaseURL(srv.URL), postman.WithMaxRetries(0))
	require.NoError(t, err)
	t.Cleanup(plain.CloseIdleConnections)
	_, _, err = plain.SecretScanner.UpdateResolution(ctx, id, postman.DetectedSecretResolutionUpdateParams{Resolution: "FIXED", WorkspaceID: ws})
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Title, "`resolution` must be one of")

	// An unknown secret gets the documented 403, not an undocumented 404.
	_, _, err = c.SecretScanner.ListLocations(ctx, "bm9uZQ==", ws, nil)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 403, apiErr.StatusCode)
	assert.Equal(t, "Forbidden", apiErr.Detail)
	require.ErrorIs(t, err, postman.ErrForbidden)
	_, _, err = c.SecretScanner.UpdateResolution(ctx, "bm9uZQ==", postman.DetectedSecretResolutionUpdateParams{Resolution: "REVOKED", WorkspaceID: ws})
	require.ErrorIs(t, err, postman.ErrForbidden)
}
