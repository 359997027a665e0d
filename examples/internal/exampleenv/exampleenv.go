// Package exampleenv gives the example programs their client: the real
// Postman API when POSTMAN_API_KEY is set, otherwise an in-process
// postmantest server, so that every example runs offline.
package exampleenv

import (
	"fmt"
	"io"
	"os"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// Client returns a client and a function to call when done. Without
// POSTMAN_API_KEY it starts postmantest (seeded by seed, if not nil) and
// says so on w in one line. POSTMAN_REGION=eu selects the EU region;
// POSTMAN_SCIM_KEY, when set, is the SCIM API key.
func Client(w io.Writer, seed func(*postmantest.Server)) (*postman.Client, func(), error) {
	if key := os.Getenv("POSTMAN_API_KEY"); key != "" {
		opts := []postman.Option{postman.WithUserAgent("postman-go-example")}
		if scim := os.Getenv("POSTMAN_SCIM_KEY"); scim != "" {
			opts = append(opts, postman.WithSCIMKey(scim))
		}
		if os.Getenv("POSTMAN_REGION") == "eu" {
			opts = append(opts, postman.WithRegion(postman.RegionEU))
		}
		c, err := postman.NewClient(key, opts...)
		if err != nil {
			return nil, nil, err
		}
		return c, c.CloseIdleConnections, nil
	}
	srv := postmantest.NewServer()
	if seed != nil {
		seed(srv)
	}
	fmt.Fprintf(w, "POSTMAN_API_KEY is not set: using the built-in fake Postman API at %s\n", srv.URL)
	c, err := postman.NewClient("postmantest-key", postman.WithBaseURL(srv.URL), postman.WithSCIMKey("postmantest-scim-key"))
	if err != nil {
		srv.Close()
		return nil, nil, err
	}
	return c, func() { c.CloseIdleConnections(); srv.Close() }, nil
}
