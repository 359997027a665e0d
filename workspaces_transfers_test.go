package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspacesTransferElement(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tr, _, err := c.Workspaces.TransferElement(t.Context(), workspaceTestID, WorkspaceElementTransferParams{
		ID: "5daabc50-8451-43f6-922d-96b403b4f28e", Type: WorkspaceElementEnvironment, To: "d56bc95f-57c5-47cc-bd99-75c4ad96a6dd"})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"id":"5daabc50-8451-43f6-922d-96b403b4f28e","type":"environment","to":"d56bc95f-57c5-47cc-bd99-75c4ad96a6dd"}`, string(body))
	// The first documented answer is "Transfer API".
	assert.Equal(t, WorkspaceElementTransfer{ID: "8b6ea58b-fd33-4678-bdab-67734b3ed6b0", Type: WorkspaceElementAPI,
		From: workspaceTestID, To: "d56bc95f-57c5-47cc-bd99-75c4ad96a6dd"}, *tr)

	h.Status("transferWorkspaceElement", http.StatusNotFound)
	_, _, err = c.Workspaces.TransferElement(t.Context(), workspaceTestID, WorkspaceElementTransferParams{ID: "x", Type: WorkspaceElementMock, To: "y"})
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestWorkspacesTransferToTeam(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	tr, _, err := c.Workspaces.TransferToTeam(t.Context(), workspaceTestID, WorkspaceTransferParams{Source: "d56bc95f", Destination: "1f0df51a"})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.Equal(t, "/workspaces/"+workspaceTestID+"/transfers", req.URL.Path)
	assert.JSONEq(t, `{"source":"d56bc95f","destination":"1f0df51a"}`, string(body))
	assert.Equal(t, "8b6ea58b-fd33-4678-bdab-67734b3ed6b0", tr.ID)
	assert.Equal(t, "d56bc95f-57c5-47cc-bd99-75c4ad96a6dd", tr.Source)
	assert.Equal(t, "1f0df51a-8658-4ee8-a2a1-d2567dfa09a9", tr.Destination)

	h.Status("transferWorkspaceToTeam", http.StatusForbidden)
	_, _, err = c.Workspaces.TransferToTeam(t.Context(), workspaceTestID, WorkspaceTransferParams{Source: "a", Destination: "b"})
	assert.ErrorIs(t, err, ErrForbidden)
}
