package postman

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/internal/conformance"
)

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
