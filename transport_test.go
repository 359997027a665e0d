package postman

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proxyPage is the page nginx answers with status when its upstream fails.
func proxyPage(status int) string {
	title := fmt.Sprint(status, " ", http.StatusText(status))
	return `<!DOCTYPE html>
<html><head><title>` + title + `</title></head>
<body><center><h1>` + title + `</h1></center><hr><center>nginx</center></body></html>`
}

// stream writes chunk until the client goes away or limit bytes are out;
// with contentLength it first announces limit bytes.
func stream(contentLength bool, limit int64) func(*testing.T, *faultEnv) (string, []Option) {
	chunk := bytes.Repeat([]byte(`{"x":"0123456789abcdef"},`), 2600) // ~64 KB
	return func(t *testing.T, env *faultEnv) (string, []Option) {
		return scripted(func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			if contentLength {
				w.Header().Set("Content-Length", strconv.FormatInt(limit, 10))
			}
			w.WriteHeader(200)
			for env.written.Load() < limit {
				n, err := w.Write(chunk)
				env.written.Add(int64(n))
				if err != nil {
					return
				}
				if f, ok := w.(http.Flusher); ok && !contentLength {
					f.Flush()
				}
			}
		})(t, env)
	}
}

// gzipRepeated returns a valid gzip stream of mib MiB (at least 2) of the
// byte c, about 1 KB per MiB, built in milliseconds rather than by
// compressing it all (1 GiB takes 45 s under -race): it deflates two MiB
// with a sync flush after each, then repeats the second MiB's blocks,
// which are byte-aligned and refer back only to bytes equal to c, so each
// copy decodes to one more MiB of c.
func gzipRepeated(c byte, mib int) []byte {
	chunk := bytes.Repeat([]byte{c}, 1<<20)
	var d bytes.Buffer
	fw, _ := flate.NewWriter(&d, flate.BestCompression)
	_, _ = fw.Write(chunk)
	_ = fw.Flush()
	first := d.Len()
	_, _ = fw.Write(chunk)
	_ = fw.Flush()
	second := d.Len()
	_ = fw.Close() // the final, empty block
	var crc uint32
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	out := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255} // gzip header: deflate, no name, no time
	out = append(out, d.Bytes()[:first]...)
	for range mib - 1 {
		out = append(out, d.Bytes()[first:second]...)
	}
	out = append(out, d.Bytes()[second:]...)
	out = binary.LittleEndian.AppendUint32(out, crc)
	return binary.LittleEndian.AppendUint32(out, uint32(mib<<20))
}

// gzipBomb is about 1 MB of gzip that expands to 1 GiB of JSON whitespace:
// what a streaming JSON decoder would consume to the end without ever
// meeting a syntax error.
var gzipBomb = sync.OnceValue(func() []byte { return gzipRepeated(' ', 1<<10) })

// TestGzipRepeatedIsValid decodes a small gzipRepeated stream whole
// (compress/gzip checks its CRC and length at the end), which shows that
// copies of the second MiB's blocks decode wherever they are put, and
// checks that the bomb's trailer announces 1 GiB for about 1 MB.
func TestGzipRepeatedIsValid(t *testing.T) {
	t.Parallel()
	zr, err := gzip.NewReader(bytes.NewReader(gzipRepeated('x', 3)))
	require.NoError(t, err)
	got, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(bytes.Repeat([]byte("x"), 3<<20), got), "3 MiB of x")
	bomb := gzipBomb()
	assert.Equal(t, uint32(1<<30), binary.LittleEndian.Uint32(bomb[len(bomb)-4:]), "expands to 1 GiB")
	assert.Less(t, len(bomb), 2<<20)
}

// gzipped answers 200 with body, already gzip-compressed, as
// "Content-Encoding: gzip" with its compressed Content-Length, and only
// to a request that offered gzip; another gets a 406, so that a client
// that stopped offering it fails every gzip scenario loudly.
func gzipped(body []byte) func(*testing.T, *faultEnv) (string, []Option) {
	return scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip" {
			writeJSON(w, 406, `{"error":{"name":"notAcceptable","message":"gzip was not offered"}}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	})
}

// gzipOf compresses s with gzip.
func gzipOf(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, _ = io.WriteString(zw, s)
	_ = zw.Close()
	return b.Bytes()
}

// gzipFaults are gzip-encoded answers. The SDK leaves compression to
// net/http: its transport offers "Accept-Encoding: gzip" on every request,
// decompresses the answer, and drops Content-Encoding and Content-Length
// (the compressed length), so the body cap counts decompressed bytes.
// (The bomb under the default cap is in TestOversizedBodyKeepsHeapSmall.)
func gzipFaults() []fault {
	return []fault{
		{name: "gzip answer decompressed by net/http", start: gzipped(gzipOf(okBody)), check: func(t *testing.T, r *faultRun) {
			succeeded(1)(t, r)
			assert.True(t, r.resp.Uncompressed)
			assert.Empty(t, r.resp.Header.Get("Content-Encoding"))
			assert.Equal(t, int64(-1), r.resp.ContentLength, "the compressed length is dropped")
		}},
		// A cap above the compressed size (about 1 MB), so that only
		// counting decompressed bytes can refuse the body.
		{name: "gzip bomb", opts: []Option{WithMaxResponseSize(2<<20, 1<<20)}, start: gzipped(gzipBomb()),
			check: func(t *testing.T, r *faultRun) {
				assert.ErrorIs(t, r.err, ErrResponseTooLarge)
				assert.Nil(t, r.resp)
				assert.Equal(t, 1, r.hits(), "a GET, yet not retried: the same answer would come again")
				assert.Empty(t, r.events)
				// That the bomb was not read whole is shown by the cap's
				// error here, and by the allocation bound of
				// TestOversizedBodyKeepsHeapSmall; a time bound only
				// measured how busy the machine was.
			}},
	}
}

func bodyFaults() []fault {
	small := []Option{WithMaxResponseSize(1<<20, 1<<20)}
	tooLarge := func(t *testing.T, r *faultRun) {
		assert.ErrorIs(t, r.err, ErrResponseTooLarge)
		assert.Equal(t, 1, r.hits(), "not retried")
		assert.Less(t, r.env.written.Load(), int64(64<<20), "the client stopped reading; the server could not write it all")
	}
	bigError := strings.Repeat("x", 3<<20)
	// A proxy's error page, for the two statuses a gateway sends when
	// Postman is down or slow: retried for GET, not for POST.
	var fs []fault
	for _, status := range []int{502, 504} {
		fs = append(fs, forMethods([]string{"GET", "POST"}, func(method string) fault {
			return fault{name: fmt.Sprintf("HTML %d from a proxy", status), start: scripted(func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(status)
				_, _ = w.Write([]byte(proxyPage(status)))
			}), check: func(t *testing.T, r *faultRun) {
				attempts := 1
				if isIdempotent(method) {
					attempts = DefaultMaxRetries + 1
				}
				failedWithStatus(status, attempts)(t, r)
				var apiErr *APIError
				require.ErrorAs(t, r.err, &apiErr)
				assert.Equal(t, "text/html", apiErr.ContentType)
				assert.True(t, bytes.HasPrefix(apiErr.Body, []byte("<!DOCTYPE html>")), "the excerpt: %q", apiErr.Body)
				assert.LessOrEqual(t, len(apiErr.Body), 512)
				assert.Contains(t, r.err.Error(), "HTML page: "+fmt.Sprint(status, " ", http.StatusText(status)), "the page's title")
				assert.NotContains(t, r.err.Error(), "invalid character")
			}}
		})...)
	}
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "truncated JSON on a 200", start: always(200, nil, `{"collections":[{"id":"1"`),
			check: func(t *testing.T, r *faultRun) {
				var decErr *DecodeError
				require.ErrorAs(t, r.err, &decErr)
				assert.Equal(t, 200, decErr.StatusCode)
				assert.Equal(t, `{"collections":[{"id":"1"`, string(decErr.Excerpt))
				assert.Equal(t, 1, r.hits(), "a deterministic server is not asked again")
				assert.Empty(t, r.events)
				require.NotNil(t, r.resp, "the response comes with the error")
				assert.Equal(t, 200, r.resp.StatusCode)
			}}
	})...)
	fs = append(fs,
		fault{name: "HTML page on a 200 (captive portal)", start: func(t *testing.T, env *faultEnv) (string, []Option) {
			return scripted(func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				_, _ = w.Write([]byte("<html><body>Please log in to the hotel Wi-Fi</body></html>"))
			})(t, env)
		}, check: func(t *testing.T, r *faultRun) {
			var decErr *DecodeError
			require.ErrorAs(t, r.err, &decErr)
			assert.Contains(t, r.err.Error(), "HTML")
			assert.NotContains(t, r.err.Error(), "invalid character")
		}},
		fault{name: "Content-Length over the cap", opts: small, start: stream(true, 200<<20), check: tooLarge},
		fault{name: "endless chunked body", opts: small, start: stream(false, 200<<20), check: tooLarge},
		// Over the default 64 MiB cap, refused from its Content-Length
		// before any of it is read: the server cannot even write the cap.
		fault{name: "100 MB body with Content-Length under the default cap", start: stream(true, 100<<20),
			check: func(t *testing.T, r *faultRun) {
				assert.ErrorIs(t, r.err, ErrResponseTooLarge)
				assert.Nil(t, r.resp)
				assert.Equal(t, 1, r.hits(), "a GET, yet not retried: the same answer would come again")
				assert.Empty(t, r.events)
				// Reading up to the cap and refusing then would have taken more.
				assert.Less(t, r.env.written.Load(), int64(DefaultMaxBodySize), "the server wrote less than the cap")
			}},
		fault{name: "body of exactly the cap", opts: []Option{WithMaxResponseSize(1000, 1000)},
			start: always(200, nil, `{"ok":true,"pad":"`+strings.Repeat("x", 1000-len(`{"ok":true,"pad":""}`))+`"}`), check: succeeded(1)},
		fault{name: "body one byte over the cap", opts: []Option{WithMaxResponseSize(1000, 1000)},
			start: always(200, nil, `{"ok":true,"pad":"`+strings.Repeat("x", 1001-len(`{"ok":true,"pad":""}`))+`"}`),
			check: func(t *testing.T, r *faultRun) { assert.ErrorIs(t, r.err, ErrResponseTooLarge) }},
		fault{name: "slow body past the deadline", start: scripted(func(_ int, w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "1000")
			w.WriteHeader(200)
			for range 1000 {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}), call: func(ctx context.Context, c *Client, _ *faultEnv) (*Response, error) {
			ctx, cancel := context.WithTimeout(ctx, 150*time.Millisecond)
			defer cancel()
			return c.Do(ctx, "GET", "/me", nil, nil)
		}, check: func(t *testing.T, r *faultRun) {
			assert.ErrorIs(t, r.err, context.DeadlineExceeded)
			assert.Equal(t, 1, r.hits())
			assert.Less(t, r.elapsed, 2*time.Second)
		}},
		fault{name: "invalid UTF-8 in a string", start: always(200, nil, "{\"ok\":true,\"name\":\"caf\xe9\"}"),
			check: func(t *testing.T, r *faultRun) {
				succeeded(1)(t, r)
				assert.Equal(t, "caf\uFFFD", r.out["name"], "encoding/json replaces invalid UTF-8 (pinned)")
			}},
		fault{name: "empty 204", method: "DELETE", start: always(204, nil, ""),
			check: func(t *testing.T, r *faultRun) {
				require.NoError(t, r.err)
				assert.Equal(t, 204, r.resp.StatusCode)
			}},
	)
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "error body over the cap", start: always(404, nil, `{"error":{"name":"x","message":"`+bigError+`"}}`),
			check: func(t *testing.T, r *faultRun) {
				failedWithStatus(404, 1)(t, r)
				var apiErr *APIError
				require.ErrorAs(t, r.err, &apiErr)
				assert.Len(t, apiErr.Body, 512, "cut to an excerpt")
				assert.Less(t, len(r.err.Error()), 1024)
				assert.ErrorIs(t, r.err, ErrNotFound)
			}}
	})...)
	return fs
}

// TestOversizedBodyKeepsHeapSmall reads bodies far over the cap: a 200 MB
// stream, with and without Content-Length, under a 1 MiB cap, and the
// gzip bomb (1 GiB once decompressed) under a 2 MiB cap and under the
// default one. Each call fails with ErrResponseTooLarge having allocated
// a few times the cap, not the body. (Not parallel: MemStats are
// process-wide. The default cap's 64 MiB take seconds under -race, too
// slow for the fault suite, which runs every scenario twice.)
func TestOversizedBodyKeepsHeapSmall(t *testing.T) {
	small := []Option{WithMaxResponseSize(1<<20, 1<<20)}
	for _, tt := range []struct {
		name     string
		start    func(*testing.T, *faultEnv) (string, []Option)
		opts     []Option
		maxAlloc uint64 // doubled under -race
	}{
		{"Content-Length=false", stream(false, 200<<20), small, 4 << 20},
		{"Content-Length=true", stream(true, 200<<20), small, 4 << 20},
		// io.ReadAll's growing chunks, then one copy: under 3× the cap.
		{"gzip bomb", gzipped(gzipBomb()), []Option{WithMaxResponseSize(2<<20, 1<<20)}, 3 * 2 << 20},
		{"gzip bomb under the default cap", gzipped(gzipBomb()), nil, 3 * DefaultMaxBodySize},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := &faultEnv{}
			base, _ := tt.start(t, env)
			c := newTestClient(t, base, tt.opts...)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := c.Do(t.Context(), "GET", "/me", nil, nil)
			runtime.ReadMemStats(&after)
			require.ErrorIs(t, err, ErrResponseTooLarge)
			allocated := after.TotalAlloc - before.TotalAlloc
			limit := tt.maxAlloc
			if raceEnabled {
				limit *= 2 // as in TestSuccessBodyAllocation
			}
			assert.Less(t, allocated, limit, "allocated %d bytes", allocated)
			assert.Less(t, env.written.Load(), int64(64<<20), "the server could not write it all")
		})
	}
}

// TestSuccessBodyAllocation checks what reading a 4 MiB success body
// costs: one buffer of its size when Content-Length is known, about twice
// its size when it is not (chunked, or gzip that net/http decompressed).
// (Not parallel: MemStats are process-wide.)
func TestSuccessBodyAllocation(t *testing.T) {
	payload := []byte(`{"ok":true,"pad":"` + strings.Repeat("x", 4<<20) + `"}`)
	for _, tt := range []struct {
		name          string
		contentLength bool
		max           float64 // allocated bytes per body byte
	}{{"Content-Length", true, 1.3}, {"chunked", false, 2.6}} {
		t.Run(tt.name, func(t *testing.T) {
			base, _ := scripted(func(_ int, w http.ResponseWriter, _ *http.Request) {
				if tt.contentLength {
					w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
				}
				for i := 0; i < len(payload); i += 64 << 10 {
					_, _ = w.Write(payload[i:min(i+64<<10, len(payload))])
				}
			})(t, &faultEnv{})
			c := newTestClient(t, base)
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var raw []byte
			_, err := c.Do(t.Context(), "GET", "/me", nil, &raw)
			runtime.ReadMemStats(&after)
			require.NoError(t, err)
			require.Len(t, raw, len(payload))
			ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(payload))
			limit := tt.max
			if raceEnabled {
				limit *= 2 // sync.Pool drops its buffers under -race
			}
			assert.Less(t, ratio, limit, "allocated %.2f× the body", ratio)
		})
	}
}

func TestDoRefusesBadArguments(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := always(200, nil, okBody)(t, env)
	c := newTestClient(t, base)
	for _, path := range []string{"me", "//evil.example/x", "https://evil.example/x", "/a/../b", "/a/%2e%2e/b", "/a/./b", "/bad%zz"} {
		_, err := c.Do(t.Context(), "GET", path, nil, nil)
		assert.ErrorIs(t, err, ErrInvalidArgument, path)
	}
	for _, method := range []string{"", "GET /x", "G\r\nET"} {
		_, err := c.Do(t.Context(), method, "/me", nil, nil)
		assert.ErrorIs(t, err, ErrInvalidArgument, method)
	}
	//lint:ignore SA1012 a nil context is the point
	_, err := c.Do(nil, "GET", "/me", nil, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.Do(t.Context(), "POST", "/me", make(chan int), nil)
	assert.Error(t, err)
	assert.Zero(t, env.hits.Load())

	noSCIM, err := NewClient(canaryKey, WithBaseURL(base), WithoutRateLimit())
	require.NoError(t, err)
	_, err = noSCIM.Do(t.Context(), "GET", "/scim/v2/Users", nil, nil)
	assert.ErrorIs(t, err, ErrNoSCIMKey)
	assert.Zero(t, env.hits.Load())
}

// TestDoSendsBodiesAsGiven checks the escape hatch's body handling: JSON
// for values, bytes and readers as they are, nothing for nil (and no
// Content-Type then), and the Accept header.
func TestDoSendsBodiesAsGiven(t *testing.T) {
	t.Parallel()
	type seen struct {
		method, contentType, accept, body string
		contentLength                     int64
		chunked                           bool
	}
	got := make(chan seen, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		_, _ = b.ReadFrom(r.Body)
		got <- seen{r.Method, r.Header.Get("Content-Type"), r.Header.Get("Accept"), b.String(), r.ContentLength, len(r.TransferEncoding) > 0}
		writeJSON(w, 200, okBody)
	}))
	t.Cleanup(srv.Close)
	base := srv.URL
	c := newTestClient(t, base)
	for _, tt := range []struct {
		method string
		body   any
		want   seen
	}{
		{"GET", nil, seen{method: "GET", accept: "application/json"}},
		{"DELETE", nil, seen{method: "DELETE", accept: "application/json"}},
		{"POST", nil, seen{method: "POST", accept: "application/json"}},
		{"POST", []byte{}, seen{method: "POST", accept: "application/json"}},
		{"POST", map[string]int{"a": 1}, seen{method: "POST", contentType: "application/json", accept: "application/json", body: `{"a":1}`, contentLength: 7}},
		{"PUT", []byte(`{"b":2}`), seen{method: "PUT", contentType: "application/json", accept: "application/json", body: `{"b":2}`, contentLength: 7}},
		{"PATCH", strings.NewReader(`{"c":3}`), seen{method: "PATCH", contentType: "application/json", accept: "application/json", body: `{"c":3}`, contentLength: 7}},
	} {
		_, err := c.Do(t.Context(), tt.method, "/x", tt.body, nil)
		require.NoError(t, err)
		s := <-got
		assert.Equal(t, tt.want, s, "%s %T", tt.method, tt.body)
	}
}

func TestDoDecodesIntoRawTargets(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := always(200, nil, `{"a":[1,2]}`)(t, env)
	c := newTestClient(t, base)
	var raw []byte
	_, err := c.Do(t.Context(), "GET", "/x", nil, &raw)
	require.NoError(t, err)
	assert.Equal(t, `{"a":[1,2]}`, string(raw))
	var typed struct{ A []int }
	_, err = c.Do(t.Context(), "GET", "/x", nil, &typed)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, typed.A)
	var wrong struct{ A string }
	resp, err := c.Do(t.Context(), "GET", "/x", nil, &wrong)
	var decErr *DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.NotNil(t, resp)
	assert.True(t, errors.As(err, new(*DecodeError)))
}
