package collection

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateAcceptsRealCollections(t *testing.T) {
	for name, data := range fixtures(t) {
		if strings.Contains(name, "mistyped") || strings.Contains(name, "env-01") {
			continue
		}
		c, err := Parse(data)
		require.NoError(t, err, name)
		assert.NoError(t, c.Validate(), name)
	}
}

func TestValidateReportsProblems(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "synthetic", "mistyped.json"))
	require.NoError(t, err)
	c, err := Parse(data)
	require.NoError(t, err, "unusual files decode")
	err = c.Validate()
	var errs ValidationErrors
	require.ErrorAs(t, err, &errs)
	got := map[string]string{}
	for _, e := range errs {
		got[e.Path] = e.Problem
	}
	for path, problem := range map[string]string{
		"$.info.name":                             "must be a string",
		"$.info.schema":                           "not a Postman",
		"$.variable":                              "must be an array of objects",
		"$.item[0].request.url":                   "must be a string or an object",
		"$.item[0].request.header":                "element 0 must be an object",
		"$.item[0].request.body.mode":             `unknown body mode "binary"`,
		"$.item[0].request.body.formdata[0].type": `unknown form parameter type "blob"`,
		"$.item[0].request.auth.type":             "must be a string",
		"$.item[0].request.proxy.port":            "must be an integer",
		"$.item[1]":                               "neither a request nor a folder",
		"$.item[2]":                               "both a request and a folder",
		"$.item[5].request.method":                "must be a string",
		"$.item[6].request.auth.type":             "missing",
		"$.item[7].request.auth.bearer":           "parameters must be an array",
		"$.item[8].response[0].code":              "must be an integer",
		"$.item[8].response[0].cookie[0].domain":  "missing",
		"$.item[9].event[0].listen":               "missing",
		"$.item[10].variable[0]":                  "needs an id or a key",
		"$.item[11].request.url.port":             "must be a string",
		"$.item[12]":                              "must be an object",
	} {
		if assert.Contains(t, got, path) {
			assert.Contains(t, got[path], problem, path)
		}
	}
	// A mistyped value superseded by a later valid one is not a problem.
	assert.NotContains(t, got, "$.item[4].request.method")
	// Cookie expires null is valid (draft-07 allows it).
	assert.NotContains(t, got, "$.item[8].response[0].cookie[1].expires")

	var one *ValidationError
	require.True(t, errors.As(err, &one))
	assert.Equal(t, errs[0], one)
	assert.Contains(t, err.Error(), "problems: ")
}

func TestValidateMinimalProblems(t *testing.T) {
	c, err := Parse([]byte(`{}`))
	require.NoError(t, err)
	err = c.Validate()
	require.Error(t, err)
	assert.Equal(t, "collection: 2 problems: $.info: missing: a collection needs an info block; "+
		"$.item: missing: a collection needs an item list (it may be empty)", err.Error())

	c = New("")
	err = c.Validate()
	require.Error(t, err)
	assert.Equal(t, "collection: invalid: $.info.name: missing: a collection needs a name", err.Error())

	c = New("ok")
	c.Info.Schema = ""
	item := c.AddRequest("r", NewRequest("GET", "https://x"))
	item.Request.Auth = &Auth{}
	item.Items = []*Item{}
	errs := c.Validate().(ValidationErrors)
	paths := []string{}
	for _, e := range errs {
		paths = append(paths, e.Path)
	}
	assert.Equal(t, []string{"$.info.schema", "$.item[0]", "$.item[0].request.auth.type"}, paths)

	assert.NoError(t, New("fine").Validate())
}
