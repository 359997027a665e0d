package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const packageTestID = "3b60f5f3-cd98-4e04-b560-3eb039fe85d8"

func TestPackagesConformance(t *testing.T) {
	desc := "Updated math utility functions."
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Packages.List(ctx, &PackageListOptions{CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Packages.ListIter(ctx, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Packages.Get(ctx, packageTestID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Packages.Create(ctx, specTestWorkspaceID, PackageCreateParams{Name: "my-math-package", Description: "Math.", Script: "module.exports = {};"})
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Packages.Update(ctx, packageTestID, PackageUpdateParams{Description: &desc})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Packages.Delete(ctx, packageTestID)
			return err
		}},
	})
}

func TestPackagesUpdateSendsMergePatch(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	script := "module.exports = { add: (a, b) => a + b };"
	empty := ""
	pkg, _, err := c.Packages.Update(t.Context(), packageTestID, PackageUpdateParams{Description: &empty, Script: &script})
	require.NoError(t, err)
	assert.Equal(t, "Updated math utility functions.", pkg.Description)
	assert.Equal(t, int64(12345678), pkg.CreatedBy)

	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.Equal(t, "application/merge-patch+json", req.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"description":"","script":"module.exports = { add: (a, b) => a + b };"}`, string(body), "an empty string clears, unlike an unset field")

	_, _, err = c.Packages.Update(t.Context(), packageTestID, PackageUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 1)
}

func TestPackagesCreateAndGet(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	pkg, resp, err := c.Packages.Create(t.Context(), specTestWorkspaceID, PackageCreateParams{Name: "My-Math-Package"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, "my-math-package", pkg.Name)
	req, body := h.LastRequest()
	assert.Equal(t, "workspace="+specTestWorkspaceID, req.URL.RawQuery)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"name":"My-Math-Package"}`, string(body), "empty description and script are left to Postman's defaults")

	pkg, _, err = c.Packages.Get(t.Context(), packageTestID)
	require.NoError(t, err)
	assert.Equal(t, packageTestID, pkg.ID)
	assert.Equal(t, "module.exports = { add: (a, b) => a + b };", pkg.Script)
	assert.Equal(t, 2026, pkg.UpdatedAt.Year())

	h.Respond("getPackage", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"id":"p2","name":"wrapped","description":"","script":"","createdBy":1,"createdAt":"2026-08-01T20:11:17Z","updatedAt":"2026-08-01T20:11:17Z"}}`))
	})
	pkg, _, err = c.Packages.Get(t.Context(), "p2")
	require.NoError(t, err)
	assert.Equal(t, "wrapped", pkg.Name, "the schema's data envelope is unwrapped too")

	_, _, err = c.Packages.Create(t.Context(), "", PackageCreateParams{Name: "x"})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Packages.Create(t.Context(), specTestWorkspaceID, PackageCreateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestPackagesListDecodes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	pkgs, resp, err := c.Packages.List(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, pkgs, 1)
	assert.Equal(t, "my-utils", pkgs[0].Name)
	assert.Equal(t, "Shared utility scripts", pkgs[0].Description)
	assert.Empty(t, pkgs[0].Script)
	assert.Empty(t, resp.NextCursor)
	req, _ := h.LastRequest()
	assert.Empty(t, req.URL.RawQuery)
}

func TestPackagesListIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getPackages", func(w http.ResponseWriter, r *http.Request) {
		served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		data := []any{}
		for i := start; i < min(start+limit, 7); i++ {
			data = append(data, map[string]any{"id": fmt.Sprintf("p%d", i), "name": fmt.Sprintf("pkg-%d", i), "description": "",
				"createdAt": "2026-07-24T10:30:00Z", "updatedAt": "2026-07-24T10:30:00Z"})
		}
		var next any
		if start+limit < 7 {
			next = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data, "meta": map[string]any{"nextCursor": next}})
	})
	c := newTestClient(t, h.URL)
	var names []string
	for p, err := range c.Packages.ListIter(t.Context(), &PackageListOptions{CursorOptions{Limit: 3}}) {
		require.NoError(t, err)
		names = append(names, p.Name)
	}
	assert.Len(t, names, 7)
	assert.Equal(t, "pkg-6", names[6])
	assert.Equal(t, 3, served)

	served = 0
	for range c.Packages.ListIter(t.Context(), &PackageListOptions{CursorOptions{Limit: 3}}) {
		break
	}
	assert.Equal(t, 1, served)
}

func TestPackagesPlanLimitIsA429(t *testing.T) {
	// The documented 429 of the package endpoints: the plan's package
	// count, not the per-minute rate limit.
	h := conformance.New(t)
	h.Status("createPackage", http.StatusTooManyRequests)
	c := newTestClient(t, h.URL, WithMaxRetries(0))
	_, resp, err := c.Packages.Create(t.Context(), specTestWorkspaceID, PackageCreateParams{Name: "one-too-many"})
	require.Error(t, err)
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)

	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.False(t, rl.QuotaExhausted, "the body is not the monthly quota's serviceLimitExhausted")
	assert.NotErrorIs(t, err, ErrQuotaExhausted)
	assert.Equal(t, "https://api.postman.com/problems/rate-limit-exceeded", rl.Type)
	assert.Equal(t, "You've reached the limit for number of Packages.", rl.Detail)
	assert.True(t, PackageLimitReached(err))
	assert.ErrorIs(t, err, ErrPlanLimit)
}

func TestPackagesPlanLimitIsNotRetried(t *testing.T) {
	h := conformance.New(t)
	h.Status("createPackage", http.StatusTooManyRequests)
	c := newTestClient(t, h.URL)
	_, resp, err := c.Packages.Create(t.Context(), specTestWorkspaceID, PackageCreateParams{Name: "one-too-many"})
	require.ErrorIs(t, err, ErrPlanLimit)
	assert.Equal(t, 1, resp.Attempts, "waiting does not cure a plan limit")
	assert.Len(t, h.Ran(), 1)
}

func TestPackageLimitReachedTellsLimitsApart(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getPackages", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"type":"https://api.postman.com/problems/rate-limit-exceeded","title":"Too many requests","detail":"Rate limit exceeded. Try again later."}`))
	})
	c := newTestClient(t, h.URL, WithMaxRetries(0))
	_, _, err := c.Packages.List(t.Context(), nil)
	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.False(t, PackageLimitReached(err), "a per-minute limit is not the plan's package limit")

	assert.False(t, PackageLimitReached(nil))
	assert.False(t, PackageLimitReached(ErrRateLimited))
	assert.False(t, PackageLimitReached(&RateLimitError{APIError: &APIError{StatusCode: 429, Name: "serviceLimitExhausted",
		Message: "You've reached the limit for the Postman API usage in your plan."}, QuotaExhausted: true}), "the monthly quota is not the package limit")
}

func TestPackagesErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getPackage", http.StatusNotFound)
	h.Status("deletePackage", http.StatusForbidden)
	c := newTestClient(t, h.URL)
	_, _, err := c.Packages.Get(t.Context(), packageTestID)
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Detail, "does not exist")

	_, err = c.Packages.Delete(t.Context(), packageTestID)
	assert.ErrorIs(t, err, ErrForbidden)
}
