package postmanotel_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/postman-go/postman"
	postmanotel "github.com/postman-go/postman/otel"
	"github.com/postman-go/postman/postmantest"
)

// canaryKey is the API key of every test client: a test fails if it ever
// shows up in a span or a metric.
const canaryKey = "PMAK-CANARY-otel-0123456789abcdef-SECRET"

// rig is a client of a postmantest server, in memory, observed by a
// postmanotel.Observer that records to the real OpenTelemetry SDK: a span
// recorder and a manual metric reader. Build it inside a synctest bubble,
// with the server started outside (newServer): time is then virtual, and
// every duration in a span or a metric is exactly what the client waited.
type rig struct {
	t      *testing.T
	srv    *postmantest.Server
	rt     *scriptedTransport
	spans  *tracetest.SpanRecorder
	reader *sdkmetric.ManualReader
	obs    *postmanotel.Observer
	client *postman.Client
}

// newServer starts a postmantest server outside any bubble (its listener
// would keep a bubble's clock from moving) and closes it at the end.
func newServer(t *testing.T, opts ...postmantest.Option) *postmantest.Server {
	t.Helper()
	srv := postmantest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

func newRig(t *testing.T, srv *postmantest.Server, obsOpts []postmanotel.Option, opts ...postman.Option) *rig {
	t.Helper()
	r := &rig{t: t, srv: srv, rt: &scriptedTransport{next: srv.Transport()}, spans: tracetest.NewSpanRecorder(), reader: sdkmetric.NewManualReader()}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(r.spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(r.reader))
	t.Cleanup(func() {
		_ = tp.Shutdown(context.Background())
		_ = mp.Shutdown(context.Background())
	})
	obs, err := postmanotel.NewObserver(append([]postmanotel.Option{postmanotel.WithTracerProvider(tp), postmanotel.WithMeterProvider(mp)}, obsOpts...)...)
	require.NoError(t, err)
	r.obs = obs
	all := append([]postman.Option{postman.WithBaseURL(srv.URL), postman.WithHTTPClient(&http.Client{Transport: r.rt}),
		postman.WithObserver(obs)}, opts...)
	r.client, err = postman.NewClient(canaryKey, all...)
	require.NoError(t, err)
	return r
}

// scriptedTransport answers through next, numbers the requests, stamps an
// X-Request-Id on every answer as Postman does, and lets a test replace
// the answer of request n.
type scriptedTransport struct {
	next http.RoundTripper

	mu     sync.Mutex
	n      int
	script func(n int, req *http.Request) (*http.Response, error) // nil answers through next
}

func (s *scriptedTransport) setScript(f func(n int, req *http.Request) (*http.Response, error)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = f
}

func (s *scriptedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.n++
	n, script := s.n, s.script
	s.mu.Unlock()
	var resp *http.Response
	var err error
	if script != nil {
		resp, err = script(n, req)
	}
	if resp == nil && err == nil {
		resp, err = s.next.RoundTrip(req)
	}
	if err != nil {
		return nil, err
	}
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	if resp.Header.Get("X-Request-Id") == "" {
		resp.Header.Set("X-Request-Id", fmt.Sprintf("req-%d", n))
	}
	return resp, nil
}

// ended returns the spans that ended, in the order they ended.
func (r *rig) ended() []sdktrace.ReadOnlySpan { return r.spans.Ended() }

// callSpans returns the call spans (those without a parent of theirs)
// in the order they ended, and children the request spans below each.
func (r *rig) callSpans() (calls []sdktrace.ReadOnlySpan, children map[trace.SpanID][]sdktrace.ReadOnlySpan) {
	children = map[trace.SpanID][]sdktrace.ReadOnlySpan{}
	for _, s := range r.ended() {
		if s.SpanKind() == trace.SpanKindInternal {
			calls = append(calls, s)
		} else {
			children[s.Parent().SpanID()] = append(children[s.Parent().SpanID()], s)
		}
	}
	return calls, children
}

// attrs returns a span's or an event's attributes as a map of their
// values' strings.
func attrs(kvs []attribute.KeyValue) map[string]string {
	m := map[string]string{}
	for _, kv := range kvs {
		m[string(kv.Key)] = kv.Value.String()
	}
	return m
}

// collect reads every metric.
func (r *rig) collect() metricdata.ResourceMetrics {
	r.t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(r.t, r.reader.Collect(context.Background(), &rm))
	return rm
}

// metric returns the metric name, or fails.
func (r *rig) metric(name string) metricdata.Metrics {
	r.t.Helper()
	for _, sm := range r.collect().ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name == name {
				return m
			}
		}
	}
	r.t.Fatalf("no metric %s", name)
	return metricdata.Metrics{}
}

// point is one data point: its attributes and its value (a counter's or
// gauge's value, a histogram's count and sum).
type point struct {
	attrs map[string]string
	value int64
	count uint64
	sum   float64
}

func points(m metricdata.Metrics) []point {
	var out []point
	switch d := m.Data.(type) {
	case metricdata.Sum[int64]:
		for _, p := range d.DataPoints {
			out = append(out, point{attrs: attrs(p.Attributes.ToSlice()), value: p.Value})
		}
	case metricdata.Gauge[int64]:
		for _, p := range d.DataPoints {
			out = append(out, point{attrs: attrs(p.Attributes.ToSlice()), value: p.Value})
		}
	case metricdata.Histogram[float64]:
		for _, p := range d.DataPoints {
			out = append(out, point{attrs: attrs(p.Attributes.ToSlice()), count: p.Count, sum: p.Sum})
		}
	}
	return out
}

// find returns the data point of m whose attributes include want (a
// value "" wants the attribute absent), or fails.
func (r *rig) find(name string, want map[string]string) point {
	r.t.Helper()
	var seen []string
	for _, p := range points(r.metric(name)) {
		match := true
		for k, v := range want {
			if got, ok := p.attrs[k]; got != v || v == "" && ok {
				match = false
			}
		}
		if match {
			return p
		}
		seen = append(seen, fmt.Sprint(p.attrs))
	}
	r.t.Fatalf("%s has no point with %v; it has %s", name, want, strings.Join(seen, ", "))
	return point{}
}

// eventsOf returns the events of s named name.
func eventsOf(s sdktrace.ReadOnlySpan, name string) []sdktrace.Event {
	var out []sdktrace.Event
	for _, ev := range s.Events() {
		if ev.Name == name {
			out = append(out, ev)
		}
	}
	return out
}

// seconds renders d as the float attributes write it.
func seconds(d time.Duration) string { return fmt.Sprint(d.Seconds()) }
