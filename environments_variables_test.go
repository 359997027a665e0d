package postman

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

const environmentTestSecret = "PMAK-ROTATED-SECRET-VALUE"

func TestEnvironmentVariableRedactsSecrets(t *testing.T) {
	secret := NewEnvironmentSecret("apiKey", environmentTestSecret)
	env := Environment{ID: "e1", Name: "Prod", Values: EnvironmentVariables{NewEnvironmentVariable("host", "api.example.com"), secret}}
	op := EnvironmentReplaceVariableField(1, EnvironmentFieldValue, environmentTestSecret)
	added := EnvironmentAddVariable(2, secret)

	printed := map[string]string{
		"String":  secret.String(),
		"%v":      fmt.Sprintf("%v", secret),
		"%+v":     fmt.Sprintf("%+v", secret),
		"%#v":     fmt.Sprintf("%#v", secret),
		"%s":      fmt.Sprintf("%s", secret),
		"%q":      fmt.Sprintf("%q", secret),
		"%x":      fmt.Sprintf("%x", secret),
		"%v env":  fmt.Sprintf("%v", env),
		"%+v env": fmt.Sprintf("%+v", env),
		"%#v env": fmt.Sprintf("%#v", env),
		"%v ptr":  fmt.Sprintf("%v", &env),
		"%+v op":  fmt.Sprintf("%+v", op),
		"%#v op":  fmt.Sprintf("%#v", op),
		"%v add":  fmt.Sprintf("%v", added),
		"%+v ops": fmt.Sprintf("%+v", []EnvironmentPatchOperation{op, added}),
	}
	for name, s := range printed {
		assert.NotContains(t, s, environmentTestSecret, name)
	}
	assert.Equal(t, "apiKey=[REDACTED] (secret)", secret.String())
	assert.Equal(t, "apiKey=[REDACTED] (secret)", fmt.Sprint(secret), "fmt.Println prints what the README says")
	assert.Equal(t, "{Key:apiKey Value:[REDACTED] Type:secret Enabled:true Description: Secret:false Source:<nil>}", printed["%+v"])
	assert.Equal(t, `postman.EnvironmentVariable{Key:"apiKey", Value:"[REDACTED]", Type:"secret", Enabled:true, Description:"", Secret:false, Source:(*postman.EnvironmentVariableSource)(nil)}`, printed["%#v"])
	assert.Contains(t, printed["%v env"], "api.example.com", "values that are not secret print")
	assert.Contains(t, printed["%#v op"], "postman.EnvironmentPatchOperation{")
	assert.Equal(t, "host=api.example.com (default)", NewEnvironmentVariable("host", "api.example.com").String())
	assert.Equal(t, "v=x (disabled)", EnvironmentVariable{Key: "v", Value: "x"}.String())

	for _, handler := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
	} {
		var buf bytes.Buffer
		logger := slog.New(handler(&buf))
		logger.Info("env", "variable", secret, "values", env.Values, "environment", env, "pointer", &env)
		assert.NotContains(t, buf.String(), environmentTestSecret)
		assert.Contains(t, buf.String(), "[REDACTED]")
		assert.Contains(t, buf.String(), "api.example.com")
	}

	data, err := json.Marshal(env)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"value":"`+environmentTestSecret+`"`, "JSON carries the real value to the API")
	data, err = json.Marshal(op)
	require.NoError(t, err)
	assert.JSONEq(t, `{"op":"replace","path":"/values/1/value","value":"`+environmentTestSecret+`"}`, string(data))
}

func TestEnvironmentVariableVaultValuesAreSecret(t *testing.T) {
	var v EnvironmentVariable
	require.NoError(t, json.Unmarshal([]byte(`{"key":"apiKey","value":"vault-held","secret":true,"type":"default","enabled":true,`+
		`"source":{"provider":"postman","postman":{"secretId":"s","type":"cloud","vaultId":"v"}}}`), &v))
	assert.True(t, v.IsSecret())
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v %s", v, v, v, v), "vault-held")
	require.NotNil(t, v.Source)
	assert.Equal(t, "v", v.Source.Postman.VaultID)
}

func TestEnvironmentVariableReencodesWhatItRead(t *testing.T) {
	raw := `{"value":"1","key":"a","enabled":false,"x-future":{"n":1},"type":"any"}`
	var v EnvironmentVariable
	require.NoError(t, json.Unmarshal([]byte(raw), &v))
	data, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, raw, string(data), "unchanged: byte for byte, member order and unknown members included")

	v.Value = "2"
	v.Description = "now described"
	data, err = json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"value":"2","key":"a","enabled":false,"x-future":{"n":1},"type":"any","description":"now described"}`, string(data))

	v.Type = ""
	data, err = json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"value":"2","key":"a","enabled":false,"x-future":{"n":1},"description":"now described"}`, string(data))

	built, err := json.Marshal(NewEnvironmentVariable("k", ""))
	require.NoError(t, err)
	assert.JSONEq(t, `{"key":"k","value":"","type":"default","enabled":true}`, string(built))
}

func TestEnvironmentVariablesSetGetDelete(t *testing.T) {
	var vs EnvironmentVariables
	require.NoError(t, json.Unmarshal([]byte(`[{"key":"a","value":"1","type":"default","enabled":true,"description":"first"},`+
		`{"key":"b","value":"2","enabled":true},{"key":"a","value":"dup","enabled":true}]`), &vs))
	vs = vs.Set(NewEnvironmentSecret("a", "s"))
	a, ok := vs.Get("a")
	require.True(t, ok)
	assert.Equal(t, "s", a.Value)
	assert.Equal(t, EnvironmentVariableSecret, a.Type)
	assert.Equal(t, "first", a.Description, "the description is kept")
	assert.Equal(t, "dup", vs[2].Value, "only the first variable of a key is set")

	vs = vs.Set(NewEnvironmentVariable("c", "3"))
	require.Len(t, vs, 4)
	vs = vs.Delete("a")
	require.Len(t, vs, 2)
	_, ok = vs.Get("a")
	assert.False(t, ok)

	env := &Environment{Values: vs}
	env.SetVariable(EnvironmentVariable{Key: "b", Value: "off"})
	b, _ := env.Variable("b")
	assert.False(t, b.Enabled)
	env.DeleteVariable("b")
	_, ok = env.Variable("b")
	assert.False(t, ok)
}

// environmentTestVars are the variables environmentStore starts with, as
// Postman's JSON: members in Postman's order, one unknown to the SDK, a
// vault variable without a value, a variable without a description.
var environmentTestVars = []string{
	`{"key":"host","value":"api.example.com","type":"default","enabled":true,"description":"Where to send requests."}`,
	`{"key":"apiKey","value":"old-secret","type":"secret","enabled":true,"x-postman-sync":{"shared":true}}`,
	`{"enabled":true,"key":"vaultKey","secret":true,"source":{"postman":{"secretId":"f5fa5280","type":"cloud","vaultId":"453a311c"},"provider":"postman"},"type":"default"}`,
	`{"key":"region","value":"eu","enabled":false}`,
}

// environmentStore is a stateful fake of one environment behind the
// harness: GET serves its variables as stored, PATCH applies JSON Patch
// operations to the stored JSON, PUT stores the values sent. Variables no
// operation touches keep their bytes.
type environmentStore struct {
	mu      sync.Mutex
	vars    []json.RawMessage
	patches [][]map[string]json.RawMessage
}

func newEnvironmentStore(h *conformance.Harness) *environmentStore {
	s := &environmentStore{}
	for _, v := range environmentTestVars {
		s.vars = append(s.vars, json.RawMessage(v))
	}
	h.Respond("getEnvironment", func(w http.ResponseWriter, _ *http.Request) { s.write(w) })
	// The harness has read the request body; LastRequest holds it.
	h.Respond("patchEnvironment", func(w http.ResponseWriter, _ *http.Request) {
		var ops []map[string]json.RawMessage
		_, body := h.LastRequest()
		if err := json.Unmarshal(body, &ops); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.apply(ops)
		s.write(w)
	})
	h.Respond("putEnvironment", func(w http.ResponseWriter, _ *http.Request) {
		var body struct {
			Environment struct {
				Values []json.RawMessage `json:"values"`
			} `json:"environment"`
		}
		_, data := h.LastRequest()
		_ = json.Unmarshal(data, &body)
		s.mu.Lock()
		s.vars = body.Environment.Values
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"environment":{"id":"` + environmentTestID + `","name":"Test Environment","uid":"12345678-` + environmentTestID + `"}}`))
	})
	return s
}

func (s *environmentStore) write(w http.ResponseWriter) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"environment":{"id":"` + environmentTestID + `","name":"Test Environment","owner":"12345678","values":[`))
	for i, v := range s.vars {
		if i > 0 {
			_, _ = w.Write([]byte(","))
		}
		_, _ = w.Write(v)
	}
	_, _ = w.Write([]byte(`],"isPublic":false}}`))
}

// apply runs JSON Patch operations on /values/N and /values/N/member.
func (s *environmentStore) apply(ops []map[string]json.RawMessage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.patches = append(s.patches, ops)
	for _, op := range ops {
		var kind, path string
		_ = json.Unmarshal(op["op"], &kind)
		_ = json.Unmarshal(op["path"], &path)
		parts := strings.Split(strings.TrimPrefix(path, "/values/"), "/")
		i, _ := strconv.Atoi(parts[0])
		switch {
		case len(parts) == 1 && kind == "add":
			s.vars = append(s.vars[:i], append([]json.RawMessage{op["value"]}, s.vars[i:]...)...)
		case len(parts) == 1 && kind == "remove":
			s.vars = append(s.vars[:i], s.vars[i+1:]...)
		default:
			var members map[string]json.RawMessage
			_ = json.Unmarshal(s.vars[i], &members)
			members[parts[1]] = op["value"]
			s.vars[i], _ = json.Marshal(members)
		}
	}
}

func (s *environmentStore) snapshot() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.vars))
	for i, v := range s.vars {
		out[i] = string(v)
	}
	return out
}

func TestEnvironmentsSetVariablePatchesOnlyThatVariable(t *testing.T) {
	h := conformance.New(t)
	store := newEnvironmentStore(h)
	c := newTestClient(t, h.URL)

	env, _, err := c.Environments.SetVariable(t.Context(), environmentTestID, NewEnvironmentSecret("apiKey", environmentTestSecret))
	require.NoError(t, err)
	assert.Equal(t, []string{"getEnvironment", "patchEnvironment"}, h.Ran())
	_, body := h.LastRequest()
	assert.JSONEq(t, `[{"op":"replace","path":"/values/1/value","value":"`+environmentTestSecret+`"}]`, string(body),
		"only the member that differs is patched")

	after := store.snapshot()
	for _, i := range []int{0, 2, 3} {
		assert.Equal(t, environmentTestVars[i], after[i], "variable %d is kept byte for byte", i)
	}
	assert.Contains(t, after[1], `"x-postman-sync":{"shared":true}`)
	got, ok := env.Variable("apiKey")
	require.True(t, ok)
	assert.Equal(t, environmentTestSecret, got.Value)
}

func TestEnvironmentsSetVariableAddsMissingMembersInASecondPatch(t *testing.T) {
	h := conformance.New(t)
	store := newEnvironmentStore(h)
	c := newTestClient(t, h.URL)

	v := NewEnvironmentVariable("region", "us")
	v.Description = "Data residency."
	_, _, err := c.Environments.SetVariable(t.Context(), environmentTestID, v)
	require.NoError(t, err)
	assert.Equal(t, []string{"getEnvironment", "patchEnvironment", "patchEnvironment"}, h.Ran(),
		"Postman applies one kind of operation per call")
	require.Len(t, store.patches, 2)
	replace, _ := json.Marshal(store.patches[0])
	assert.JSONEq(t, `[{"op":"replace","path":"/values/3/value","value":"us"},{"op":"replace","path":"/values/3/enabled","value":true}]`, string(replace))
	add, _ := json.Marshal(store.patches[1])
	assert.JSONEq(t, `[{"op":"add","path":"/values/3/type","value":"default"},{"op":"add","path":"/values/3/description","value":"Data residency."}]`, string(add))
	after := store.snapshot()
	assert.Equal(t, environmentTestVars[:3], after[:3])
}

func TestEnvironmentsSetVariableAppendsNewVariable(t *testing.T) {
	h := conformance.New(t)
	store := newEnvironmentStore(h)
	c := newTestClient(t, h.URL)

	env, _, err := c.Environments.SetVariable(t.Context(), environmentTestID, NewEnvironmentSecret("token", environmentTestSecret))
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `[{"op":"add","path":"/values/4","value":{"key":"token","value":"`+environmentTestSecret+`","type":"secret","enabled":true}}]`, string(body))
	assert.Equal(t, environmentTestVars, store.snapshot()[:4])
	assert.Len(t, env.Values, 5)
}

func TestEnvironmentsSetVariableWithoutChangeMakesNoCall(t *testing.T) {
	h := conformance.New(t)
	newEnvironmentStore(h)
	c := newTestClient(t, h.URL)
	env, _, err := c.Environments.SetVariable(t.Context(), environmentTestID, NewEnvironmentVariable("host", "api.example.com"))
	require.NoError(t, err)
	assert.Equal(t, []string{"getEnvironment"}, h.Ran())
	assert.Len(t, env.Values, 4)

	_, _, err = c.Environments.SetVariable(t.Context(), environmentTestID, EnvironmentVariable{Value: "x"})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 1)
}

func TestEnvironmentsReplaceKeepsUntouchedVariablesByteForByte(t *testing.T) {
	h := conformance.New(t)
	store := newEnvironmentStore(h)
	c := newTestClient(t, h.URL)

	env, _, err := c.Environments.Get(t.Context(), environmentTestID)
	require.NoError(t, err)
	env.SetVariable(NewEnvironmentSecret("apiKey", environmentTestSecret))
	_, _, err = c.Environments.Replace(t.Context(), environmentTestID, EnvironmentReplaceParams{Name: env.Name, Values: env.Values})
	require.NoError(t, err)

	_, body := h.LastRequest()
	var sent struct {
		Environment struct {
			Name   string            `json:"name"`
			Values []json.RawMessage `json:"values"`
		} `json:"environment"`
	}
	require.NoError(t, json.Unmarshal(body, &sent))
	assert.Equal(t, "Test Environment", sent.Environment.Name)
	require.Len(t, sent.Environment.Values, 4)
	for _, i := range []int{0, 2, 3} {
		assert.Equal(t, environmentTestVars[i], string(sent.Environment.Values[i]), "variable %d is sent back byte for byte", i)
	}
	assert.JSONEq(t, `{"key":"apiKey","value":"`+environmentTestSecret+`","type":"secret","enabled":true,"x-postman-sync":{"shared":true}}`,
		string(sent.Environment.Values[1]), "the changed variable keeps the member the SDK does not know")
	assert.Equal(t, environmentTestVars[0], store.snapshot()[0])
}

func TestEnvironmentsDeleteVariableRemovesFromTheEnd(t *testing.T) {
	h := conformance.New(t)
	store := newEnvironmentStore(h)
	store.vars = append(store.vars, json.RawMessage(`{"key":"host","value":"second","enabled":true}`))
	c := newTestClient(t, h.URL)

	env, _, err := c.Environments.DeleteVariable(t.Context(), environmentTestID, "host")
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `[{"op":"remove","path":"/values/4"},{"op":"remove","path":"/values/0"}]`, string(body))
	assert.Equal(t, environmentTestVars[1:], store.snapshot())
	assert.Len(t, env.Values, 3)

	_, _, err = c.Environments.DeleteVariable(t.Context(), environmentTestID, "absent")
	require.NoError(t, err)
	assert.Equal(t, "getEnvironment", h.Ran()[len(h.Ran())-1], "nothing to remove, no patch")
}

func TestEnvironmentsPatchRejectsEmptyPatch(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Environments.Patch(t.Context(), environmentTestID, nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}

func TestEnvironmentsPatchSendsOperations(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	env, _, err := c.Environments.Patch(t.Context(), environmentTestID, []EnvironmentPatchOperation{
		EnvironmentRename("Test API Environment"),
	})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `[{"op":"replace","path":"/name","value":"Test API Environment"}]`, string(body))
	// The first documented answer is "Add Secret Variable".
	assert.Equal(t, "Test API Environment", env.Name)
	require.Len(t, env.Values, 3)
	assert.Equal(t, "x-api-key", env.Values[0].Key)
	assert.True(t, env.Values[2].Secret)

	_, _, err = c.Environments.Patch(t.Context(), environmentTestID, []EnvironmentPatchOperation{
		EnvironmentRemoveVariable(1), EnvironmentAddVariableField(0, EnvironmentFieldDescription, "A valid API key."),
		EnvironmentReplaceVariableField(0, EnvironmentFieldEnabled, false),
	})
	require.NoError(t, err)
	_, body = h.LastRequest()
	assert.JSONEq(t, `[{"op":"remove","path":"/values/1"},{"op":"add","path":"/values/0/description","value":"A valid API key."},`+
		`{"op":"replace","path":"/values/0/enabled","value":false}]`, string(body))
	assert.False(t, bytes.Contains(body, []byte(`"value":null`)), "remove sends no value")
}
