package collection

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Benchmarks decode generated collections of 10 MB and 50 MB, shaped like
// Postman exports (tab-indented; folders three deep; requests with auth,
// headers, query, raw JSON bodies, test scripts, descriptions, saved
// responses, _postman_id keys), against encoding/json into map[string]any.
// The files are generated in memory and never written to disk.

var (
	genMu    sync.Mutex
	genCache = map[int][]byte{}
)

const mb = 1 << 20

// generated returns a deterministic collection of at least size bytes.
func generated(size int) []byte {
	genMu.Lock()
	defer genMu.Unlock()
	if data, ok := genCache[size]; ok {
		return data
	}
	g := &gen{rnd: rand.New(rand.NewPCG(uint64(size), 42))}
	g.b.Grow(size + size/8)
	g.collection(size)
	genCache[size] = g.b.Bytes()
	return genCache[size]
}

// gen writes JSON text directly, independently of the package's encoder.
type gen struct {
	b     bytes.Buffer
	rnd   *rand.Rand
	depth int
	n     int
}

func (g *gen) nl() {
	g.b.WriteByte('\n')
	for i := 0; i < g.depth; i++ {
		g.b.WriteByte('\t')
	}
}

func (g *gen) str(s string) {
	q, _ := json.Marshal(s)
	g.b.Write(q)
}

// obj writes an object from alternating keys and values; a value is a
// string (quoted), json.RawMessage (verbatim) or func() (writes itself).
func (g *gen) obj(kv ...any) {
	g.b.WriteByte('{')
	g.depth++
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			g.b.WriteByte(',')
		}
		g.nl()
		g.str(kv[i].(string))
		g.b.WriteString(": ")
		g.val(kv[i+1])
	}
	g.depth--
	g.nl()
	g.b.WriteByte('}')
}

func (g *gen) arr(n int, elem func(i int)) {
	g.b.WriteByte('[')
	if n == 0 {
		g.b.WriteByte(']')
		return
	}
	g.depth++
	for i := 0; i < n; i++ {
		if i > 0 {
			g.b.WriteByte(',')
		}
		g.nl()
		elem(i)
	}
	g.depth--
	g.nl()
	g.b.WriteByte(']')
}

func (g *gen) val(v any) {
	switch v := v.(type) {
	case string:
		g.str(v)
	case json.RawMessage:
		g.b.Write(v)
	case func():
		v()
	}
}

func (g *gen) uuid() string {
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", g.rnd.Uint32(), g.rnd.IntN(1<<16), g.rnd.IntN(1<<12), g.rnd.IntN(1<<12), g.rnd.Uint64()&(1<<48-1))
}

var words = strings.Fields("user account order invoice payment customer product item cart session token " +
	"report metric event audit policy role team workspace project release build deploy")

func (g *gen) word() string { return words[g.rnd.IntN(len(words))] }

func (g *gen) sentence(n int) string {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, g.word())
	}
	return strings.Join(s, " ")
}

func (g *gen) collection(size int) {
	g.obj(
		"info", func() {
			g.obj("_postman_id", g.uuid(), "name", "Generated benchmark collection",
				"description", g.sentence(40), "schema", SchemaURLV21, "_exporter_id", "1234567")
		},
		"item", func() {
			// Top-level folders until the size is reached.
			g.b.WriteByte('[')
			g.depth++
			for i := 0; g.b.Len() < size; i++ {
				if i > 0 {
					g.b.WriteByte(',')
				}
				g.nl()
				g.folder(1)
			}
			g.depth--
			g.nl()
			g.b.WriteByte(']')
		},
		"auth", func() { g.auth() },
		"event", func() { g.arr(1, func(int) { g.event("prerequest") }) },
		"variable", func() {
			g.arr(5, func(i int) {
				g.obj("key", "var"+strconv.Itoa(i), "value", g.sentence(2), "type", "string")
			})
		},
	)
}

func (g *gen) folder(level int) {
	g.obj(
		"name", g.word()+" folder "+strconv.Itoa(g.n),
		"item", func() {
			n := 6 + g.rnd.IntN(6)
			g.arr(n, func(i int) {
				if level < 3 && i%4 == 0 {
					g.folder(level + 1)
				} else {
					g.request()
				}
			})
		},
		"description", g.sentence(12),
	)
}

func (g *gen) auth() {
	g.obj("type", "bearer", "bearer", func() {
		g.arr(1, func(int) { g.obj("key", "token", "value", "{{token}}", "type", "string") })
	})
}

func (g *gen) event(listen string) {
	g.obj("listen", listen, "script", func() {
		g.obj("id", g.uuid(), "exec", func() {
			g.arr(4, func(i int) {
				g.str(fmt.Sprintf("pm.test(\"%s %d\", function () { pm.response.to.have.status(200); });", g.word(), i))
			})
		}, "type", "text/javascript")
	})
}

func (g *gen) requestBody(method, path string, id int) func() {
	return func() {
		kv := []any{}
		if id%5 == 0 {
			kv = append(kv, "auth", func() { g.auth() })
		}
		kv = append(kv,
			"method", method,
			"header", func() {
				g.arr(3, func(i int) {
					switch i {
					case 0:
						g.obj("key", "Content-Type", "value", "application/json", "type", "text")
					case 1:
						g.obj("key", "Accept", "value", "application/json", "type", "text")
					default:
						g.obj("key", "X-Request-Id", "value", g.uuid(), "type", "text", "description", g.sentence(5))
					}
				})
			},
		)
		if method != "GET" {
			kv = append(kv, "body", func() {
				g.obj("mode", "raw", "raw", fmt.Sprintf("{\n    \"id\": %d,\n    \"name\": \"%s\",\n    \"tags\": [\"%s\", \"%s\"]\n}", id, g.sentence(3), g.word(), g.word()),
					"options", json.RawMessage(`{"raw": {"language": "json"}}`))
			})
		}
		kv = append(kv,
			"url", func() {
				g.obj("raw", "{{baseUrl}}/v1/"+path+"/:id?limit=10&offset="+strconv.Itoa(id),
					"host", json.RawMessage(`["{{baseUrl}}"]`),
					"path", func() { g.arr(3, func(i int) { g.str([]string{"v1", path, ":id"}[i]) }) },
					"query", func() {
						g.arr(2, func(i int) {
							if i == 0 {
								g.obj("key", "limit", "value", "10")
							} else {
								g.obj("key", "offset", "value", strconv.Itoa(id), "description", g.sentence(6))
							}
						})
					},
					"variable", func() { g.arr(1, func(int) { g.obj("key", "id", "value", strconv.Itoa(id)) }) },
				)
			},
			"description", g.sentence(30),
		)
		g.obj(kv...)
	}
}

func (g *gen) request() {
	g.n++
	id := g.n
	method := []string{"GET", "POST", "PUT", "PATCH", "DELETE"}[id%5]
	path := g.word() + "s"
	g.obj(
		"name", fmt.Sprintf("%s %s %d", method, path, id),
		"event", func() { g.arr(1, func(int) { g.event("test") }) },
		"_postman_id", g.uuid(),
		"protocolProfileBehavior", json.RawMessage(`{"disableBodyPruning": true}`),
		"request", g.requestBody(method, path, id),
		"response", func() {
			g.arr(1, func(int) {
				g.obj("name", "OK", "originalRequest", g.requestBody(method, path, id),
					"status", "OK", "code", json.RawMessage("200"), "_postman_previewlanguage", "json",
					"header", func() {
						g.arr(3, func(i int) {
							g.obj("key", []string{"Content-Type", "Date", "Content-Length"}[i],
								"value", []string{"application/json", "Mon, 01 Jan 2024 00:00:00 GMT", "1234"}[i])
						})
					},
					"cookie", json.RawMessage("[]"),
					"body", fmt.Sprintf("{\n    \"id\": %d,\n    \"status\": \"%s\",\n    \"items\": [%d, %d, %d]\n}", id, g.sentence(4), id, id+1, id+2),
				)
			})
		},
	)
}

// decoders under comparison.
var decoders = []struct {
	name string
	run  func([]byte) (any, error)
}{
	{"Parse", func(b []byte) (any, error) { return Parse(b) }},
	{"UnmarshalCollection", func(b []byte) (any, error) {
		var c Collection
		return &c, json.Unmarshal(b, &c)
	}},
	{"UnmarshalMap", func(b []byte) (any, error) {
		var m map[string]any
		return m, json.Unmarshal(b, &m)
	}},
}

var sizes = []int{10 * mb, 50 * mb}

var sink any

// BenchmarkDecode measures time and allocation. allocB/payloadB is the
// number of bytes allocated per byte of input.
func BenchmarkDecode(b *testing.B) {
	for _, size := range sizes {
		data := generated(size)
		for _, dec := range decoders {
			b.Run(fmt.Sprintf("%dMB/%s", size/mb, dec.name), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for b.Loop() {
					v, err := dec.run(data)
					if err != nil {
						b.Fatal(err)
					}
					sink = v
				}
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(data)), "allocB/payloadB")
				sink = nil
			})
		}
	}
}

// BenchmarkDecodePeakMemory measures the peak heap during one decode with a
// sampler reading runtime/metrics (which does not stop the world) every
// 20µs. peak/payload counts the heap above what was live before the decode
// started, plus the input buffer itself, over the input size: the memory a
// caller needs to read a file of that size. live/payload is what the result
// keeps after a full GC. Run it with -benchtime=3x: the sampler slows the
// decode, so its ns/op is not a timing figure.
func BenchmarkDecodePeakMemory(b *testing.B) {
	for _, size := range sizes {
		data := generated(size)
		for _, dec := range decoders {
			b.Run(fmt.Sprintf("%dMB/%s", size/mb, dec.name), func(b *testing.B) {
				var peak, sumLive float64
				for b.Loop() {
					b.StopTimer()
					sink = nil
					runtime.GC()
					base := heapBytes()
					stop := samplePeak()
					b.StartTimer()
					v, err := dec.run(data)
					b.StopTimer()
					max := stop()
					if err != nil {
						b.Fatal(err)
					}
					sink = v
					runtime.GC()
					sumLive += float64(heapBytes()-base) / float64(len(data))
					if p := float64(max-base+uint64(len(data))) / float64(len(data)); p > peak {
						peak = p
					}
					b.StartTimer()
				}
				b.ReportMetric(peak, "peak/payload")
				b.ReportMetric(sumLive/float64(b.N), "live/payload")
				sink = nil
			})
		}
	}
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

func heapBytes() uint64 {
	metrics.Read(heapSample)
	return heapSample[0].Value.Uint64()
}

// samplePeak starts sampling the heap and returns a function that stops it
// and returns the highest value seen.
func samplePeak() func() uint64 {
	var done atomic.Bool
	var max atomic.Uint64
	finished := make(chan struct{})
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for !done.Load() {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > max.Load() {
				max.Store(v)
			}
			time.Sleep(20 * time.Microsecond)
		}
		close(finished)
	}()
	return func() uint64 {
		if v := heapBytes(); v > max.Load() {
			max.Store(v)
		}
		done.Store(true)
		<-finished
		return max.Load()
	}
}

// BenchmarkEncode measures writing the 10 MB collection back.
func BenchmarkEncode(b *testing.B) {
	data := generated(10 * mb)
	c, err := Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		b.Fatal(err)
	}
	b.Run("10MB/Write", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := c.Write(&buf); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("10MB/MarshalCollection", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			out, err := json.Marshal(c)
			if err != nil {
				b.Fatal(err)
			}
			sink = out
		}
	})
	b.Run("10MB/MarshalMap", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			out, err := json.Marshal(m)
			if err != nil {
				b.Fatal(err)
			}
			sink = out
		}
	})
	sink = nil
}

// TestGeneratedCollectionRoundTrips keeps the benchmark input honest: it is
// a valid collection and survives the round trip (1 MB, to stay quick).
func TestGeneratedCollectionRoundTrips(t *testing.T) {
	data := generated(1 * mb)
	c := roundTrip(t, data)
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for range c.Requests() {
		n++
	}
	if n < 100 {
		t.Fatalf("only %d requests generated", n)
	}
}

// TestGenerateBenchmarkFile writes a generated collection to the file named
// by COLLECTION_GEN_FILE (COLLECTION_GEN_MB megabytes, default 50), so that
// the peak RSS of a decode can be measured in a process of its own, free of
// the generator's memory (see BENCHMARKS.md).
func TestGenerateBenchmarkFile(t *testing.T) {
	path := os.Getenv("COLLECTION_GEN_FILE")
	if path == "" {
		t.Skip("set COLLECTION_GEN_FILE to write a generated collection")
	}
	size := 50
	if s := os.Getenv("COLLECTION_GEN_MB"); s != "" {
		var err error
		if size, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, generated(size*mb), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReadFileForRSS decodes the file named by COLLECTION_READ_FILE with
// Read, or with io.ReadAll and encoding/json into map[string]any when
// COLLECTION_READ_MAP is set, and keeps the result alive to the end.
func TestReadFileForRSS(t *testing.T) {
	path := os.Getenv("COLLECTION_READ_FILE")
	if path == "" {
		t.Skip("set COLLECTION_READ_FILE to measure a decode in its own process")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var result any
	if os.Getenv("COLLECTION_READ_MAP") != "" {
		data, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		result = m
	} else {
		c, err := Read(f)
		if err != nil {
			t.Fatal(err)
		}
		result = c
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("HeapInuse %d MB, TotalAlloc %d MB, NumGC %d", ms.HeapInuse/mb, ms.TotalAlloc/mb, ms.NumGC)
	runtime.KeepAlive(result)
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDecodeMemoryBound guards the memory goal with a bound that cannot be
// fooled by sampling: the heap can never grow by more than what is
// allocated, so input + allocated bytes bounds the peak of a Read. It must
// stay under 4× the input, and Read must cost no more than Parse plus one
// buffer the size of the input.
func TestDecodeMemoryBound(t *testing.T) {
	data := generated(4 * mb)
	var c *Collection
	parse := allocated(func() {
		var err error
		if c, err = Parse(data); err != nil {
			t.Error(err)
		}
	})
	read := allocated(func() {
		var err error
		if c, err = Read(bytes.NewReader(data)); err != nil {
			t.Error(err)
		}
	})
	runtime.KeepAlive(c)
	n := uint64(len(data))
	if bound := float64(n+parse) / float64(n); bound >= 4 {
		t.Errorf("input + allocations = %.2f× the input, want < 4×", bound)
	}
	if read > parse+n+n/16 && !raceEnabled {
		t.Errorf("Read allocated %d bytes, Parse %d: more than one input-sized buffer apart (%d)", read, parse, n)
	}
	t.Logf("input %d B; Parse allocates %.2f×, Read %.2f× the input", n, float64(parse)/float64(n), float64(read)/float64(n))
}
