package postman_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// The examples run against postmantest, the in-memory Postman API; with a
// real key, drop the server and WithBaseURL.
func ExampleNewClient() {
	srv := postmantest.NewServer()
	defer srv.Close()

	client, err := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	defer client.CloseIdleConnections()
	me, resp, err := client.Users.GetMe(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	left, _ := me.APICallsRemaining()
	fmt.Printf("%s, %.0f API calls left this month\n", me.User.Username, left)
	fmt.Printf("rate limit: %d per minute\n", resp.Rate.Limit)
	// Output:
	// taylor-lee, 989212 API calls left this month
	// rate limit: 300 per minute
}

// Iterators fetch one page at a time and stop when the loop breaks.
func ExampleWorkspacesService_ListIter() {
	srv := postmantest.NewServer()
	defer srv.Close()
	srv.AddWorkspace(postmantest.Workspace{Name: "Payments", Type: "team"})
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL))
	defer client.CloseIdleConnections()

	opts := &postman.WorkspaceListOptions{Type: postman.WorkspaceTeam, CursorOptions: postman.CursorOptions{Limit: 1}}
	for ws, err := range client.Workspaces.ListIter(context.Background(), opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ws.Name)
	}
	// Output:
	// Team Workspace
	// Payments
}

// Errors are typed: match a kind with errors.Is, read the details with errors.As.
func ExampleAPIError() {
	srv := postmantest.NewServer()
	defer srv.Close()
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL))
	defer client.CloseIdleConnections()

	_, _, err := client.Workspaces.Get(context.Background(), "00000000-0000-4000-8000-000000000000", nil)
	if errors.Is(err, postman.ErrNotFound) {
		var apiErr *postman.APIError
		errors.As(err, &apiErr)
		fmt.Println(apiErr.StatusCode, apiErr.Name, apiErr.Message)
	}
	// Output:
	// 404 workspaceNotFoundError Workspace not found
}

// Do reaches any endpoint with the client's credentials, limits, retries
// and errors.
func ExampleClient_Do() {
	srv := postmantest.NewServer()
	defer srv.Close()
	client, _ := postman.NewClient("PMAK-your-key", postman.WithBaseURL(srv.URL))
	defer client.CloseIdleConnections()

	var out struct {
		User struct {
			Username string `json:"username"`
		} `json:"user"`
	}
	if _, err := client.Do(context.Background(), http.MethodGet, "/me", nil, &out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.User.Username)
	// Output: taylor-lee
}
