package postman

import (
	"context"
	"net/http"
)

// TeamSettingState is the state of a team setting.
type TeamSettingState string

// Team setting states.
const (
	TeamSettingEnabled  TeamSettingState = "enabled"
	TeamSettingDisabled TeamSettingState = "disabled"
)

// TeamSettings are a team's approval settings. In an update, a setting
// left empty keeps its value.
type TeamSettings struct {
	// ApproveNewMembers (rfa_for_add_member): when enabled, admins must
	// approve new team members before they can join.
	ApproveNewMembers TeamSettingState `json:"rfa_for_add_member,omitempty"`
	// ApproveCollaborators (rfa_for_add_collaborator): when enabled,
	// collaborators need approval before they can access the team's
	// workspaces.
	ApproveCollaborators TeamSettingState `json:"rfa_for_add_collaborator,omitempty"`
}

// GetSettings returns a team's settings.
//
// Available on Enterprise plans.
//
//postman:operation GET /teams/{teamId}/settings
func (s *TeamsService) GetSettings(ctx context.Context, teamID string) (*TeamSettings, *Response, error) {
	path, err := pathf("/teams/{teamID}/settings", teamID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Settings *TeamSettings `json:"settings"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Settings, resp, nil
}

// UpdateSettings changes a team's settings and returns them as they are
// now.
//
// Available on Enterprise plans.
//
//postman:operation PUT /teams/{teamId}/settings
func (s *TeamsService) UpdateSettings(ctx context.Context, teamID string, settings TeamSettings) (*TeamSettings, *Response, error) {
	path, err := pathf("/teams/{teamID}/settings", teamID)
	if err != nil {
		return nil, nil, err
	}
	body := struct {
		Settings TeamSettings `json:"settings"`
	}{settings}
	var root struct {
		Settings *TeamSettings `json:"settings"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: body}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Settings, resp, nil
}
