package collection

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundTripFixtures(t *testing.T) {
	all := fixtures(t)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) { roundTrip(t, all[name]) })
	}
}

// Postman exports are tab-indented without a final newline; Write produces
// that layout, so an untouched export comes back byte for byte.
func TestWriteReproducesPostmanExports(t *testing.T) {
	for _, name := range []string{"01-fiware-getting-started.json", "02-brightspace-data-hub.json",
		"03-sas-jobs-oauth2.json", "05-k6-format-v2.0-auth-objects.json"} {
		data, err := os.ReadFile(filepath.Join(testdataDir, "samples", name))
		require.NoError(t, err)
		c, err := Parse(data)
		require.NoError(t, err)
		var out bytes.Buffer
		require.NoError(t, c.Write(&out))
		assert.Equal(t, string(data), out.String(), name)
	}
}

func TestRoundTripUnmarshalJSON(t *testing.T) {
	for name, data := range fixtures(t) {
		if bytes.HasPrefix(data, bom) {
			continue // encoding/json rejects a BOM before calling UnmarshalJSON
		}
		var c Collection
		require.NoError(t, json.Unmarshal(data, &c), name)
		want, err := Parse(data)
		require.NoError(t, err)
		a, _ := json.Marshal(&c)
		b, _ := json.Marshal(want)
		assert.Equal(t, string(b), string(a), name)
	}
}

func TestRoundTripInsideAnotherStruct(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "synthetic", "unknown-keys.json"))
	require.NoError(t, err)
	wrapped := []byte(`{"collection":` + string(data) + `,"other":1}`)
	var env struct {
		Collection *Collection `json:"collection"`
		Other      int         `json:"other"`
	}
	require.NoError(t, json.Unmarshal(wrapped, &env))
	require.Equal(t, 1, env.Other)
	out, err := json.Marshal(env)
	require.NoError(t, err)
	want, _ := semantic(wrapped)
	got, _ := semantic(out)
	assert.Equal(t, want, got)
}

func TestNullAbsentAndEmptyKeptApart(t *testing.T) {
	c := roundTrip(t, []byte(`{"info":{"name":"n","schema":"`+SchemaURLV21+`"},"item":[
		{"name":"null","request":{"auth":null,"body":null,"url":"u"}},
		{"name":"absent","request":{"url":"u"}},
		{"name":"empty","request":{"auth":{"type":"noauth"},"body":{},"header":[],"url":"u"}}
	]}`))
	null, absent, empty := c.Items[0].Request, c.Items[1].Request, c.Items[2].Request
	assert.True(t, null.Auth.IsNull())
	assert.True(t, null.Body.IsNull())
	assert.Nil(t, absent.Auth, "absent auth inherits")
	assert.Nil(t, absent.Body)
	assert.Nil(t, absent.Header)
	assert.Equal(t, AuthNoAuth, empty.Auth.Type)
	assert.False(t, empty.Body.IsNull())
	assert.NotNil(t, empty.Header)
	assert.Empty(t, empty.Header)
}

func TestUnionFormsRemembered(t *testing.T) {
	c := roundTrip(t, []byte(`{"info":{"name":"n","schema":"s","version":"1.0.0"},"item":[
		{"name":"s","request":"https://a.example.com/x?y=1"},
		{"name":"o","request":{"url":{"raw":"https://a.b/c","host":"a.b","path":"/c"},"header":"A: 1\nB: 2"},
		 "event":[{"listen":"test","script":{"exec":"line1\nline2"}}]}
	]}`))
	s := c.Items[0].Request
	assert.Equal(t, "https://a.example.com/x?y=1", s.URL.String())
	v, ok := s.URL.QueryValue("y")
	assert.True(t, ok)
	assert.Equal(t, "1", v)
	o := c.Items[1].Request
	assert.Equal(t, []string{"a", "b"}, o.URL.Host)
	assert.Equal(t, []string{"", "c"}, o.URL.Path)
	assert.Equal(t, "2", o.Header.Get("b"))
	assert.Equal(t, []string{"line1", "line2"}, c.Items[1].Events[0].Script.Exec)
	assert.Equal(t, "1.0.0", c.Info.Version.String())

	// Changing a value keeps the string forms where they still fit.
	o.Header.Set("B", "3")
	o.URL.Host = append(o.URL.Host, "c")
	c.Items[1].Events[0].Script.Exec = append(c.Items[1].Events[0].Script.Exec, "line3")
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"header":"A: 1\nB: 3"`)
	assert.Contains(t, string(out), `"host":"a.b.c"`)
	assert.Contains(t, string(out), `"exec":"line1\nline2\nline3"`)

	// A request string gains the object form once something else is set.
	s.Method = "POST"
	out, err = json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"request":{"method":"POST","url":"https://a.example.com/x?y=1"}`)
}

func TestBOMAndEnvelope(t *testing.T) {
	inner := `{"info":{"name":"E","schema":"` + SchemaURLV21 + `"},"item":[]}`
	for name, in := range map[string]string{
		"bom":            "\xEF\xBB\xBF" + inner,
		"envelope":       `{"collection":` + inner + `}`,
		"bom+envelope":   "\xEF\xBB\xBF" + `{"collection":` + inner + `}`,
		"envelope+space": " \n{ \"collection\" : " + inner + " }\n",
	} {
		c, err := Parse([]byte(in))
		require.NoError(t, err, name)
		assert.Equal(t, "E", c.Info.Name, name)
		out, _ := json.Marshal(c)
		assert.JSONEq(t, inner, string(out), name)
	}
	// A "collection" member beside info is an unknown member, not an envelope.
	c, err := Parse([]byte(`{"info":{"name":"outer"},"item":[],"collection":{"info":{"name":"inner"}}}`))
	require.NoError(t, err)
	assert.Equal(t, "outer", c.Info.Name)
	raw, ok := c.Extra("collection")
	assert.True(t, ok)
	assert.JSONEq(t, `{"info":{"name":"inner"}}`, string(raw))
}

func TestNumbersSurviveExactly(t *testing.T) {
	c := roundTrip(t, []byte(`{"info":{"name":"n","schema":"s"},"item":[],"variable":[
		{"key":"a","value":9007199254740993},{"key":"b","value":1.50},{"key":"c","value":-0},{"key":"d","value":1E400}]}`))
	got := []string{}
	for _, v := range c.Variables {
		got = append(got, v.Value.String())
	}
	assert.Equal(t, []string{"9007199254740993", "1.50", "-0", "1E400"}, got)
	n, ok := c.Variables[0].Value.Number()
	assert.True(t, ok)
	assert.Equal(t, "9007199254740993", n.String())
}

func TestKeyOrderKept(t *testing.T) {
	in := `{"item":[{"request":{"url":"u","method":"GET"},"name":"x","_postman_id":"p"}],"variable":[],"info":{"schema":"s","name":"n"}}`
	c, err := Parse([]byte(in))
	require.NoError(t, err)
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, in, string(out))

	// Fields set after decoding follow the ones read.
	c.Items[0].ID = "new-id"
	out, _ = json.Marshal(c)
	assert.Equal(t, `{"item":[{"request":{"url":"u","method":"GET"},"name":"x","_postman_id":"p","id":"new-id"}],"variable":[],"info":{"schema":"s","name":"n"}}`, string(out))
}

func TestExtrasAPI(t *testing.T) {
	c, err := Parse([]byte(`{"info":{"name":"n","_exporter_id":"42"},"item":[]}`))
	require.NoError(t, err)
	raw, ok := c.Info.Extra("_exporter_id")
	require.True(t, ok)
	assert.Equal(t, `"42"`, string(raw))
	assert.Equal(t, []string{"_exporter_id"}, c.Info.ExtraKeys())

	require.NoError(t, c.Info.SetExtra("_exporter_id", 43))
	require.NoError(t, c.Info.SetExtra("uid", "1-abc"))
	out, _ := json.Marshal(c)
	assert.Equal(t, `{"info":{"name":"n","_exporter_id":43,"uid":"1-abc"},"item":[]}`, string(out))

	c.Info.DeleteExtra("_exporter_id")
	out, _ = json.Marshal(c)
	assert.Equal(t, `{"info":{"name":"n","uid":"1-abc"},"item":[]}`, string(out))

	assert.Error(t, c.Info.SetExtra("bad", json.RawMessage(`{`)))

	// An extra under a modelled key yields to the typed field once it is set.
	require.NoError(t, c.Info.SetExtra("schema", "from-extra"))
	out, _ = json.Marshal(c)
	assert.Contains(t, string(out), `"schema":"from-extra"`)
	c.Info.Schema = SchemaURLV21
	out, _ = json.Marshal(c)
	assert.NotContains(t, string(out), "from-extra")
}

func TestCopiesDoNotShareExtras(t *testing.T) {
	c, err := Parse([]byte(`{"info":{"name":"n","x":1},"item":[]}`))
	require.NoError(t, err)
	cp := c.Info
	require.NoError(t, cp.SetExtra("x", 2))
	raw, _ := c.Info.Extra("x")
	assert.Equal(t, "1", string(raw))
}
