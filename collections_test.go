package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/internal/conformance"
)

// IDs of the description's examples.
const (
	collTestID          = "12ece9e1-2abf-4edc-8e34-de66e74114d2"
	collTestUID         = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"
	collTestWorkspaceID = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"
	collTestFolderID    = "65a99e60-8e0a-4b6e-b79c-7d8264cc5caa"
	collTestRequestID   = "c82dd02c-4870-4907-8fcb-593a876cf05b"
	collTestResponseID  = "cc364734-7dfd-4bfc-897d-be763dcdbb07"
	collTestPRID        = "4e1a6609-1a29-4037-a411-89ecc14c6cd8"
	collTestAccessKey   = "PMAT-01H9ZQ3CANARYACCESSKEY0123"
	collTestSchemaURL   = "https://schema.postman.com/json/collection/v2.1.0/collection.json"
)

// collTestDocument is a small collection that conforms to the
// description's request schema of POST and PUT /collections: the v2.1.0
// schema URL on schema.postman.com, v2.1 array-form auth, and an ID on
// every top-level item.
const collTestDocument = `{
	"info": {"_postman_id": "` + collTestID + `", "name": "Test Collection", "description": "A test.", "schema": "` + collTestSchemaURL + `"},
	"item": [
		{"id": "8d021b74-ecb5-460d-ac52-0d1e496d43d1", "name": "Get user", "request": {"method": "GET", "url": "https://api.example.com/users/{{userId}}", "header": []}}
	],
	"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
	"variable": [{"key": "userId", "value": "12345678"}]
}`

func collTestParse(t testing.TB, doc string) *collection.Collection {
	t.Helper()
	c, err := collection.Parse([]byte(doc))
	require.NoError(t, err)
	return c
}

func TestCollectionsConformance(t *testing.T) {
	doc := collTestParse(t, collTestDocument)
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.List(ctx, &CollectionListOptions{WorkspaceID: collTestWorkspaceID, OffsetOptions: OffsetOptions{Limit: 3}})
			return err
		}},
		{name: "ListByName", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.List(ctx, &CollectionListOptions{Name: "Test Collection"})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Collections.ListIter(ctx, nil) {
				return err // the first page is enough
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.Get(ctx, collTestID, nil)
			return err
		}},
		{name: "GetWithAccessKey", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.Get(ctx, collTestUID, &CollectionGetOptions{AccessKey: collTestAccessKey})
			return err
		}},
		{name: "GetMinimal", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetMinimal(ctx, collTestID, nil)
			return err
		}},
		{name: "GetVariables", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetVariables(ctx, collTestID, &CollectionGetOptions{AccessKey: collTestAccessKey})
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.Create(ctx, collTestWorkspaceID, doc)
			return err
		}},
		{name: "Replace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.Replace(ctx, collTestID, doc)
			return err
		}},
		{name: "ReplaceAsync", setup: func(h *conformance.Harness) { h.Status("putCollection", http.StatusAccepted) },
			call: func(ctx context.Context, c *Client) error {
				_, _, err := c.Collections.ReplaceAsync(ctx, collTestID, doc)
				return err
			}},
		{name: "GetUpdateTask", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetUpdateTask(ctx, "66ae9950-0869-4e65-96b0-1e0e47e771af")
			return err
		}},
		{name: "Patch", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.Patch(ctx, collTestID, CollectionPatchParams{
				Name:        Ptr("Test Collection v2"),
				Description: Ptr("Updated."),
				Auth:        collection.APIKeyAuth("X-Api-Key", "{{apiKey}}", "header"),
				Events:      []collection.Event{collTestEvent("e74ce0d0-5acd-44b6-a3ae-95f617c1546e", collection.ListenPrerequest)},
			})
			return err
		}},
		{name: "SetVariables", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.SetVariables(ctx, collTestID, []collection.Variable{collection.NewVariable("userId", "12345678")})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Collections.Delete(ctx, collTestID)
			return err
		}},
		{name: "Duplicate", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.Duplicate(ctx, collTestUID, CollectionDuplicateParams{WorkspaceID: collTestWorkspaceID, Suffix: "Copy"})
			return err
		}},
		{name: "GetDuplicateTask", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetDuplicateTask(ctx, "12345678-66ae9950-0869-4e65-96b0-1e0e47e771af")
			return err
		}},
		{name: "TransformToOpenAPI", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.TransformToOpenAPI(ctx, collTestID, &CollectionTransformOptions{Format: CollectionOpenAPIYAML})
			return err
		}},
		{name: "PublishDocumentation", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.PublishDocumentation(ctx, collTestUID, collTestPublishRequest())
			return err
		}},
		{name: "UnpublishDocumentation", call: func(ctx context.Context, c *Client) error {
			_, err := c.Collections.UnpublishDocumentation(ctx, collTestUID)
			return err
		}},
	})
}

// collTestEvent is a collection-level script with the client-chosen
// script ID Postman's PATCH requires.
func collTestEvent(scriptID, listen string) collection.Event {
	ev := collection.NewEvent(listen, `console.log("hi");`)
	ev.Script.ID = scriptID
	return ev
}

func collTestPublishRequest() CollectionDocumentationPublishParams {
	colors := CollectionDocsColors{Highlight: "EF5B25", RightSidebar: "303030", TopBar: "FFFFFF"}
	return CollectionDocumentationPublishParams{
		EnvironmentUID:      "12345678-f84a5105-a495-49db-aa6b-db02c9ed1023",
		CustomColor:         colors,
		DocumentationLayout: CollectionDocsSingleColumn,
		Customization: CollectionDocsCustomization{
			MetaTags: []CollectionDocsMetaTag{{Name: "title", Value: "Billing API"}},
			Appearance: &CollectionDocsAppearance{Default: CollectionDocsDark, Themes: []CollectionDocsThemeSettings{
				{Name: CollectionDocsDark, Colors: &colors},
				{Name: CollectionDocsLight, Colors: &colors, Logo: Ptr("https://example.com/logo.png")},
			}},
		},
	}
}

func TestCollectionsListDecodesSummariesAndPosition(t *testing.T) {
	h := conformance.New(t)
	collServeExample(t, h, "getCollections", http.StatusOK, "Successful Response")
	c := newTestClient(t, h.URL)
	list, resp, err := c.Collections.List(t.Context(), &CollectionListOptions{WorkspaceID: collTestWorkspaceID, OffsetOptions: OffsetOptions{Offset: 0, Limit: 3}})
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.Equal(t, "026fa484-c108-4223-af5e-e97137865143", list[0].ID)
	assert.Equal(t, "Test API 3.1.0", list[0].Name)
	assert.Equal(t, "892436", list[0].Owner)
	assert.Equal(t, "892436-026fa484-c108-4223-af5e-e97137865143", list[0].UID)
	assert.Equal(t, 2024, list[0].CreatedAt.Year())
	assert.False(t, list[0].IsPublic)
	assert.Nil(t, list[0].Fork)
	assert.Equal(t, 192, resp.Total)
	assert.Equal(t, 0, resp.Offset)
	assert.Equal(t, 3, resp.Limit)

	req, _ := h.LastRequest()
	assert.Equal(t, "limit=3&workspace="+collTestWorkspaceID, req.URL.RawQuery, "a zero offset is not sent")

	_, _, err = c.Collections.List(t.Context(), &CollectionListOptions{Name: "Test Collection"})
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "name=Test+Collection", req.URL.RawQuery)
}

// collPagedList answers GET /collections with total summaries in pages
// of the requested offset and limit, with meta.total, and counts calls.
func collPagedList(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		offset, _ := strconv.Atoi(q.Get("offset"))
		list := []any{}
		for i := offset; i < min(offset+limit, total); i++ {
			list = append(list, map[string]any{"id": fmt.Sprintf("c-%d", i), "name": fmt.Sprintf("Collection %d", i),
				"owner": "12345678", "uid": fmt.Sprintf("12345678-c-%d", i), "isPublic": false})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"collections": list,
			"meta": map[string]any{"total": total, "offset": offset, "limit": limit}})
	}
}

func TestCollectionsListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getCollections", collPagedList(25, &served))
	c := newTestClient(t, h.URL)

	opts := &CollectionListOptions{WorkspaceID: collTestWorkspaceID, OffsetOptions: OffsetOptions{Limit: 10}}
	var ids []string
	for col, err := range c.Collections.ListIter(t.Context(), opts) {
		require.NoError(t, err)
		ids = append(ids, col.ID)
	}
	require.Len(t, ids, 25)
	assert.Equal(t, "c-0", ids[0])
	assert.Equal(t, "c-24", ids[24])
	assert.Equal(t, 3, served, "the total ends the iteration without asking for an empty page")
	assert.Equal(t, 0, opts.Offset, "the caller's options are not changed")
	var offsets []string
	for _, r := range h.Requests() {
		offsets = append(offsets, r.URL.Query().Get("offset"))
		assert.Equal(t, collTestWorkspaceID, r.URL.Query().Get("workspace"))
	}
	assert.Equal(t, []string{"", "10", "20"}, offsets)

	served = 0
	n := 0
	for _, err := range c.Collections.ListIter(t.Context(), &CollectionListOptions{OffsetOptions: OffsetOptions{Offset: 5, Limit: 10}}) {
		require.NoError(t, err)
		n++
		if n == 12 {
			break
		}
	}
	assert.Equal(t, 12, n)
	assert.Equal(t, 2, served, "stopping early fetches no further page")

	served = 0
	n = 0
	for col, err := range c.Collections.ListIter(t.Context(), &CollectionListOptions{OffsetOptions: OffsetOptions{Offset: 20}}) {
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("c-%d", 20+n), col.ID)
		n++
	}
	assert.Equal(t, 5, n, "an iteration from an offset ends at the total")
	assert.Equal(t, 1, served)
}

func TestCollectionsListIterByNameMakesOneUnpagedCall(t *testing.T) {
	h := conformance.New(t)
	collServeExample(t, h, "getCollections", http.StatusOK, "Successful Response")
	c := newTestClient(t, h.URL)
	n := 0
	for _, err := range c.Collections.ListIter(t.Context(), &CollectionListOptions{Name: "Test API 3.1.0"}) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 3, n, "every collection of the example answer")
	require.Len(t, h.Requests(), 1)
	assert.Equal(t, "name=Test+API+3.1.0", h.Requests()[0].URL.RawQuery, "no limit or offset with a name")
}

func TestCollectionsListIterYieldsErrorOnce(t *testing.T) {
	h := conformance.New(t)
	h.Status("getCollections", http.StatusUnauthorized)
	c := newTestClient(t, h.URL)
	calls := 0
	for col, err := range c.Collections.ListIter(t.Context(), nil) {
		calls++
		assert.Nil(t, col)
		assert.ErrorIs(t, err, ErrUnauthorized)
	}
	assert.Equal(t, 1, calls)
}

func TestCollectionsCreateSendsDocumentInEnvelope(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	doc := collTestParse(t, collTestDocument)
	ref, _, err := c.Collections.Create(t.Context(), collTestWorkspaceID, doc)
	require.NoError(t, err)
	assert.Equal(t, &CollectionRef{ID: collTestID, Name: "Test Collection", UID: collTestUID}, ref)

	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "workspace="+collTestWorkspaceID, req.URL.RawQuery)
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"collection":`+collTestDocument+`}`, string(body))
}

func TestCollectionsCreateRefusesBadArgumentsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	doc := collTestParse(t, collTestDocument)
	_, _, err := c.Collections.Create(t.Context(), "", doc)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.Create(t.Context(), collTestWorkspaceID, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.Replace(t.Context(), "..", doc)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.Patch(t.Context(), collTestID, CollectionPatchParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.SetVariables(t.Context(), collTestID, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.Duplicate(t.Context(), collTestUID, CollectionDuplicateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.Collections.Delete(t.Context(), "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}

func TestCollectionsDeleteMapsNotFound(t *testing.T) {
	h := conformance.New(t)
	h.Status("deleteCollection", http.StatusNotFound)
	c := newTestClient(t, h.URL)
	resp, err := c.Collections.Delete(t.Context(), collTestID)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	req, _ := h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "/collections/"+collTestID, req.URL.Path)
}

func TestCollectionsGetDecodesTheDocument(t *testing.T) {
	h := conformance.New(t)
	collServeExample(t, h, "getCollection", http.StatusOK, "Successful Response")
	c := newTestClient(t, h.URL)

	col, resp, err := c.Collections.Get(t.Context(), collTestID, nil)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "Test Collection", col.Info.Name)
	assert.Equal(t, collTestID, col.Info.PostmanID)
	assert.Equal(t, collection.FormatV21, col.Format())
	require.Len(t, col.Items, 3)
	assert.Equal(t, "Folder 1", col.Items[0].Name)
	assert.NotEmpty(t, col.Items[0].Items, "folders keep their contents")
	require.NotNil(t, col.FindPath("Folder 3", "ID", "Request 3-A"), "nested folders are walked")
	require.NotNil(t, col.Auth)
	assert.Equal(t, "apikey", col.Auth.Type)
	assert.Equal(t, "abc123", col.Auth.Param("value"))
	require.Len(t, col.Variables, 1)
	assert.Equal(t, "userId", col.Variables[0].Key)
	assert.True(t, col.Variables[0].Disabled)
	assert.Len(t, col.Events, 2)

	info, err := CollectionInfoOf(col)
	require.NoError(t, err)
	assert.Equal(t, collTestUID, info.UID)
	assert.Equal(t, "12345678", info.LastUpdatedBy)
	assert.Equal(t, 2023, info.CreatedAt.Year())
	assert.Equal(t, "This is a test.", info.Description.Text())
	assert.Nil(t, info.Fork)
}

func TestCollectionsGetReadsForkInfo(t *testing.T) {
	h := conformance.New(t) // the first example is the forked collection
	c := newTestClient(t, h.URL)
	col, _, err := c.Collections.Get(t.Context(), collTestUID, nil)
	require.NoError(t, err)
	info, err := CollectionInfoOf(col)
	require.NoError(t, err)
	require.NotNil(t, info.Fork)
	assert.Equal(t, "Collection fork", info.Fork.Label)
	assert.Equal(t, "87654321-c8142d52-f97d-46a7-bc77-52bb99713o1n", info.Fork.From)
	assert.Equal(t, 2024, info.Fork.CreatedAt.Year())
	req, _ := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestUID, req.URL.Path)
	assert.Empty(t, req.URL.RawQuery)

	_, err = CollectionInfoOf(nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	bad := collection.New("x")
	require.NoError(t, bad.Info.SetExtra("uid", 5))
	_, err = CollectionInfoOf(bad)
	assert.Error(t, err)
}

func TestCollectionsGetMinimalAndVariables(t *testing.T) {
	h := conformance.New(t)
	collServeExample(t, h, "getCollection", http.StatusOK, "Response with model=minimal")
	c := newTestClient(t, h.URL)

	m, _, err := c.Collections.GetMinimal(t.Context(), collTestID, &CollectionGetOptions{AccessKey: collTestAccessKey})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "access_key="+collTestAccessKey+"&model=minimal", req.URL.RawQuery)
	assert.Equal(t, "Test Collection", m.Info.Name)
	assert.Equal(t, collTestUID, m.Info.UID)
	assert.Equal(t, 2023, m.Info.UpdatedAt.Year())
	assert.Equal(t, []string{"12345678-8178d96f-7504-4273-9ca2-26c2ac725a5b", "12345678-fd7565b1-ec19-4d16-b5d4-a3116d1972fb", "12345678-3860896c-11fe-4c32-9f0a-88625977c8dc"}, m.RootLevelRequests)
	assert.Equal(t, []string{"12345678-803151f5-57f1-4ae5-8f75-4919dbd20372"}, m.RootLevelFolders)
	require.Len(t, m.Events, 2, "the scripts Postman lists under events")
	assert.Equal(t, collection.ListenPrerequest, m.Events[0].Listen)
	require.NotNil(t, m.Auth)
	assert.Equal(t, "x-api-key", m.Auth.Param("key"))

	vars, _, err := c.Collections.GetVariables(t.Context(), collTestID, nil)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "model=minimal", req.URL.RawQuery)
	require.Len(t, vars, 1)
	assert.Equal(t, "userId", vars[0].Key)
	assert.Equal(t, "12345678", vars[0].Value.String())
	assert.True(t, vars[0].Disabled)
	assert.Equal(t, "The user's ID.", vars[0].Description.Text())

	var alt CollectionMinimal
	require.NoError(t, alt.UnmarshalJSON([]byte(`{"info":{"name":"n"},"event":[{"listen":"test"}]}`)))
	require.Len(t, alt.Events, 1, "the collection format's event key is read too")
}

func TestCollectionsGetNotFoundMatchesErrNotFound(t *testing.T) {
	h := conformance.New(t)
	h.Status("getCollection", http.StatusBadRequest) // Postman's documented not-found answer
	c := newTestClient(t, h.URL)
	for _, call := range []func() error{
		func() error { _, _, err := c.Collections.Get(t.Context(), collTestID, nil); return err },
		func() error { _, _, err := c.Collections.GetMinimal(t.Context(), collTestID, nil); return err },
		func() error { _, _, err := c.Collections.GetVariables(t.Context(), collTestID, nil); return err },
	} {
		err := call()
		assert.ErrorIs(t, err, ErrNotFound)
		assert.NotErrorIs(t, err, ErrForbidden)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "instanceNotFoundError", apiErr.Name)
		assert.Equal(t, "postman: GET /collections/"+collTestID+": 400 Bad Request: instanceNotFoundError: We could not find the collection you are looking for", err.Error())
	}
}

// The access key travels in the query; no error, formatted error or log
// record may show it, on a refused call or one retried after 5xx answers.
func TestCollectionsGetKeepsAccessKeyOutOfErrorsAndLogs(t *testing.T) {
	for _, status := range []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusInternalServerError} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			h := conformance.New(t)
			h.Status("getCollection", status)
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			c := newTestClient(t, h.URL, WithLogger(logger), WithMaxRetries(2))

			_, _, err := c.Collections.Get(t.Context(), collTestUID, &CollectionGetOptions{AccessKey: collTestAccessKey})
			require.Error(t, err)
			req, _ := h.LastRequest()
			assert.Equal(t, collTestAccessKey, req.URL.Query().Get("access_key"), "the key reached the server")
			for _, text := range []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err), logs.String()} {
				assert.NotContains(t, text, collTestAccessKey)
				assert.NotContains(t, text, "access_key")
				assert.NotContains(t, text, canaryKey)
			}
			assert.Contains(t, logs.String(), "/collections/"+collTestUID, "the call was logged, by path")
		})
	}
}

func TestCollectionsGetReportsUndecodableBody(t *testing.T) {
	// Truncated JSON cannot go through the harness, which validates it.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"collection": {"info": {"name": "x"}, "item": [`))
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)
	_, resp, err := c.Collections.Get(t.Context(), collTestID, nil)
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.Equal(t, http.StatusOK, decErr.StatusCode)
	assert.Equal(t, "/collections/"+collTestID, decErr.Path)
	var colErr *collection.DecodeError
	assert.ErrorAs(t, err, &colErr, "the collection package's error is kept")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestCollectionsPatchSendsOnlyWhatIsSet(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	ref, _, err := c.Collections.Patch(ctx, collTestID, CollectionPatchParams{Name: Ptr("Test Collection v2")})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.JSONEq(t, `{"collection":{"info":{"name":"Test Collection v2"}}}`, string(body))
	assert.Equal(t, "Test Collection v2", ref.Name)
	assert.Contains(t, ref.Description, "Postman Echo service")

	_, _, err = c.Collections.Patch(ctx, collTestID, CollectionPatchParams{Description: Ptr("")})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"collection":{"info":{"description":""}}}`, string(body), "an empty description is sent")

	_, _, err = c.Collections.Patch(ctx, collTestID, CollectionPatchParams{
		Auth:   collection.APIKeyAuth("X-Api-Key", "{{apiKey}}", "header"),
		Events: []collection.Event{collTestEvent("e74ce0d0-5acd-44b6-a3ae-95f617c1546e", collection.ListenPrerequest)},
	})
	require.NoError(t, err)
	_, body = h.LastRequest()
	var sent struct {
		Collection map[string]json.RawMessage `json:"collection"`
	}
	require.NoError(t, json.Unmarshal(body, &sent))
	assert.ElementsMatch(t, []string{"auth", "events"}, collKeys(sent.Collection), "scripts go under events, as Postman's PATCH wants")
	assert.JSONEq(t, `{"type":"apikey","apikey":[{"key":"key","value":"X-Api-Key","type":"string"},{"key":"value","value":"{{apiKey}}","type":"string"},{"key":"in","value":"header","type":"string"}]}`, string(sent.Collection["auth"]))
	assert.JSONEq(t, `[{"listen":"prerequest","script":{"id":"e74ce0d0-5acd-44b6-a3ae-95f617c1546e","type":"text/javascript","exec":["console.log(\"hi\");"]}}]`, string(sent.Collection["events"]))

	_, _, err = c.Collections.Patch(ctx, collTestID, CollectionPatchParams{Events: []collection.Event{}})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"collection":{"events":[]}}`, string(body), "an empty list removes every script")
}

func collKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func TestCollectionsSetVariablesPatchesVariables(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	big, err := collection.RawValue(json.RawMessage(`12345678901234567890`))
	require.NoError(t, err)
	vars := []collection.Variable{
		collection.NewVariable("baseUrl", "https://api.example.com"),
		{Key: "retries", Value: big, Type: "number"},
		{Key: "debug", Value: collection.BoolValue(false), Disabled: true},
	}
	_, _, err = c.Collections.SetVariables(t.Context(), collTestID, vars)
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestID, req.URL.Path)
	assert.JSONEq(t, `{"collection":{"variable":[
		{"key":"baseUrl","value":"https://api.example.com","type":"string"},
		{"key":"retries","value":12345678901234567890,"type":"number"},
		{"key":"debug","value":false,"disabled":true}]}}`, string(body))
	assert.Contains(t, string(body), "12345678901234567890", "big numbers keep every digit")

	_, _, err = c.Collections.Patch(t.Context(), collTestID, CollectionPatchParams{Variables: []collection.Variable{}})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"collection":{"variable":[]}}`, string(body))
}

func TestCollectionsTransformToOpenAPIReturnsTheDefinition(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	def, _, err := c.Collections.TransformToOpenAPI(t.Context(), collTestID, nil)
	require.NoError(t, err)
	assert.Equal(t, CollectionOpenAPIJSON, def.Format)
	var doc struct {
		OpenAPI string `json:"openapi"`
		Info    struct {
			Title string `json:"title"`
		} `json:"info"`
	}
	require.NoError(t, json.Unmarshal(def.Definition, &doc), "the definition is the document, not a JSON string")
	assert.Equal(t, "3.0.3", doc.OpenAPI)
	assert.Equal(t, "Sample API", doc.Info.Title)
	req, _ := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestID+"/transformations", req.URL.Path)
	assert.Empty(t, req.URL.RawQuery)

	collServeExample(t, h, "transformCollectionToOpenAPI", http.StatusOK, "Successful YAML Response")
	def, _, err = c.Collections.TransformToOpenAPI(t.Context(), collTestID, &CollectionTransformOptions{Format: CollectionOpenAPIYAML})
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "format=yaml", req.URL.RawQuery)
	assert.Equal(t, CollectionOpenAPIYAML, def.Format)
	assert.Contains(t, string(def.Definition), "openapi: 3.0.3\ninfo:\n  title: Sample API\n")
}

func TestCollectionsPublishAndUnpublishDocumentation(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	docs, _, err := c.Collections.PublishDocumentation(t.Context(), collTestUID, collTestPublishRequest())
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/collections/"+collTestUID+"/public-documentations", req.URL.Path)
	assert.JSONEq(t, `{"environmentUid":"12345678-f84a5105-a495-49db-aa6b-db02c9ed1023",
		"customColor":{"highlight":"EF5B25","rightSidebar":"303030","topBar":"FFFFFF"},
		"documentationLayout":"classic-single-column",
		"customization":{"metaTags":[{"name":"title","value":"Billing API"}],
			"appearance":{"default":"dark","themes":[
				{"name":"dark","colors":{"highlight":"EF5B25","rightSidebar":"303030","topBar":"FFFFFF"}},
				{"name":"light","colors":{"highlight":"EF5B25","rightSidebar":"303030","topBar":"FFFFFF"},"logo":"https://example.com/logo.png"}]}}}`, string(body))
	assert.True(t, docs.Published)
	assert.Equal(t, "https://documenter.postman.com/view/12345678/6n31uVF", docs.PublicURL)
	assert.Equal(t, "6n31uVF", docs.ID)
	assert.Equal(t, "ea39a259-0c9b-4a5c-a2e6-bddadb8f8e6f", docs.CollectionID)
	assert.Equal(t, CollectionDocsSingleColumn, docs.DocumentationLayout)
	assert.Equal(t, 2025, docs.PublishDate.Year())
	require.NotNil(t, docs.Customization.Appearance)
	assert.Equal(t, CollectionDocsDark, docs.Customization.Appearance.Default)
	require.Len(t, docs.Customization.Appearance.Themes, 2)
	assert.Equal(t, "<s3_url>/<cloudfront_url>", *docs.Customization.Appearance.Themes[0].Logo)
	assert.Len(t, docs.Customization.MetaTags, 2)

	resp, err := c.Collections.UnpublishDocumentation(t.Context(), collTestUID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	h.Status("publishDocumentation", http.StatusForbidden)
	h.Status("unpublishDocumentation", http.StatusNotFound)
	_, _, err = c.Collections.PublishDocumentation(t.Context(), collTestUID, collTestPublishRequest())
	assert.ErrorIs(t, err, ErrForbidden)
	_, err = c.Collections.UnpublishDocumentation(t.Context(), collTestUID)
	assert.ErrorIs(t, err, ErrNotFound)
}
