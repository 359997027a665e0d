package conformance_test

// The official collection schemas are JSON Schema draft-04 and draft-07
// documents. github.com/santhosh-tekuri/jsonschema/v6 validates them here:
// kin-openapi validates OpenAPI 3 schema objects and cannot validate
// documents against draft-04/07 JSON Schemas with their $ref/definitions,
// oneOf and draft-specific keywords.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
)

// collectionTestdata holds the collection package's fixtures and schemas.
var collectionTestdata = filepath.Join("..", "testdata", "collection")

func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(collectionTestdata, "schemas", file))
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	url := "file:///schemas/" + file
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

func validateAgainst(t *testing.T, sch *jsonschema.Schema, data []byte, name string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err, name)
	if err := sch.Validate(inst); err != nil {
		if len(data) > 2000 {
			data = append(data[:2000:2000], "…"...)
		}
		t.Errorf("%s does not validate: %v\n%s", name, err, data)
	}
}

// fixtures returns the collection package's sample and synthetic files.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, dir := range []string{"samples", "synthetic"} {
		files, err := filepath.Glob(filepath.Join(collectionTestdata, dir, "*.json"))
		require.NoError(t, err)
		require.NotEmpty(t, files, "no fixtures in %s", dir)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			out[dir+"/"+filepath.Base(f)] = data
		}
	}
	return out
}

// built makes a collection with every builder, the way a user would.
func built() *collection.Collection {
	c := collection.New("Built from scratch")
	c.Info.Description = collection.NewTypedDescription("Made by **tests**", "text/markdown")
	c.Info.Version = collection.SemVer(1, 2, 3)
	c.Auth = collection.BearerAuth("{{token}}")
	c.AddVariable("baseUrl", "https://api.example.com")
	c.Events = append(c.Events, collection.NewEvent(collection.ListenPrerequest, "console.log('pre');"))

	users := c.AddFolder("Users")
	users.Description = collection.NewDescription("User endpoints")
	users.Auth = collection.APIKeyAuth("X-API-Key", "{{key}}", "header")
	list := users.AddRequest("List users", collection.NewRequest("GET", "{{baseUrl}}/users?limit=10&active"))
	list.Events = append(list.Events, collection.NewEvent(collection.ListenTest, "pm.test('ok', () => pm.response.to.be.ok);"))

	create := collection.NewRequest("POST", "{{baseUrl}}/users")
	create.Header.Set("Content-Type", "application/json")
	create.Body = collection.NewRawBody(`{"name":"Ada"}`, "json")
	users.AddRequest("Create user", create)

	admin := users.AddFolder("Admin")
	get := collection.NewRequest("GET", "{{baseUrl}}/users/:id")
	get.Auth = collection.NullAuth()
	admin.AddRequest("Get user", get)
	form := collection.NewRequest("POST", "https://upload.example.com:8443/v1/files#top")
	form.Body = collection.NewFormDataBody(collection.TextParam("title", "report"), collection.FileParam("file", "/tmp/report.pdf"))
	form.Auth = collection.BasicAuth("ada", "secret")
	admin.AddRequest("Upload", form)
	enc := collection.NewRequest("POST", "{{baseUrl}}/login")
	enc.Body = collection.NewURLEncodedBody(collection.TextParam("user", "ada"), collection.TextParam("pass", "x"))
	enc.Auth = collection.NoAuth()
	c.AddRequest("Login", enc)
	gql := collection.NewRequest("POST", "{{baseUrl}}/graphql")
	gql.Body = collection.NewGraphQLBody("query { me { id } }", `{"a":1}`)
	c.AddRequest("GraphQL", gql)
	file := collection.NewRequest("PUT", "{{baseUrl}}/blob")
	file.Body = collection.NewFileBody("/tmp/blob.bin")
	c.AddRequest("Put file", file)
	return c
}

func TestBuiltCollectionsValidateAgainstOfficialSchema(t *testing.T) {
	sch := compileSchema(t, "collection-v2.1.0.draft-07.schema.json")
	c := built()
	require.NoError(t, c.Validate())
	out, err := json.Marshal(c)
	require.NoError(t, err)
	validateAgainst(t, sch, out, "built collection")

	var buf bytes.Buffer
	require.NoError(t, c.Write(&buf))
	validateAgainst(t, sch, buf.Bytes(), "built collection (Write)")

	// The smallest collection too.
	out, err = json.Marshal(collection.New("empty"))
	require.NoError(t, err)
	validateAgainst(t, sch, out, "empty collection")

	// And the schema check can fail: a broken collection does not pass.
	bad := collection.New("bad")
	bad.AddRequest("r", collection.NewRequest("GET", "x")).Request.Body = &collection.Body{Mode: "binary"}
	out, _ = json.Marshal(bad)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	require.NoError(t, err)
	require.Error(t, sch.Validate(inst))
	require.Error(t, bad.Validate())
}

func TestRoundTripOutputStillValidates(t *testing.T) {
	// The draft-04 files are the ones info.schema names; they differ from
	// draft-07 in one point: cookie.expires may be a number (unions.json).
	v21 := compileSchema(t, "collection-v2.1.0.schema.json")
	v20 := compileSchema(t, "collection-v2.0.0.schema.json")
	authTypes := schemaAuthTypes(t, "collection-v2.1.0.schema.json")
	validated := 0
	for name, data := range fixtures(t) {
		c, err := collection.Parse(data)
		require.NoError(t, err)
		if c.Validate() != nil {
			continue // deliberately unusual fixtures
		}
		if !onlyAuthTypes(c, authTypes) {
			continue // jwt, asap and custom types are read but outside the schema's enum
		}
		out, err := json.Marshal(c)
		require.NoError(t, err)
		switch c.Format() {
		case collection.FormatV21:
			if formsMatch(t, c, collection.FormatV21) {
				validateAgainst(t, v21, out, name)
				validated++
			}
		case collection.FormatV20:
			if formsMatch(t, c, collection.FormatV20) {
				validateAgainst(t, v20, out, name)
				validated++
			}
		}
		// Converted, every fixture fits the schema of its new format.
		require.NoError(t, c.Convert(collection.FormatV21))
		out, _ = json.Marshal(c)
		validateAgainst(t, v21, out, name+" converted to v2.1")
		require.NoError(t, c.Convert(collection.FormatV20))
		out, _ = json.Marshal(c)
		validateAgainst(t, v20, out, name+" converted to v2.0")
	}
	require.Positive(t, validated, "some fixtures validate as they were read")
}

// auths returns every auth of c: the collection's, each item's and each
// request's.
func auths(c *collection.Collection) []*collection.Auth {
	out := []*collection.Auth{c.Auth}
	for _, it := range c.All() {
		out = append(out, it.Auth)
		if it.Request != nil {
			out = append(out, it.Request.Auth)
		}
	}
	return out
}

// formsMatch reports whether every auth is written in the parameter form
// of f (v2.0: an object, v2.1: an array); files that mix forms are
// readable but not valid against the declared schema.
func formsMatch(t *testing.T, c *collection.Collection, f collection.Format) bool {
	t.Helper()
	for _, a := range auths(c) {
		if a == nil || a.Params == nil {
			continue
		}
		data, err := json.Marshal(a)
		require.NoError(t, err)
		var members map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(data, &members))
		params := bytes.TrimSpace(members[a.Type])
		if len(params) > 0 && (params[0] == '{') != (f == collection.FormatV20) {
			return false
		}
	}
	return true
}

// schemaAuthTypes reads the auth types a schema file enumerates.
func schemaAuthTypes(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(collectionTestdata, "schemas", file))
	require.NoError(t, err)
	var schema struct {
		Definitions struct {
			Auth struct {
				Properties struct {
					Type struct {
						Enum []string `json:"enum"`
					} `json:"type"`
				} `json:"properties"`
			} `json:"auth"`
		} `json:"definitions"`
	}
	require.NoError(t, json.Unmarshal(data, &schema))
	types := schema.Definitions.Auth.Properties.Type.Enum
	require.Contains(t, types, "bearer")
	return types
}

// onlyAuthTypes reports whether every auth of c has a type of types.
func onlyAuthTypes(c *collection.Collection, types []string) bool {
	for _, a := range auths(c) {
		if a != nil && !a.IsNull() && !slices.Contains(types, a.Type) {
			return false
		}
	}
	return true
}
