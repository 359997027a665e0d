package postman

import (
	"context"
	"fmt"
	"net/http"
)

// WorkspacePartnerStatus is the outcome of a Partner Workspace invitation
// or removal for one person.
type WorkspacePartnerStatus string

// Outcomes of partner invitations and removals.
const (
	// WorkspacePartnerEmailSent: the person was new and got an invitation email.
	WorkspacePartnerEmailSent WorkspacePartnerStatus = "EMAIL_SENT"
	// WorkspacePartnerAlreadyInvited: an invitation was already pending.
	WorkspacePartnerAlreadyInvited WorkspacePartnerStatus = "ALREADY_INVITED"
	// WorkspacePartnerAdded: the person was already in the partnership and
	// was added to the workspace at once.
	WorkspacePartnerAdded WorkspacePartnerStatus = "PARTNER_ADDED"
	// WorkspacePartnerRemoved: the partner was removed.
	WorkspacePartnerRemoved WorkspacePartnerStatus = "REMOVED"
	// WorkspacePartnerFailed: this person's invitation or removal failed;
	// the others of the same call may have succeeded.
	WorkspacePartnerFailed WorkspacePartnerStatus = "FAILED"
)

// WorkspacePartnerInviteParams invites people, by email, to a Partner
// Workspace.
type WorkspacePartnerInviteParams struct {
	// WorkspaceID is the Partner Workspace's ID.
	WorkspaceID string
	// Role is the partner role to give: RolePartnerViewer,
	// RolePartnerEditor, RolePartnerViewerLead or RolePartnerEditorLead.
	Role RoleID
	// Emails are the people to invite (at least one).
	Emails []string
}

// WorkspacePartnerRemoveParams removes partners from one Partner Workspace, or
// from a team's partnership and all of its workspaces. Set exactly one of
// WorkspaceID and TeamID.
type WorkspacePartnerRemoveParams struct {
	// WorkspaceID removes the partners from this Partner Workspace.
	WorkspaceID string
	// TeamID removes the partners from the partnership with this team and
	// every workspace in it (needs the Admin or Partner Manager role).
	TeamID string
	// UserIDs are the partners' user IDs, or partner publishers' team IDs.
	UserIDs []string
}

// WorkspacePartnerResult is what Postman did for each person of an
// invitation or a removal. A call succeeds as a whole even when some
// people failed: check each result's Status.
type WorkspacePartnerResult struct {
	// TargetEntity is "workspace" or "team", and TargetEntityID its ID.
	TargetEntity   string `json:"targetEntity"`
	TargetEntityID string `json:"targetEntityId"`
	// Action is "invite_partner" or "remove_partner".
	Action string `json:"action"`
	// RoleID and RoleDisplayName are the role given, for invitations.
	RoleID          RoleID                    `json:"roleId,omitempty"`
	RoleDisplayName string                    `json:"roleDisplayName,omitempty"`
	Results         []WorkspacePartnerOutcome `json:"results"`
}

// Failed returns the outcomes whose status is FAILED.
func (r *WorkspacePartnerResult) Failed() []WorkspacePartnerOutcome {
	var failed []WorkspacePartnerOutcome
	for _, o := range r.Results {
		if o.Status == WorkspacePartnerFailed {
			failed = append(failed, o)
		}
	}
	return failed
}

// WorkspacePartnerOutcome is the outcome for one person.
type WorkspacePartnerOutcome struct {
	Status WorkspacePartnerStatus `json:"status"`
	// Email is set for invitations.
	Email string `json:"email,omitempty"`
	// UserID is set for removals, and for invitations with status
	// PARTNER_ADDED.
	UserID  string `json:"userId,omitempty"`
	Message string `json:"message,omitempty"`
	// Error explains a FAILED removal.
	Error string `json:"error,omitempty"`
	// InvitationLink is set for EMAIL_SENT and ALREADY_INVITED.
	InvitationLink string `json:"invitationLink,omitempty"`
}

// workspacePartnerTarget is the target member of a partner request body.
type workspacePartnerTarget struct {
	Emails  []string `json:"emails,omitempty"`
	UserIDs []string `json:"userIds,omitempty"`
}

// workspacePartnerBody is the body of POST /invitations.
type workspacePartnerBody struct {
	Action         string                 `json:"action"`
	TargetEntity   string                 `json:"targetEntity"`
	TargetEntityID string                 `json:"targetEntityId"`
	RoleID         RoleID                 `json:"roleId,omitempty"`
	Target         workspacePartnerTarget `json:"target"`
}

// InvitePartners invites people to a Partner Workspace. People already in
// the partnership are added at once; the others get an invitation email.
//
// Available on Team and Enterprise plans (Partner Workspaces). On Team
// plans it needs the Workspace Editor role; on Enterprise plans the
// Partner Manager role is the one to use.
//
//postman:operation POST /invitations
func (s *WorkspacesService) InvitePartners(ctx context.Context, inv WorkspacePartnerInviteParams) (*WorkspacePartnerResult, *Response, error) {
	if inv.WorkspaceID == "" || inv.Role == "" || len(inv.Emails) == 0 {
		return nil, nil, fmt.Errorf("postman: InvitePartners: %w: a workspace ID, a role and at least one email are required", ErrInvalidArgument)
	}
	return s.managePartners(ctx, workspacePartnerBody{
		Action: "invite_partner", TargetEntity: "workspace", TargetEntityID: inv.WorkspaceID,
		RoleID: inv.Role, Target: workspacePartnerTarget{Emails: inv.Emails},
	})
}

// RemovePartners removes partners from a Partner Workspace, or from a
// team's partnership and all its workspaces.
//
// Available on Team and Enterprise plans (Partner Workspaces). Removing
// from a workspace needs the Workspace Editor role, from a partnership the
// Admin role (or Partner Manager on Enterprise plans).
//
//postman:operation POST /invitations
func (s *WorkspacesService) RemovePartners(ctx context.Context, rm WorkspacePartnerRemoveParams) (*WorkspacePartnerResult, *Response, error) {
	if (rm.WorkspaceID == "") == (rm.TeamID == "") || len(rm.UserIDs) == 0 {
		return nil, nil, fmt.Errorf("postman: RemovePartners: %w: set exactly one of WorkspaceID and TeamID, and at least one user ID", ErrInvalidArgument)
	}
	body := workspacePartnerBody{Action: "remove_partner", TargetEntity: "workspace", TargetEntityID: rm.WorkspaceID,
		Target: workspacePartnerTarget{UserIDs: rm.UserIDs}}
	if rm.TeamID != "" {
		body.TargetEntity, body.TargetEntityID = "team", rm.TeamID
	}
	return s.managePartners(ctx, body)
}

func (s *WorkspacesService) managePartners(ctx context.Context, body workspacePartnerBody) (*WorkspacePartnerResult, *Response, error) {
	res := new(WorkspacePartnerResult)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/invitations", body: body}, res)
	if err != nil {
		return nil, resp, err
	}
	return res, resp, nil
}
