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

func TestSearchConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "Query", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Search.Query(ctx, SearchQueryParams{
				Query: "testing", ElementType: SearchRequests, Ownership: SearchAll,
				Filters: SearchFilters{SearchEq(SearchFieldVisibility, SearchVisibilityPublic), SearchEqBool(SearchFieldPublisherIsVerified, true)},
			}, &SearchQueryOptions{CursorOptions{Limit: 25}})
			return err
		}},
		{name: "QueryAllFilterShapes", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Search.Query(ctx, SearchQueryParams{
				ElementType: SearchCollections,
				Filters: SearchFilters{
					SearchIn(SearchFieldCollectionID, specTestCollectionUID),
					SearchNotIn(SearchFieldTags, "FEATURE", "LEGACY"),
					SearchNe(SearchFieldCreatedBy, "12345678"),
					SearchNeBool(SearchFieldIsGitConnected, true),
				},
			}, nil)
			return err
		}},
		{name: "QueryIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Search.QueryIter(ctx, SearchQueryParams{Query: "payments", ElementType: SearchSpecs}, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
	})
}

func TestSearchQuerySendsRequest(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	results, resp, err := c.Search.Query(t.Context(), SearchQueryParams{
		Query:       "payment gateway",
		ElementType: SearchRequests,
		Ownership:   SearchExternal,
		Filters: SearchFilters{
			SearchEq(SearchFieldVisibility, SearchVisibilityPartner),
			SearchIn(SearchFieldMethod, "GET", "POST"),
			SearchEqBool(SearchFieldPrivateNetwork, false),
		},
	}, &SearchQueryOptions{CursorOptions{Limit: 5, Cursor: "eyJmcm9tIjoxMH0="}})
	require.NoError(t, err)
	assert.Empty(t, results, "the No Results Found example")
	assert.Equal(t, 0, resp.Total)

	req, body := h.LastRequest()
	assert.Equal(t, "5", req.URL.Query().Get("limit"))
	assert.Equal(t, "eyJmcm9tIjoxMH0=", req.URL.Query().Get("cursor"))
	assert.JSONEq(t, `{
		"q": "payment gateway",
		"elementType": "requests",
		"ownership": "external",
		"filters": {"$and": [
			{"visibility": {"$eq": "partner"}},
			{"method": {"$in": ["GET", "POST"]}},
			{"privateNetwork": {"$eq": false}}
		]}
	}`, string(body))
}

func TestSearchQueryWithoutFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Search.Query(t.Context(), SearchQueryParams{ElementType: SearchWorkspaces}, nil)
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.JSONEq(t, `{"elementType":"workspaces"}`, string(body), "no filters, no empty $and")
	assert.Empty(t, req.URL.RawQuery)

	_, _, err = c.Search.Query(t.Context(), SearchQueryParams{Query: "x"}, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Search.Query(t.Context(), SearchQueryParams{ElementType: SearchFlows}, &SearchQueryOptions{CursorOptions{Limit: 26}})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 1)
}

func TestSearchDecodesResults(t *testing.T) {
	h := conformance.New(t)
	// The description's "Search Team's Public Workspace" example.
	h.Respond("searchPostmanResources", specRespondFixture(t, "testdata/search/team-requests.json"))
	c := newTestClient(t, h.URL)
	results, resp, err := c.Search.Query(t.Context(), SearchQueryParams{Query: "team", ElementType: SearchRequests}, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Total)
	assert.Equal(t, "eyJmcm9tIjoxMH0=", resp.NextCursor)
	require.Len(t, results, 2)

	r := results[0]
	assert.Equal(t, "12345678-a1b2c3d4-e5f6-7890-abcd-ef1234567890", r.ID)
	assert.Equal(t, "Get Team Members", r.Name)
	assert.Equal(t, "GET", r.Method)
	assert.Equal(t, "https://postman-echo.com/get?team=api-team", r.URL)
	assert.Equal(t, &SearchElementRef{ID: "12345678-11223344-5566-7788-99aa-bbccddeeff00", Name: "API Team"}, r.Collection)
	assert.Equal(t, "API Team Workspace", r.Workspace.Name)
	assert.Equal(t, &SearchElementRef{ID: "123", Name: "API Team Devs"}, r.Team)
	assert.Equal(t, &SearchPublisher{ID: "1", Name: "API Team Devs"}, r.Organization)
	assert.Equal(t, "https://go.postman.co/request/12345678-a1b2c3d4-e5f6-7890-abcd-ef1234567890", r.Links.Web.Href)
	assert.Contains(t, r.Links.Self.Href, "https://api.postman.com/collections/")
	assert.Equal(t, "12345678", r.CreatedBy)
	require.NotNil(t, r.IsGitConnected)
	assert.False(t, *r.IsGitConnected)
	assert.Equal(t, "POST", results[1].Method)
}

// searchPaged answers POST /search with total results in pages of the
// requested limit; Postman keeps handing out a cursor past the end.
func searchPaged(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		data := []any{}
		for i := start; i < min(start+limit, total); i++ {
			data = append(data, map[string]any{"id": fmt.Sprintf("r%d", i), "name": fmt.Sprintf("Result %d", i)})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data, "meta": map[string]any{"total": total, "q": "x", "nextCursor": strconv.Itoa(start + limit)}})
	}
}

func TestSearchQueryIterStopsAtTotal(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("searchPostmanResources", searchPaged(60, &served))
	c := newTestClient(t, h.URL)
	req := SearchQueryParams{Query: "x", ElementType: SearchCollections}

	seq := c.Search.QueryIter(t.Context(), req, nil)
	var ids []string
	for r, err := range seq {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	require.Len(t, ids, 60)
	assert.Equal(t, "r59", ids[59])
	assert.Equal(t, 3, served, "25 + 25 + 10, and no page past the total")
	first, _ := h.LastRequest()
	assert.Equal(t, "25", first.URL.Query().Get("limit"), "the iterator asks for Postman's largest page")

	served = 0
	n := 0
	for range seq {
		n++
	}
	assert.Equal(t, 60, n, "the sequence can be ranged over again")
	assert.Equal(t, 3, served)

	served, n = 0, 0
	for _, err := range c.Search.QueryIter(t.Context(), req, &SearchQueryOptions{CursorOptions{Limit: 10}}) {
		require.NoError(t, err)
		if n++; n == 5 {
			break
		}
	}
	assert.Equal(t, 1, served, "breaking early fetches no further page")
}

func TestSearchQueryIterStopsOnEmptyPage(t *testing.T) {
	h := conformance.New(t)
	pages := []string{
		`{"data":[{"id":"a","name":"A"}],"meta":{"nextCursor":"c1"}}`,
		`{"data":[],"meta":{"nextCursor":"c2"}}`,
	}
	n := 0
	h.Respond("searchPostmanResources", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(pages[min(n, len(pages)-1)]))
		n++
	})
	c := newTestClient(t, h.URL)
	count := 0
	for _, err := range c.Search.QueryIter(t.Context(), SearchQueryParams{ElementType: SearchSpecs}, nil) {
		require.NoError(t, err)
		count++
	}
	assert.Equal(t, 1, count)
	assert.Equal(t, 2, n, "an empty page ends the iteration whatever the cursor")
}

func TestSearchQueryIterYieldsError(t *testing.T) {
	h := conformance.New(t)
	h.Status("searchPostmanResources", http.StatusBadRequest)
	c := newTestClient(t, h.URL)
	var errs []error
	for r, err := range c.Search.QueryIter(t.Context(), SearchQueryParams{ElementType: SearchSpecs}, nil) {
		assert.Nil(t, r)
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	var apiErr *APIError
	require.ErrorAs(t, errs[0], &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.NotEmpty(t, apiErr.Detail)
}

func TestSearchConditionJSON(t *testing.T) {
	values := []string{"a"}
	c := SearchIn(SearchFieldTags, values...)
	values[0] = "changed"
	data, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"tags":{"$in":["a"]}}`, string(data), "the condition keeps its own copy")

	data, err = json.Marshal(SearchFilters{SearchNeBool(SearchFieldPublisherIsVerified, false), SearchNe(SearchFieldType, "grpc")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"$and":[{"publisherIsVerified":{"$ne":false}},{"type":{"$ne":"grpc"}}]}`, string(data))
}
