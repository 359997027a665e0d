package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// IDs of the description's examples.
const (
	forkTestCollectionID  = "12ece9e1-2abf-4edc-8e34-de66e74114d2"
	forkTestWorkspaceID   = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"
	forkTestForkUID       = "12345678-5a027c05-056b-49f5-ac9d-37c29f2d91c3"
	forkTestParentUID     = "12345678-b04fa319-3e7e-4fa3-b6a2-f5b29ad67583"
	forkTestEnvironmentID = "12345678-5daabc50-8451-43f6-922d-96b403b4f28e"
	forkTestEnvSourceUID  = "12345678-d9c7dc8f-904e-4bba-99b5-4d490aae1957"
	forkTestTaskID        = "pm~vc:merge-workflow~12345678-5a027c05-056b-49f5-ac9d-37c29f2d91c3"
)

func TestForksConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "ForkCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.ForkCollection(ctx, forkTestCollectionID, CollectionForkParams{WorkspaceID: forkTestWorkspaceID, Label: "Test Fork"})
			return err
		}},
		{name: "ListCollectionForks", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.ListCollectionForks(ctx, forkTestCollectionID, &ForkListOptions{Direction: ForkDirectionAsc, CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListCollectionForksIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Forks.ListCollectionForksIter(ctx, forkTestCollectionID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "ListForkedCollections", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.ListForkedCollections(ctx, &ForkListOptions{Direction: ForkDirectionDesc, CursorOptions: CursorOptions{Cursor: "eyJpZCI6MzMyNzksImZvcmtzQWZ0ZXIiOjIwfQ==", Limit: 5}})
			return err
		}},
		{name: "ListForkedCollectionsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Forks.ListForkedCollectionsIter(ctx, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "GetCollectionSourceStatus", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.GetCollectionSourceStatus(ctx, forkTestCollectionID)
			return err
		}},
		{name: "PullCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.PullCollection(ctx, forkTestCollectionID)
			return err
		}},
		{name: "ForkEnvironment", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.ForkEnvironment(ctx, forkTestEnvironmentID, EnvironmentForkParams{WorkspaceID: forkTestWorkspaceID, Label: "My fork"})
			return err
		}},
		{name: "ListEnvironmentForks", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.ListEnvironmentForks(ctx, forkTestEnvironmentID, &EnvironmentForkListOptions{Sort: ForkSortCreatedAt, Direction: ForkDirectionAsc, CursorOptions: CursorOptions{Limit: 10}})
			return err
		}},
		{name: "ListEnvironmentForksIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Forks.ListEnvironmentForksIter(ctx, forkTestEnvironmentID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "MergeEnvironment", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.MergeEnvironment(ctx, forkTestEnvironmentID, EnvironmentMergeParams{Source: forkTestEnvSourceUID, DeleteSource: true})
			return err
		}},
		{name: "PullEnvironment", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.PullEnvironment(ctx, forkTestEnvironmentID, EnvironmentPullParams{Source: forkTestEnvSourceUID})
			return err
		}},
		{name: "MergeCollection", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.MergeCollection(ctx, CollectionMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID})
			return err
		}},
		{name: "MergeCollectionDeleteSource", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.MergeCollection(ctx, CollectionMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID, Strategy: MergeDeleteSource})
			return err
		}},
		{name: "GetMergeTask", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.GetMergeTask(ctx, forkTestTaskID)
			return err
		}},
		{name: "MergeCollectionFork", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Forks.MergeCollectionFork(ctx, CollectionForkMergeParams{Source: forkTestForkUID, Destination: forkTestParentUID, Strategy: MergeDeleteSource})
			return err
		}},
	})
}

func TestForksForkCollectionSendsWorkspaceAndLabel(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	fork, _, err := c.Forks.ForkCollection(t.Context(), forkTestCollectionID, CollectionForkParams{WorkspaceID: forkTestWorkspaceID, Label: "Test Fork"})
	require.NoError(t, err)

	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "/collections/fork/"+forkTestCollectionID, req.URL.Path)
	assert.Equal(t, "workspace="+forkTestWorkspaceID, req.URL.RawQuery)
	assert.JSONEq(t, `{"label":"Test Fork"}`, string(body))

	assert.Equal(t, "09547fef-a9a5-4e00-998b-aa563e8db69a", fork.ID)
	assert.Equal(t, "12345678-09547fef-a9a5-4e00-998b-aa563e8db69a", fork.UID)
	assert.Equal(t, "Test Collection", fork.Name)
	assert.Equal(t, "Test Fork", fork.Fork.Label)
	assert.Equal(t, "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2", fork.Fork.From)
	assert.Equal(t, 2022, fork.Fork.CreatedAt.Year())
}

func TestForksRejectMissingIDsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()
	calls := map[string]func() error{
		"ForkCollection without workspace": func() error {
			_, _, err := c.Forks.ForkCollection(ctx, forkTestCollectionID, CollectionForkParams{Label: "x"})
			return err
		},
		"ForkCollection without collection": func() error {
			_, _, err := c.Forks.ForkCollection(ctx, "", CollectionForkParams{WorkspaceID: forkTestWorkspaceID})
			return err
		},
		"ForkEnvironment without workspace": func() error {
			_, _, err := c.Forks.ForkEnvironment(ctx, forkTestEnvironmentID, EnvironmentForkParams{Label: "x"})
			return err
		},
		"MergeCollection without destination": func() error {
			_, _, err := c.Forks.MergeCollection(ctx, CollectionMergeParams{Source: forkTestForkUID})
			return err
		},
		"MergeCollectionFork without source": func() error {
			_, _, err := c.Forks.MergeCollectionFork(ctx, CollectionForkMergeParams{Destination: forkTestParentUID})
			return err
		},
		"MergeEnvironment without source": func() error {
			_, _, err := c.Forks.MergeEnvironment(ctx, forkTestEnvironmentID, EnvironmentMergeParams{})
			return err
		},
		"PullEnvironment with dot ID": func() error {
			_, _, err := c.Forks.PullEnvironment(ctx, "..", EnvironmentPullParams{Source: forkTestEnvSourceUID})
			return err
		},
		"GetMergeTask without ID": func() error {
			_, _, err := c.Forks.GetMergeTask(ctx, "")
			return err
		},
		"WaitMerge without task": func() error {
			_, _, err := c.Forks.WaitMerge(ctx, nil)
			return err
		},
	}
	for name, call := range calls {
		assert.ErrorIs(t, call(), ErrInvalidArgument, name)
	}
	assert.Empty(t, h.Ran())
}

func TestForksListCollectionForksDecodesExample(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	forks, resp, err := c.Forks.ListCollectionForks(t.Context(), forkTestCollectionID, &ForkListOptions{Direction: ForkDirectionDesc, CursorOptions: CursorOptions{Limit: 2}})
	require.NoError(t, err)

	req, _ := h.LastRequest()
	assert.Equal(t, "direction=desc&limit=2", req.URL.RawQuery)
	require.Len(t, forks, 2)
	assert.Equal(t, "12345678-667df1ad-2ee3-7890-b678-7742d82e2e1f", forks[0].ID)
	assert.Equal(t, "Collection Fork", forks[0].Name)
	assert.Equal(t, "Taylor Lee", forks[0].CreatedBy)
	assert.Equal(t, 2023, forks[0].CreatedAt.Year())
	assert.Equal(t, "Alex Cruz", forks[1].CreatedBy)
	assert.Equal(t, 2, resp.Total)
	assert.Empty(t, resp.NextCursor, "a null nextCursor is the last page")
}

func TestForksListForkedCollectionsKeepsMeta(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	list, resp, err := c.Forks.ListForkedCollections(t.Context(), nil)
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Empty(t, req.URL.RawQuery)
	require.Len(t, list.Forks, 2)
	assert.Equal(t, "87654321-bd46b634-b347-44d4-aa23-8c71ff4ecc4d", list.Forks[1].SourceID)
	assert.Equal(t, "Test Fork", list.Forks[1].Name)
	assert.Equal(t, 2, list.Total)
	assert.Equal(t, 2, resp.Total)
	assert.Equal(t, 0, list.Inaccessible)

	h.Respond("getCollectionsForkedByUser", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[],"meta":{"total":4,"nextCursor":null,"inaccessibleFork":4}}`))
	})
	list, _, err = c.Forks.ListForkedCollections(t.Context(), nil)
	require.NoError(t, err)
	assert.Empty(t, list.Forks)
	assert.Equal(t, 4, list.Inaccessible)
}

// forkPages answers a fork list with total forks split in pages of the
// requested limit, using the offset as the cursor, and records each query.
func forkPages(total int, queries *[]string) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*queries = append(*queries, r.URL.RawQuery)
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		data := []any{}
		for i := start; i < min(start+limit, total); i++ {
			data = append(data, map[string]any{
				"forkId": fmt.Sprintf("12345678-fork-%d", i), "forkName": fmt.Sprintf("Fork %d", i),
				"createdAt": "2023-11-16T09:18:17Z", "createdBy": "Taylor Lee",
			})
		}
		meta := map[string]any{"total": total, "nextCursor": nil}
		if start+limit < total {
			meta["nextCursor"] = strconv.Itoa(start + limit)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data, "meta": meta})
	}
}

func TestForksIteratorsCrossPagesAndStopEarly(t *testing.T) {
	cases := []struct {
		op  string
		seq func(ctx context.Context, c *Client) iter.Seq2[*Fork, error]
	}{
		{"getCollectionForks", func(ctx context.Context, c *Client) iter.Seq2[*Fork, error] {
			return c.Forks.ListCollectionForksIter(ctx, forkTestCollectionID, &ForkListOptions{Direction: ForkDirectionAsc, CursorOptions: CursorOptions{Limit: 10}})
		}},
		{"getCollectionsForkedByUser", func(ctx context.Context, c *Client) iter.Seq2[*Fork, error] {
			return c.Forks.ListForkedCollectionsIter(ctx, &ForkListOptions{Direction: ForkDirectionAsc, CursorOptions: CursorOptions{Limit: 10}})
		}},
		{"getEnvironmentForks", func(ctx context.Context, c *Client) iter.Seq2[*Fork, error] {
			return c.Forks.ListEnvironmentForksIter(ctx, forkTestEnvironmentID, &EnvironmentForkListOptions{Sort: ForkSortCreatedAt, Direction: ForkDirectionAsc, CursorOptions: CursorOptions{Limit: 10}})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.op, func(t *testing.T) {
			h := conformance.New(t)
			var queries []string
			h.Respond(tc.op, forkPages(25, &queries))
			c := newTestClient(t, h.URL)

			var ids []string
			for f, err := range tc.seq(t.Context(), c) {
				require.NoError(t, err)
				ids = append(ids, f.ID)
			}
			require.Len(t, ids, 25)
			assert.Equal(t, "12345678-fork-0", ids[0])
			assert.Equal(t, "12345678-fork-24", ids[24])
			require.Len(t, queries, 3)
			assert.Contains(t, queries[0], "direction=asc")
			assert.NotContains(t, queries[0], "cursor=")
			assert.Contains(t, queries[1], "cursor=10")
			assert.Contains(t, queries[2], "cursor=20")
			if tc.op == "getEnvironmentForks" {
				assert.Contains(t, queries[2], "sort=createdAt")
			}

			queries = nil
			n := 0
			for _, err := range tc.seq(t.Context(), c) {
				require.NoError(t, err)
				if n++; n == 11 {
					break
				}
			}
			assert.Len(t, queries, 2, "stopping early fetches no further page")
		})
	}
}

func TestForksIterDoesNotMutateOptions(t *testing.T) {
	h := conformance.New(t)
	var queries []string
	h.Respond("getCollectionForks", forkPages(3, &queries))
	c := newTestClient(t, h.URL)
	opts := &ForkListOptions{}
	for _, err := range c.Forks.ListCollectionForksIter(t.Context(), forkTestCollectionID, opts) {
		require.NoError(t, err)
	}
	assert.Equal(t, ForkListOptions{}, *opts)
	assert.Equal(t, []string{"limit=100"}, queries, "iterators ask for large pages")
}

func TestForksListErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getCollectionForks", http.StatusNotFound)
	h.Status("getEnvironmentForks", http.StatusNotFound)
	h.Status("getCollectionsForkedByUser", http.StatusBadRequest)
	c := newTestClient(t, h.URL)

	_, _, err := c.Forks.ListCollectionForks(t.Context(), forkTestCollectionID, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Fork not found.", apiErr.Message)

	n := 0
	for f, err := range c.Forks.ListEnvironmentForksIter(t.Context(), forkTestEnvironmentID, nil) {
		n++
		assert.Nil(t, f)
		assert.ErrorIs(t, err, ErrNotFound)
	}
	assert.Equal(t, 1, n, "the error is yielded once")

	_, _, err = c.Forks.ListForkedCollections(t.Context(), nil)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "badRequest", apiErr.Name)
}

func TestForksGetCollectionSourceStatus(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	st, _, err := c.Forks.GetCollectionSourceStatus(t.Context(), forkTestCollectionID)
	require.NoError(t, err)
	assert.Equal(t, "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2", st.CollectionUID)
	assert.False(t, st.IsSourceAhead)

	h.Respond("getSourceCollectionStatus", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"collection":{"1-aaaa":{"isSourceAhead":false},"12345678-` + forkTestCollectionID + `":{"isSourceAhead":true},"9-zzzz":{"isSourceAhead":false}}}`))
	})
	st, _, err = c.Forks.GetCollectionSourceStatus(t.Context(), forkTestCollectionID)
	require.NoError(t, err)
	assert.Equal(t, "12345678-"+forkTestCollectionID, st.CollectionUID, "the entry of the collection asked about wins")
	assert.True(t, st.IsSourceAhead)

	h = conformance.New(t)
	h.Status("getSourceCollectionStatus", http.StatusForbidden)
	c = newTestClient(t, h.URL)
	_, _, err = c.Forks.GetCollectionSourceStatus(t.Context(), forkTestCollectionID)
	assert.ErrorIs(t, err, ErrForbidden)
}

func TestForksPullCollection(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	pull, _, err := c.Forks.PullCollection(t.Context(), forkTestCollectionID)
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/collections/"+forkTestCollectionID+"/pulls", req.URL.Path)
	assert.Empty(t, body)
	assert.Equal(t, "12345678-45499451-e894-41b8-8c66-8191ab64932a", pull.SourceID)
	assert.Equal(t, "112345678-12ece9e1-2abf-4edc-8e34-de66e74114d2", pull.DestinationID)

	h.Status("pullCollectionChanges", http.StatusNotFound)
	_, _, err = c.Forks.PullCollection(t.Context(), forkTestCollectionID)
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestForksSourceStatusOfAnUnforkedCollection(t *testing.T) {
	// Postman nests this error under "collection", not "error": the
	// message still reaches the error string through the body excerpt.
	h := conformance.New(t)
	h.Status("getSourceCollectionStatus", http.StatusBadRequest)
	c := newTestClient(t, h.URL)
	_, _, err := c.Forks.GetCollectionSourceStatus(t.Context(), forkTestCollectionID)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Contains(t, err.Error(), "The collection is not a forked collection.")
}
