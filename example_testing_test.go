package postman_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/jarcoal/httpmock"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// renameWorkspace is the code under test in both examples: a user's own
// function built on the client.
func renameWorkspace(ctx context.Context, c *postman.Client, id, name string) error {
	if _, _, err := c.Workspaces.Get(ctx, id, nil); err != nil {
		return err
	}
	_, _, err := c.Workspaces.Update(ctx, id, postman.WorkspaceUpdateParams{Name: &name})
	return err
}

// A stateful fake: postmantest stores what the code writes, so a test can
// read it back, through the client or from the server.
func Example_testingWithPostmantest() {
	srv := postmantest.NewServer()
	defer srv.Close()
	id := srv.AddWorkspace(postmantest.Workspace{Name: "CI", Type: "team"})
	client, _ := postman.NewClient("any-key", postman.WithBaseURL(srv.URL), postman.WithoutRateLimit())
	defer client.CloseIdleConnections()

	if err := renameWorkspace(context.Background(), client, id, "CI (archived)"); err != nil {
		fmt.Println(err)
		return
	}
	ws, _, _ := client.Workspaces.Get(context.Background(), id, nil)
	fmt.Println(ws.Name)
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Status)
	}
	// Output:
	// CI (archived)
	// GET 200
	// PUT 200
	// GET 200
}

// Canned answers: httpmock, through WithHTTPClient, answers each request
// as the test scripts it, without a socket. The client's guarantees hold
// over any http.Client: the key goes only to Postman's host, redirects
// elsewhere are refused, and plain HTTP is refused.
func Example_testingWithHTTPMock() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://api.postman.com/workspaces/ws-1",
		httpmock.NewStringResponder(200, `{"workspace":{"id":"ws-1","name":"CI","type":"team"}}`))
	mock.RegisterResponder("PUT", "https://api.postman.com/workspaces/ws-1",
		httpmock.NewStringResponder(404, `{"error":{"name":"instanceNotFoundError","message":"We could not find the workspace you are looking for"}}`))
	client, _ := postman.NewClient("any-key", postman.WithHTTPClient(&http.Client{Transport: mock}), postman.WithoutRateLimit(), postman.WithMaxRetries(0))

	err := renameWorkspace(context.Background(), client, "ws-1", "CI (archived)")
	var apiErr *postman.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, errors.Is(err, postman.ErrNotFound))
	}
	fmt.Println(mock.GetTotalCallCount(), "calls")
	// Output:
	// 404 true
	// 2 calls
}
