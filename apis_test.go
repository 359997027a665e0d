package postman

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// IDs of the description's examples.
const (
	testAPIID         = "90ca9f5a-c4c4-11ed-afa1-0242ac120002"
	testAPIWorkspace  = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"
	testAPIVersionID  = "12ece9e1-2abf-4edc-8e34-de66e74114d2"
	testAPISchemaID   = "5381f010-c4c1-11ed-afa1-0242ac120002"
	testAPICollection = "12345678-61867bcc-c4c1-11ed-afa1-0242ac120002"
	testAPITaskID     = "66ae9950-0869-4e65-96b0-1e0e47e771af"
	testAPIFilePath   = "postman/schemas/index.yaml"
)

// apiScenarios calls every API Builder operation once.
func apiScenarios() []scenario {
	return []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.List(ctx, testAPIWorkspace, &APIListOptions{CreatedBy: 12345678, Description: "testing",
				CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.APIs.ListIter(ctx, testAPIWorkspace, nil) {
				return err // the first page is enough: the example's cursor would repeat
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.Get(ctx, testAPIID, &APIGetOptions{Include: []APIInclude{APIIncludeSchemas, APIIncludeVersions}})
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.Create(ctx, testAPIWorkspace, APICreateParams{Name: "Test API", Summary: "Testing API", Description: "This is a test API."})
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.Update(ctx, testAPIID, APIUpdateParams{Name: "Test API", Summary: Ptr("Testing API")})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.APIs.Delete(ctx, testAPIID)
			return err
		}},
		{name: "ListVersions", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.ListVersions(ctx, testAPIID, &APIVersionListOptions{CursorOptions{Limit: 2}})
			return err
		}},
		{name: "GetVersion", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.GetVersion(ctx, testAPIID, testAPIVersionID)
			return err
		}},
		{name: "CreateVersion", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.CreateVersion(ctx, testAPIID, APIVersionCreateParams{Name: "v1", ReleaseNotes: "This is the first release.",
				Schemas:     []APIVersionSchemaSource{{ID: testAPISchemaID}},
				Collections: []APIVersionCollectionSource{{ID: testAPICollection}}})
			return err
		}},
		{name: "CreateVersionGit", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.CreateVersion(ctx, testAPIID, APIVersionCreateParams{Name: "v1", Branch: "develop",
				Schemas:     []APIVersionSchemaSource{{DirectoryPath: "postman/schemas"}},
				Collections: []APIVersionCollectionSource{{FilePath: "postman/collections/c1.json"}}})
			return err
		}},
		{name: "UpdateVersion", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.UpdateVersion(ctx, testAPIID, testAPIVersionID, APIVersionUpdateParams{Name: "Release 1.5", ReleaseNotes: Ptr("Update.")})
			return err
		}},
		{name: "DeleteVersion", call: func(ctx context.Context, c *Client) error {
			_, err := c.APIs.DeleteVersion(ctx, testAPIID, testAPIVersionID)
			return err
		}},
		{name: "CreateSchema", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.CreateSchema(ctx, testAPIID, APISchemaCreateParams{Type: APISchemaOpenAPI3,
				Files: []APISchemaFileSource{{Path: "index.yaml", Content: "openapi: 3.0.0\n"}}})
			return err
		}},
		{name: "GetSchema", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.GetSchema(ctx, testAPIID, testAPISchemaID, &APISchemaGetOptions{VersionID: testAPIVersionID, Bundled: true})
			return err
		}},
		{name: "ListSchemaFiles", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.ListSchemaFiles(ctx, testAPIID, testAPISchemaID, &APISchemaFileListOptions{VersionID: testAPIVersionID,
				CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "GetSchemaFile", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.GetSchemaFile(ctx, testAPIID, testAPISchemaID, testAPIFilePath, &APISchemaFileGetOptions{VersionID: testAPIVersionID})
			return err
		}},
		{name: "PutSchemaFile", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.ReplaceSchemaFile(ctx, testAPIID, testAPISchemaID, testAPIFilePath, APISchemaFileReplaceParams{Content: Ptr("openapi: 3.0.0\n")})
			return err
		}},
		{name: "DeleteSchemaFile", call: func(ctx context.Context, c *Client) error {
			_, err := c.APIs.DeleteSchemaFile(ctx, testAPIID, testAPISchemaID, testAPIFilePath)
			return err
		}},
		{name: "AddCollectionCopy", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.AddCollection(ctx, testAPIID, APICollectionAddParams{OperationType: APICollectionCopy, CollectionID: testAPICollection})
			return err
		}},
		{name: "AddCollectionGenerate", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.AddCollection(ctx, testAPIID, APICollectionAddParams{OperationType: APICollectionGenerateFromSchema,
				Name: "Generated", Options: map[string]any{"folderStrategy": "Tags", "enableOptionalParameters": true}})
			return err
		}},
		{name: "AddCollectionCreate", call: func(ctx context.Context, c *Client) error {
			doc := json.RawMessage(`{"info":{"name":"New","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}`)
			_, _, err := c.APIs.AddCollection(ctx, testAPIID, APICollectionAddParams{OperationType: APICollectionCreateNew, Collection: doc})
			return err
		}},
		{name: "GetCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.GetCollection(ctx, testAPIID, testAPICollection, &APICollectionGetOptions{VersionID: testAPIVersionID})
			return err
		}},
		{name: "SyncCollectionWithSchema", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.SyncCollectionWithSchema(ctx, testAPIID, testAPICollection)
			return err
		}},
		{name: "GetTask", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.GetTask(ctx, testAPIID, testAPITaskID)
			return err
		}},
		{name: "GetAPITags", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.GetAPITags(ctx, testAPIID)
			return err
		}},
		{name: "UpdateAPITags", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Tags.UpdateAPITags(ctx, testAPIID, []string{"needs-review"})
			return err
		}},
	}
}

func TestAPIsConformance(t *testing.T) {
	runConformance(t, apiScenarios())
}

// TestAPIsSendV10AcceptOnEveryRequest runs every operation against one
// harness and checks every request it saw: without the v10 media type,
// Postman serves the retired v9 API Builder.
func TestAPIsSendV10AcceptOnEveryRequest(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	for _, sc := range apiScenarios() {
		require.NoError(t, sc.call(t.Context(), c), sc.name)
	}
	reqs := h.Requests()
	require.Len(t, reqs, len(apiScenarios()))
	for _, r := range reqs {
		assert.Equal(t, []string{"application/vnd.api.v10+json"}, r.Header.Values("Accept"), "%s %s", r.Method, r.URL.Path)
	}
	ran := map[string]bool{}
	for _, id := range h.Ran() {
		ran[id] = true
	}
	assert.Len(t, ran, 22, "every API Builder operation and the two API tag operations")
}

func TestAPIsListDecodesPageAndSendsQuery(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	apis, resp, err := c.APIs.List(t.Context(), testAPIWorkspace, &APIListOptions{CreatedBy: 12345678, Description: "test api",
		CursorOptions: CursorOptions{Cursor: "abc", Limit: 4}})
	require.NoError(t, err)
	require.Len(t, apis, 4)
	assert.Equal(t, "73e15000-bc7a-4802-b80e-05fff18fd7f8", apis[0].ID)
	assert.Equal(t, "New API", apis[0].Name)
	assert.Equal(t, APIUserID("12345678"), apis[0].CreatedBy)
	assert.Equal(t, 2023, apis[0].CreatedAt.Year())
	assert.Equal(t, "This is an API for testing purposes.", apis[1].Description)
	assert.Equal(t, "VGh1IE1hciAxNiAyMDIzIDE3OjIxOjUzIEdNVCswMDAwIChDb29yZGluYXRlZCBVbml2ZXJzYWwgVGltZSk=", resp.NextCursor)
	assert.Equal(t, 4, resp.Total)
	assert.Equal(t, 10, resp.Limit)

	req, _ := h.LastRequest()
	q := req.URL.Query()
	assert.Equal(t, testAPIWorkspace, q.Get("workspaceId"))
	assert.Equal(t, "12345678", q.Get("createdBy"))
	assert.Equal(t, "test api", q.Get("description"))
	assert.Equal(t, "abc", q.Get("cursor"))
	assert.Equal(t, "4", q.Get("limit"))
}

func TestAPIsRequireWorkspaceBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.APIs.List(t.Context(), "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.APIs.Create(t.Context(), "", APICreateParams{Name: "x"})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.APIs.Get(t.Context(), "..", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}

// pagedAPIs answers GET /apis with total APIs in pages of the requested
// limit, using the offset as the cursor.
func pagedAPIs(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		list := []any{}
		for i := start; i < min(start+limit, total); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("api-%d", i), "name": fmt.Sprintf("API %d", i)})
		}
		meta := map[string]any{"total": total, "limit": limit}
		if start+limit < total {
			meta["nextCursor"] = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"apis": list, "meta": meta})
	}
}

func TestAPIsListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getApis", pagedAPIs(25, &served))
	c := newTestClient(t, h.URL)

	opts := &APIListOptions{CursorOptions: CursorOptions{Limit: 10}}
	var ids []string
	for api, err := range c.APIs.ListIter(t.Context(), testAPIWorkspace, opts) {
		require.NoError(t, err)
		ids = append(ids, api.ID)
	}
	require.Len(t, ids, 25)
	assert.Equal(t, "api-24", ids[24])
	assert.Equal(t, 3, served)
	assert.Empty(t, opts.Cursor, "the caller's options are not mutated")
	for _, r := range h.Requests() {
		assert.Equal(t, testAPIWorkspace, r.URL.Query().Get("workspaceId"), "every page keeps the workspace")
	}

	served = 0
	n := 0
	for _, err := range c.APIs.ListIter(t.Context(), testAPIWorkspace, opts) {
		require.NoError(t, err)
		if n++; n == 11 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")
}

func TestAPIsListIterDefaultsToLargePages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getApis", pagedAPIs(3, &served))
	c := newTestClient(t, h.URL)
	n := 0
	for _, err := range c.APIs.ListIter(t.Context(), testAPIWorkspace, nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 3, n)
	req, _ := h.LastRequest()
	assert.Equal(t, "100", req.URL.Query().Get("limit"))
}

func TestAPIsGetDecodesIncludedParts(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	api, _, err := c.APIs.Get(t.Context(), testAPIID, &APIGetOptions{Include: []APIInclude{APIIncludeCollections, APIIncludeVersions, APIIncludeSchemas, APIIncludeGitInfo}})
	require.NoError(t, err)
	assert.Equal(t, "Test API", api.Name)
	assert.Equal(t, "Test API.", api.Summary)
	require.Len(t, api.Collections, 1)
	assert.Equal(t, "16bb367e-fafb-4ef3-933b-ee3d971866fb", api.Collections[0].ID)
	require.Len(t, api.Versions, 1)
	assert.Equal(t, "v1.0.0", api.Versions[0].Name)
	require.Len(t, api.Schemas, 1)
	assert.Equal(t, "ae2b9ab2-28f2-401d-912f-eca09a78e98b", api.Schemas[0].ID)
	require.NotNil(t, api.GitInfo, "an empty gitInfo object is still reported")
	assert.Nil(t, api.GitInfo.Domain)
	id, ok := api.CreatedBy.Int64()
	assert.True(t, ok)
	assert.Equal(t, int64(12345678), id)

	req, _ := h.LastRequest()
	assert.Equal(t, []string{"collections", "versions", "schemas", "gitInfo"}, req.URL.Query()["include"])
}

func TestAPIsCreateAndUpdateSendBodies(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	api, _, err := c.APIs.Create(t.Context(), testAPIWorkspace, APICreateParams{Name: "Test API", Summary: "Testing API"})
	require.NoError(t, err)
	assert.Equal(t, "90ca9f5a-c4c4-11ed-afa1-0242ac120002", api.ID)
	req, body := h.LastRequest()
	assert.Equal(t, testAPIWorkspace, req.URL.Query().Get("workspaceId"))
	assert.JSONEq(t, `{"name":"Test API","summary":"Testing API"}`, string(body))

	api, _, err = c.APIs.Update(t.Context(), testAPIID, APIUpdateParams{Name: "Test API A", Description: Ptr("")})
	require.NoError(t, err)
	assert.Equal(t, "Test API A", api.Name)
	assert.Equal(t, APIUserID("12345678"), api.UpdatedBy, "a string user ID decodes like a numeric one")
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"name":"Test API A","description":""}`, string(body), "a pointer to \"\" clears the description")
}

func TestAPIsErrors(t *testing.T) {
	t.Run("not found", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("getApi", http.StatusNotFound)
		c := newTestClient(t, h.URL)
		_, _, err := c.APIs.Get(t.Context(), testAPIID, nil)
		assert.ErrorIs(t, err, ErrNotFound)
		assert.NotErrorIs(t, err, ErrDeprecated)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "instanceNotFoundError", apiErr.Type)
	})
	t.Run("feature unavailable", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("updateApi", http.StatusForbidden)
		c := newTestClient(t, h.URL)
		_, _, err := c.APIs.Update(t.Context(), testAPIID, APIUpdateParams{Name: "x"})
		assert.ErrorIs(t, err, ErrFeatureUnavailable)
	})
	t.Run("plan limit", func(t *testing.T) {
		h := conformance.New(t)
		h.Respond("createApi", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(`{"type":"limitReachedError","title":"You've reached the API limit","message":"You can create up to 3 APIs on your current plan.","detail":{"model":"api","action":"create","message":"You can create up to 3 APIs on your current plan."}}`))
		})
		c := newTestClient(t, h.URL)
		_, _, err := c.APIs.Create(t.Context(), testAPIWorkspace, APICreateParams{Name: "x"})
		assert.ErrorIs(t, err, ErrForbidden)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "limitReachedError", apiErr.Type)
		assert.Contains(t, apiErr.Message, "up to 3 APIs")
		assert.JSONEq(t, `{"model":"api","action":"create","message":"You can create up to 3 APIs on your current plan."}`, string(apiErr.Details))
	})
	t.Run("unauthorized", func(t *testing.T) {
		h := conformance.New(t)
		h.Status("deleteApi", http.StatusUnauthorized)
		c := newTestClient(t, h.URL)
		_, err := c.APIs.Delete(t.Context(), testAPIID)
		assert.ErrorIs(t, err, ErrUnauthorized)
		assert.NotContains(t, err.Error(), canaryKey)
	})
}

// TestAPIsV9AnswersAreDeprecated checks Postman's answers about v9 APIs:
// each must match ErrDeprecated and say what to do.
func TestAPIsV9AnswersAreDeprecated(t *testing.T) {
	v9Body := func(status int, body string) conformance.Responder {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(status)
			_, _ = w.Write([]byte(body))
		}
	}
	cases := []struct {
		name    string
		setup   func(h *conformance.Harness)
		call    func(ctx context.Context, c *Client) error
		status  int
		message string
	}{
		{name: "documented 400 v10HeaderMissing", status: http.StatusBadRequest, message: "vnd.api.v10+json",
			setup: func(h *conformance.Harness) { h.Status("getApi", http.StatusBadRequest) },
			call: func(ctx context.Context, c *Client) error {
				_, _, err := c.APIs.Get(ctx, testAPIID, nil)
				return err
			}},
		{name: "documented 400 on a delete", status: http.StatusBadRequest, message: "vnd.api.v10+json",
			setup: func(h *conformance.Harness) { h.Status("deleteApi", http.StatusBadRequest) },
			call: func(ctx context.Context, c *Client) error {
				_, err := c.APIs.Delete(ctx, testAPIID)
				return err
			}},
		{name: "documented 422 unsupportedEntityError", status: http.StatusUnprocessableEntity, message: "does not support v9 APIs",
			setup: func(h *conformance.Harness) { h.Status("getApis", http.StatusUnprocessableEntity) },
			call: func(ctx context.Context, c *Client) error {
				_, _, err := c.APIs.List(ctx, testAPIWorkspace, nil)
				return err
			}},
		{name: "422 unsupportedEntityError body", status: http.StatusUnprocessableEntity, message: "does not support v9 APIs",
			setup: func(h *conformance.Harness) {
				h.Respond("getApiVersions", v9Body(http.StatusUnprocessableEntity,
					`{"type":"unsupportedEntityError","title":"Unsupported API","detail":"This endpoint does not support v9 APIs."}`))
			},
			call: func(ctx context.Context, c *Client) error {
				_, _, err := c.APIs.ListVersions(ctx, testAPIID, nil)
				return err
			}},
		{name: "400 v10HeaderMissing on the task endpoint", status: http.StatusBadRequest, message: "vnd.api.v10+json",
			setup: func(h *conformance.Harness) {
				h.Respond("getStatusOfAnAsyncTask", v9Body(http.StatusBadRequest,
					`{"name":"instanceNotFoundError","message":"API not found. For v10 and later APIs, ensure that your request sends the \"application/vnd.api.v10+json\" Accept header."}`))
			},
			call: func(ctx context.Context, c *Client) error {
				_, _, err := c.APIs.WaitTask(ctx, &APITaskRef{APIID: testAPIID, TaskID: testAPITaskID})
				return err
			}},
		// The description's api422Error response also documents the
		// v10HeaderMissing body under 422.
		{name: "422 v10HeaderMissing", status: http.StatusUnprocessableEntity, message: "vnd.api.v10+json",
			setup: func(h *conformance.Harness) {
				h.Respond("getApiSchema", v9Body(http.StatusUnprocessableEntity,
					`{"name":"instanceNotFoundError","message":"API not found. For v10 and later APIs, ensure that your request sends the \"application/vnd.api.v10+json\" Accept header."}`))
			},
			call: func(ctx context.Context, c *Client) error {
				_, _, err := c.APIs.GetSchema(ctx, testAPIID, testAPISchemaID, nil)
				return err
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := conformance.New(t)
			tc.setup(h)
			c := newTestClient(t, h.URL)
			err := tc.call(t.Context(), c)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrDeprecated)
			assert.NotErrorIs(t, err, ErrNotFound)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Contains(t, err.Error(), tc.message)
			assert.Contains(t, err.Error(), "v9 API Builder API", "the message names the cause")
			assert.Contains(t, err.Error(), "upgrade the API to v10", "the message says what to do")
			assert.Len(t, h.Ran(), 1, "a v9 answer is not retried")
		})
	}
}

// TestAPIsOtherClientErrorsAreNotDeprecated keeps ErrDeprecated to the v9
// answers: the API Builder's other 400 and 422 answers are ordinary.
func TestAPIsOtherClientErrorsAreNotDeprecated(t *testing.T) {
	cases := []struct {
		op   string
		code int
		call func(ctx context.Context, c *Client) error
	}{
		{"syncCollectionWithSchema", http.StatusBadRequest, func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.SyncCollectionWithSchema(ctx, testAPIID, testAPICollection) // invalidParamsError
			return err
		}},
		{"getApiSchema", http.StatusUnprocessableEntity, func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.GetSchema(ctx, testAPIID, testAPISchemaID, nil) // Git-linked APIs
			return err
		}},
		{"createApiVersion", http.StatusUnprocessableEntity, func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.CreateVersion(ctx, testAPIID, APIVersionCreateParams{Name: "v1"}) // APIStateInconsistent
			return err
		}},
		{"createApi", http.StatusBadRequest, func(ctx context.Context, c *Client) error {
			_, _, err := c.APIs.Create(ctx, testAPIWorkspace, APICreateParams{Name: "x"}) // paramMissingError
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %d", tc.op, tc.code), func(t *testing.T) {
			h := conformance.New(t)
			h.Status(tc.op, tc.code)
			c := newTestClient(t, h.URL)
			err := tc.call(t.Context(), c)
			var apiErr *APIError
			require.True(t, errors.As(err, &apiErr), "%v", err)
			assert.Equal(t, tc.code, apiErr.StatusCode)
			assert.NotErrorIs(t, err, ErrDeprecated)
		})
	}
}

// apiJSON answers with status, body and the given header pairs.
func apiJSON(status int, body string, headerPairs ...string) conformance.Responder {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(headerPairs); i += 2 {
			w.Header().Set(headerPairs[i], headerPairs[i+1])
		}
		if body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

// apiSequence answers the n-th call with the n-th responder, and every
// later call with the last one.
func apiSequence(responders ...conformance.Responder) conformance.Responder {
	var mu sync.Mutex
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		i := min(n, len(responders)-1)
		n++
		mu.Unlock()
		responders[i](w, r)
	}
}

func TestAPIUserIDReadsNumbersAndStrings(t *testing.T) {
	var v struct {
		A, B, C APIUserID
	}
	require.NoError(t, json.Unmarshal([]byte(`{"A":12345678,"B":"87654321","C":null}`), &v))
	assert.Equal(t, APIUserID("12345678"), v.A)
	assert.Equal(t, APIUserID("87654321"), v.B)
	assert.Equal(t, APIUserID(""), v.C)
	n, ok := v.B.Int64()
	assert.True(t, ok)
	assert.Equal(t, int64(87654321), n)
	_, ok = v.C.Int64()
	assert.False(t, ok)
	assert.Error(t, json.Unmarshal([]byte(`{"A":{}}`), &v))
}
