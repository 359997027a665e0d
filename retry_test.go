package postman

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/transport"
)

const (
	rateLimitedBody = `{"error":"rateLimited","message":"Rate limit exceeded. Please retry after 1669048687"}`
	quotaBody       = `{"error":{"name":"serviceLimitExhausted","message":"You've reached the API call limit of your plan for this month."}}`
)

// connCut reports whether err says the connection was cut: reset, EOF
// before the answer, or EOF inside the body.
func connCut(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// succeeded checks a call that ended well after attempts attempts.
func succeeded(attempts int) func(*testing.T, *faultRun) {
	return func(t *testing.T, r *faultRun) {
		t.Helper()
		require.NoError(t, r.err)
		require.NotNil(t, r.resp)
		assert.Equal(t, attempts, r.resp.Attempts, "Response.Attempts")
		assert.Equal(t, attempts, r.hits(), "attempts the server saw")
		assert.Len(t, r.events, attempts-1, "retries")
		if r.resp.Request.Method != http.MethodHead {
			assert.Equal(t, true, r.out["ok"])
		}
	}
}

// failedWithStatus checks a call that ended with the server's status
// after attempts attempts.
func failedWithStatus(status, attempts int) func(*testing.T, *faultRun) {
	return func(t *testing.T, r *faultRun) {
		t.Helper()
		var apiErr *APIError
		require.ErrorAs(t, r.err, &apiErr)
		assert.Equal(t, status, apiErr.StatusCode)
		assert.Equal(t, attempts, r.hits(), "attempts the server saw")
		assert.Len(t, r.events, attempts-1, "retries")
		require.NotNil(t, r.resp, "a status error comes with its response")
		assert.Equal(t, attempts, r.resp.Attempts)
		assert.Equal(t, status, r.resp.StatusCode)
	}
}

// cutOnce answers the first request by cutting the connection with cut,
// and the others with okBody.
func cutOnce(cut func(conn *net.TCPConn)) func(*testing.T, *faultEnv) (string, []Option) {
	return rawServer(func(n int, conn *net.TCPConn, _ *http.Request) {
		if n == 1 {
			cut(conn)
			return
		}
		writeRaw(conn, 200, okBody)
	})
}

// refusedThen returns a base URL on which nothing listens; when serveAfter
// is true, a server starts listening there at the first retry.
func refusedThen(serveAfter bool) func(*testing.T, *faultEnv) (string, []Option) {
	return func(t *testing.T, env *faultEnv) (string, []Option) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := ln.Addr().String()
		require.NoError(t, ln.Close())
		if serveAfter {
			var once sync.Once
			env.onRetry = func(transport.RetryEvent) {
				once.Do(func() {
					l, err := net.Listen("tcp", addr)
					if err != nil {
						t.Errorf("listening again on %s: %v", addr, err)
						return
					}
					srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						env.hit(r)
						writeJSON(w, 200, okBody)
					}))
					_ = srv.Listener.Close()
					srv.Listener = l
					env.track(srv)
					srv.Start()
					t.Cleanup(srv.Close)
				})
			}
		}
		return "http://" + addr, nil
	}
}

func retryFaults() []fault {
	var fs []fault

	// Errors before the request was written: retried for every method.
	fs = append(fs, forMethods([]string{"GET", "POST", "PATCH"}, func(string) fault {
		return fault{name: "dial refused, then a server", start: refusedThen(true), check: func(t *testing.T, r *faultRun) {
			require.NoError(t, r.err)
			assert.Equal(t, 2, r.resp.Attempts, "the refused attempt counts")
			assert.Equal(t, 1, r.hits(), "the server saw the second attempt")
			require.Len(t, r.events, 1)
			assert.ErrorIs(t, r.events[0].Err, syscall.ECONNREFUSED)
			assert.Zero(t, r.events[0].Status)
		}}
	})...)
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "dial refused forever", start: refusedThen(false), check: func(t *testing.T, r *faultRun) {
			assert.ErrorIs(t, r.err, syscall.ECONNREFUSED)
			assert.Nil(t, r.resp)
			assert.Len(t, r.events, DefaultMaxRetries, "every retry was tried")
			assert.NotContains(t, r.err.Error(), "http://", "no URL in the error")
		}}
	})...)

	// Connection cut after the request was written: retried for
	// idempotent methods only.
	cuts := []struct {
		name string
		cut  func(*net.TCPConn)
	}{
		{"reset before the answer", reset},
		{"EOF before the answer", func(c *net.TCPConn) { _ = c.Close() }},
		{"cut in the middle of the body", func(c *net.TCPConn) {
			_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ok\":true, ")
			_ = c.Close()
		}},
	}
	for _, cut := range cuts {
		methods := allMethods
		if cut.name == "cut in the middle of the body" {
			methods = []string{"GET", "PUT", "DELETE", "POST", "PATCH"} // HEAD answers have no body
		}
		fs = append(fs, forMethods(methods, func(method string) fault {
			return fault{name: cut.name, start: cutOnce(cut.cut), check: func(t *testing.T, r *faultRun) {
				if isIdempotent(method) {
					succeeded(2)(t, r)
					return
				}
				assert.True(t, connCut(r.err), "a cut connection: %v", r.err)
				assert.Equal(t, 1, r.hits(), "a write the server may have acted on is not sent again")
				assert.Empty(t, r.events)
			}}
		})...)
	}
	// A reset in the middle of the body, from a hijacked httptest handler.
	fs = append(fs, forMethods([]string{"GET", "PUT", "DELETE", "POST", "PATCH"}, func(method string) fault {
		return fault{name: "reset in the middle of the body", start: scripted(func(n int, w http.ResponseWriter, _ *http.Request) {
			if n > 1 {
				writeJSON(w, 200, okBody)
				return
			}
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				panic(err)
			}
			_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ok\":true, ")
			_ = buf.Flush()
			time.Sleep(5 * time.Millisecond) // let the client read the headers
			reset(conn.(*net.TCPConn))
		}), check: func(t *testing.T, r *faultRun) {
			if isIdempotent(method) {
				succeeded(2)(t, r)
				return
			}
			assert.True(t, connCut(r.err), "a cut connection: %v", r.err)
			assert.Equal(t, 1, r.hits())
		}}
	})...)

	// 429 rateLimited: retried after the server's wait, for every method.
	fs = append(fs, forMethods(allMethods, func(string) fault {
		return fault{name: "429 rateLimited with Retry-After", start: failFirst(1, 429, http.Header{"Retry-After": {"1"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				succeeded(2)(t, r)
				assert.Equal(t, []time.Duration{time.Second}, r.waits())
				assert.Equal(t, 429, r.events[0].Status)
			}}
	})...)
	fs = append(fs,
		fault{name: "429 with X-RateLimit-RetryAfter only", start: failFirst(2, 429, http.Header{"X-Ratelimit-Retryafter": {"3"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				succeeded(3)(t, r)
				assert.Equal(t, []time.Duration{3 * time.Second, 3 * time.Second}, r.waits())
			}},
		fault{name: "429 with RetryAfter only", method: "POST", start: failFirst(1, 429, http.Header{"Retryafter": {"2"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				succeeded(2)(t, r)
				assert.Equal(t, []time.Duration{2 * time.Second}, r.waits())
			}},
		fault{name: "429 with a fractional Retry-After", start: failFirst(1, 429, http.Header{"Retry-After": {"0.25"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				succeeded(2)(t, r)
				assert.Equal(t, []time.Duration{250 * time.Millisecond}, r.waits())
			}},
		fault{name: "429 with an HTTP-date Retry-After", start: func(t *testing.T, env *faultEnv) (string, []Option) {
			return scripted(func(n int, w http.ResponseWriter, _ *http.Request) {
				if n == 1 {
					w.Header().Set("Retry-After", time.Now().Add(5*time.Second).UTC().Format(http.TimeFormat))
					writeJSON(w, 429, rateLimitedBody)
					return
				}
				writeJSON(w, 200, okBody)
			})(t, env)
		}, check: func(t *testing.T, r *faultRun) {
			succeeded(2)(t, r)
			require.Len(t, r.waits(), 1)
			assert.InDelta(t, 4.5*float64(time.Second), float64(r.waits()[0]), float64(time.Second), "until the date (whole seconds)")
		}},
		fault{name: "429 with a past date", start: failFirst(1, 429, http.Header{"Retry-After": {"Mon, 02 Jan 2006 15:04:05 GMT"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				succeeded(2)(t, r)
				require.Len(t, r.waits(), 1)
				assert.Less(t, r.waits()[0], DefaultRetryWaitMin, "the minimum backoff, jittered")
			}},
		fault{name: "429 with garbage and negative Retry-After", start: failFirst(2, 429, http.Header{"Retry-After": {"-5", "soon"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				succeeded(3)(t, r)
				for i, w := range r.waits() {
					assert.Less(t, w, transport.ExponentialCeiling(DefaultRetryWaitMin, DefaultRetryWaitMax, i), "exponential fallback")
				}
			}},
	)

	// 429 serviceLimitExhausted and waits over the cap: never retried.
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "429 serviceLimitExhausted", start: always(429, http.Header{"Retry-After": {"1"}}, quotaBody),
			check: func(t *testing.T, r *faultRun) {
				failedWithStatus(429, 1)(t, r)
				assert.ErrorIs(t, r.err, ErrQuotaExhausted)
				assert.ErrorIs(t, r.err, ErrRateLimited)
				var rl *RateLimitError
				require.ErrorAs(t, r.err, &rl)
				assert.True(t, rl.QuotaExhausted)
				assert.Equal(t, "serviceLimitExhausted", rl.Name)
				assert.Equal(t, time.Second, rl.RetryAfter)
			}}
	})...)
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "429 asking for more than the cap", realSleep: true,
			start: always(429, http.Header{"Retry-After": {"3600"}}, rateLimitedBody),
			check: func(t *testing.T, r *faultRun) {
				failedWithStatus(429, 1)(t, r)
				var rl *RateLimitError
				require.ErrorAs(t, r.err, &rl)
				assert.Equal(t, time.Hour, rl.RetryAfter)
				assert.False(t, rl.QuotaExhausted)
				assert.NotErrorIs(t, r.err, ErrQuotaExhausted)
				assert.Less(t, r.elapsed, 5*time.Second, "returned at once, no sleep")
				assert.Contains(t, r.err.Error(), "retry after 1h0m0s")
			}}
	})...)
	fs = append(fs, fault{name: "429 over a lowered cap", opts: []Option{WithMaxRetryAfter(2 * time.Second)},
		start: always(429, http.Header{"Retry-After": {"3"}}, rateLimitedBody), check: failedWithStatus(429, 1)})

	// 503: retried for every method; 500, 502, 504 for idempotent ones,
	// and for writes only with WithRetryWrites.
	fs = append(fs, forMethods(allMethods, func(string) fault {
		return fault{name: "503 twice", start: failFirst(2, 503, nil, `{"error":{"name":"serviceUnavailable","message":"Down for maintenance"}}`),
			check: func(t *testing.T, r *faultRun) {
				succeeded(3)(t, r)
				for _, ev := range r.events {
					assert.Equal(t, 503, ev.Status)
				}
			}}
	})...)
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "503 forever", start: always(503, nil, `{"error":{"name":"serviceUnavailable","message":"Down for maintenance"}}`),
			check: func(t *testing.T, r *faultRun) {
				failedWithStatus(503, DefaultMaxRetries+1)(t, r)
				var apiErr *APIError
				require.ErrorAs(t, r.err, &apiErr)
				assert.Equal(t, "serviceUnavailable", apiErr.Name)
				assert.Equal(t, "Down for maintenance", apiErr.Message)
				assert.Contains(t, string(apiErr.Body), "Down for maintenance", "the last answer's body is kept")
				var rl *RateLimitError
				assert.False(t, errors.As(r.err, &rl))
			}}
	})...)
	fs = append(fs, fault{name: "503 asking for more than the cap", start: always(503, http.Header{"Retry-After": {"600"}}, ``), check: failedWithStatus(503, 1)})
	fs = append(fs, fault{name: "retries disabled", opts: []Option{WithMaxRetries(0)}, start: always(503, nil, ``), check: failedWithStatus(503, 1)})
	for _, status := range []int{500, 502, 504} {
		fs = append(fs, forMethods(allMethods, func(method string) fault {
			return fault{name: fmt.Sprint(status, " once"), start: failFirst(1, status, nil, `{"error":{"name":"serverError","message":"Something went wrong"}}`),
				check: func(t *testing.T, r *faultRun) {
					if isIdempotent(method) {
						succeeded(2)(t, r)
						return
					}
					failedWithStatus(status, 1)(t, r)
				}}
		})...)
		fs = append(fs, forMethods(writeMethods, func(string) fault {
			return fault{name: fmt.Sprint(status, " once with WithRetryWrites"), opts: []Option{WithRetryWrites()},
				start: failFirst(1, status, nil, ``), check: succeeded(2)}
		})...)
	}

	// TLS errors are never retried.
	fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
		return fault{name: "untrusted TLS certificate", start: func(t *testing.T, env *faultEnv) (string, []Option) {
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				env.otherHit(r) // never reached
			}))
			srv.Config.ErrorLog = quietLog()
			srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
				if s == http.StateNew {
					env.hits.Add(1)
				}
			}
			env.track(srv)
			srv.StartTLS()
			t.Cleanup(srv.Close)
			return srv.URL, nil
		}, check: func(t *testing.T, r *faultRun) {
			var unknown x509.UnknownAuthorityError
			var verify *tls.CertificateVerificationError
			assert.True(t, errors.As(r.err, &unknown) || errors.As(r.err, &verify), "a certificate error: %v", r.err)
			assert.Equal(t, 1, r.hits(), "one connection, no retry")
			assert.Zero(t, r.env.otherHits.Load(), "no request got through")
			assert.Empty(t, r.events)
		}}
	})...)
	return fs
}

// statusFaults are the answers that are never retried, with the sentinel
// each one matches.
func statusFaults() []fault {
	type answer struct {
		status   int
		body     string
		sentinel error
	}
	answers := []answer{
		{400, `{"error":{"name":"invalidParamError","message":"visibilityStatus must be one of personal/private/team/public/partner"}}`, nil},
		{401, `{"error":{"name":"AuthenticationError","message":"API key not found or invalid"}}`, ErrUnauthorized},
		{403, `{"error":{"name":"forbiddenError","message":"You are not authorized to perform this action"}}`, ErrForbidden},
		{403, `{"type":"https://api.postman.com/problems/forbidden","title":"Forbidden","status":403,"detail":"This feature isn't available in your region."}`, ErrFeatureUnavailable},
		{404, `{"error":{"name":"instanceNotFoundError","message":"We could not find the collection you are looking for"}}`, ErrNotFound},
		{409, `{"type":"https://api.postman.com/problems/conflict","title":"Conflict","status":409,"detail":"Deep update operation is already in progress for this collection."}`, ErrConflict},
		{422, `{"type":"unsupportedEntityError","title":"Unsupported API","detail":"This endpoint does not support v9 APIs."}`, ErrDeprecated},
		{501, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"invalidSyntax","detail":"Service Provider does not support the request operation DELETE.","status":"501"}`, nil},
	}
	var fs []fault
	for i, a := range answers {
		fs = append(fs, forMethods([]string{"GET", "POST"}, func(string) fault {
			return fault{name: fmt.Sprintf("%d never retried (%d)", a.status, i), start: always(a.status, nil, a.body),
				check: func(t *testing.T, r *faultRun) {
					failedWithStatus(a.status, 1)(t, r)
					if a.sentinel != nil {
						assert.ErrorIs(t, r.err, a.sentinel)
					}
					var apiErr *APIError
					require.ErrorAs(t, r.err, &apiErr)
					assert.NotEmpty(t, apiErr.Name+apiErr.Type+apiErr.SCIMType, "decoded: %#v", apiErr)
					assert.NotEmpty(t, apiErr.Message+apiErr.Detail, "decoded: %#v", apiErr)
					assert.Equal(t, "application/json", apiErr.ContentType)
					assert.Equal(t, "/me", apiErr.Path)
				}}
		})...)
	}
	return fs
}

// blockingLimiter waits until ctx ends.
type blockingLimiter struct{}

func (blockingLimiter) Wait(ctx context.Context, _, _ string) error {
	<-ctx.Done()
	return ctx.Err()
}
func (blockingLimiter) PauseUntil(time.Time) {}

// cancelFaults end the call's context at every stage where it can wait.
func cancelFaults() []fault {
	cancelSoon := func(env *faultEnv) { time.AfterFunc(20*time.Millisecond, env.cancel) }
	// cancelWhenServed cancels the call once the server has signalled,
	// however long the request took to get there on a busy machine.
	cancelWhenServed := func(env *faultEnv) {
		go func() {
			select {
			case <-env.servedCh():
				env.cancel()
			case <-time.After(30 * time.Second):
			}
		}()
	}
	hang := scriptedEnv(func(env *faultEnv, _ int, _ http.ResponseWriter, r *http.Request) {
		env.signal()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	// stallInBody answers the first request with its headers and the start
	// of its body, then sends nothing more until the client goes away;
	// later requests get okBody.
	stallInBody := scriptedEnv(func(env *faultEnv, n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(200)
			_, _ = w.Write([]byte(`{"ok":`))
			w.(http.Flusher).Flush()
			env.signal()
			<-r.Context().Done()
			return
		}
		writeJSON(w, 200, okBody)
	})
	canceled := func(hits int) func(*testing.T, *faultRun) {
		return func(t *testing.T, r *faultRun) {
			assert.ErrorIs(t, r.err, context.Canceled)
			assert.Equal(t, hits, r.hits())
			assert.Less(t, r.elapsed, 3*time.Second, "stopped at once")
		}
	}
	// withLimiter serves okBody to a client whose limiter is made when the
	// scenario starts (a pause must be measured from then).
	withLimiter := func(limiter func() Limiter) func(*testing.T, *faultEnv) (string, []Option) {
		return func(t *testing.T, env *faultEnv) (string, []Option) {
			base, _ := always(200, nil, okBody)(t, env)
			return base, []Option{WithLimiter(limiter())}
		}
	}
	pausedFor := func(d time.Duration) func() Limiter {
		return func() Limiter {
			l := NewLimiter(1)
			l.PauseUntil(time.Now().Add(d))
			return l
		}
	}
	fs := []fault{
		{name: "cancelled before the call", start: always(200, nil, okBody),
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				env.cancel()
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: canceled(0)},
		{name: "cancelled during the backoff wait", realSleep: true, start: always(503, http.Header{"Retry-After": {"30"}}, ``),
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				env.onRetry = func(transport.RetryEvent) { cancelSoon(env) }
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: func(t *testing.T, r *faultRun) {
				canceled(1)(t, r)
				assert.Equal(t, []time.Duration{30 * time.Second}, r.waits())
			}},
		{name: "cancelled during a custom limiter's wait", opts: []Option{WithLimiter(blockingLimiter{})}, start: always(200, nil, okBody),
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				cancelSoon(env)
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: canceled(0)},
		// The pause ends within the call's 20 s deadline, so the wait is not refused at once.
		{name: "cancelled during the default limiter's pause", start: withLimiter(pausedFor(10 * time.Second)),
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				cancelSoon(env)
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: canceled(0)},
		{name: "cancelled in flight", start: hang,
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				cancelWhenServed(env)
				return c.Do(ctx, "POST", "/collections", map[string]string{"name": "x"}, nil)
			}, check: func(t *testing.T, r *faultRun) {
				canceled(1)(t, r)
				assert.Empty(t, r.events)
			}},
		// The headers and part of the body came before the cancel: a GET,
		// yet not retried, since the caller gave up.
		{name: "cancelled during the body read", start: stallInBody,
			call: func(ctx context.Context, c *Client, env *faultEnv) (*Response, error) {
				cancelWhenServed(env)
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: func(t *testing.T, r *faultRun) {
				canceled(1)(t, r)
				assert.Empty(t, r.events)
				assert.Nil(t, r.resp, "no answer without its body")
			}},
		{name: "deadline during the backoff wait", realSleep: true, start: always(503, http.Header{"Retry-After": {"30"}}, ``),
			call: func(ctx context.Context, c *Client, _ *faultEnv) (*Response, error) {
				ctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
				defer cancel()
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: func(t *testing.T, r *faultRun) {
				assert.ErrorIs(t, r.err, context.DeadlineExceeded)
				assert.Equal(t, 1, r.hits())
				assert.Less(t, r.elapsed, 3*time.Second)
			}},
		{name: "limiter wait past the deadline", start: withLimiter(func() Limiter { return NewLimiter(1) }),
			call: func(ctx context.Context, c *Client, _ *faultEnv) (*Response, error) {
				ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
				defer cancel()
				// GET /collections allows 10 calls per 10 s: after the
				// burst of one, the next token is more than 1 s away.
				var err error
				for range 3 {
					if _, err = c.Do(ctx, "GET", "/collections", nil, nil); err != nil {
						break
					}
				}
				return nil, err
			}, check: func(t *testing.T, r *faultRun) {
				assert.ErrorIs(t, r.err, context.DeadlineExceeded, "x/time/rate's refusal matches the deadline")
				assert.NotErrorIs(t, r.err, context.Canceled)
				// Only a refusal at once says so; a wait that ran into
				// the deadline would end with the context's own error.
				assert.Contains(t, r.err.Error(), "would exceed context deadline", "refused at once, not after waiting")
				assert.Equal(t, 1, r.hits())
				assert.Empty(t, r.events, "a limiter refusal is not retried")
			}},
		{name: "limiter pause past the deadline", start: withLimiter(pausedFor(time.Hour)),
			call: func(ctx context.Context, c *Client, _ *faultEnv) (*Response, error) {
				ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
				defer cancel()
				return c.Do(ctx, "GET", "/me", nil, nil)
			}, check: func(t *testing.T, r *faultRun) {
				assert.ErrorIs(t, r.err, context.DeadlineExceeded)
				assert.Zero(t, r.hits())
				// Said only by a refusal at once: a wait that ran into the
				// deadline would end with the context's own error.
				assert.Contains(t, r.err.Error(), "would exceed the context deadline", "refused at once, not after waiting")
			}},
		{name: "attempt timeout/GET", opts: []Option{WithAttemptTimeout(200 * time.Millisecond)},
			start: scripted(func(n int, w http.ResponseWriter, r *http.Request) {
				if n == 1 {
					<-r.Context().Done()
					return
				}
				writeJSON(w, 200, okBody)
			}), check: func(t *testing.T, r *faultRun) {
				succeeded(2)(t, r)
				assert.ErrorIs(t, r.events[0].Err, context.DeadlineExceeded, "a hung attempt is retried")
				var timeout *transport.AttemptTimeoutError
				assert.ErrorAs(t, r.events[0].Err, &timeout)
			}},
		{name: "attempt timeout/POST", method: "POST", opts: []Option{WithAttemptTimeout(200 * time.Millisecond)}, start: hang,
			check: func(t *testing.T, r *faultRun) {
				assert.ErrorIs(t, r.err, context.DeadlineExceeded)
				assert.Contains(t, r.err.Error(), "attempt timed out after 200ms")
				assert.Equal(t, 1, r.hits(), "a write that may have been acted on is not sent again")
			}},
		{name: "attempt timeout while reading the body", opts: []Option{WithAttemptTimeout(200 * time.Millisecond)},
			start: stallInBody, check: func(t *testing.T, r *faultRun) {
				succeeded(2)(t, r)
				var timeout *transport.AttemptTimeoutError
				assert.ErrorAs(t, r.events[0].Err, &timeout, "the body read is bounded too: %v", r.events[0].Err)
			}},
	}
	// The first answer's headers would come after a second, past the
	// header timeout and long before the attempt timeout (2 minutes).
	slowHeaders := scripted(func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
		writeJSON(w, 200, okBody)
	})
	return append(fs, forMethods([]string{"GET", "POST"}, func(method string) fault {
		return fault{name: "slow headers", setup: headerTimeout(200 * time.Millisecond), start: slowHeaders,
			check: func(t *testing.T, r *faultRun) {
				if isIdempotent(method) {
					succeeded(2)(t, r)
					var late *transport.AttemptTimeoutError
					require.ErrorAs(t, r.events[0].Err, &late)
					assert.Equal(t, 200*time.Millisecond, late.After)
					assert.ErrorContains(t, late, "no response headers in time")
					return
				}
				assert.ErrorIs(t, r.err, context.DeadlineExceeded)
				assert.ErrorContains(t, r.err, "attempt timed out after 200ms: no response headers in time")
				assert.Equal(t, 1, r.hits(), "a write that may have been acted on is not sent again")
				assert.Empty(t, r.events)
			}}
	})...)
}

// headerTimeout makes a client wait d for an answer's headers. No option
// sets that wait (defaultHeaderTimeout, 30 s, shorter than the attempt
// timeout), so it is set on the credentials round tripper, as
// TestHeaderTimeoutAndLongCalls does.
func headerTimeout(d time.Duration) func(*Client) {
	return func(c *Client) { c.http.HTTPClient.Transport.(*transport.Credentials).HeaderTimeout = d }
}

// TestRetryWaitsFollowFullJitter shows the computed waits of a 503 storm:
// non-decreasing ceilings, each wait the injected random fraction of its
// ceiling, with the recordWaits helper.
func TestRetryWaitsFollowFullJitter(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := always(503, nil, ``)(t, env)
	c := newTestClient(t, base, WithMaxRetries(6), WithRetryWait(100*time.Millisecond, time.Second))
	waits := recordWaits(c)
	fractions := []float64{0.9, 0.1, 0.5, 0.99, 0.0, 0.7}
	i := 0
	c.policy.Rand = func() float64 { f := fractions[i%len(fractions)]; i++; return f }
	_, err := c.Do(t.Context(), "GET", "/me", nil, nil)
	require.Error(t, err)
	ceilings := []time.Duration{100, 200, 400, 800, 1000, 1000}
	require.Len(t, *waits, len(ceilings))
	for n, w := range *waits {
		ceiling := ceilings[n] * time.Millisecond
		assert.Equal(t, time.Duration(fractions[n]*float64(ceiling)), w, "retry %d", n)
		assert.Less(t, w, ceiling+1)
	}
	assert.Equal(t, 7, int(env.hits.Load()))
}

// TestRetryBudgetEndsStorms runs many calls against a server that always
// fails: once the budget is spent, calls fail at their first answer.
func TestRetryBudgetEndsStorms(t *testing.T) {
	t.Parallel()
	env := &faultEnv{}
	base, _ := always(503, nil, ``)(t, env)
	// 30 tokens pay for two retries of 14.
	c := newTestClient(t, base, WithRetryBudget(30))
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			_, err := c.Do(t.Context(), "GET", "/me", nil, nil)
			var apiErr *APIError
			if assert.ErrorAs(t, err, &apiErr) {
				assert.Equal(t, 503, apiErr.StatusCode)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 10+2, int(env.hits.Load()), "10 calls, 2 retries in all")

	// Successes refill it: a first-try success adds a token, a retry
	// that succeeds gets its cost back.
	okEnv := &faultEnv{}
	okBase, _ := failFirst(1, 503, nil, ``)(t, okEnv)
	c2 := newTestClient(t, okBase, WithRetryBudget(30))
	resp, err := c2.Do(t.Context(), "GET", "/me", nil, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, 30, c2.policy.Budget.Available())
}

func TestPostRetriedAfterRefusedDialButNotAfterReset(t *testing.T) {
	t.Parallel()
	// The same POST: refused at dial (nothing sent) is retried; reset
	// once written is not.
	for _, tt := range []struct {
		start    func(*testing.T, *faultEnv) (string, []Option)
		attempts int
		ok       bool
	}{{refusedThen(true), 2, true}, {cutOnce(reset), 1, false}} {
		runFault(t, fault{name: "post", method: "POST", start: tt.start, check: func(t *testing.T, r *faultRun) {
			if tt.ok {
				require.NoError(t, r.err)
				assert.Equal(t, tt.attempts, r.resp.Attempts)
				return
			}
			assert.Error(t, r.err)
			assert.Equal(t, tt.attempts, r.hits())
		}}, false)
	}
}
