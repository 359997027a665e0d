package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestSecretScannerConformance(t *testing.T) {
	since := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	runConformance(t, []scenario{
		{name: "Search", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SecretScanner.Search(ctx, DetectedSecretSearchParams{
				Resolved: Ptr(true), SecretTypes: []string{"1a7ec5d1-dcba-4ec7-8220-3c1ee490416b"},
				Statuses:              []DetectedSecretResolution{DetectedSecretAcceptedRisk, DetectedSecretRevoked},
				WorkspaceIDs:          []string{"0fe6c2f2-022d-48f7-8e7e-3244369445b0"},
				WorkspaceVisibilities: []DetectedSecretVisibility{DetectedSecretTeam},
			}, &DetectedSecretSearchOptions{IncludeTotal: true, Since: since, Until: since.AddDate(0, 0, 14), CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "SearchByResource", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SecretScanner.Search(ctx, DetectedSecretSearchParams{
				Resolved:  Ptr(false),
				Resources: []DetectedSecretResources{{Type: SecretInExample, IDs: []string{"12345678-400005df-3cad-480c-a027-ea68aed35b60"}}},
			}, nil)
			return err
		}},
		{name: "SearchIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.SecretScanner.SearchIter(ctx, DetectedSecretSearchParams{}, nil) {
				return err // examples with a cursor would repeat it
			}
			return nil
		}},
		{name: "UpdateResolution", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SecretScanner.UpdateResolution(ctx, "MTc0ODA0Mw==", DetectedSecretResolutionUpdateParams{
				Resolution: DetectedSecretAcceptedRisk, WorkspaceID: "e361eeb4-00dd-4225-9774-6146a2555999",
			})
			return err
		}},
		{name: "ListLocations", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SecretScanner.ListLocations(ctx, "MTc0ODA0Mw==", "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", &DetectedSecretLocationListOptions{
				Since: since, Until: since.AddDate(0, 0, 14), ResourceType: SecretInCollection, CursorOptions: CursorOptions{Limit: 10},
			})
			return err
		}},
		{name: "ListLocationsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.SecretScanner.ListLocationsIter(ctx, "MTc0ODA0Mw==", "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "ListTypes", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SecretScanner.ListTypes(ctx)
			return err
		}},
	})
}

func TestSecretScannerSearch(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	secrets, resp, err := c.SecretScanner.Search(t.Context(), DetectedSecretSearchParams{}, &DetectedSecretSearchOptions{
		IncludeTotal: true, Since: time.Date(2022, 6, 1, 2, 0, 0, 0, time.FixedZone("CEST", 2*3600)), CursorOptions: CursorOptions{Limit: 30, Cursor: "MTA4"},
	})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.JSONEq(t, `{}`, string(body), "an empty query finds every secret")
	q := req.URL.Query()
	assert.Equal(t, "meta.total", q.Get("include"))
	assert.Equal(t, "2022-06-01T00:00:00Z", q.Get("since"))
	assert.Equal(t, "30", q.Get("limit"))
	assert.Equal(t, "MTA4", q.Get("cursor"))

	// The first example: "Filter by Resource Type".
	require.Len(t, secrets, 1)
	s := secrets[0]
	assert.Equal(t, "MTAxOTQ0Mw==", s.SecretID)
	assert.Equal(t, "Basic Auth", s.SecretType)
	assert.Equal(t, DetectedSecretActive, s.Resolution)
	assert.Equal(t, DetectedSecretTeam, s.WorkspaceVisibility)
	assert.Equal(t, SecretInExample, s.ResourceType)
	assert.Equal(t, "12345678-400005df-3cad-480c-a027-ea68aed35b60", s.ResourceID)
	assert.Equal(t, 3, s.Occurrences)
	assert.Equal(t, "Basic Q2******", s.ObfuscatedSecret.Reveal())
	assert.Equal(t, 2023, s.DetectedAt.Year())
	assert.Empty(t, resp.NextCursor, "a null nextCursor is the last page")
	assert.Equal(t, 30, resp.Limit)

	_, _, err = c.SecretScanner.Search(t.Context(), DetectedSecretSearchParams{
		Resolved: Ptr(false), Statuses: []DetectedSecretResolution{DetectedSecretFalsePositive},
		Resources: []DetectedSecretResources{{Type: SecretInEnvironment, IDs: []string{"env-1"}}},
	}, nil)
	require.NoError(t, err)
	req, body = h.LastRequest()
	assert.JSONEq(t, `{"resolved":false,"statuses":["FALSE_POSITIVE"],"resources":[{"type":"environment","ids":["env-1"]}]}`, string(body))
	assert.Empty(t, req.URL.RawQuery)
}

func TestDetectedSecretValueNeverPrints(t *testing.T) {
	s := &DetectedSecret{SecretID: "NDcyMjA=", ObfuscatedSecret: "xoxp-25519******"}
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		assert.NotContains(t, fmt.Sprintf(format, s), "xoxp", format)
		assert.NotContains(t, fmt.Sprintf(format, s.ObfuscatedSecret), "xoxp", format)
	}
	assert.Equal(t, "[REDACTED]", s.ObfuscatedSecret.String())
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("finding", "secret", s.ObfuscatedSecret)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("finding", "secret", s.ObfuscatedSecret, "all", s)
	assert.NotContains(t, logs.String(), "xoxp")
	assert.Equal(t, "xoxp-25519******", s.ObfuscatedSecret.Reveal())
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"obfuscatedSecret":"xoxp-25519******"`, "exports keep Postman's obfuscated value")
}

// pagedSecrets answers POST /detected-secrets-queries with total secrets
// in pages of the requested limit, using the offset as the cursor.
func pagedSecrets(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		data := []any{}
		for i := start; i < min(start+limit, total); i++ {
			data = append(data, map[string]any{"secretId": fmt.Sprintf("s-%d", i), "secretType": "Postman API Key", "resolution": "ACTIVE",
				"obfuscatedSecret": "PMAK-******", "workspaceVisibility": "team"})
		}
		meta := map[string]any{"limit": limit, "nextCursor": nil}
		if start+limit < total {
			meta["nextCursor"] = strconv.Itoa(start + limit)
		}
		accountJSON(http.StatusOK, map[string]any{"data": data, "meta": meta})(w, r)
	}
}

func TestSecretScannerSearchIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("detectedSecretsQueries", pagedSecrets(5, &served))
	c := newTestClient(t, h.URL)

	query := DetectedSecretSearchParams{Statuses: []DetectedSecretResolution{DetectedSecretRevoked}}
	var ids []string
	for s, err := range c.SecretScanner.SearchIter(t.Context(), query, &DetectedSecretSearchOptions{CursorOptions: CursorOptions{Limit: 2}}) {
		require.NoError(t, err)
		ids = append(ids, s.SecretID)
	}
	assert.Equal(t, []string{"s-0", "s-1", "s-2", "s-3", "s-4"}, ids)
	assert.Equal(t, 3, served)
	reqs := h.Requests()
	require.Len(t, reqs, 3)
	assert.Empty(t, reqs[0].URL.Query().Get("cursor"))
	assert.Equal(t, "2", reqs[1].URL.Query().Get("cursor"))
	assert.Equal(t, "4", reqs[2].URL.Query().Get("cursor"))
	assert.JSONEq(t, `{"statuses":["REVOKED"]}`, string(accountLastBody(h)), "every page sends the query")

	served = 0
	n := 0
	for _, err := range c.SecretScanner.SearchIter(t.Context(), query, &DetectedSecretSearchOptions{CursorOptions: CursorOptions{Limit: 2}}) {
		require.NoError(t, err)
		if n++; n == 3 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")

	for _, err := range c.SecretScanner.SearchIter(t.Context(), query, nil) {
		require.NoError(t, err)
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "100", req.URL.Query().Get("limit"))
}

func TestSecretScannerUpdateResolutionAndTypes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	status, _, err := c.SecretScanner.UpdateResolution(t.Context(), "MTc0ODA0Mw==", DetectedSecretResolutionUpdateParams{
		Resolution: DetectedSecretRevoked, WorkspaceID: "e361eeb4-00dd-4225-9774-6146a2555999",
	})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/detected-secrets/MTc0ODA0Mw==", req.URL.Path)
	assert.JSONEq(t, `{"resolution":"REVOKED","workspaceId":"e361eeb4-00dd-4225-9774-6146a2555999"}`, string(body))
	assert.Equal(t, DetectedSecretAcceptedRisk, status.Resolution)
	require.Len(t, status.History, 2)
	assert.Equal(t, int64(12345678), status.History[0].Actor)
	assert.Equal(t, DetectedSecretFalsePositive, status.History[0].Resolution)
	assert.Equal(t, 2024, status.History[0].CreatedAt.Year())

	types, resp, err := c.SecretScanner.ListTypes(t.Context())
	require.NoError(t, err)
	require.Len(t, types, 4)
	assert.Equal(t, SecretType{ID: "04084949-0dda-4735-ace5-f83038f7b200", Name: "Postman Collection Key", Origin: SecretTypeDefault}, *types[0])
	assert.Equal(t, 4, resp.Total)
}

func TestSecretScannerListLocations(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	locs, resp, err := c.SecretScanner.ListLocations(t.Context(), "MTc0ODA0Mw==", "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", &DetectedSecretLocationListOptions{
		ResourceType: SecretInExample, CursorOptions: CursorOptions{Limit: 2},
	})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "/detected-secrets/MTc0ODA0Mw==/locations", req.URL.Path)
	q := req.URL.Query()
	assert.Equal(t, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", q.Get("workspaceId"))
	assert.Equal(t, "example", q.Get("resourceType"))
	assert.Equal(t, "2", q.Get("limit"))

	require.Len(t, locs.Locations, 1)
	l := locs.Locations[0]
	assert.Equal(t, "Headers", l.Location)
	assert.Equal(t, SecretInExample, l.ResourceType)
	assert.Equal(t, "12345678-14728df4-c7af-424f-b665-5047b7d25866", l.ParentResourceID)
	assert.False(t, l.IsResourceDeleted)
	assert.Equal(t, int64(12345678), l.LeakedBy)
	assert.Equal(t, "Postman API Key", locs.SecretType)
	assert.Equal(t, "PMAK-644781584627df042afa6655-******ba", locs.ObfuscatedSecret.Reveal())
	assert.NotContains(t, fmt.Sprintf("%+v", locs), "PMAK-6447")
	require.Len(t, locs.ActivityFeed, 1)
	assert.Equal(t, DetectedSecretActive, locs.ActivityFeed[0].Status)
	assert.Equal(t, 3, locs.Total)
	assert.Equal(t, 3, resp.Total)
	assert.Empty(t, resp.NextCursor)

	_, _, err = c.SecretScanner.ListLocations(t.Context(), "MTc0ODA0Mw==", "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.SecretScanner.ListLocations(t.Context(), "", "ws", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.SecretScanner.UpdateResolution(t.Context(), "..", DetectedSecretResolutionUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestSecretScannerListLocationsIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getDetectedSecretsLocations", func(w http.ResponseWriter, r *http.Request) {
		served++
		page := map[string]any{
			"data": []any{map[string]any{"resourceType": "request", "resourceId": "r-" + strconv.Itoa(served), "location": "Body"}},
			"meta": map[string]any{"nextCursor": nil, "total": 2, "obfuscatedSecret": "PMAK-******"},
		}
		if served == 1 {
			page["meta"].(map[string]any)["nextCursor"] = "Mg=="
		}
		accountJSON(http.StatusOK, page)(w, r)
	})
	c := newTestClient(t, h.URL)
	var ids []string
	for l, err := range c.SecretScanner.ListLocationsIter(t.Context(), "MTc0ODA0Mw==", "ws-1", nil) {
		require.NoError(t, err)
		ids = append(ids, l.ResourceID)
	}
	assert.Equal(t, []string{"r-1", "r-2"}, ids)
	req, _ := h.LastRequest()
	assert.Equal(t, "Mg==", req.URL.Query().Get("cursor"))
	assert.Equal(t, "ws-1", req.URL.Query().Get("workspaceId"))
}

func TestSecretScannerPlanGating(t *testing.T) {
	h := conformance.New(t)
	h.Status("getSecretTypes", http.StatusForbidden) // "Feature Unavailable"
	h.Respond("detectedSecretsQueries", accountJSON(http.StatusForbidden, map[string]any{
		"instance": "", "status": 403, "type": "FORBIDDEN",
		"title": "This feature is only available with \"Advanced Security Administration\" add-on. Contact your team admin to purchase this add-on.",
	}))
	h.Respond("updateDetectedSecretResolutions", accountJSON(http.StatusForbidden, map[string]any{
		"instance": "", "status": 403, "type": "FORBIDDEN",
		"title": "Only members with Superadmin, Admin, or Workspace Admin roles can view the detected secrets.",
	}))
	c := newTestClient(t, h.URL)

	_, _, err := c.SecretScanner.ListTypes(t.Context())
	assert.ErrorIs(t, err, ErrFeatureUnavailable)

	_, _, err = c.SecretScanner.Search(t.Context(), DetectedSecretSearchParams{}, nil)
	assert.ErrorIs(t, err, ErrFeatureUnavailable, "the missing add-on is plan gating")
	assert.ErrorIs(t, err, ErrForbidden)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "FORBIDDEN", apiErr.Type)
	assert.Contains(t, err.Error(), "Advanced Security Administration")
	for _, err := range c.SecretScanner.SearchIter(t.Context(), DetectedSecretSearchParams{}, nil) {
		assert.ErrorIs(t, err, ErrFeatureUnavailable)
	}

	_, _, err = c.SecretScanner.UpdateResolution(t.Context(), "MTc0ODA0Mw==", DetectedSecretResolutionUpdateParams{Resolution: DetectedSecretRevoked, WorkspaceID: "w"})
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable, "a missing role is not plan gating")
}
