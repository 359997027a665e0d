package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// accountJSON answers with body encoded as JSON and the given status.
func accountJSON(status int, body any) conformance.Responder {
	return accountAnswer(status, "application/json", body)
}

// accountProblem answers with body as an RFC 7807 problem.
func accountProblem(status int, body any) conformance.Responder {
	return accountAnswer(status, "application/problem+json", body)
}

func accountAnswer(status int, contentType string, body any) conformance.Responder {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
}

// accountBody decodes the JSON body of the last request into a map.
func accountBody(t *testing.T, h *conformance.Harness) map[string]any {
	t.Helper()
	_, body := h.LastRequest()
	var m map[string]any
	require.NoError(t, json.Unmarshal(body, &m), "body %s", body)
	return m
}

func TestTeamsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.List(ctx, &TeamListOptions{Settings: true, UserRoles: true, UseSCIMIDs: true, CursorOptions: CursorOptions{Limit: 2}})
			return err
		}},
		{name: "ListIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Teams.ListIter(ctx, nil) {
				return err // the example's cursor would repeat
			}
			return nil
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.Get(ctx, "123", &TeamGetOptions{Include: TeamIncludeMembers, UseSCIMIDs: true})
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.Create(ctx, TeamCreateParams{Name: "Testing Team", Description: "API testing team."})
			return err
		}},
		{name: "GetSettings", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.GetSettings(ctx, "123")
			return err
		}},
		{name: "UpdateSettings", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.UpdateSettings(ctx, "123", TeamSettings{ApproveNewMembers: TeamSettingEnabled, ApproveCollaborators: TeamSettingDisabled})
			return err
		}},
		{name: "ListAccessRequests", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.ListAccessRequests(ctx, "123", &TeamAccessRequestListOptions{CursorOptions: CursorOptions{Limit: 2}})
			return err
		}},
		{name: "ListAccessRequestsIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Teams.ListAccessRequestsIter(ctx, "123", nil) {
				if err != nil {
					return err
				}
			}
			return nil
		}},
		{name: "CreateAccessRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.CreateAccessRequest(ctx, "123", TeamAccessRequestCreateParams{
				Entities:    []TeamEntity{{EntityType: TeamEntityUser, EntityID: "87654321"}},
				Role:        TeamRoleGuestViewer,
				RequestType: TeamRequestToAddMembers,
			})
			return err
		}},
		{name: "RespondToAccessRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.RespondToAccessRequest(ctx, "123", "1095", TeamAccessRequestRespondParams{Action: TeamAccessDeny, UseSCIMIDs: true})
			return err
		}},
		{name: "ApproveAccessRequest", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.ApproveAccessRequest(ctx, "123", "1095")
			return err
		}},
		{name: "UpdateMemberRoles", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Teams.UpdateMemberRoles(ctx, "123", TeamMemberRolesUpdateParams{
				Add:    &TeamRoleAssignments{Users: map[string][]TeamRole{"12345678": {TeamRoleManager}}},
				Remove: &TeamRoleAssignments{Groups: map[string][]TeamRole{"1234": {TeamRoleDeveloper}}},
			})
			return err
		}},
		{name: "RemoveMembers", call: func(ctx context.Context, c *Client) error {
			_, err := c.Teams.RemoveMembers(ctx, "123", TeamMembersRemoveParams{Entities: []TeamEntity{
				{EntityType: TeamEntityUser, EntityID: "12345678"}, {EntityType: TeamEntityGroup, EntityID: "1234"},
			}})
			return err
		}},
	})
}

func TestTeamsListDecodesAndSendsOptions(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	teams, resp, err := c.Teams.List(t.Context(), &TeamListOptions{Settings: true, UseSCIMIDs: true, CursorOptions: CursorOptions{Limit: 2, Cursor: "abc"}})
	require.NoError(t, err)
	require.Len(t, teams, 2)
	assert.Equal(t, int64(123), teams[0].ID)
	assert.Equal(t, "testing-team", teams[0].Handle)
	assert.Equal(t, TeamEntityID("12345678"), teams[0].CreatedBy, "a numeric user ID decodes to its text")
	assert.Equal(t, 6, teams[0].MemberCount)
	assert.True(t, teams[0].Enabled)
	assert.Equal(t, 2025, teams[0].CreatedAt.Year())
	assert.Equal(t, int64(2), teams[1].OrganizationID)
	assert.Equal(t, "NTczNDg=", resp.NextCursor)

	req, _ := h.LastRequest()
	assert.Equal(t, "scim", req.Header.Get("identifierType"))
	q := req.URL.Query()
	assert.Equal(t, "true", q.Get("settings"))
	assert.False(t, q.Has("userRoles"))
	assert.Equal(t, "2", q.Get("limit"))
	assert.Equal(t, "abc", q.Get("cursor"))

	_, _, err = c.Teams.List(t.Context(), nil)
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Empty(t, req.URL.RawQuery)
	assert.Empty(t, req.Header.Get("identifierType"), "Postman IDs unless SCIM IDs are asked for")
}

// pagedTeams answers GET /teams with total teams in pages of the requested
// limit, using the offset as the cursor.
func pagedTeams(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		start, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
		data := []any{}
		for i := start; i < min(start+limit, total); i++ {
			data = append(data, map[string]any{"id": i, "name": fmt.Sprintf("Team %d", i), "enabled": true})
		}
		var next any
		if start+limit < total {
			next = strconv.Itoa(start + limit)
		}
		accountJSON(http.StatusOK, map[string]any{"data": data, "metadata": map[string]any{"nextCursor": next}})(w, r)
	}
}

func TestTeamsListIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getTeams", pagedTeams(7, &served))
	c := newTestClient(t, h.URL)

	var ids []int64
	for team, err := range c.Teams.ListIter(t.Context(), &TeamListOptions{CursorOptions: CursorOptions{Limit: 3}}) {
		require.NoError(t, err)
		ids = append(ids, team.ID)
	}
	assert.Equal(t, []int64{0, 1, 2, 3, 4, 5, 6}, ids)
	assert.Equal(t, 3, served)

	served = 0
	n := 0
	for _, err := range c.Teams.ListIter(t.Context(), &TeamListOptions{CursorOptions: CursorOptions{Limit: 3}}) {
		require.NoError(t, err)
		if n++; n == 4 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")
}

func TestTeamsListIterUsesLargePagesByDefault(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getTeams", pagedTeams(3, &served))
	c := newTestClient(t, h.URL)
	opts := &TeamListOptions{}
	for _, err := range c.Teams.ListIter(t.Context(), opts) {
		require.NoError(t, err)
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "100", req.URL.Query().Get("limit"))
	assert.Zero(t, opts.Limit, "the caller's options are not changed")
}

func TestTeamsGetAndCreate(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	team, _, err := c.Teams.Get(t.Context(), "123", &TeamGetOptions{Include: TeamIncludeUserRoles})
	require.NoError(t, err)
	assert.Equal(t, "Testing Team", team.Name)
	req, _ := h.LastRequest()
	assert.Equal(t, "/teams/123", req.URL.Path)
	assert.Equal(t, "include=userRoles", req.URL.RawQuery)

	team, _, err = c.Teams.Create(t.Context(), TeamCreateParams{Name: "Testing Team", UseSCIMIDs: true})
	require.NoError(t, err)
	assert.Equal(t, int64(123), team.ID)
	req, body := h.LastRequest()
	assert.JSONEq(t, `{"name":"Testing Team"}`, string(body))
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.Equal(t, "scim", req.Header.Get("identifierType"))
}

func TestTeamsFeatureUnavailableIsPlanGated(t *testing.T) {
	h := conformance.New(t)
	// The description's "Team Feature Unavailable" example: a 400 whose
	// message is nested in the problem's detail.
	h.Respond("createTeam", accountProblem(http.StatusBadRequest, map[string]any{
		"type": "https://api.postman.com/problems/bad-request", "status": 400, "title": "Bad Request",
		"detail":   map[string]any{"error": map[string]any{"name": "BadRequest", "message": "Team feature is not available for your organization."}},
		"instance": "/teams",
	}))
	c := newTestClient(t, h.URL)
	_, resp, err := c.Teams.Create(t.Context(), TeamCreateParams{Name: "Testing Team"})
	require.Error(t, err)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	assert.NotErrorIs(t, err, ErrNotFound)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "BadRequest", apiErr.Name)
	assert.Equal(t, "Team feature is not available for your organization.", apiErr.Message)
	assert.Contains(t, err.Error(), "Team feature is not available")
}

func TestTeamsErrorsCarryNestedMessages(t *testing.T) {
	h := conformance.New(t)
	h.Status("getTeamAccessRequests", http.StatusForbidden)
	h.Status("approveDenyAccessRequest", http.StatusNotFound)
	h.Status("getTeam", http.StatusBadRequest)
	c := newTestClient(t, h.URL)

	_, _, err := c.Teams.ListAccessRequests(t.Context(), "123", nil)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "NoPermission", apiErr.Name)

	_, _, err = c.Teams.ApproveAccessRequest(t.Context(), "123", "1095")
	assert.ErrorIs(t, err, ErrNotFound)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Access request not found or already processed.", apiErr.Message)

	// "Entities Not Part of Team", the first 400 example.
	_, _, err = c.Teams.Get(t.Context(), "123", nil)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidParams", apiErr.Name)
	assert.NotErrorIs(t, err, ErrFeatureUnavailable)
}

func TestTeamsSettings(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	settings, _, err := c.Teams.GetSettings(t.Context(), "123")
	require.NoError(t, err)
	assert.Equal(t, TeamSettingDisabled, settings.ApproveNewMembers)
	assert.Equal(t, TeamSettingDisabled, settings.ApproveCollaborators)

	_, _, err = c.Teams.UpdateSettings(t.Context(), "123", TeamSettings{ApproveNewMembers: TeamSettingEnabled})
	require.NoError(t, err)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.JSONEq(t, `{"settings":{"rfa_for_add_member":"enabled"}}`, string(body), "an unset setting is left out")
}

func TestTeamsAccessRequests(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	// The first example is the one with SCIM IDs: string entity IDs.
	reqs, resp, err := c.Teams.ListAccessRequests(t.Context(), "123", &TeamAccessRequestListOptions{UseSCIMIDs: true})
	require.NoError(t, err)
	require.Len(t, reqs, 2)
	assert.Equal(t, TeamEntityID("937a3efba0d1e20642fabd0aa692b3ce30969fb92a0b0d6d"), reqs[0].EntityID)
	assert.Equal(t, TeamRoleDeveloper, reqs[0].Role)
	assert.Equal(t, TeamRequestToAddMembers, reqs[0].RequestType)
	assert.Equal(t, TeamAccessRequested, reqs[0].Status)
	assert.Equal(t, TeamRequestUpgradeRole, reqs[1].RequestType)
	assert.Empty(t, resp.NextCursor, "a null nextCursor is the last page")
	req, _ := h.LastRequest()
	assert.Equal(t, "scim", req.Header.Get("identifierType"))

	results, _, err := c.Teams.CreateAccessRequest(t.Context(), "123", TeamAccessRequestCreateParams{
		Entities:    []TeamEntity{{EntityType: TeamEntityTeam, EntityID: "432"}},
		Role:        TeamRoleGuestViewer,
		RequestType: TeamRequestToAddMembers,
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"entityList":[{"entityType":"team","entityId":"432"}],"role":"TEAM_GUEST_VIEWER","reason":"","requestType":"REQUEST_TO_ADD_MEMBERS"}`,
		string(accountLastBody(h)))
	require.NotEmpty(t, results)
	assert.Equal(t, TeamEntityUser, results[0].EntityType)
	assert.Contains(t, []TeamResultStatus{TeamResultAccepted, TeamResultSkipped}, results[0].Status)

	decided, _, err := c.Teams.DenyAccessRequest(t.Context(), "123", "1095")
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"action": "deny"}, accountBody(t, h))
	assert.Equal(t, TeamEntityID("87654321"), decided.EntityID)
	assert.Nil(t, decided.PreviousRole)
	require.NotNil(t, decided.Role)
	assert.Equal(t, TeamRoleDeveloper, *decided.Role)
	assert.Equal(t, int64(1095), decided.AccessRequest.ID)
	assert.Equal(t, TeamEntityID("87654321"), decided.AccessRequest.CreatedBy)
	req, _ = h.LastRequest()
	assert.Equal(t, "/teams/123/access-requests/1095", req.URL.Path)
}

// accountLastBody returns the body of the last request served.
func accountLastBody(h *conformance.Harness) []byte {
	_, body := h.LastRequest()
	return body
}

func TestTeamsMembers(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	results, _, err := c.Teams.UpdateMemberRoles(t.Context(), "123", TeamMemberRolesUpdateParams{
		Add:        &TeamRoleAssignments{Users: map[string][]TeamRole{"12345678": {TeamRoleManager}}},
		Remove:     &TeamRoleAssignments{Users: map[string][]TeamRole{"87654321": {TeamRoleDeveloper}}},
		UseSCIMIDs: false,
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"add":{"users":{"12345678":["TEAM_MANAGER"]}},"remove":{"users":{"87654321":["TEAM_DEVELOPER"]}}}`, string(accountLastBody(h)))
	// The first example, "Add and Remove Roles".
	require.Len(t, results, 2)
	require.NotNil(t, results[0].Role)
	assert.Equal(t, TeamRoleManager, *results[0].Role)
	assert.Nil(t, results[1].Role, "a removed role is null")
	require.NotNil(t, results[1].PreviousRole)
	assert.Equal(t, TeamRoleDeveloper, *results[1].PreviousRole)
	assert.Equal(t, TeamResultAccepted, results[1].Status)

	resp, err := c.Teams.RemoveMembers(t.Context(), "123", TeamMembersRemoveParams{
		Entities:   []TeamEntity{{EntityType: TeamEntityUser, EntityID: "f10ba7a8dac248e8fd9769163dc63aef920f3897c7ea2c86"}},
		UseSCIMIDs: true,
	})
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	req, body := h.LastRequest()
	assert.Equal(t, http.MethodDelete, req.Method)
	assert.Equal(t, "scim", req.Header.Get("identifierType"))
	assert.JSONEq(t, `{"entities":[{"entityType":"user","entityId":"f10ba7a8dac248e8fd9769163dc63aef920f3897c7ea2c86"}]}`, string(body))
}

func TestTeamEntityIDDecodesNumbersAndStrings(t *testing.T) {
	var v struct {
		A, B, C TeamEntityID
	}
	require.NoError(t, json.Unmarshal([]byte(`{"A":12345678,"B":"scim-id","C":null}`), &v))
	assert.Equal(t, TeamEntityID("12345678"), v.A)
	assert.Equal(t, TeamEntityID("scim-id"), v.B)
	assert.Empty(t, v.C)
	var bad TeamEntityID
	assert.Error(t, json.Unmarshal([]byte(`{"x":1}`), &bad))
}

func TestTeamsRejectBadIDsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	ctx := t.Context()
	_, _, err := c.Teams.Get(ctx, "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Teams.GetSettings(ctx, "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Teams.UpdateSettings(ctx, ".", TeamSettings{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Teams.ListAccessRequests(ctx, "", nil)
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Teams.CreateAccessRequest(ctx, "", TeamAccessRequestCreateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Teams.RespondToAccessRequest(ctx, "123", "", TeamAccessRequestRespondParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.Teams.UpdateMemberRoles(ctx, "", TeamMemberRolesUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.Teams.RemoveMembers(ctx, "", TeamMembersRemoveParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}
