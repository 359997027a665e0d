package collection

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseURL(t *testing.T) {
	u := ParseURL("https://api.example.com:8443/v1/users/:id?limit=10&flag#top")
	assert.Equal(t, "https", u.Protocol)
	assert.Equal(t, []string{"api", "example", "com"}, u.Host)
	assert.Equal(t, "8443", u.Port)
	assert.Equal(t, []string{"v1", "users", ":id"}, u.Path)
	assert.Equal(t, "top", u.Hash)
	require.Len(t, u.Query, 2)
	assert.Equal(t, "10", u.Query[0].Value)
	assert.True(t, u.Query[1].ValueIsNull())
	require.Len(t, u.Variables, 1)
	assert.Equal(t, "id", u.Variables[0].Key)

	v := ParseURL("{{baseUrl}}/a.b/c")
	assert.Equal(t, []string{"{{baseUrl}}"}, v.Host)
	assert.Equal(t, []string{"a.b", "c"}, v.Path)
	assert.Equal(t, []string{"{{sub.domain}}", "example", "com"}, ParseURL("{{sub.domain}}.example.com").Host)

	// String puts the parts together when Raw is empty.
	u.Raw = ""
	assert.Equal(t, "https://api.example.com:8443/v1/users/:id?limit=10&flag#top", u.String())

	out, err := json.Marshal(ParseURL("http://x/a?b=c"))
	require.NoError(t, err)
	assert.JSONEq(t, `{"raw":"http://x/a?b=c","protocol":"http","host":["x"],"path":["a"],"query":[{"key":"b","value":"c"}]}`, string(out))
}

func TestURLQueryFromStringForm(t *testing.T) {
	var r Request
	require.NoError(t, json.Unmarshal([]byte(`"https://x/y?a=1&b=2#h"`), &r))
	assert.Equal(t, "GET", r.EffectiveMethod())
	v, ok := r.URL.QueryValue("b")
	assert.True(t, ok)
	assert.Equal(t, "2", v)
	assert.Len(t, r.URL.QueryParams(), 2)
	_, ok = r.URL.QueryValue("h")
	assert.False(t, ok)
}

func TestHeaderList(t *testing.T) {
	var h HeaderList
	h.Add("Accept", "text/plain")
	h.Add("X-A", "1")
	h.Add("x-a", "2")
	h = append(h, Header{Key: "X-Off", Value: "0", Disabled: true})
	assert.Equal(t, "text/plain", h.Get("accept"))
	assert.Equal(t, []string{"1", "2"}, h.Values("X-A"))
	assert.Equal(t, "", h.Get("X-Off"))
	h.Set("X-A", "3")
	assert.Equal(t, []string{"3"}, h.Values("x-a"))
	h.Set("New", "n")
	h.Del("accept")
	keys := []string{}
	for _, x := range h {
		keys = append(keys, x.Key)
	}
	assert.Equal(t, []string{"X-A", "X-Off", "New"}, keys)
}

func TestAuthParams(t *testing.T) {
	a := BearerAuth("t0")
	assert.Equal(t, "t0", a.Param("token"))
	a.SetParam("token", StringValue("t1"))
	a.SetParam("extra", BoolValue(true))
	assert.Equal(t, "t1", a.Param("token"))
	assert.Equal(t, "true", a.Param("extra"))
	assert.Equal(t, "boolean", a.Params[1].Type)
	a.DeleteParam("extra")
	assert.Len(t, a.Params, 1)
	out, _ := json.Marshal(a)
	assert.Equal(t, `{"type":"bearer","bearer":[{"key":"token","value":"t1","type":"string"}]}`, string(out))

	var nilAuth *Auth
	assert.Equal(t, "", nilAuth.Param("x"))
	assert.False(t, nilAuth.IsNull())

	var null Auth
	require.NoError(t, json.Unmarshal([]byte(`null`), &null))
	assert.True(t, null.IsNull())
	out, _ = json.Marshal(&null)
	assert.Equal(t, "null", string(out))

	// Both forms parse whatever the declared version.
	for _, in := range []string{
		`{"type":"apikey","apikey":{"key":"X-Key","value":"v","in":"header"}}`,
		`{"type":"apikey","apikey":[{"key":"key","value":"X-Key"},{"key":"value","value":"v"},{"key":"in","value":"header"}]}`,
	} {
		var a Auth
		require.NoError(t, json.Unmarshal([]byte(in), &a))
		assert.Equal(t, "X-Key", a.Param("key"))
		assert.Equal(t, "header", a.Param("in"))
		out, _ := json.Marshal(a)
		assert.JSONEq(t, in, string(out))
	}
}

func TestConvertSampleBothWays(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "samples", "05-k6-format-v2.0-auth-objects.json"))
	require.NoError(t, err)
	c, err := Parse(data)
	require.NoError(t, err)
	assert.Equal(t, FormatV20, c.Format())
	require.NoError(t, c.Convert(FormatV21))
	assert.Equal(t, SchemaURLV21, c.Info.Schema)
	out, _ := json.Marshal(c)
	assert.Contains(t, string(out), `"digest":[{"key":"password","value":"secret2","type":"string"}`)
	require.NoError(t, c.Convert(FormatV20))
	out, _ = json.Marshal(c)
	want, _ := semantic(data)
	got, _ := semantic(out)
	assert.Equal(t, want, got, "v2.0 → v2.1 → v2.0 gives the original back")
	assert.Error(t, c.Convert(FormatUnknown))
	assert.Equal(t, FormatV21, FormatOf("https://schema.postman.com/json/draft-07/collection/v2.1.0/collection.json"))
	assert.Equal(t, "unknown", FormatUnknown.String())
}

func TestWalkFindRemove(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "synthetic", "deep-nesting.json"))
	require.NoError(t, err)
	c, err := Parse(data)
	require.NoError(t, err)

	var deepest []string
	require.NoError(t, c.Walk(func(parents []*Item, it *Item) error {
		if it.IsRequest() {
			for _, p := range parents {
				deepest = append(deepest, p.Name)
			}
		}
		return nil
	}))
	assert.Len(t, deepest, 9)
	assert.Equal(t, "level 1", deepest[0])

	leaf := c.FindByName("leaf at depth 10")
	require.NotNil(t, leaf)
	assert.Equal(t, leaf, c.FindPath(append(deepest, "leaf at depth 10")...))
	parent, found := c.Parent(leaf)
	assert.True(t, found)
	assert.Equal(t, "level 9", parent.Name)

	// Stopping.
	n := 0
	require.NoError(t, c.Walk(func([]*Item, *Item) error {
		n++
		if n == 3 {
			return SkipAll
		}
		return nil
	}))
	assert.Equal(t, 3, n)
	boom := errors.New("boom")
	assert.Equal(t, boom, c.Walk(func([]*Item, *Item) error { return boom }))
	n = 0
	for range c.All() {
		n++
		break
	}
	assert.Equal(t, 1, n)

	assert.True(t, c.Remove(leaf))
	assert.Nil(t, c.FindByName("leaf at depth 10"))
	assert.False(t, c.Remove(leaf))
	assert.Nil(t, c.FindPath())
}

func TestFindByID(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "synthetic", "unknown-keys.json"))
	require.NoError(t, err)
	c, err := Parse(data)
	require.NoError(t, err)
	assert.Equal(t, "folder", c.FindByID("folder-1").Name)
	assert.Equal(t, "req", c.FindByID("r-uid").Name, "_postman_id of older exports")
	assert.Nil(t, c.FindByID("nope"))
	assert.Nil(t, c.FindByID(""))
	assert.Len(t, c.FindAllByName("req"), 1)
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		in, msg, path string
		line, col     int
	}{
		{in: ``, msg: "empty input"},
		{in: `[]`, msg: "must be a JSON object"},
		{in: `"x"`, msg: "must be a JSON object"},
		{in: `{"info":{"name":"a"},}`, msg: "invalid character '}'", line: 1, col: 22},
		{in: "{\"item\":[\n{\"request\":{\"url\":\"x\" \"y\"}}]}", msg: "after object member", path: "$.item[0].request", line: 2, col: 23},
		{in: "{\"item\":[{\"name\":\"a\x01\"}]}", msg: "control character", path: "$.item[0].name"},
		{in: `{"variable":[{"value":01}]}`, msg: "invalid character '1'", path: "$.variable[0]"},
		{in: `{"variable":[{"value":tru}]}`, msg: "in literal true", path: "$.variable[0].value"},
		{in: `{"a":"\u12"}`, msg: `invalid \u escape`, path: `$.a`},
		{in: `{"a":1} {}`, msg: "after top-level value"},
		{in: `{"info":{"name":"a"`, msg: "unexpected end of input", path: "$.info"},
		{in: strings.Repeat(`{"item":[`, 6000), msg: "maximum nesting depth"},
	} {
		_, err := Parse([]byte(tc.in))
		var de *DecodeError
		require.ErrorAs(t, err, &de, tc.in)
		assert.Contains(t, de.Msg, tc.msg, tc.in)
		if tc.path != "" {
			assert.Equal(t, tc.path, de.Path, tc.in)
		}
		if tc.line != 0 {
			assert.Equal(t, tc.line, de.Line, tc.in)
			assert.Equal(t, tc.col, de.Column, tc.in)
		}
	}
	var c Collection
	err := json.Unmarshal([]byte(`[1]`), &c)
	var de *DecodeError
	assert.ErrorAs(t, err, &de)
}

func TestRead(t *testing.T) {
	path := filepath.Join(testdataDir, "samples", "01-fiware-getting-started.json")
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	c, err := Read(f)
	require.NoError(t, err)
	assert.Equal(t, "FIWARE Getting Started", c.Info.Name)

	data, _ := os.ReadFile(path)
	c2, err := Read(iotest.OneByteReader(strings.NewReader(string(data))))
	require.NoError(t, err)
	assert.Equal(t, c.Info.Name, c2.Info.Name)

	_, err = Read(iotest.ErrReader(io.ErrUnexpectedEOF))
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

func TestBodies(t *testing.T) {
	b := NewRawBody(`{"a":1}`, "json")
	assert.Equal(t, `{"a":1}`, b.Raw())
	assert.Equal(t, "json", b.Language())
	out, _ := json.Marshal(b)
	assert.Equal(t, `{"mode":"raw","raw":"{\"a\":1}","options":{"raw":{"language":"json"}}}`, string(out))

	fd := NewFormDataBody(TextParam("a", "1"), FileParam("f", "/x"), FileParam("g", "/y", "/z"))
	out, _ = json.Marshal(fd)
	assert.Equal(t, `{"mode":"formdata","formdata":[{"key":"a","value":"1","type":"text"},{"key":"f","src":"/x","type":"file"},{"key":"g","src":["/y","/z"],"type":"file"}]}`, string(out))
	assert.Equal(t, "", fd.Raw())

	var null Body
	require.NoError(t, json.Unmarshal([]byte(" null "), &null))
	assert.True(t, null.IsNull())
	var nilBody *Body
	assert.Equal(t, "", nilBody.Raw())
	assert.Equal(t, "", nilBody.Language())
}

func TestValueDescriptionVersionObject(t *testing.T) {
	v := StringValue("a\"b")
	assert.Equal(t, `a"b`, v.String())
	assert.True(t, v.IsString())
	assert.Equal(t, `"a\"b"`, string(v.Raw()))
	n, err := ValueOf(map[string]int{"x": 1})
	require.NoError(t, err)
	var m map[string]int
	require.NoError(t, n.Decode(&m))
	assert.Equal(t, 1, m["x"])
	_, err = RawValue(json.RawMessage(`{`))
	assert.Error(t, err)
	assert.Error(t, Value{}.Decode(&m))
	assert.True(t, NullValue().IsNull())
	b, ok := BoolValue(false).Bool()
	assert.True(t, ok)
	assert.False(t, b)

	d := NewTypedDescription("x", "text/html").WithText("y")
	assert.Equal(t, "y", d.Text())
	assert.Equal(t, "text/html", d.Type())
	assert.True(t, NullDescription().IsNull())
	out, _ := json.Marshal(NewDescription("s"))
	assert.Equal(t, `"s"`, string(out))
	var d2 Description
	require.NoError(t, json.Unmarshal([]byte(`{"content":"c","type":"t","x":1}`), &d2))
	out, _ = json.Marshal(d2)
	assert.Equal(t, `{"content":"c","type":"t","x":1}`, string(out))
	assert.Error(t, json.Unmarshal([]byte(`5`), &d2))

	assert.Equal(t, "1.2.3", SemVer(1, 2, 3).String())
	out, _ = json.Marshal(SemVer(1, 2, 3))
	assert.Equal(t, `{"major":1,"minor":2,"patch":3}`, string(out))
	var ver Version
	require.NoError(t, json.Unmarshal([]byte(`{"major":2,"minor":0,"patch":1,"identifier":"rc"}`), &ver))
	assert.Equal(t, "2.0.1-rc", ver.String())
	require.NoError(t, json.Unmarshal([]byte(`{}`), &ver))
	out, _ = json.Marshal(ver)
	assert.Equal(t, `{}`, string(out), "members absent from the input stay absent")

	o := NewObject()
	o.Set("followRedirects", BoolValue(false))
	o.Set("maxRedirects", Value{raw: "5"})
	follow, ok := o.Bool("followRedirects")
	assert.True(t, ok)
	assert.False(t, follow)
	o.Delete("maxRedirects")
	assert.Equal(t, []string{"followRedirects"}, o.Keys())
	out, _ = json.Marshal(o)
	assert.Equal(t, `{"followRedirects":false}`, string(out))
}

func TestMarshalNestedTypes(t *testing.T) {
	// Each model type marshals on its own, keeping its forms and extras.
	for _, tc := range []struct {
		in string
		v  any
	}{
		{`{"name":"i","_postman_id":"x","request":"https://x"}`, new(Item)},
		{`"https://x"`, new(Request)},
		{`{"url":"u","method":"GET","x":1}`, new(Request)},
		{`"u"`, new(URL)},
		{`{"raw":"u","host":"a.b"}`, new(URL)},
		{`{"key":null,"value":null}`, new(QueryParam)},
		{`"A: b"`, new(Header)},
		{`{"key":"A","value":"b","uuid":"1"}`, new(Header)},
		{`{"listen":"test","script":{"exec":"x","packages":{}}}`, new(Event)},
		{`{"key":"k","value":[1,{"a":null}]}`, new(Variable)},
		{`{"name":"r","code":200,"header":null,"body":null}`, new(Response)},
		{`{"key":"f","src":null}`, new(FormParam)},
		{`{"mode":"file","file":{"src":null}}`, new(Body)},
		{`{"exec":["a","b"],"type":"text/javascript"}`, new(Script)},
		{`1.50`, new(Value)},
		{`{"b":1,"a":2}`, new(Object)},
		{`"1.0"`, new(Version)},
	} {
		require.NoError(t, json.Unmarshal([]byte(tc.in), tc.v), tc.in)
		out, err := json.Marshal(tc.v)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.in, string(out), "%T", tc.v)
	}
	assert.Error(t, json.Unmarshal([]byte(`5`), new(Item)))
	assert.Error(t, json.Unmarshal([]byte(`[]`), new(URL)))
}

type countingWriter struct {
	calls, max int
	buf        []byte
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.calls++
	w.max = max(w.max, len(p))
	w.buf = append(w.buf, p...)
	return len(p), nil
}

func TestWriteStreams(t *testing.T) {
	data := generated(1 * mb)
	c, err := Parse(data)
	require.NoError(t, err)
	var w countingWriter
	require.NoError(t, c.Write(&w))
	assert.Greater(t, w.calls, 10, "written in chunks")
	assert.Less(t, w.max, 2*flushSize)
	want, _ := semantic(data)
	got, err := semantic(w.buf)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	assert.ErrorIs(t, c.Write(failingWriter{}), io.ErrShortWrite)
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

func TestMarshalSmallTypes(t *testing.T) {
	for _, tc := range []struct {
		in string
		v  any
	}{
		{`{"domain":"d","path":"/","expires":null,"x":1}`, new(Cookie)},
		{`{"host":"p","port":8080,"tunnel":false}`, new(Proxy)},
		{`{"name":"c","matches":["*"],"key":{"src":"/k"}}`, new(Certificate)},
		{`{"src":null}`, new(CertificateFile)},
		{`{"src":null,"content":""}`, new(BodyFile)},
		{`{"query":"{a}","operationName":"A"}`, new(GraphQL)},
		{`{"key":"k","value":1,"type":"number"}`, new(AuthParam)},
		{`{"name":"n","_exporter_id":"1","schema":"s"}`, new(Info)},
	} {
		require.NoError(t, json.Unmarshal([]byte(tc.in), tc.v), tc.in)
		out, err := json.Marshal(tc.v)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.in, string(out), "%T", tc.v)
	}
}
