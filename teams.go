package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
)

// TeamsService is the Teams area: the teams of an organization, their settings, access requests and members.
//
// Teams belong to Postman organizations, which are an Enterprise plan
// feature: on other plans Postman answers "Team feature is not available
// for your organization.", which matches ErrFeatureUnavailable.
type TeamsService service

// Team is a Postman team of an organization.
type Team struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	Handle         string `json:"handle"`
	Description    string `json:"description,omitempty"`
	OrganizationID int64  `json:"organizationId"`
	// CreatedBy is a Postman user ID, or a SCIM ID when the call asked
	// for SCIM IDs.
	CreatedBy TeamEntityID `json:"createdBy,omitempty"`
	// Enabled is false for deactivated teams.
	Enabled bool `json:"enabled"`
	// MemberCount is only filled by List.
	MemberCount int       `json:"memberCount,omitempty"`
	CreatedAt   Timestamp `json:"createdAt,omitzero"`
	UpdatedAt   Timestamp `json:"updatedAt,omitzero"`
	// Settings, Members and UserRoles are only sent when asked for
	// (TeamListOptions.Settings and .UserRoles, TeamGetOptions.Include).
	// Postman's description documents no shape for them, so they are kept
	// as the JSON Postman sent rather than guessed at.
	Settings  json.RawMessage `json:"settings,omitempty"`
	Members   json.RawMessage `json:"members,omitempty"`
	UserRoles json.RawMessage `json:"userRoles,omitempty"`
}

// TeamEntityID is the ID of a user, group, team or organization in the
// Teams API. Postman writes its own IDs as JSON numbers and SCIM IDs as
// strings; both decode to their text, and IDs are always sent as strings,
// which Postman accepts for both kinds.
type TeamEntityID string

// UnmarshalJSON implements json.Unmarshaler for numbers and strings.
func (id *TeamEntityID) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*id = ""
		return nil
	}
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*id = TeamEntityID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(data, &n); err != nil {
		return fmt.Errorf("postman: team entity ID %s is neither a number nor a string", data)
	}
	*id = TeamEntityID(n.String())
	return nil
}

// TeamEntityType is the kind of a member or requester of a team.
type TeamEntityType string

// Team entity types.
const (
	TeamEntityUser         TeamEntityType = "user"
	TeamEntityGroup        TeamEntityType = "group"
	TeamEntityTeam         TeamEntityType = "team"
	TeamEntityOrganization TeamEntityType = "organization"
)

// TeamEntity names a user, group, team or organization.
type TeamEntity struct {
	EntityType TeamEntityType `json:"entityType"`
	EntityID   TeamEntityID   `json:"entityId"`
}

// TeamRole is a role in a team. Postman may add roles; compare with the
// constants.
type TeamRole string

// Team roles.
const (
	TeamRoleManager          TeamRole = "TEAM_MANAGER"
	TeamRoleDeveloper        TeamRole = "TEAM_DEVELOPER"
	TeamRoleGuestDeveloper   TeamRole = "TEAM_GUEST_DEVELOPER"
	TeamRoleGuestViewer      TeamRole = "TEAM_GUEST_VIEWER"
	TeamRolePartnerManager   TeamRole = "TEAM_PARTNER_MANAGER"
	TeamRolePartnerLead      TeamRole = "TEAM_PARTNER_LEAD"
	TeamRoleGuest            TeamRole = "TEAM_GUEST"
	TeamRolePartner          TeamRole = "TEAM_PARTNER"
	TeamRoleCommunityManager TeamRole = "TEAM_COMMUNITY_MANAGER"
)

// TeamResultStatus is the outcome of a change for one entity.
type TeamResultStatus string

// Outcomes of team membership and role changes.
const (
	TeamResultAccepted TeamResultStatus = "Accepted"
	TeamResultDenied   TeamResultStatus = "Denied"
	// TeamResultSkipped means nothing had to change, e.g. the entity
	// already had the role; Reason says why.
	TeamResultSkipped TeamResultStatus = "Skipped"
	TeamResultInvalid TeamResultStatus = "Invalid"
)

// TeamEntityResult is what a membership or role change did to one entity.
type TeamEntityResult struct {
	EntityType TeamEntityType `json:"entityType"`
	EntityID   TeamEntityID   `json:"entityId"`
	// Role is the entity's role now; nil when a role was removed.
	Role *TeamRole `json:"role"`
	// PreviousRole is only set when the change replaced a role.
	PreviousRole *TeamRole        `json:"previousRole,omitempty"`
	Status       TeamResultStatus `json:"status"`
	// Reason explains a Skipped or Invalid status.
	Reason string `json:"reason,omitempty"`
}

// TeamListOptions asks List for more and pages it.
type TeamListOptions struct {
	// Settings adds each team's settings (Team.Settings).
	Settings bool `url:"settings,omitempty"`
	// UserRoles adds each team's user roles (Team.UserRoles).
	UserRoles bool `url:"userRoles,omitempty"`
	// UseSCIMIDs makes Postman write user and group IDs as SCIM IDs.
	UseSCIMIDs bool `url:"-"`
	CursorOptions
}

// TeamInclude names extra data Get can add to a team.
type TeamInclude string

// Extra data of a team.
const (
	// TeamIncludeMembers adds every user and group with access to the
	// team's elements: managers, members and invited guests.
	TeamIncludeMembers TeamInclude = "members"
	// TeamIncludeUserRoles adds the team's user roles.
	TeamIncludeUserRoles TeamInclude = "userRoles"
)

// TeamGetOptions asks Get for more.
type TeamGetOptions struct {
	Include TeamInclude `url:"include,omitempty"`
	// UseSCIMIDs makes Postman write user and group IDs as SCIM IDs.
	UseSCIMIDs bool `url:"-"`
}

// TeamCreateParams is the body of Create.
type TeamCreateParams struct {
	// Name may only hold letters, digits and spaces, and must be unique
	// in the organization.
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// UseSCIMIDs makes Postman write user IDs of the answer as SCIM IDs.
	UseSCIMIDs bool `json:"-"`
}

// teamHeader asks for SCIM IDs instead of Postman IDs when scim is set.
func teamHeader(scim bool) http.Header {
	if !scim {
		return nil
	}
	h := http.Header{}
	h.Set("identifierType", "scim")
	return h
}

// teamPage is getPage for the cursor-paginated Teams lists, whose page
// has its meta under "metadata"; scim asks for SCIM IDs (teamHeader).
func teamPage[T any](ctx context.Context, c *Client, path string, query any, scim bool) ([]*T, *Response, error) {
	var root struct {
		Data     []*T     `json:"data"`
		Metadata pageMeta `json:"metadata"`
	}
	resp, err := c.do(ctx, &request{method: http.MethodGet, path: path, query: query, header: teamHeader(scim)}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Metadata.setOn(resp)
	return root.Data, resp, nil
}

// teamEntityCall posts body to path and returns what became of each entity
// of the request; scim asks for SCIM IDs (teamHeader).
func (s *TeamsService) teamEntityCall(ctx context.Context, path string, body any, scim bool) ([]*TeamEntityResult, *Response, error) {
	var root struct {
		Result []*TeamEntityResult `json:"result"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: body, header: teamHeader(scim)}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Result, resp, nil
}

// List returns the teams of the organization, one page at a time:
// Response.NextCursor points to the next page. ListIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /teams
func (s *TeamsService) List(ctx context.Context, opts *TeamListOptions) ([]*Team, *Response, error) {
	return teamPage[Team](ctx, s.client, "/teams", opts, opts != nil && opts.UseSCIMIDs)
}

// ListIter iterates over the teams of the organization, one page in
// memory at a time (100 per page unless opts.Limit says otherwise).
//
// Available on Enterprise plans.
func (s *TeamsService) ListIter(ctx context.Context, opts *TeamListOptions) iter.Seq2[*Team, error] {
	return cursorIter(ctx, opts, defaultIterLimit, s.List)
}

// Get returns a team of the organization.
//
// Available on Enterprise plans.
//
//postman:operation GET /teams/{teamId}
func (s *TeamsService) Get(ctx context.Context, teamID string, opts *TeamGetOptions) (*Team, *Response, error) {
	path, err := pathf("/teams/{teamID}", teamID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Team *Team `json:"team"`
	}
	r := &request{method: http.MethodGet, path: path, query: opts}
	if opts != nil {
		r.header = teamHeader(opts.UseSCIMIDs)
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Team, resp, nil
}

// Create creates a team in the organization. A taken name or one with
// characters other than letters, digits and spaces is a 400 error whose
// Message says which.
//
// Available on Enterprise plans.
//
//postman:operation POST /teams
func (s *TeamsService) Create(ctx context.Context, req TeamCreateParams) (*Team, *Response, error) {
	var root struct {
		Team *Team `json:"team"`
	}
	r := &request{method: http.MethodPost, path: "/teams", body: req, header: teamHeader(req.UseSCIMIDs)}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Team, resp, nil
}
