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
			_, _, err := c.Collections.Patch(ctx, collTestID, CollectionPatchRequest{
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
			_, _, err := c.Collections.Duplicate(ctx, collTestUID, CollectionDuplicateRequest{WorkspaceID: collTestWorkspaceID, Suffix: "Copy"})
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

func collTestPublishRequest() CollectionPublishRequest {
	colors := CollectionDocsColors{Highlight: "EF5B25", RightSidebar: "303030", TopBar: "FFFFFF"}
	return CollectionPublishRequest{
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
	_, _, err = c.Collections.Patch(t.Context(), collTestID, CollectionPatchRequest{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.SetVariables(t.Context(), collTestID, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.Duplicate(t.Context(), collTestUID, CollectionDuplicateRequest{})
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
