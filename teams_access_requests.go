package postman

import (
	"context"
	"iter"
	"net/http"
)

// TeamAccessRequestType is the kind of an access request.
type TeamAccessRequestType string

// Access request types.
const (
	TeamRequestToAddMembers TeamAccessRequestType = "REQUEST_TO_ADD_MEMBERS"
	TeamRequestToJoin       TeamAccessRequestType = "REQUEST_TO_JOIN"
	TeamRequestUpgradeRole  TeamAccessRequestType = "UPGRADE_ROLE"
)

// TeamAccessRequestStatus is the state of an access request.
type TeamAccessRequestStatus string

// Access request states.
const (
	TeamAccessRequested TeamAccessRequestStatus = "Requested"
	TeamAccessAccepted  TeamAccessRequestStatus = "Accepted"
	TeamAccessDenied    TeamAccessRequestStatus = "Denied"
)

// TeamAccessRequest is a request to join a team, add members to it or
// change a member's role.
type TeamAccessRequest struct {
	ID          int64                   `json:"id"`
	Role        TeamRole                `json:"role,omitempty"`
	RequestType TeamAccessRequestType   `json:"requestType"`
	Reason      string                  `json:"reason"`
	Status      TeamAccessRequestStatus `json:"status"`
	// EntityType and EntityID name who would get the role; they are not
	// repeated in the AccessRequest of a TeamAccessDecisionResult.
	EntityType TeamEntityType `json:"entityType,omitempty"`
	EntityID   TeamEntityID   `json:"entityId,omitempty"`
	// ObjectType and ObjectID name what access is requested to (a team).
	ObjectType string       `json:"objectType"`
	ObjectID   int64        `json:"objectId"`
	CreatedBy  TeamEntityID `json:"createdBy"`
	CreatedAt  Timestamp    `json:"createdAt,omitzero"`
	UpdatedAt  Timestamp    `json:"updatedAt,omitzero"`
}

// TeamAccessRequestListOptions pages ListAccessRequests.
type TeamAccessRequestListOptions struct {
	// UseSCIMIDs makes Postman write user and group IDs as SCIM IDs.
	UseSCIMIDs bool `url:"-"`
	CursorOptions
}

// TeamAccessRequestCreateParams is the body of CreateAccessRequest.
type TeamAccessRequestCreateParams struct {
	// Entities are who the request is for.
	Entities    []TeamEntity          `json:"entityList"`
	Role        TeamRole              `json:"role"`
	Reason      string                `json:"reason"`
	RequestType TeamAccessRequestType `json:"requestType"`
	// UseSCIMIDs says Entities hold SCIM IDs, and asks for SCIM IDs back.
	UseSCIMIDs bool `json:"-"`
}

// TeamAccessAction is the decision on an access request.
type TeamAccessAction string

// Decisions on access requests.
const (
	TeamAccessApprove TeamAccessAction = "approve"
	TeamAccessDeny    TeamAccessAction = "deny"
)

// TeamAccessRequestRespondParams is the body of RespondToAccessRequest.
type TeamAccessRequestRespondParams struct {
	Action TeamAccessAction `json:"action"`
	// UseSCIMIDs asks for SCIM IDs in the answer.
	UseSCIMIDs bool `json:"-"`
}

// TeamAccessDecisionResult is what deciding on an access request did.
type TeamAccessDecisionResult struct {
	TeamEntityResult
	AccessRequest TeamAccessRequest `json:"accessRequest"`
}

// ListAccessRequests returns a team's pending access requests, one page
// at a time: Response.NextCursor points to the next page.
// ListAccessRequestsIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /teams/{teamId}/access-requests
func (s *TeamsService) ListAccessRequests(ctx context.Context, teamID string, opts *TeamAccessRequestListOptions) ([]*TeamAccessRequest, *Response, error) {
	path, err := pathf("/teams/{teamID}/access-requests", teamID)
	if err != nil {
		return nil, nil, err
	}
	return teamPage[TeamAccessRequest](ctx, s.client, path, opts, opts != nil && opts.UseSCIMIDs)
}

// ListAccessRequestsIter iterates over a team's pending access requests,
// one page in memory at a time (100 per page unless opts.Limit says
// otherwise).
//
// Available on Enterprise plans.
func (s *TeamsService) ListAccessRequestsIter(ctx context.Context, teamID string, opts *TeamAccessRequestListOptions) iter.Seq2[*TeamAccessRequest, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *TeamAccessRequestListOptions) ([]*TeamAccessRequest, *Response, error) {
		return s.ListAccessRequests(ctx, teamID, o)
	})
}

// CreateAccessRequest asks for access to a team: to join it, to add
// users, groups, teams or organizations to it, or to upgrade a role. When
// the team has discovery enabled, Postman approves the request at once.
// The answer says, for each entity, whether the request was accepted or
// skipped (and why).
//
// Available on Enterprise plans.
//
//postman:operation POST /teams/{teamId}/access-requests
func (s *TeamsService) CreateAccessRequest(ctx context.Context, teamID string, req TeamAccessRequestCreateParams) ([]*TeamEntityResult, *Response, error) {
	path, err := pathf("/teams/{teamID}/access-requests", teamID)
	if err != nil {
		return nil, nil, err
	}
	return s.teamEntityCall(ctx, path, req, req.UseSCIMIDs)
}

// RespondToAccessRequest approves or denies a team's access request. A
// request that does not exist or was already decided is ErrNotFound.
//
// Available on Enterprise plans.
//
//postman:operation POST /teams/{teamId}/access-requests/{requestId}
func (s *TeamsService) RespondToAccessRequest(ctx context.Context, teamID, requestID string, decision TeamAccessRequestRespondParams) (*TeamAccessDecisionResult, *Response, error) {
	path, err := pathf("/teams/{teamID}/access-requests/{requestID}", teamID, requestID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Result *TeamAccessDecisionResult `json:"result"`
	}
	r := &request{method: http.MethodPost, path: path, body: decision, header: teamHeader(decision.UseSCIMIDs)}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Result, resp, nil
}

// ApproveAccessRequest approves a team's access request
// (RespondToAccessRequest with TeamAccessApprove).
//
// Available on Enterprise plans.
func (s *TeamsService) ApproveAccessRequest(ctx context.Context, teamID, requestID string) (*TeamAccessDecisionResult, *Response, error) {
	return s.RespondToAccessRequest(ctx, teamID, requestID, TeamAccessRequestRespondParams{Action: TeamAccessApprove})
}

// DenyAccessRequest denies a team's access request
// (RespondToAccessRequest with TeamAccessDeny).
//
// Available on Enterprise plans.
func (s *TeamsService) DenyAccessRequest(ctx context.Context, teamID, requestID string) (*TeamAccessDecisionResult, *Response, error) {
	return s.RespondToAccessRequest(ctx, teamID, requestID, TeamAccessRequestRespondParams{Action: TeamAccessDeny})
}
