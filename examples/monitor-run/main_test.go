package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestMonitorRunPasses(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), nil, &out))
	assert.Contains(t, out.String(), "Orders API health: success")
	assert.NotContains(t, out.String(), "FAIL")
}

func TestMonitorRunFailsTheGate(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	err := run(t.Context(), []string{"-monitor", "broken"}, &out)
	require.ErrorIs(t, err, errRunFailed)
	assert.Contains(t, out.String(), "Payments smoke test: failed")
	assert.Contains(t, out.String(), "FAIL ")
	assert.Contains(t, out.String(), "status is 200")
}
