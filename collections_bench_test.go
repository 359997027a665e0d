package postman

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/postman-go/postman/collection"
)

// collBigDocument generates a realistic collection of about size bytes,
// inside the API's {"collection": …} envelope: folders of requests with
// URLs, headers, JSON bodies, scripts and saved responses.
func collBigDocument(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 64<<10)
	b.WriteString(`{"collection":{"info":{"_postman_id":"12ece9e1-2abf-4edc-8e34-de66e74114d2","name":"Big","schema":"https://schema.postman.com/json/collection/v2.1.0/collection.json","uid":"12345678-12ece9e1-2abf-4edc-8e34-de66e74114d2"},"item":[`)
	for f := 0; b.Len() < size; f++ {
		if f > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"folder-%d","name":"Folder %d","description":{"content":"Endpoints of area %d.","type":"text/markdown"},"item":[`, f, f, f)
		for r := 0; r < 50; r++ {
			if r > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"req-%d-%d","name":"Request %d","request":{"method":"POST","header":[{"key":"Content-Type","value":"application/json"},{"key":"X-Trace","value":"{{trace}}","disabled":true}],`+
				`"body":{"mode":"raw","raw":"{\"id\": %d, \"name\": \"thing %d\", \"tags\": [\"a\", \"b\"], \"price\": 12.50}","options":{"raw":{"language":"json"}}},`+
				`"url":{"raw":"{{baseUrl}}/v1/things/%d?expand=true","host":["{{baseUrl}}"],"path":["v1","things","%d"],"query":[{"key":"expand","value":"true"}]}},`+
				`"event":[{"listen":"test","script":{"exec":["pm.test(\"status\", function () {","    pm.response.to.have.status(200);","});"],"type":"text/javascript"}}],`+
				`"response":[{"name":"OK","originalRequest":{"method":"POST","url":"{{baseUrl}}/v1/things/%d"},"status":"OK","code":200,"header":[{"key":"Content-Type","value":"application/json"}],"body":"{\"id\": %d, \"ok\": true}","responseTime":%d}]}`,
				f, r, r, r, r, r, r, r, r, 100+r)
		}
		b.WriteString(`]}`)
	}
	b.WriteString(`],"variable":[{"key":"baseUrl","value":"https://api.example.com"}]}}`)
	return b.Bytes()
}

// BenchmarkCollectionsGet50MB decodes a generated ~50 MB collection
// through the client (Get), beside two alternatives through the same
// client and server: the envelope decoded by encoding/json into a struct
// holding a *collection.Collection, and encoding/json into map[string]any
// (the usual way, and lossy).
func BenchmarkCollectionsGet50MB(b *testing.B) {
	doc := collBigDocument(50 << 20)
	if _, err := collection.Parse(doc); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(doc)))
		_, _ = w.Write(doc)
	}))
	b.Cleanup(srv.Close)
	c := newTestClient(b, srv.URL)
	path := "/collections/" + collTestID

	// run reports, beside time and allocations, per byte of payload: the
	// bytes allocated by a call, the peak heap during one call (sampled
	// every 20 µs from runtime/metrics, which does not stop the world),
	// and the heap the result keeps once garbage is collected.
	run := func(b *testing.B, get func() (any, error)) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.ResetTimer()
		for b.Loop() {
			if _, err := get(); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(doc)), "alloc/payload")
		runtime.GC()
		base := collHeapObjects()
		var peak atomic.Uint64
		stop, stopped := make(chan struct{}), make(chan struct{})
		go func() {
			defer close(stopped)
			for {
				select {
				case <-stop:
					return
				default:
				}
				if v := collHeapObjects(); v > peak.Load() {
					peak.Store(v)
				}
				time.Sleep(20 * time.Microsecond)
			}
		}()
		result, err := get()
		close(stop)
		<-stopped
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		live := collHeapObjects()
		runtime.KeepAlive(result)
		b.ReportMetric(float64(peak.Load()-min(base, peak.Load()))/float64(len(doc)), "peak/payload")
		b.ReportMetric(float64(live-min(base, live))/float64(len(doc)), "live/payload")
	}
	b.Run("Get", func(b *testing.B) {
		run(b, func() (any, error) {
			col, _, err := c.Collections.Get(b.Context(), collTestID, nil)
			return col, err
		})
	})
	b.Run("EnvelopeUnmarshal", func(b *testing.B) {
		run(b, func() (any, error) {
			var root struct {
				Collection *collection.Collection `json:"collection"`
			}
			_, err := c.Do(b.Context(), http.MethodGet, path, nil, &root)
			return root.Collection, err
		})
	})
	b.Run("MapBaseline", func(b *testing.B) {
		run(b, func() (any, error) {
			var root map[string]any
			_, err := c.Do(b.Context(), http.MethodGet, path, nil, &root)
			return root, err
		})
	})
}

// collHeapObjects returns the bytes of live and not yet swept heap
// objects.
func collHeapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
