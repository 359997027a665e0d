package postman

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
