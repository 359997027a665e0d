package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const demoPlan = `~ collection: description, variables
→ request  Users / List users (first)
+ request  Users / Create user
~ request  Users / List users: url, headers, scripts
~ response Users / List users / OK: body, originalRequest
- request  Users / Delete user
Plan: 1 to add, 3 to change, 1 to reorder, 1 to remove.
`

func TestPlanWritesNothing(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), nil, &out))
	assert.Contains(t, out.String(), demoPlan+"Dry run: nothing written.\n")
	assert.NotContains(t, out.String(), "Applied")
}

func TestApplyThenNothingLeft(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-apply"}, &out))
	assert.Contains(t, out.String(), demoPlan+"Applied 6 of 6 changes in 6 writes.\n")
	assert.Contains(t, out.String(), "in step with the file: a second run has nothing to do")
}

func TestLiveRunNeedsAFileAndACollection(t *testing.T) {
	t.Setenv("POSTMAN_API_KEY", "PMAK-not-used")
	var out bytes.Buffer
	require.ErrorContains(t, run(t.Context(), nil, &out), "-file is required")
	require.ErrorContains(t, run(t.Context(), []string{"-file", "testdata/users-api.postman_collection.json"}, &out), "-collection is required")
}
