package postman

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func TestWorkspacesInvitePartners(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	res, _, err := c.Workspaces.InvitePartners(t.Context(), WorkspacePartnerInviteParams{WorkspaceID: workspaceTestID, Role: RolePartnerViewer,
		Emails: []string{"alex.cruz@example.com", "sara.smith@example.com"}})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"action":"invite_partner","targetEntity":"workspace","targetEntityId":"`+workspaceTestID+
		`","roleId":"4","target":{"emails":["alex.cruz@example.com","sara.smith@example.com"]}}`, string(body))

	assert.Equal(t, RolePartnerViewer, res.RoleID)
	assert.Equal(t, "Viewer", res.RoleDisplayName)
	require.Len(t, res.Results, 3)
	assert.Equal(t, WorkspacePartnerAdded, res.Results[0].Status)
	assert.Equal(t, "56781234", res.Results[0].UserID)
	assert.Equal(t, WorkspacePartnerAlreadyInvited, res.Results[1].Status)
	assert.Equal(t, "https://go.postman.com/invite-signup?invite_code=XXX", res.Results[2].InvitationLink)
	assert.Empty(t, res.Failed())
}

func TestWorkspacesRemovePartnersReportsFailures(t *testing.T) {
	h := conformance.New(t)
	h.Respond("managePartnerWorkspaceInvites", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"action":"remove_partner","targetEntity":"team","targetEntityId":"123","results":[` +
			`{"userId":"56781234","status":"REMOVED"},{"userId":"34567812","status":"FAILED","error":"Partner information not found"}]}`))
	})
	c := newTestClient(t, h.URL)
	res, _, err := c.Workspaces.RemovePartners(t.Context(), WorkspacePartnerRemoveParams{TeamID: "123", UserIDs: []string{"56781234", "34567812"}})
	require.NoError(t, err)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"action":"remove_partner","targetEntity":"team","targetEntityId":"123","target":{"userIds":["56781234","34567812"]}}`, string(body))
	failed := res.Failed()
	require.Len(t, failed, 1)
	assert.Equal(t, "34567812", failed[0].UserID)
	assert.Equal(t, "Partner information not found", failed[0].Error)
}

func TestWorkspacesPartnersRejectBadRequestsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	_, _, err := c.Workspaces.InvitePartners(t.Context(), WorkspacePartnerInviteParams{WorkspaceID: workspaceTestID, Role: RolePartnerViewer})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Workspaces.RemovePartners(t.Context(), WorkspacePartnerRemoveParams{WorkspaceID: "w", TeamID: "t", UserIDs: []string{"1"}})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Workspaces.RemovePartners(t.Context(), WorkspacePartnerRemoveParams{WorkspaceID: "w"})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())

	h.Status("managePartnerWorkspaceInvites", http.StatusNotFound)
	_, _, err = c.Workspaces.RemovePartners(t.Context(), WorkspacePartnerRemoveParams{WorkspaceID: "w", UserIDs: []string{"1"}})
	assert.ErrorIs(t, err, ErrNotFound)
}
