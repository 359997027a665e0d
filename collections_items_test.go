package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/internal/conformance"
	"github.com/postman-go/postman/postmantest"
)

func TestCollectionItemsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "CreateFolder", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.CreateFolder(ctx, collTestID, &CollectionFolder{Name: "Test Folder", Description: Ptr("A folder."),
				Folder: Ptr("12345678-65a99e60-8e0a-4b6e-b79c-7d8264cc5caa")})
			return err
		}},
		{name: "GetFolder", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetFolder(ctx, collTestID, collTestFolderID, &CollectionItemGetOptions{IDs: true, UID: true, Populate: true})
			return err
		}},
		{name: "UpdateFolder", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.UpdateFolder(ctx, collTestID, collTestFolderID, &CollectionFolder{Name: "Renamed", Description: Ptr("")})
			return err
		}},
		{name: "DeleteFolder", call: func(ctx context.Context, c *Client) error {
			_, err := c.Collections.DeleteFolder(ctx, collTestID, collTestFolderID)
			return err
		}},
		{name: "CreateRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.CreateRequest(ctx, collTestID, collTestRequest(), &CollectionRequestCreateOptions{FolderID: collTestFolderID})
			return err
		}},
		{name: "GetRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetRequest(ctx, collTestID, collTestRequestID, nil)
			return err
		}},
		{name: "UpdateRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.UpdateRequest(ctx, collTestID, collTestRequestID, &CollectionRequest{Name: "Renamed", Method: http.MethodPost})
			return err
		}},
		{name: "DeleteRequest", call: func(ctx context.Context, c *Client) error {
			_, err := c.Collections.DeleteRequest(ctx, collTestID, collTestRequestID)
			return err
		}},
		{name: "CreateResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.CreateResponse(ctx, collTestID, collTestRequestID, collTestResponse())
			return err
		}},
		{name: "GetResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.GetResponse(ctx, collTestID, collTestResponseID, &CollectionItemGetOptions{UID: true})
			return err
		}},
		{name: "UpdateResponse", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.UpdateResponse(ctx, collTestID, collTestResponseID, &CollectionResponse{Name: "Bad Request",
				ResponseCode: &CollectionResponseCode{Code: 400, Name: "Bad Request"}})
			return err
		}},
		{name: "DeleteResponse", call: func(ctx context.Context, c *Client) error {
			_, err := c.Collections.DeleteResponse(ctx, collTestID, collTestResponseID)
			return err
		}},
	})
}

// collTestRequest is a request of the item model with a raw JSON body.
func collTestRequest() *CollectionRequest {
	return &CollectionRequest{
		Name:        "Example POST Request",
		Description: Ptr("Creates a thing."),
		Method:      http.MethodPost,
		URL:         "https://postman-echo.com/post?id={{id}}",
		HeaderData:  []CollectionHeader{{Key: "Content-Type", Value: "application/json"}},
		QueryParams: []CollectionQueryParam{{Key: "id", Value: "{{id}}", Description: "The ID.", Enabled: Ptr(true)}},
		DataMode:    CollectionDataRaw,
		RawModeData: Ptr(`{"field": "Value"}`),
		DataOptions: &CollectionDataOptions{Raw: &CollectionRawOptions{Language: "json"}},
		Auth:        &CollectionItemAuth{Type: collection.AuthBearer, Params: []CollectionItemAuthParam{{Key: "token", Value: collection.StringValue("{{token}}"), Type: "string"}}},
		Events:      []collection.Event{collection.NewEvent(collection.ListenTest, `pm.test("ok", () => pm.response.to.have.status(200));`)},
	}
}

// collTestResponse is a saved response of the item model.
func collTestResponse() *CollectionResponse {
	return &CollectionResponse{
		Name:         "Example POST Response",
		Description:  Ptr("A saved response."),
		URL:          "https://postman-echo.com/post",
		Method:       http.MethodPost,
		Headers:      CollectionHeaders{{Key: "Content-Type", Value: "application/json"}},
		DataMode:     CollectionDataRaw,
		RawModeData:  Ptr(`{"field": "Value"}`),
		ResponseCode: &CollectionResponseCode{Code: 200, Name: "OK"},
		Time:         "50",
		Text:         `{"ok": true}`,
		Language:     "json",
	}
}

func TestCollectionsFolderCRUD(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	created, _, err := c.Collections.CreateFolder(ctx, collTestID, &CollectionFolder{Name: "Test Folder", Description: Ptr("This is a test collection folder.")})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "/collections/"+collTestID+"/folders", req.URL.Path)
	assert.JSONEq(t, `{"name":"Test Folder","description":"This is a test collection folder."}`, string(body), "only the fields set are sent")
	assert.Equal(t, collTestFolderID, created.ID)
	assert.Equal(t, collTestID, created.Collection)
	assert.Nil(t, created.Folder, "a top-level folder has no parent")
	assert.Equal(t, "12345678", created.Owner)
	assert.Equal(t, int64(24994132707), created.Revision)
	assert.Equal(t, 964000000, created.CreatedAt.Nanosecond(), "fractional seconds of Postman's layout")

	_, _, err = c.Collections.CreateFolder(ctx, collTestID, &CollectionFolder{Name: "Sub", Folder: Ptr(collTestFolderID)})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"name":"Sub","folder":"`+collTestFolderID+`"}`, string(body))

	got, _, err := c.Collections.GetFolder(ctx, collTestID, collTestFolderID, &CollectionItemGetOptions{Populate: true})
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "populate=true", req.URL.RawQuery)
	assert.Equal(t, "Test Folder", got.Name)
	require.NotNil(t, got.Auth)
	assert.Equal(t, "apikey", got.Auth.Type)
	assert.Equal(t, "X-Api-Key", got.Auth.Param("key"))
	assert.Equal(t, "{{apiKey}}", got.Auth.Param("value"))
	assert.Equal(t, []string{"81b49e05-0b87-4ca4-ac8c-091aaedafea3", "929acf24-4234-45e1-59cf-dc2b27ea7603", "3cfc2ac8-00a9-47d2-415d-049773f23268"}, got.Order)
	assert.Len(t, got.FoldersOrder, 2)
	assert.Nil(t, got.Events)
	assert.Zero(t, got.Revision, "a get reports no revision")

	got.Name = "Renamed"
	updated, _, err := c.Collections.UpdateFolder(ctx, collTestID, collTestFolderID, got)
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.Contains(t, string(body), `"name":"Renamed"`)
	assert.Contains(t, string(body), `"auth":{"type":"apikey","apikey":[`, "a folder read can be sent back, auth included")
	assert.Equal(t, int64(24977103385), updated.Revision)
	assert.Equal(t, int64(24977100955), updated.LastRevision)
	assert.Nil(t, updated.Auth, "auth: null is no auth")

	_, err = c.Collections.DeleteFolder(ctx, collTestID, collTestFolderID)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "/collections/"+collTestID+"/folders/"+collTestFolderID, req.URL.Path)

	assert.Equal(t, []string{"createCollectionFolder", "createCollectionFolder", "getCollectionFolder", "updateCollectionFolder", "deleteCollectionFolder"}, h.Ran())
}

func TestCollectionsRequestCRUD(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	created, _, err := c.Collections.CreateRequest(ctx, collTestID, collTestRequest(), &CollectionRequestCreateOptions{FolderID: collTestFolderID})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "folderId="+collTestFolderID, req.URL.RawQuery)
	assert.JSONEq(t, `{
		"name": "Example POST Request", "description": "Creates a thing.", "method": "POST",
		"url": "https://postman-echo.com/post?id={{id}}",
		"headerData": [{"key": "Content-Type", "value": "application/json"}],
		"queryParams": [{"key": "id", "value": "{{id}}", "description": "The ID.", "enabled": true}],
		"dataMode": "raw", "rawModeData": "{\"field\": \"Value\"}",
		"dataOptions": {"raw": {"language": "json"}},
		"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]},
		"events": [{"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test(\"ok\", () => pm.response.to.have.status(200));"]}}]
	}`, string(body))
	assert.Equal(t, collTestRequestID, created.ID)
	assert.Equal(t, "GET", created.Method, "the answer is the documented example")
	require.Len(t, created.Headers, 4, "headers written as a list")
	assert.Equal(t, CollectionHeader{Key: "accept", Value: "*/*"}, created.Headers[2])
	assert.Equal(t, CollectionDataRaw, created.DataMode)
	assert.Nil(t, created.RawModeData, "rawModeData: null")
	assert.True(t, created.QueryParams[0].Equals)
	assert.True(t, *created.QueryParams[0].Enabled)
	assert.Equal(t, int64(32456338071), created.Revision)

	_, _, err = c.Collections.CreateRequest(ctx, collTestID, &CollectionRequest{Name: "Top"}, nil)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Empty(t, req.URL.RawQuery, "without options the request goes to the top level")

	got, _, err := c.Collections.GetRequest(ctx, collTestID, collTestRequestID, &CollectionItemGetOptions{IDs: true})
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "ids=true", req.URL.RawQuery)
	assert.Equal(t, "Example GET Request", got.Name)
	assert.Equal(t, "https://postman-echo.com/get", got.URL)
	assert.Equal(t, "var data = JSON.parse(responseBody);", got.Tests)
	assert.Equal(t, int64(32206434799), got.LastRevision)
	assert.Equal(t, map[string]string{}, got.PathVariables)
	assert.JSONEq(t, `{"disableBodyPruning":true}`, string(got.ProtocolProfileBehavior))
	assert.Nil(t, got.Auth)
	assert.Nil(t, got.Folder)

	updated, _, err := c.Collections.UpdateRequest(ctx, collTestID, collTestRequestID, &CollectionRequest{Name: "Example POST Request", Method: http.MethodPost})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"name":"Example POST Request","method":"POST"}`, string(body))
	require.NotNil(t, updated.Auth)
	assert.Equal(t, "noauth", updated.Auth.Type, "Postman's bare auth string")
	assert.Equal(t, "{\n    \"field\": \"Value\"\n}", *updated.RawModeData)
	assert.Equal(t, int64(32473098909), updated.Revision)

	// A read request can be sent back; the bare auth string goes as the
	// object the description documents for writes.
	_, _, err = c.Collections.UpdateRequest(ctx, collTestID, collTestRequestID, updated)
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.Contains(t, string(body), `"auth":{"type":"noauth"}`)

	_, err = c.Collections.DeleteRequest(ctx, collTestID, collTestRequestID)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "/collections/"+collTestID+"/requests/"+collTestRequestID, req.URL.Path)
}

func TestCollectionsResponseCRUD(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	created, _, err := c.Collections.CreateResponse(ctx, collTestID, collTestRequestID, collTestResponse())
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, "request="+collTestRequestID, req.URL.RawQuery)
	assert.JSONEq(t, `{
		"name": "Example POST Response", "description": "A saved response.",
		"url": "https://postman-echo.com/post", "method": "POST",
		"headers": [{"key": "Content-Type", "value": "application/json"}],
		"dataMode": "raw", "rawModeData": "{\"field\": \"Value\"}",
		"responseCode": {"code": 200, "name": "OK"}, "time": "50",
		"text": "{\"ok\": true}", "language": "json"
	}`, string(body))
	assert.Equal(t, "43e1277f-6079-4feb-9316-c8ec24605092", created.ID)
	assert.Equal(t, collTestRequestID, created.Request)
	assert.Equal(t, int64(26532286083), created.Revision)

	got, _, err := c.Collections.GetResponse(ctx, collTestID, collTestResponseID, nil)
	require.NoError(t, err)
	assert.Equal(t, "Successful GET Response", got.Name)
	assert.Equal(t, &CollectionResponseCode{Code: 200, Name: "OK"}, got.ResponseCode)
	require.Len(t, got.Headers, 1)
	assert.Equal(t, CollectionHeader{Key: "Content-Type", Name: "Content-Type", Value: "application/json", Type: "text"}, got.Headers[0])
	assert.Equal(t, "json", got.Language)
	assert.Contains(t, got.RequestObject, `"method":"GET"`)
	assert.Empty(t, got.Time, "time: null")

	updated, _, err := c.Collections.UpdateResponse(ctx, collTestID, collTestResponseID, &CollectionResponse{Name: "Example Response"})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `{"name":"Example Response"}`, string(body))
	assert.Equal(t, "50", updated.Time)
	assert.Equal(t, int64(32473225008), updated.Revision)

	_, err = c.Collections.DeleteResponse(ctx, collTestID, collTestResponseID)
	require.NoError(t, err)

	_, _, err = c.Collections.CreateResponse(ctx, collTestID, "", collTestResponse())
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Collections.UpdateResponse(ctx, collTestID, collTestResponseID, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
}

func TestCollectionsItemErrorsMatchNotFound(t *testing.T) {
	h := conformance.New(t)
	for _, op := range []string{"getCollectionFolder", "getCollectionRequest", "getCollectionResponse",
		"deleteCollectionFolder", "deleteCollectionRequest", "deleteCollectionResponse"} {
		h.Status(op, http.StatusNotFound)
	}
	h.Status("createCollectionFolder", http.StatusBadRequest) // Postman's 400 instanceNotFoundError
	c := newTestClient(t, h.URL)
	ctx := t.Context()

	_, _, err := c.Collections.GetFolder(ctx, collTestID, collTestFolderID, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Collections.GetRequest(ctx, collTestID, collTestRequestID, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	_, _, err = c.Collections.GetResponse(ctx, collTestID, collTestResponseID, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = c.Collections.DeleteFolder(ctx, collTestID, collTestFolderID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = c.Collections.DeleteRequest(ctx, collTestID, collTestRequestID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = c.Collections.DeleteResponse(ctx, collTestID, collTestResponseID)
	assert.ErrorIs(t, err, ErrNotFound)

	_, _, err = c.Collections.CreateFolder(ctx, collTestID, &CollectionFolder{Name: "x"})
	assert.ErrorIs(t, err, ErrNotFound, "a 400 instanceNotFoundError is a missing collection")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "instanceNotFoundError", apiErr.Name)
	assert.Contains(t, err.Error(), "We could not find the folder you are looking for")
}

func TestCollectionItemAuthForms(t *testing.T) {
	var a CollectionItemAuth
	require.NoError(t, a.UnmarshalJSON([]byte(`"noauth"`)))
	assert.Equal(t, "noauth", a.Type)
	out, err := a.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"type":"noauth"}`, string(out), "written as the object the API documents for writes")

	require.NoError(t, a.UnmarshalJSON([]byte(`{"type":"basic","basic":{"username":"u","password":"p"}}`)))
	assert.Equal(t, "basic", a.Type)
	assert.Equal(t, "u", a.Param("username"), "v2.0 object-form parameters are read")
	assert.Equal(t, "p", a.Param("password"))
	out, err = a.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"basic","basic":[{"key":"password","value":"p"},{"key":"username","value":"u"}]}`, string(out))

	require.NoError(t, a.UnmarshalJSON([]byte(`{"type":"noauth"}`)))
	out, err = a.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"noauth"}`, string(out))

	require.NoError(t, a.UnmarshalJSON([]byte(`{"type":"oauth2","oauth2":[{"key":"addTokenTo","value":"header","type":"string"},{"key":"useBrowser","value":true,"type":"boolean"},{"key":"expires","value":12345678901234567890,"type":"number"}]}`)))
	out, err = a.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"oauth2","oauth2":[{"key":"addTokenTo","value":"header","type":"string"},{"key":"useBrowser","value":true,"type":"boolean"},{"key":"expires","value":12345678901234567890,"type":"number"}]}`, string(out))
	assert.Contains(t, string(out), "12345678901234567890", "numbers keep every digit")

	assert.Error(t, a.UnmarshalJSON([]byte(`{"type":"bearer","bearer":[{"key":1}]}`)))
}

func TestCollectionHeadersReadText(t *testing.T) {
	var h CollectionHeaders
	require.NoError(t, h.UnmarshalJSON([]byte(`"Accept: application/vnd.example.v1+json\n//X-Debug: 1\nX-Empty:\n\n"`)))
	require.Len(t, h, 3)
	assert.Equal(t, CollectionHeader{Key: "Accept", Value: "application/vnd.example.v1+json"}, h[0])
	assert.Equal(t, CollectionHeader{Key: "X-Debug", Value: "1", Enabled: Ptr(false)}, h[1])
	assert.Equal(t, CollectionHeader{Key: "X-Empty"}, h[2])

	require.NoError(t, h.UnmarshalJSON([]byte(`null`)))
	assert.Nil(t, h)
	require.NoError(t, h.UnmarshalJSON([]byte(`[{"key":"A","value":"b","enabled":false}]`)))
	assert.Equal(t, CollectionHeaders{{Key: "A", Value: "b", Enabled: Ptr(false)}}, h)
	assert.Error(t, h.UnmarshalJSON([]byte(`{}`)))
}

// The item endpoints and the collection document are two views of one
// collection: items created through the former show in the latter.
func TestCollectionsItemsThroughPostmantest(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL)
	ctx := t.Context()

	ref, _, err := c.Collections.Create(ctx, collPostmantestWorkspace(t, srv), collTestParse(t, collTestDocument))
	require.NoError(t, err)
	folder, _, err := c.Collections.CreateFolder(ctx, ref.ID, &CollectionFolder{Name: "Users", Description: Ptr("About users.")})
	require.NoError(t, err)
	assert.Equal(t, ref.ID, folder.Collection)
	assert.NotZero(t, folder.Revision)

	req, _, err := c.Collections.CreateRequest(ctx, ref.ID, collTestRequest(), &CollectionRequestCreateOptions{FolderID: folder.ID})
	require.NoError(t, err)
	require.NotNil(t, req.Folder)
	assert.Equal(t, folder.ID, *req.Folder)

	got, _, err := c.Collections.GetRequest(ctx, ref.ID, req.ID, nil)
	require.NoError(t, err)
	got.Name = "Create a thing"
	updated, _, err := c.Collections.UpdateRequest(ctx, ref.ID, req.ID, got)
	require.NoError(t, err)
	assert.Equal(t, "Create a thing", updated.Name)
	require.NotNil(t, updated.Auth)
	assert.Equal(t, "{{token}}", updated.Auth.Param("token"))

	saved, _, err := c.Collections.CreateResponse(ctx, ref.ID, req.ID, collTestResponse())
	require.NoError(t, err)
	assert.Equal(t, req.ID, saved.Request)

	col, _, err := c.Collections.Get(ctx, ref.ID, nil)
	require.NoError(t, err)
	item := col.FindPath("Users", "Create a thing")
	require.NotNil(t, item, "the request shows in the collection document")
	assert.Equal(t, req.ID, item.ID)
	assert.Len(t, item.Responses, 1)

	_, err = c.Collections.DeleteFolder(ctx, ref.ID, folder.ID)
	require.NoError(t, err)
	_, _, err = c.Collections.GetRequest(ctx, ref.ID, req.ID, nil)
	assert.ErrorIs(t, err, ErrNotFound, "deleting a folder deletes its requests")
}
