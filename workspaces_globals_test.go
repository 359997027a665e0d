package postman

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspacesGlobalVariablesEditOneKeepsOthers(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	vars, _, err := c.Workspaces.GetGlobalVariables(t.Context(), workspaceTestID)
	require.NoError(t, err)
	require.Len(t, vars, 2)
	key, ok := vars.Get("x-api-key")
	require.True(t, ok)
	assert.Equal(t, "{{postman-api-key}}", key.Value)
	assert.True(t, key.IsSecret())
	assert.NotContains(t, fmt.Sprintf("%v %+v", vars, vars), "postman-api-key", "secret values never print")

	vars = vars.Set(NewEnvironmentVariable("collectionId", "new-collection"))
	out, _, err := c.Workspaces.ReplaceGlobalVariables(t.Context(), workspaceTestID, vars)
	require.NoError(t, err)
	assert.Len(t, out, 2)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"values":[`+
		`{"key":"x-api-key","type":"secret","value":"{{postman-api-key}}","enabled":true,"description":"A valid Postman API key."},`+
		`{"key":"collectionId","type":"default","value":"new-collection","enabled":true,"description":"The collection's ID."}]}`, string(body),
		"the secret goes on the wire, and the description of the changed variable is kept")
}

func TestWorkspacesReplaceGlobalVariablesNilClearsAll(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Workspaces.ReplaceGlobalVariables(t.Context(), workspaceTestID, nil)
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"values":[]}`, string(body))
}
