package collection

// The official collection schemas are JSON Schema draft-04 and draft-07
// documents. github.com/santhosh-tekuri/jsonschema/v6 is used here, in tests
// only, because kin-openapi (already a dependency of the module) validates
// OpenAPI 3 schema objects and cannot validate documents against draft-04/07
// JSON Schemas with their $ref/definitions, oneOf and draft-specific keywords.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(testdataDir, "schemas", file))
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

// built makes a collection with every builder, the way a user would.
func built() *Collection {
	c := New("Built from scratch")
	c.Info.Description = NewTypedDescription("Made by **tests**", "text/markdown")
	c.Info.Version = SemVer(1, 2, 3)
	c.Auth = BearerAuth("{{token}}")
	c.AddVariable("baseUrl", "https://api.example.com")
	c.Events = append(c.Events, NewEvent(ListenPrerequest, "console.log('pre');"))

	users := c.AddFolder("Users")
	users.Description = NewDescription("User endpoints")
	users.Auth = APIKeyAuth("X-API-Key", "{{key}}", "header")
	list := users.AddRequest("List users", NewRequest("GET", "{{baseUrl}}/users?limit=10&active"))
	list.Events = append(list.Events, NewEvent(ListenTest, "pm.test('ok', () => pm.response.to.be.ok);"))

	create := NewRequest("POST", "{{baseUrl}}/users")
	create.Header.Set("Content-Type", "application/json")
	create.Body = NewRawBody(`{"name":"Ada"}`, "json")
	users.AddRequest("Create user", create)

	admin := users.AddFolder("Admin")
	get := NewRequest("GET", "{{baseUrl}}/users/:id")
	get.Auth = NullAuth()
	admin.AddRequest("Get user", get)
	form := NewRequest("POST", "https://upload.example.com:8443/v1/files#top")
	form.Body = NewFormDataBody(TextParam("title", "report"), FileParam("file", "/tmp/report.pdf"))
	form.Auth = BasicAuth("ada", "secret")
	admin.AddRequest("Upload", form)
	enc := NewRequest("POST", "{{baseUrl}}/login")
	enc.Body = NewURLEncodedBody(TextParam("user", "ada"), TextParam("pass", "x"))
	enc.Auth = NoAuth()
	c.AddRequest("Login", enc)
	gql := NewRequest("POST", "{{baseUrl}}/graphql")
	gql.Body = NewGraphQLBody("query { me { id } }", `{"a":1}`)
	c.AddRequest("GraphQL", gql)
	file := NewRequest("PUT", "{{baseUrl}}/blob")
	file.Body = NewFileBody("/tmp/blob.bin")
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
	out, err = json.Marshal(New("empty"))
	require.NoError(t, err)
	validateAgainst(t, sch, out, "empty collection")

	// And the schema check can fail: a broken collection does not pass.
	bad := New("bad")
	bad.AddRequest("r", NewRequest("GET", "x")).Request.Body = &Body{Mode: "binary"}
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
	for name, data := range fixtures(t) {
		c, err := Parse(data)
		require.NoError(t, err)
		if c.Validate() != nil {
			continue // deliberately unusual fixtures
		}
		if !schemaAuthTypesOnly(c) {
			continue // jwt, asap and custom types are read but outside the schema's enum
		}
		out, err := json.Marshal(c)
		require.NoError(t, err)
		switch c.Format() {
		case FormatV21:
			if formsMatch(c, FormatV21) {
				validateAgainst(t, v21, out, name)
			}
		case FormatV20:
			if formsMatch(c, FormatV20) {
				validateAgainst(t, v20, out, name)
			}
		}
		// Converted, every fixture fits the schema of its new format.
		require.NoError(t, c.Convert(FormatV21))
		out, _ = json.Marshal(c)
		validateAgainst(t, v21, out, name+" converted to v2.1")
		require.NoError(t, c.Convert(FormatV20))
		out, _ = json.Marshal(c)
		validateAgainst(t, v20, out, name+" converted to v2.0")
	}
}

// formsMatch reports whether every auth uses the parameter form of f; files
// that mix forms are readable but not valid against the declared schema.
func formsMatch(c *Collection, f Format) bool {
	ok := true
	check := func(a *Auth) {
		if a != nil && a.Params != nil && (a.forms&formBitParams != 0) != (f == FormatV20) {
			ok = false
		}
	}
	check(c.Auth)
	for _, it := range c.All() {
		check(it.Auth)
		if it.Request != nil {
			check(it.Request.Auth)
		}
	}
	return ok
}

// schemaAuthTypesOnly reports whether every auth type is in the schema's enum.
func schemaAuthTypesOnly(c *Collection) bool {
	ok := true
	check := func(a *Auth) {
		if a != nil && !a.IsNull() && (!knownAuthType(a.Type) || a.Type == AuthJWT || a.Type == AuthASAP) {
			ok = false
		}
	}
	check(c.Auth)
	for _, it := range c.All() {
		check(it.Auth)
		if it.Request != nil {
			check(it.Request.Auth)
		}
	}
	return ok
}
