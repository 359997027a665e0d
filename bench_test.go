package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The overhead benchmarks run the same calls against the same in-process
// server twice: through the SDK, and through raw net/http + encoding/json
// with the same transport settings (the SDK's tuned transport and
// per-attempt timeout), the same headers and the same typed structs. The
// difference is what the SDK costs per call: retryablehttp, the policy,
// the credential and limiter round trippers, body caps, header parsing.
//
//	go test -run '^$' -bench 'Overhead|ListIter' -benchmem -count 10 . | tee bench.txt
//	go run golang.org/x/perf/cmd/benchstat@latest -col /client bench.txt

// benchMe is an answer of GET /me (~600 bytes).
var benchMe = []byte(`{"user":{"id":12345678,"username":"taylor-lee","email":"taylor.lee@example.com","fullName":"Taylor Lee",` +
	`"avatar":"https://example.com/user/r5u9qpvmujfjf6lbqmga.jpg","isPublic":true,"teamId":123,"teamName":"Test Team",` +
	`"teamDomain":"test-team","roles":["user","flow-editor"]},"operations":[{"name":"api_usage","limit":1000000,"usage":10788,"overage":0},` +
	`{"name":"mock_usage","limit":1000000,"usage":110276,"overage":0},{"name":"monitor_request_runs","limit":10000000,"usage":1141750,"overage":0},` +
	`{"name":"collection_run_limit","limit":25,"usage":2,"overage":0},{"name":"file_storage_limit","limit":20,"usage":5.6,"overage":0}]}`)

// benchWorkspacesPage is a page of GET /workspaces (~5 KB).
var benchWorkspacesPage = func() []byte {
	var b strings.Builder
	b.WriteString(`{"workspaces":[`)
	for i := range 40 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"1f0df51a-8658-4ee8-a2a1-d2567dfa%04d","name":"Team Workspace %d","type":"team","visibility":"team","createdBy":"12345678"}`, i, i)
	}
	b.WriteString(`],"meta":{"nextCursor":"b2Zmc2V0PTQwJmxpbWl0PTQw"}}`)
	return []byte(b.String())
}()

// benchCreated is the answer of POST /workspaces.
var benchCreated = []byte(`{"workspace":{"id":"1f0df51a-8658-4ee8-a2a1-d2567dfa09a9","name":"Team Workspace"}}`)

// benchCreateRequest is the body of POST /workspaces.
type benchCreateRequest struct {
	Workspace struct {
		Name        string `json:"name"`
		Type        string `json:"type"`
		Description string `json:"description"`
	} `json:"workspace"`
}

type benchCreatedWorkspace struct {
	Workspace struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"workspace"`
}

type benchWorkspaceList struct {
	Workspaces []*Workspace `json:"workspaces"`
	Meta       struct {
		NextCursor string `json:"nextCursor"`
	} `json:"meta"`
}

func newBenchCreate() benchCreateRequest {
	var r benchCreateRequest
	r.Workspace.Name = "Team Workspace"
	r.Workspace.Type = "team"
	r.Workspace.Description = "A workspace for the benchmark, with a description of a realistic length for a team."
	return r
}

func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	write := func(w http.ResponseWriter, body []byte) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Header().Set("RateLimit-Limit", "300")
		w.Header().Set("RateLimit-Remaining", "299")
		w.Header().Set("RateLimit-Reset", "60")
		w.Header().Set("X-Request-Id", "7b3f3a4e-5d2c-4f8e-9a7b-0c1d2e3f4a5b")
		_, _ = w.Write(body)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == "GET" && r.URL.Path == "/me":
			write(w, benchMe)
		case r.Method == "GET" && r.URL.Path == "/workspaces":
			write(w, benchWorkspacesPage)
		case r.Method == "POST" && r.URL.Path == "/workspaces":
			_, _ = io.Copy(io.Discard, r.Body)
			write(w, benchCreated)
		default:
			http.NotFound(w, r)
		}
	}))
	b.Cleanup(srv.Close)
	return srv
}

// rawClient is what a careful user writes without the SDK.
type rawClient struct {
	hc   *http.Client
	base string
}

func (r *rawClient) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", canaryKey)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", defaultUserAgent)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.Unmarshal(data, out)
}

func BenchmarkOverhead(b *testing.B) {
	srv := benchServer(b)
	transport := newBaseTransport()
	b.Cleanup(transport.CloseIdleConnections)
	raw := &rawClient{hc: &http.Client{Transport: transport, Timeout: DefaultAttemptTimeout}, base: srv.URL}
	c, err := NewClient(canaryKey, WithBaseURL(srv.URL), WithoutRateLimit())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(c.CloseIdleConnections)
	ctx := context.Background()
	create := newBenchCreate()
	listOpts := &WorkspaceListOptions{CursorOptions: CursorOptions{Limit: 40}}

	cases := []struct {
		name string
		raw  func() error
		sdk  func() error
	}{
		{"GetMe", func() error {
			var me Me
			return raw.do(ctx, "GET", "/me", nil, &me)
		}, func() error {
			_, _, err := c.Users.GetMe(ctx)
			return err
		}},
		{"ListPage", func() error {
			var page benchWorkspaceList
			return raw.do(ctx, "GET", "/workspaces?limit=40", nil, &page)
		}, func() error {
			_, _, err := c.Workspaces.List(ctx, listOpts)
			return err
		}},
		{"Create", func() error {
			var out benchCreatedWorkspace
			return raw.do(ctx, "POST", "/workspaces", create, &out)
		}, func() error {
			var out benchCreatedWorkspace
			_, err := c.Do(ctx, "POST", "/workspaces", create, &out)
			return err
		}},
	}
	for _, cs := range cases {
		for _, side := range []struct {
			name string
			call func() error
		}{{"raw", cs.raw}, {"sdk", cs.sdk}} {
			b.Run(cs.name+"/client="+side.name, func(b *testing.B) {
				if err := side.call(); err != nil { // warm the connection
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					if err := side.call(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkListIter iterates 100 000 workspaces over 1 000 pages with
// WorkspacesService.ListIter (and 1 000 over 10 pages, for comparison).
// Besides time and allocations per op (the whole iteration), it reports
// the largest live heap seen during the iteration above the heap before
// it (live-B), sampled after a GC twenty times along the way, next to the
// size of one page's body (page-B): memory stays at one page (its body,
// its decoded items, the connection's buffers) whatever the total.
func BenchmarkListIter(b *testing.B) {
	for _, pages := range []int{10, 1000} {
		b.Run(fmt.Sprint("pages=", pages), func(b *testing.B) { benchListIter(b, pages) })
	}
}

func benchListIter(b *testing.B, pages int) {
	const perPage = 100
	bodies := make([][]byte, pages)
	for p := range pages {
		var sb strings.Builder
		sb.WriteString(`{"workspaces":[`)
		for i := range perPage {
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"id":"ws-%07d","name":"Workspace %d","type":"team","visibility":"team"}`, p*perPage+i, p*perPage+i)
		}
		sb.WriteString(`]`)
		if p < pages-1 {
			fmt.Fprintf(&sb, `,"meta":{"nextCursor":"%d"}`, p+1)
		}
		sb.WriteString(`}`)
		bodies[p] = []byte(sb.String())
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(bodies[p])))
		_, _ = w.Write(bodies[p])
	}))
	b.Cleanup(srv.Close)
	c, err := NewClient(canaryKey, WithBaseURL(srv.URL), WithoutRateLimit())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(c.CloseIdleConnections)
	ctx := context.Background()
	opts := &WorkspaceListOptions{CursorOptions: CursorOptions{Limit: perPage}}
	sampleEvery := max(1, pages/20) * perPage

	var ms runtime.MemStats
	var peak uint64
	b.ReportAllocs()
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		baseline := ms.HeapAlloc
		n := 0
		for _, err := range c.Workspaces.ListIter(ctx, opts) {
			if err != nil {
				b.Fatal(err)
			}
			n++
			if n%sampleEvery == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > baseline {
					peak = max(peak, ms.HeapAlloc-baseline)
				}
			}
		}
		if n != pages*perPage {
			b.Fatalf("iterated %d workspaces", n)
		}
	}
	b.ReportMetric(float64(peak), "live-B")
	b.ReportMetric(float64(len(bodies[0])), "page-B")
	b.ReportMetric(float64(pages*perPage), "items/op")
}
