package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const (
	componentTestID        = "01KT964C30J3DPJQKEACZH39N8"
	componentTestVersionID = "01KT9NBTW5GYETHG6V0HNPAPYV"
)

func TestComponentsConformance(t *testing.T) {
	yes := true
	name := "update-component-name"
	content := "openapi: 3.0.0\ninfo:\n  title: Example API\n  version: 1.0.0"
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.List(ctx, &ComponentListOptions{
				Type: ComponentOAS3, Status: ComponentActive, HasVersions: &yes,
				ComponentGetOptions: ComponentGetOptions{Include: []string{ComponentIncludeHasVersions, ComponentIncludeLatestVersion}, Expand: []string{ComponentExpandLatestVersion}},
			})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Components.ListIter(ctx, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.Create(ctx, ComponentCreateParams{Name: "example-component", Type: ComponentOAS3, Content: content, Format: ComponentFormatYAML})
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.Get(ctx, componentTestID, &ComponentGetOptions{Include: []string{ComponentIncludeLatestVersionContent}})
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.Update(ctx, componentTestID, ComponentUpdateParams{Name: &name})
			return err
		}},
		{name: "GetDraft", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.GetDraft(ctx, componentTestID)
			return err
		}},
		{name: "UpdateDraft", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.UpdateDraft(ctx, componentTestID, ComponentDraftUpdateParams{Content: &content, Format: ComponentFormatYAML})
			return err
		}},
		{name: "ListVersions", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.ListVersions(ctx, componentTestID, &ComponentVersionListOptions{IncludeContent: true})
			return err
		}},
		{name: "ListVersionsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Components.ListVersionsIter(ctx, componentTestID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "PublishVersion", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.PublishVersion(ctx, componentTestID, ComponentVersionPublishParams{Label: "1.0.0", Source: &ComponentVersionSource{Type: ComponentSourceDraft}})
			return err
		}},
		{name: "GetVersion", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Components.GetVersion(ctx, componentTestID, componentTestVersionID, &ComponentVersionGetOptions{IncludeContent: true})
			return err
		}},
	})
}

func TestComponentsListSendsFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	no := false
	comps, resp, err := c.Components.List(t.Context(), &ComponentListOptions{
		Type: ComponentOAS31, Status: ComponentArchived, HasVersions: &no,
		ComponentGetOptions: ComponentGetOptions{Include: []string{ComponentIncludeHasVersions, ComponentIncludeLatestVersion}, Expand: []string{ComponentExpandLatestVersion}},
	})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	q := req.URL.Query()
	assert.Equal(t, "OAS3_1", q.Get("type"))
	assert.Equal(t, "archived", q.Get("status"))
	assert.Equal(t, "false", q.Get("hasVersions"))
	assert.Equal(t, "hasVersions,latestVersion", q.Get("include"))
	assert.Equal(t, "latestVersion", q.Get("expand"))
	assert.False(t, q.Has("cursor"))

	// The harness answers the "Filter Results by include" example.
	require.Len(t, comps, 2)
	assert.Equal(t, componentTestID, comps[0].ID)
	assert.Equal(t, ComponentOAS3, comps[0].Type)
	assert.Equal(t, ComponentActive, comps[0].Status)
	assert.Equal(t, "12345678", comps[0].CreatedBy)
	require.NotNil(t, comps[0].HasVersions)
	assert.True(t, *comps[0].HasVersions)
	assert.False(t, *comps[1].HasVersions)
	assert.Nil(t, comps[0].LatestVersion)
	assert.Empty(t, resp.NextCursor)
}

func TestComponentsLatestVersionForms(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getAllComponents", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[
			{"id":"a","name":"a","type":"OAS3","status":"active","latestVersion":"01KT9NBTW5GYETHG6V0HNPAPYV"},
			{"id":"b","name":"b","type":"OAS3","status":"active","latestVersion":{"id":"v2","label":"v1.0.0","url":"https://components.postman.com/example/Test1/1.0.0","format":"YAML","publishedAt":"2026-06-08T07:42:31Z","content":"components: {}"}},
			{"id":"c","name":"c","type":"OAS2","status":"active","latestVersion":null}
		],"meta":{"nextCursor":null}}`))
	})
	c := newTestClient(t, h.URL)
	comps, _, err := c.Components.List(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, comps, 3)
	assert.Equal(t, &ComponentVersion{ID: componentTestVersionID}, comps[0].LatestVersion, "an ID when not expanded")
	v := comps[1].LatestVersion
	require.NotNil(t, v)
	assert.Equal(t, "v1.0.0", v.Label)
	assert.Equal(t, ComponentFormatYAML, v.Format)
	assert.Equal(t, "components: {}", v.Content)
	assert.Equal(t, 2026, v.PublishedAt.Year())
	assert.Nil(t, comps[2].LatestVersion, "null: no published version")
	assert.Equal(t, "c", comps[2].ID, "the other fields still decode")
}

func TestComponentsGetAcceptsBothEnvelopes(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	comp, _, err := c.Components.Get(t.Context(), componentTestID, &ComponentGetOptions{Include: []string{ComponentIncludeHasVersions}})
	require.NoError(t, err)
	assert.Equal(t, "example-component", comp.Name, "the example's unwrapped form")
	req, _ := h.LastRequest()
	assert.Equal(t, "include=hasVersions", req.URL.RawQuery)

	h.Respond("getComponent", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"id":"` + componentTestID + `","name":"wrapped","type":"OAS3","status":"archived","hasVersions":true}}`))
	})
	comp, _, err = c.Components.Get(t.Context(), componentTestID, nil)
	require.NoError(t, err)
	assert.Equal(t, "wrapped", comp.Name, "the schema's data envelope")
	assert.Equal(t, ComponentArchived, comp.Status)

}

func TestComponentDecodeErrors(t *testing.T) {
	var comp Component
	assert.Error(t, specUnwrapData([]byte(`{"data":{"id":"x","latestVersion":{"id":7}}}`), &comp))
	assert.Error(t, specUnwrapData([]byte(`{"id":"x","latestVersion":7}`), &comp))
	assert.Error(t, specUnwrapData([]byte(`[1]`), &comp))
	require.NoError(t, specUnwrapData([]byte(`{"data":null,"id":"top"}`), &comp))
	assert.Equal(t, "top", comp.ID, "a null data member is no envelope")
}

func TestComponentsWrites(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	comp, resp, err := c.Components.Create(ctx, ComponentCreateParams{Name: "example-component", Type: ComponentOAS3, Content: "openapi: 3.0.0"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, &Component{ID: componentTestID}, comp)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"example-component","type":"OAS3","content":"openapi: 3.0.0"}`, string(body))

	comp, _, err = c.Components.Update(ctx, componentTestID, ComponentUpdateParams{Status: ComponentArchived})
	require.NoError(t, err)
	assert.Equal(t, "update-component-name", comp.Name)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"status":"archived"}`, string(body))

	draft, _, err := c.Components.UpdateDraft(ctx, componentTestID, ComponentDraftUpdateParams{Format: ComponentFormatJSON})
	require.NoError(t, err)
	assert.Equal(t, componentTestID, draft.ID)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"format":"JSON"}`, string(body))

	draft, _, err = c.Components.GetDraft(ctx, componentTestID)
	require.NoError(t, err)
	assert.Equal(t, ComponentFormatYAML, draft.Format)
	assert.Contains(t, draft.Content, "title: Example API")

	v, _, err := c.Components.PublishVersion(ctx, componentTestID, ComponentVersionPublishParams{Label: "2.0.0"})
	require.NoError(t, err)
	assert.Equal(t, componentTestVersionID, v.ID)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"label":"2.0.0"}`, string(body))

	name := "n"
	for _, bad := range []ComponentUpdateParams{{}, {Name: &name, Status: ComponentActive}} {
		_, _, err := c.Components.Update(ctx, componentTestID, bad)
		assert.ErrorIs(t, err, ErrInvalidArgument)
	}
	_, _, err = c.Components.UpdateDraft(ctx, componentTestID, ComponentDraftUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Components.Create(ctx, ComponentCreateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Components.PublishVersion(ctx, componentTestID, ComponentVersionPublishParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 5)
}

func TestComponentsVersions(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	versions, _, err := c.Components.ListVersions(t.Context(), componentTestID, &ComponentVersionListOptions{IncludeContent: true})
	require.NoError(t, err)
	require.Len(t, versions, 2)
	assert.Equal(t, "1.1.0", versions[1].Label)
	assert.Equal(t, ComponentFormatJSON, versions[1].Format)
	assert.Equal(t, "https://components.postman.com/example/Test1/1.1.0", versions[1].URL)
	req, _ := h.LastRequest()
	assert.Equal(t, "include=content", req.URL.RawQuery)

	v, _, err := c.Components.GetVersion(t.Context(), componentTestID, componentTestVersionID, nil)
	require.NoError(t, err)
	assert.Equal(t, "1.0.0", v.Label)
	assert.Equal(t, 15, v.PublishedAt.Day())
	req, _ = h.LastRequest()
	assert.Empty(t, req.URL.RawQuery)
}

func TestComponentsListIterFollowsCursor(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getComponentVersions", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("cursor") == "" {
			_, _ = w.Write([]byte(`{"data":[{"id":"v1","label":"1"},{"id":"v2","label":"2"}],"meta":{"nextCursor":"n2"}}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":[{"id":"v3","label":"3"}],"meta":{"nextCursor":null}}`))
	})
	c := newTestClient(t, h.URL)
	opts := &ComponentVersionListOptions{IncludeContent: true}
	var labels []string
	for v, err := range c.Components.ListVersionsIter(t.Context(), componentTestID, opts) {
		require.NoError(t, err)
		labels = append(labels, v.Label)
	}
	assert.Equal(t, []string{"1", "2", "3"}, labels)
	reqs := h.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "cursor=n2&include=content", reqs[1].URL.RawQuery)
	assert.Empty(t, opts.Cursor)

	n := 0
	for range c.Components.ListVersionsIter(t.Context(), componentTestID, nil) {
		n++
		break
	}
	assert.Equal(t, 1, n)
	assert.Len(t, h.Requests(), 3, "breaking on the first item fetches one page")
}

func TestComponentsPlanGating(t *testing.T) {
	h := conformance.New(t)
	h.Status("getComponent", http.StatusForbidden)
	h.Status("getComponentVersion", http.StatusNotFound)
	h.Status("createComponent", http.StatusConflict)
	c := newTestClient(t, h.URL)

	_, _, err := c.Components.Get(t.Context(), componentTestID, nil)
	assert.ErrorIs(t, err, ErrFeatureUnavailable, "the documented 403 Feature Unavailable")
	assert.ErrorIs(t, err, ErrForbidden)

	_, _, err = c.Components.GetVersion(t.Context(), componentTestID, "nope", nil)
	assert.ErrorIs(t, err, ErrNotFound)

	_, _, err = c.Components.Create(t.Context(), ComponentCreateParams{Name: "dup", Type: ComponentOAS3, Content: "x"})
	assert.ErrorIs(t, err, ErrConflict)
}
