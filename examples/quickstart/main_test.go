package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestQuickstartRunsOffline(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), &out))
	got := out.String()
	assert.Contains(t, got, "using the built-in fake Postman API")
	assert.Contains(t, got, "User: taylor-lee (taylor.lee@example.com)")
	assert.Contains(t, got, "API calls left this month: 989212")
	assert.Contains(t, got, "My Workspace")
	assert.Contains(t, got, "Team Workspace")
	assert.Contains(t, got, "2 workspaces")
}
