package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestRotateSecretOffline(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	t.Setenv("NEW_SECRET", "s3cr3t-value-from-ci")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), nil, &out))
	got := out.String()
	assert.Contains(t, got, "using the built-in fake Postman API")
	assert.Contains(t, got, `rotated apiKey=[REDACTED] (secret) in "Staging"; 2 other variables untouched`)
	assert.NotContains(t, got, "s3cr3t-value-from-ci", "the secret is never printed")
}

func TestRotateSecretUnknownVariable(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	err := run(t.Context(), []string{"-key", "nope"}, &out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `has no variable "nope"`)
}
