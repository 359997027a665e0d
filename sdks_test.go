package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const (
	testSDKID        = "9c4e7d1a-2b3c-4f5e-8a9b-1c2d3e4f5a6b"
	testGitConnID    = "8d4f7c1a-2b3e-4f5a-9c8d-1a2b3c4d5e6f"
	testSDKSourceID  = "12ece9e1-2abf-4edc-8e34-de66e74114d2"
	testSDKWorkspace = "7f6c5d4e-3b2a-1234-9876-abcdef012345"
)

// sdkAccepted answers POST /sdks like Postman: 202, the new SDK's URL in
// Location, no body. The description's example has no Location, so the
// harness cannot produce this answer by itself.
func sdkAccepted(location string) conformance.Responder {
	return func(w http.ResponseWriter, _ *http.Request) {
		if location != "" {
			w.Header().Set("Location", location)
		}
		w.WriteHeader(http.StatusAccepted)
	}
}

func testSDKCreateRequest() SDKCreateParams {
	return SDKCreateParams{
		Language:          SDKTypeScript,
		Source:            SDKSource{Type: SDKSourceCollection, ID: testSDKSourceID},
		Authors:           []SDKAuthor{{Name: "Engineering", Email: "sdk@example.com"}},
		Retry:             &SDKRetry{MaxAttempts: 5, RetryDelay: 200, HTTPCodesToRetry: []int{429, 503}},
		TypeScriptOptions: &SDKTypeScriptOptions{NpmOrg: "@engineering", NpmName: "engineering-sdk"},
	}
}

func TestSDKsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.List(ctx, testWorkspaceID, &SDKListOptions{BuildStatus: SDKSucceeded, Language: SDKGo,
				SourceID: testSDKSourceID, CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListByIDs", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.List(ctx, testWorkspaceID, &SDKListOptions{SDKIDs: []string{testSDKID, "6c2d9f5b-ae21-5089-a2e1-3d3f4b5c6d7e"}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.SDKs.ListIter(ctx, testWorkspaceID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.Create(ctx, testSDKCreateRequest())
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.Get(ctx, testSDKID)
			return err
		}},
		{name: "WaitGeneration", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.WaitGeneration(ctx, &SDKGeneration{SDKID: testSDKID})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.SDKs.Delete(ctx, testSDKID)
			return err
		}},
		{name: "DownloadURL", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.GetDownloadURL(ctx, testSDKID)
			return err
		}},
		{name: "GitConnections", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.ListGitConnections(ctx, testWorkspaceID, &SDKGitConnectionListOptions{Language: SDKTypeScript,
				Status: SDKGitActive, SourceID: testSDKSourceID, RepositoryURL: "https://git.example.com/engineering/engineering-sdk"})
			return err
		}},
		{name: "GitConnectionsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.SDKs.ListGitConnectionsIter(ctx, testWorkspaceID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "CreateGitConnection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.CreateGitConnection(ctx, SDKGitConnectionCreateParams{
				Source: SDKSource{Type: SDKSourceCollection, ID: testSDKSourceID}, Language: SDKTypeScript,
				RepositoryURL: "https://git.example.com/engineering/engineering-sdk", TargetBranch: "main",
				AutoUpdatePullRequestsEnabled: Ptr(true)})
			return err
		}},
		{name: "GetGitConnection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.GetGitConnection(ctx, testGitConnID)
			return err
		}},
		{name: "UpdateGitConnection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.UpdateGitConnection(ctx, testGitConnID, SDKGitConnectionUpdateParams{Status: SDKGitDisconnected})
			return err
		}},
		{name: "GitPullRequests", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.SDKs.ListGitPullRequests(ctx, testGitConnID, &SDKPullRequestListOptions{Status: SDKPullRequestMerged})
			return err
		}},
		{name: "GitPullRequestsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.SDKs.ListGitPullRequestsIter(ctx, testGitConnID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
	})
}

func TestSDKsListDecodesAndSendsFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	list, resp, err := c.SDKs.List(t.Context(), testWorkspaceID, &SDKListOptions{SDKIDs: []string{testSDKID, "b"}, Language: SDKPython})
	require.NoError(t, err)
	assert.Equal(t, 1, resp.Total)
	assert.Empty(t, resp.NextCursor)
	require.Len(t, list, 1)
	sdk := list[0]
	assert.Equal(t, SDKTypeScript, sdk.Language)
	assert.Equal(t, SDKSource{Type: SDKSourceCollection, ID: testSDKSourceID}, sdk.Source)
	assert.Equal(t, testSDKWorkspace, sdk.WorkspaceID)
	assert.Equal(t, SDKSucceeded, sdk.BuildStatus)
	assert.Equal(t, "1.0.0", sdk.Version)
	assert.Equal(t, 2026, sdk.UpdatedAt.Year())

	req, _ := h.LastRequest()
	q := req.URL.Query()
	assert.Equal(t, testWorkspaceID, q.Get("workspaceId"))
	assert.Equal(t, testSDKID+",b", q.Get("sdkIds"))
	assert.Equal(t, "python", q.Get("language"))

	_, resp, err = c.SDKs.List(t.Context(), "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Nil(t, resp)
}

func TestSDKsCreateReturnsTheGenerationJob(t *testing.T) {
	h := conformance.New(t)
	h.Respond("createSdk", sdkAccepted("https://api.postman.com/sdks/"+testSDKID))
	c := newTestClient(t, h.URL)
	job, resp, err := c.SDKs.Create(t.Context(), testSDKCreateRequest())
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.Equal(t, testSDKID, job.SDKID)
	assert.Equal(t, "https://api.postman.com/sdks/"+testSDKID, job.Location)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"language":"typescript","source":{"type":"collection","id":"`+testSDKSourceID+`"},
		"authors":[{"name":"Engineering","email":"sdk@example.com"}],
		"retry":{"maxAttempts":5,"retryDelay":200,"httpCodesToRetry":[429,503]},
		"typescriptOptions":{"npmOrg":"@engineering","npmName":"engineering-sdk"}}`, string(body))

	h.Respond("createSdk", sdkAccepted("/sdks/abc"))
	job, _, err = c.SDKs.Create(t.Context(), testSDKCreateRequest())
	require.NoError(t, err)
	assert.Equal(t, "abc", job.SDKID, "a relative Location works too")

	h.Respond("createSdk", sdkAccepted(""))
	job, resp, err = c.SDKs.Create(t.Context(), testSDKCreateRequest())
	assert.ErrorContains(t, err, "names no SDK")
	assert.Nil(t, job)
	assert.NotNil(t, resp)
}

// sdkBuilds answers GET /sdks/{id} with the given build states in turn.
func sdkBuilds(states ...string) (conformance.Responder, *atomic.Int32) {
	var n atomic.Int32
	return func(w http.ResponseWriter, _ *http.Request) {
		state := states[min(int(n.Add(1))-1, len(states)-1)]
		extra := ""
		if state == "failed" {
			extra = `,"error":{"code":"spec_validation_failed","message":"OpenAPI spec failed validation: missing operationId on GET /foo"}`
		}
		respondJSON(http.StatusOK, fmt.Sprintf(`{"id":%q,"language":"go","source":{"type":"spec","id":"s"},"workspaceId":"w",
			"buildStatus":%q,"createdAt":"2026-06-02T14:11:09Z","updatedAt":"2026-06-02T14:12:55Z"%s}`, testSDKID, state, extra))(w, nil)
	}, &n
}

func TestSDKsWaitGeneration(t *testing.T) {
	h := conformance.New(t)
	responder, polls := sdkBuilds("queued", "in_progress", "succeeded")
	h.Respond("getSdk", responder)
	c := newTestClient(t, h.URL)
	sdk, _, err := c.SDKs.WaitGeneration(t.Context(), &SDKGeneration{SDKID: testSDKID})
	require.NoError(t, err)
	assert.Equal(t, SDKSucceeded, sdk.BuildStatus)
	assert.Equal(t, int32(3), polls.Load())

	h2 := conformance.New(t)
	responder, _ = sdkBuilds("queued", "failed")
	h2.Respond("getSdk", responder)
	c2 := newTestClient(t, h2.URL)
	sdk, _, err = c2.SDKs.WaitGeneration(t.Context(), &SDKGeneration{SDKID: testSDKID})
	assert.Nil(t, sdk)
	var tf *TaskFailedError
	require.ErrorAs(t, err, &tf)
	assert.Equal(t, "failed", tf.Status)
	assert.Equal(t, "spec_validation_failed: OpenAPI spec failed validation: missing operationId on GET /foo", tf.Details)
	assert.Contains(t, tf.Task, testSDKID)

	h3 := conformance.New(t)
	h3.Status("getSdk", http.StatusNotFound)
	c3 := newTestClient(t, h3.URL)
	_, _, err = c3.SDKs.WaitGeneration(t.Context(), &SDKGeneration{SDKID: testSDKID})
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestSDKsDownloadURLAndDelete(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	d, _, err := c.SDKs.GetDownloadURL(t.Context(), testSDKID)
	require.NoError(t, err)
	assert.Equal(t, "https://sdk-gen-artifacts.s3.amazonaws.com/...signed...", d.URL)
	assert.Equal(t, SDKTypeScript, d.Language)
	assert.Equal(t, 2026, d.ExpiresAt.Year())

	resp, err := c.SDKs.Delete(t.Context(), testSDKID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	req, _ := h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "/sdks/"+testSDKID, req.URL.Path)
}

func TestSDKsErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getSdks", http.StatusForbidden)
	h.Status("deleteSdk", http.StatusConflict)
	h.Status("createSdkGitConnection", http.StatusConflict)
	h.Status("getSdkDownloadUrl", http.StatusNotFound)
	c := newTestClient(t, h.URL)

	_, _, err := c.SDKs.List(t.Context(), testWorkspaceID, nil)
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	_, err = c.SDKs.Delete(t.Context(), testSDKID)
	assert.ErrorIs(t, err, ErrConflict)
	_, _, err = c.SDKs.CreateGitConnection(t.Context(), SDKGitConnectionCreateParams{
		Source: SDKSource{Type: SDKSourceSpec, ID: "s"}, Language: SDKGo, RepositoryURL: "https://git.example.com/a/b"})
	assert.ErrorIs(t, err, ErrConflict)
	_, _, err = c.SDKs.GetDownloadURL(t.Context(), testSDKID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.SDKs.ListGitPullRequests(t.Context(), "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 4)
}

func TestSDKsGitConnections(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	conn, _, err := c.SDKs.GetGitConnection(t.Context(), testGitConnID)
	require.NoError(t, err)
	assert.Equal(t, testGitConnID, conn.ID)
	assert.Equal(t, SDKGitActive, conn.Status)
	assert.Equal(t, "main", conn.TargetBranch)
	assert.True(t, conn.AutoUpdatePullRequestsEnabled)
	require.Len(t, conn.PullRequests, 1)
	assert.Equal(t, SDKPullRequest{URL: "https://git.example.com/engineering/engineering-sdk/pull/87",
		Status: SDKPullRequestOpen, SDKID: testSDKID}, conn.PullRequests[0])

	_, _, err = c.SDKs.UpdateGitConnection(t.Context(), testGitConnID, SDKGitConnectionUpdateParams{
		Status: SDKGitActive, AutoUpdatePullRequestsEnabled: Ptr(false)})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.JSONEq(t, `{"status":"active","autoUpdatePullRequestsEnabled":false}`, string(body))

	_, _, err = c.SDKs.CreateGitConnection(t.Context(), SDKGitConnectionCreateParams{
		Source: SDKSource{Type: SDKSourceCollection, ID: testSDKSourceID}, Language: SDKTypeScript,
		RepositoryURL: "https://git.example.com/engineering/engineering-sdk"})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"source":{"type":"collection","id":"`+testSDKSourceID+`"},"language":"typescript",
		"repositoryUrl":"https://git.example.com/engineering/engineering-sdk"}`, string(body))

	prs, resp, err := c.SDKs.ListGitPullRequests(t.Context(), testGitConnID, &SDKPullRequestListOptions{Status: SDKPullRequestMerged})
	require.NoError(t, err)
	assert.Equal(t, 1, resp.Total)
	require.Len(t, prs, 1)
	assert.Equal(t, 87, prs[0].Number)
	require.NotNil(t, prs[0].SDK)
	assert.Equal(t, "1.0.4", prs[0].SDK.Version)
	req, _ = h.LastRequest()
	assert.Equal(t, "merged", req.URL.Query().Get("status"))
}

func TestSDKsGitConnectionsIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getSdkGitConnections", func(w http.ResponseWriter, r *http.Request) {
		served++
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		const total = 30
		list := []any{}
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]any{"sdkGitConnectionId": fmt.Sprintf("conn-%d", i),
				"source": map[string]any{"type": "spec", "id": "s"}, "language": "go", "status": "active",
				"repositoryUrl": "https://git.example.com/a/b", "targetBranch": "main", "autoUpdatePullRequestsEnabled": false,
				"pullRequests": []any{}, "createdAt": "2026-04-12T09:00:00Z", "updatedAt": "2026-04-12T09:00:00Z"})
		}
		var next any
		if start+limit < total {
			next = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": list, "meta": map[string]any{"nextCursor": next, "total": total}})
	})
	c := newTestClient(t, h.URL)
	n := 0
	for conn, err := range c.SDKs.ListGitConnectionsIter(t.Context(), testWorkspaceID, &SDKGitConnectionListOptions{Language: SDKGo}) {
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("conn-%d", n), conn.ID)
		n++
	}
	assert.Equal(t, 30, n)
	assert.Equal(t, 2, served)
	for _, r := range h.Requests() {
		assert.Equal(t, testWorkspaceID, r.URL.Query().Get("workspaceId"))
		assert.Equal(t, "25", r.URL.Query().Get("limit"))
		assert.Equal(t, "go", r.URL.Query().Get("language"))
	}

	served = 0
	for _, err := range c.SDKs.ListGitConnectionsIter(t.Context(), testWorkspaceID, nil) {
		require.NoError(t, err)
		break
	}
	assert.Equal(t, 1, served, "stopping early fetches no further page")
}

func TestSDKIDFromLocation(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.postman.com/sdks/abc":  "abc",
		"https://api.postman.com/sdks/abc/": "abc",
		"/sdks/abc?x=1":                     "abc",
		"https://api.postman.com/sdks/":     "",
		"https://api.postman.com/other/abc": "",
		"https://api.postman.com/sdks/..":   "",
		"":                                  "",
		"://bad":                            "",
	} {
		assert.Equal(t, want, sdkIDFromLocation(in), in)
	}
}
