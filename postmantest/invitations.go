package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// invitationState is the partners of the team's Partner Workspaces and
// the invitations sent to them.
type invitationState struct {
	partners    []*Partner
	invitations []*Invitation
}

func (s *Server) routeInvitations() {
	s.mux.HandleFunc("POST /invitations", s.manageInvitations)
}

// Partner is a person in the team's partnership: a user of a partner
// team, who can be given a partner role in Partner Workspaces.
type Partner struct {
	// UserID is given out by AddPartner when zero.
	UserID int64
	Email  string
}

// Invitation is a pending invitation to a Partner Workspace, sent to a
// person who is not a partner yet.
type Invitation struct {
	WorkspaceID string
	Email       string
	// Role is the partner role ("4" to "7") the person gets on accepting.
	Role   string
	Code   string
	SentAt time.Time
}

// AddPartner adds a person to the team's partnership and returns their
// user ID. Inviting them to a Partner Workspace then adds them at once.
func (s *Server) AddPartner(p Partner) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addPartner(p).UserID
}

func (st *state) addPartner(p Partner) *Partner {
	m := &st.invitationState
	if p.UserID == 0 {
		p.UserID = 56781234 + int64(len(m.partners))
		for st.partner(strconv.FormatInt(p.UserID, 10)) != nil {
			p.UserID++
		}
	}
	m.partners = append(m.partners, &p)
	return &p
}

func (st *state) partner(userID string) *Partner {
	for _, p := range st.partners {
		if strconv.FormatInt(p.UserID, 10) == userID {
			return p
		}
	}
	return nil
}

// Invitations returns the pending Partner Workspace invitations.
func (s *Server) Invitations() []Invitation {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Invitation, len(s.state.invitations))
	for i, inv := range s.state.invitations {
		out[i] = *inv
	}
	return out
}

// AcceptInvitation accepts the pending invitation of email to a
// workspace, as the invited person would from the email: they join the
// partnership (when they were not in it) and get the invitation's role in
// the workspace. It returns their user ID, and false when no such
// invitation is pending.
func (s *Server) AcceptInvitation(workspaceID, email string) (int64, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.invitationState
	i := slices.IndexFunc(m.invitations, func(inv *Invitation) bool {
		return inv.WorkspaceID == localID(workspaceID) && strings.EqualFold(inv.Email, email)
	})
	if i < 0 {
		return 0, false
	}
	inv := m.invitations[i]
	m.invitations = slices.Delete(m.invitations, i, i+1)
	p := s.state.partnerByEmail(email)
	if p == nil {
		p = s.state.addPartner(Partner{Email: email})
	}
	s.state.grantPartner(inv.WorkspaceID, strconv.FormatInt(p.UserID, 10), inv.Role)
	return p.UserID, true
}

func (st *state) partnerByEmail(email string) *Partner {
	for _, p := range st.partners {
		if strings.EqualFold(p.Email, email) {
			return p
		}
	}
	return nil
}

// grantPartner gives a partner a role in a workspace, replacing the
// partner role they had there.
func (st *state) grantPartner(workspaceID, userID, role string) {
	grants := slices.DeleteFunc(slices.Clone(st.roleGrants(workspaceID)), func(g roleGrant) bool {
		return g.subject == "partner" && g.id == userID
	})
	st.roles[workspaceID] = append(grants, roleGrant{role, "partner", userID})
}

// revokePartner takes a partner's role in a workspace away and reports
// whether they had one.
func (st *state) revokePartner(workspaceID, userID string) bool {
	grants := st.roleGrants(workspaceID)
	kept := slices.DeleteFunc(slices.Clone(grants), func(g roleGrant) bool { return g.subject == "partner" && g.id == userID })
	st.roles[workspaceID] = kept
	return len(kept) < len(grants)
}

func invitationProblem(w http.ResponseWriter, status int, title, detail string) {
	slug := map[int]string{http.StatusBadRequest: "bad-request", http.StatusForbidden: "forbidden", http.StatusNotFound: "not-found"}[status]
	problem(w, status, slug, title, detail)
}

// partnerRoles are the roles a Partner Workspace gives partners.
var partnerRoles = []string{"4", "5", "6", "7"}

// manageInvitations invites people to a Partner Workspace or removes
// partners from one, or from the partnership, as POST /invitations does.
// The caller needs the Editor or Admin role in the workspace (the fake's
// workspace roles); removal from the partnership needs nothing more, the
// fake's user being the team's admin.
func (s *Server) manageInvitations(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Action         string `json:"action"`
		TargetEntity   string `json:"targetEntity"`
		TargetEntityID string `json:"targetEntityId"`
		RoleID         string `json:"roleId"`
		Target         struct {
			Emails  []string `json:"emails"`
			UserIDs []string `json:"userIds"`
		} `json:"target"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	switch {
	case body.Action != "invite_partner" && body.Action != "remove_partner":
		invitationProblem(w, http.StatusBadRequest, "Invalid request body.", `Invalid "action" property - should be one of: invite_partner, remove_partner`)
		return
	case body.TargetEntity == "" || body.TargetEntityID == "" || (body.Action == "invite_partner" && (body.RoleID == "" || len(body.Target.Emails) == 0)) ||
		(body.Action == "remove_partner" && len(body.Target.UserIDs) == 0):
		invitationProblem(w, http.StatusBadRequest, "badRequest",
			`Missing properties in request body - should have "action", "targetEntity", "targetEntityId", "roleId", "target"`)
		return
	case body.Action == "invite_partner" && !slices.Contains(partnerRoles, body.RoleID):
		invitationProblem(w, http.StatusBadRequest, "invalidPartnerRole", "Invalid role for partner workspace. Expected one of: 4, 5, 6, 7")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]any{"action": body.Action, "targetEntity": body.TargetEntity, "targetEntityId": body.TargetEntityID}
	if body.TargetEntity == "team" {
		if body.Action != "remove_partner" || body.TargetEntityID != strconv.FormatInt(s.state.user.TeamID, 10) {
			invitationProblem(w, http.StatusNotFound, "teamNotFound", "Team not found")
			return
		}
		out["results"] = s.state.removeFromPartnership(body.Target.UserIDs)
		writeJSON(w, http.StatusOK, out)
		return
	}
	ws := s.state.workspace(body.TargetEntityID)
	switch {
	case ws == nil:
		invitationProblem(w, http.StatusNotFound, "workspaceNotFound", "Workspace not found")
		return
	case ws.Type != "partner":
		invitationProblem(w, http.StatusBadRequest, "invalidWorkspaceType", "Workspace is not a partner workspace.")
		return
	case !s.state.canEditWorkspace(ws.ID):
		invitationProblem(w, http.StatusForbidden, "forbidden", "You do not have permission to invite partners to this workspace.")
		return
	}
	if body.Action == "remove_partner" {
		results := []any{}
		for _, id := range body.Target.UserIDs {
			if s.state.revokePartner(ws.ID, id) {
				results = append(results, map[string]any{"userId": id, "status": "REMOVED"})
			} else {
				results = append(results, map[string]any{"userId": id, "status": "FAILED", "error": "Partner information not found"})
			}
		}
		out["results"] = results
		writeJSON(w, http.StatusOK, out)
		return
	}
	out["roleId"], out["roleDisplayName"] = body.RoleID, roleNames[body.RoleID]
	out["results"] = s.state.invitePartners(ws.ID, body.RoleID, body.Target.Emails)
	writeJSON(w, http.StatusOK, out)
}

// invitePartners adds the partners among emails to the workspace at once
// and sends the others an invitation, or tells that one is pending.
func (st *state) invitePartners(workspaceID, role string, emails []string) []any {
	results := []any{}
	m := &st.invitationState
	for _, email := range emails {
		if p := st.partnerByEmail(email); p != nil {
			id := strconv.FormatInt(p.UserID, 10)
			st.grantPartner(workspaceID, id, role)
			results = append(results, map[string]any{"status": "PARTNER_ADDED", "userId": id, "email": email,
				"message": "Partner added to workspace"})
			continue
		}
		i := slices.IndexFunc(m.invitations, func(inv *Invitation) bool {
			return inv.WorkspaceID == workspaceID && strings.EqualFold(inv.Email, email)
		})
		if i >= 0 {
			results = append(results, map[string]any{"status": "ALREADY_INVITED", "email": email,
				"invitationLink": invitationLink(m.invitations[i].Code), "message": "Pending invite exists"})
			continue
		}
		inv := &Invitation{WorkspaceID: workspaceID, Email: email, Role: role, Code: randomChars(base62, 24), SentAt: time.Now().UTC()}
		m.invitations = append(m.invitations, inv)
		results = append(results, map[string]any{"status": "EMAIL_SENT", "email": email, "invitationLink": invitationLink(inv.Code)})
	}
	return results
}

func invitationLink(code string) string {
	return "https://go.postman.com/invite-signup?invite_code=" + code
}

// removeFromPartnership removes partners from the partnership and from
// every workspace they had a role in.
func (st *state) removeFromPartnership(userIDs []string) []any {
	results := []any{}
	m := &st.invitationState
	for _, id := range userIDs {
		p := st.partner(id)
		if p == nil {
			results = append(results, map[string]any{"userId": id, "status": "FAILED", "error": "Partner information not found"})
			continue
		}
		m.partners = slices.DeleteFunc(m.partners, func(o *Partner) bool { return o == p })
		for _, ws := range st.workspaces {
			st.revokePartner(ws.ID, id)
		}
		results = append(results, map[string]any{"userId": id, "status": "REMOVED"})
	}
	return results
}

// canEditWorkspace reports whether the server's user holds the Editor or
// Admin role in a workspace.
func (st *state) canEditWorkspace(workspaceID string) bool {
	me := strconv.FormatInt(st.user.ID, 10)
	return slices.ContainsFunc(st.roleGrants(workspaceID), func(g roleGrant) bool {
		return g.subject == "user" && g.id == me && (g.role == "2" || g.role == "3")
	})
}
