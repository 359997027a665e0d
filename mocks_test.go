package postman

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const (
	testMockID        = "e3d951bf-873f-49ac-a658-b2dcb91d3289"
	testWorkspaceID   = "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9"
	testCollectionUID = "12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"
	testEnvUID        = "12345678-5daabc50-8451-43f6-922d-96b403b4f28e"
	testServerRespID  = "965cdd16-fe22-4d96-a161-3d05490ac421"
)

func TestMocksConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.List(ctx, &MockListOptions{Workspace: testWorkspaceID})
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.Get(ctx, testMockID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.Create(ctx, testWorkspaceID, MockCreateParams{
				Name: "Test Mock", Collection: testCollectionUID, Environment: testEnvUID, Private: true})
			return err
		}},
		{name: "Update", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.Update(ctx, testMockID, MockUpdateParams{
				Name: Ptr("Test Mock"), Private: Ptr(false), Config: &MockUpdateConfig{ServerResponseID: testServerRespID}})
			return err
		}},
		{name: "UpdateDeactivatesServerResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.Update(ctx, testMockID, MockUpdateParams{Config: &MockUpdateConfig{}})
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Mocks.Delete(ctx, testMockID)
			return err
		}},
		{name: "Publish", call: func(ctx context.Context, c *Client) error {
			_, err := c.Mocks.Publish(ctx, testMockID)
			return err
		}},
		{name: "Unpublish", call: func(ctx context.Context, c *Client) error {
			_, err := c.Mocks.Unpublish(ctx, testMockID)
			return err
		}},
		{name: "CallLogs", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.ListCallLogs(ctx, testMockID, &MockCallLogListOptions{
				RequestMethod: "post", ResponseStatusCode: 500, Sort: MockCallLogSortServedAt, Direction: MockSortDesc,
				Include: []string{MockCallLogIncludeRequestHeaders, MockCallLogIncludeResponseBody}, CursorOptions: CursorOptions{Limit: 3}})
			return err
		}},
		{name: "CallLogsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Mocks.ListCallLogsIter(ctx, testMockID, nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "ServerResponses", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.ListServerResponses(ctx, testMockID)
			return err
		}},
		{name: "CreateServerResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.CreateServerResponse(ctx, testMockID, MockServerResponseCreateParams{
				Name: "Internal Server Error", StatusCode: 500, Language: MockLanguageJSON,
				Headers: []MockHeader{{Key: "Content-Type", Value: "application/json"}}, Body: `{"message":"down"}`})
			return err
		}},
		{name: "GetServerResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.GetServerResponse(ctx, testMockID, testServerRespID)
			return err
		}},
		{name: "UpdateServerResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Mocks.UpdateServerResponse(ctx, testMockID, testServerRespID, MockServerResponseUpdateParams{
				StatusCode: Ptr(503), Headers: []MockHeader{}})
			return err
		}},
		{name: "DeleteServerResponse", call: func(ctx context.Context, c *Client) error {
			_, err := c.Mocks.DeleteServerResponse(ctx, testMockID, testServerRespID)
			return err
		}},
	})
}

// mockListExample is the documented "Successful Response" of GET /mocks
// (the harness serves "No Mocks Found", the first example by name), with
// times in the date-time format the description's schema demands.
const mockListExample = `{"mocks":[
	{"id":"e3d951bf-873f-49ac-a658-b2dcb91d3289","owner":"12345678","uid":"12345678-e3d951bf-873f-49ac-a658-b2dcb91d3289",
	 "collection":"12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2","mockUrl":"https://e3d951bf-873f-49ac-a658-b2dcb91d3289.mock.pstmn.io",
	 "name":"Test Mock A","config":{"headers":[],"matchBody":false,"matchQueryParams":true,"matchWildcards":true,
	 "delay":{"type":"fixed","duration":140000},"serverResponseId":""},"createdAt":"2022-07-25T20:54:30Z",
	 "updatedAt":"2022-07-25T20:54:30Z","isPublic":false,"environment":"12345678-5daabc50-8451-43f6-922d-96b403b4f28e"},
	{"id":"cf0f8f11-fe0e-455f-99f3-4177f10f0704","owner":"12345678","uid":"12345678-cf0f8f11-fe0e-455f-99f3-4177f10f0704",
	 "collection":"12345678-2cd8f6b1-e85b-46a6-8111-bd62e73e8aa8","mockUrl":"https://cf0f8f11-fe0e-455f-99f3-4177f10f0704.mock.pstmn.io",
	 "name":"Test Mock B","config":{"headers":[],"matchBody":false,"matchHeader":false,"matchQueryParams":true,"matchWildcards":true,
	 "delay":null,"serverResponseId":"94d0f5d9-dbdf-4046-9a7d-a11f9b78ac65"},"createdAt":"2023-01-26T18:59:05Z",
	 "updatedAt":"2023-01-26T18:59:05Z","isPublic":false}]}`

func TestMocksListDecodesExamples(t *testing.T) {
	h := conformance.New(t)
	h.Respond("getMocks", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(mockListExample))
	})
	c := newTestClient(t, h.URL)
	mocks, _, err := c.Mocks.List(t.Context(), &MockListOptions{TeamID: "1", Workspace: testWorkspaceID})
	require.NoError(t, err)
	require.Len(t, mocks, 2)
	a, b := mocks[0], mocks[1]
	assert.Equal(t, "Test Mock A", a.Name)
	assert.Equal(t, "https://e3d951bf-873f-49ac-a658-b2dcb91d3289.mock.pstmn.io", a.MockURL)
	require.NotNil(t, a.Config.Delay)
	assert.Equal(t, MockDelayFixed, a.Config.Delay.Type)
	assert.Equal(t, 140000, a.Config.Delay.Duration)
	assert.True(t, a.Config.MatchQueryParams)
	assert.Equal(t, 2022, a.CreatedAt.Year())
	assert.Nil(t, b.Config.Delay, "delay: null decodes as no delay")
	assert.Equal(t, "94d0f5d9-dbdf-4046-9a7d-a11f9b78ac65", b.Config.ServerResponseID)

	req, _ := h.LastRequest()
	assert.Equal(t, testWorkspaceID, req.URL.Query().Get("workspace"))
	assert.Equal(t, "1", req.URL.Query().Get("teamId"))
}

func TestMocksCreateSendsWorkspaceAndBody(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	m, _, err := c.Mocks.Create(t.Context(), testWorkspaceID, MockCreateParams{Collection: testCollectionUID, Private: true})
	require.NoError(t, err)
	assert.Equal(t, testMockID, m.ID)
	require.NotNil(t, m.Config.Delay)
	assert.Equal(t, MockDelay2G, m.Config.Delay.Preset)

	req, body := h.LastRequest()
	assert.Equal(t, "workspace="+testWorkspaceID, req.URL.RawQuery)
	assert.JSONEq(t, `{"mock":{"collection":"`+testCollectionUID+`","private":true}}`, string(body))

	_, resp, err := c.Mocks.Create(t.Context(), "", MockCreateParams{Collection: testCollectionUID})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Nil(t, resp)
}

func TestMocksUpdateBodies(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	_, _, err := c.Mocks.Update(t.Context(), testMockID, MockUpdateParams{Private: Ptr(false), Name: Ptr("")})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"mock":{"private":false,"name":""}}`, string(body), "pointers send false and empty values")

	_, _, err = c.Mocks.Update(t.Context(), testMockID, MockUpdateParams{Config: &MockUpdateConfig{}})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"mock":{"config":{"serverResponseId":null}}}`, string(body), "an empty ID deactivates with null")
}

func TestMocksPublishAndUnpublish(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	resp, err := c.Mocks.Publish(t.Context(), testMockID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "/mocks/"+testMockID+"/publish", req.URL.Path)
	assert.Empty(t, body)

	_, err = c.Mocks.Unpublish(t.Context(), testMockID)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "/mocks/"+testMockID+"/unpublish", req.URL.Path)
	assert.Equal(t, []string{"publishMock", "unpublishMock"}, h.Ran())

	h.Respond("publishMock", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"name":"mockAlreadyPublishedError","message":"This mock is already public."}}`))
	})
	_, err = c.Mocks.Publish(t.Context(), testMockID)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "mockAlreadyPublishedError", apiErr.Name)
}

func TestMocksErrors(t *testing.T) {
	h := conformance.New(t)
	h.Status("getMock", http.StatusNotFound)
	h.Status("getMockServerResponse", http.StatusNotFound)
	c := newTestClient(t, h.URL)

	_, _, err := c.Mocks.Get(t.Context(), testMockID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Mocks.GetServerResponse(t.Context(), testMockID, testServerRespID)
	assert.ErrorIs(t, err, ErrNotFound)

	for _, id := range []string{"", ".", ".."} {
		_, err := c.Mocks.Delete(t.Context(), id)
		assert.ErrorIs(t, err, ErrInvalidArgument)
		_, _, err = c.Mocks.GetServerResponse(t.Context(), testMockID, id)
		assert.ErrorIs(t, err, ErrInvalidArgument)
	}
	assert.Len(t, h.Ran(), 2, "bad IDs are refused before any I/O")
}

func TestMocksServerResponses(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	list, _, err := c.Mocks.ListServerResponses(t.Context(), testMockID)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, 500, list[0].StatusCode)
	assert.Equal(t, "12345678", list[0].CreatedBy)

	sr, _, err := c.Mocks.CreateServerResponse(t.Context(), testMockID, MockServerResponseCreateParams{Name: "Down", StatusCode: 503})
	require.NoError(t, err)
	assert.Equal(t, testServerRespID, sr.ID)
	assert.Equal(t, MockLanguageJSON, sr.Language)
	assert.Equal(t, []MockHeader{{Key: "Content-Type", Value: "application/json"}}, sr.Headers)
	assert.Equal(t, "32cd624d-9986-4f20-9048-89252f722269", sr.Mock)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"serverResponse":{"name":"Down","statusCode":503}}`, string(body))

	_, _, err = c.Mocks.UpdateServerResponse(t.Context(), testMockID, testServerRespID, MockServerResponseUpdateParams{Headers: []MockHeader{}})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"serverResponse":{"headers":[]}}`, string(body), "an empty non-nil slice clears the headers")
}

func TestMockCallHeadersDecodeEveryForm(t *testing.T) {
	cases := map[string]MockCallHeaders{
		`{"key":"content-type","value":"application/json"}`:         {{Key: "content-type", Value: "application/json"}},
		`[{"key":"a","value":"1"},{"key":"B","value":"2"}]`:         {{Key: "a", Value: "1"}, {Key: "B", Value: "2"}},
		`{"Host":"example.com","Accept":"*/*","Content-Length":18}`: {{Key: "Accept", Value: "*/*"}, {Key: "Content-Length", Value: "18"}, {Key: "Host", Value: "example.com"}},
		`null`: nil,
	}
	for in, want := range cases {
		var got MockCallHeaders
		require.NoError(t, json.Unmarshal([]byte(in), &got), in)
		assert.Equal(t, want, got, in)
	}
	h := MockCallHeaders{{Key: "Content-Type", Value: "text/plain"}}
	v, ok := h.Get("content-type")
	assert.True(t, ok)
	assert.Equal(t, "text/plain", v)
	_, ok = h.Get("accept")
	assert.False(t, ok)
}
