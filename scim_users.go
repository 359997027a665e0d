package postman

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
)

// SCIMUser is a team member as SCIM provisions it.
type SCIMUser struct {
	Schemas []string `json:"schemas,omitempty"`
	// ID is the user's SCIM ID, not their Postman user ID.
	ID string `json:"id"`
	// UserName is the user's email address.
	UserName   string   `json:"userName"`
	Name       SCIMName `json:"name"`
	ExternalID string   `json:"externalId,omitempty"`
	// Active is false for deactivated users, who cannot sign in.
	Active bool     `json:"active"`
	Meta   SCIMMeta `json:"meta"`
}

// SCIMName is a user's name.
type SCIMName struct {
	GivenName  string `json:"givenName"`
	FamilyName string `json:"familyName"`
}

// SCIMUserCreateParams is the body of CreateUser.
type SCIMUserCreateParams struct {
	// Schemas defaults to SCIMSchemaUser.
	Schemas []string `json:"schemas"`
	// UserName is the user's email address.
	UserName   string   `json:"userName"`
	Name       SCIMName `json:"name"`
	ExternalID string   `json:"externalId,omitempty"`
	// Locale is an IETF language tag ("en-US").
	Locale string `json:"locale,omitempty"`
	// Groups are names of groups to add the user to.
	Groups []string `json:"groups,omitempty"`
	// Active activates the user, who can then sign in to the team; nil
	// leaves it to Postman.
	Active *bool `json:"active,omitempty"`
}

// SCIMUserUpdateParams is the body of UpdateUser. Postman's SCIM API can
// only change a user's name.
type SCIMUserUpdateParams struct {
	// Schemas defaults to SCIMSchemaUser.
	Schemas []string `json:"schemas"`
	Name    SCIMName `json:"name"`
}

// SCIMUserPatchParams is the body of PatchUser.
type SCIMUserPatchParams struct {
	// Schemas defaults to SCIMSchemaPatchOp.
	Schemas    []string                 `json:"schemas"`
	Operations []SCIMUserPatchOperation `json:"Operations"`
}

// SCIMUserPatchOperation is one operation of a user PATCH. Postman only
// supports replacing the active state.
type SCIMUserPatchOperation struct {
	Op    SCIMPatchOp        `json:"op"`
	Value SCIMUserPatchValue `json:"value"`
}

// SCIMUserPatchValue holds the user attributes a PATCH sets.
type SCIMUserPatchValue struct {
	Active *bool `json:"active,omitempty"`
}

// ListUsers returns the team's members, one page at a time:
// Response.Offset is the page's StartIndex, Response.Limit its size and
// Response.Total the number of results. ListUsersIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /scim/v2/Users
func (s *SCIMService) ListUsers(ctx context.Context, opts *SCIMListOptions) ([]*SCIMUser, *Response, error) {
	var root scimList[SCIMUser]
	resp, err := s.client.do(ctx, scimRequest(http.MethodGet, "/scim/v2/Users", opts, nil), &root)
	if err != nil {
		return nil, resp, err
	}
	root.fill(resp)
	return root.Resources, resp, nil
}

// ListUsersIter iterates over the team's members, one page in memory at a
// time (100 per page unless opts.Count says otherwise).
//
// Available on Enterprise plans.
func (s *SCIMService) ListUsersIter(ctx context.Context, opts *SCIMListOptions) iter.Seq2[*SCIMUser, error] {
	return offsetIter(ctx, opts, scimIterCount, s.ListUsers)
}

// GetUser returns a team member by SCIM ID.
//
// Available on Enterprise plans.
//
//postman:operation GET /scim/v2/Users/{userId}
func (s *SCIMService) GetUser(ctx context.Context, userID string) (*SCIMUser, *Response, error) {
	path, err := pathf("/scim/v2/Users/{userID}", userID)
	if err != nil {
		return nil, nil, err
	}
	user := new(SCIMUser)
	resp, err := s.client.do(ctx, scimRequest(http.MethodGet, path, nil, nil), user)
	if err != nil {
		return nil, resp, err
	}
	return user, resp, nil
}

// CreateUser provisions a user: Postman creates an account and adds it to
// the team, or, when an account with that email exists, invites it (it
// joins when it accepts, at once if its domain is one of the team's
// verified domains). New users get the developer role. A user who belongs
// to another team and whose domain is not verified is not provisioned:
// ErrConflict.
//
// Available on Enterprise plans.
//
//postman:operation POST /scim/v2/Users
func (s *SCIMService) CreateUser(ctx context.Context, req SCIMUserCreateParams) (*SCIMUser, *Response, error) {
	if len(req.Schemas) == 0 {
		req.Schemas = []string{SCIMSchemaUser}
	}
	user := new(SCIMUser)
	resp, err := s.client.do(ctx, scimRequest(http.MethodPost, "/scim/v2/Users", nil, req), user)
	if err != nil {
		return nil, resp, err
	}
	return user, resp, nil
}

// UpdateUser replaces a user's first and last name, the only attributes
// Postman's SCIM API can change.
//
// Available on Enterprise plans.
//
//postman:operation PUT /scim/v2/Users/{userId}
func (s *SCIMService) UpdateUser(ctx context.Context, userID string, req SCIMUserUpdateParams) (*SCIMUser, *Response, error) {
	path, err := pathf("/scim/v2/Users/{userID}", userID)
	if err != nil {
		return nil, nil, err
	}
	if len(req.Schemas) == 0 {
		req.Schemas = []string{SCIMSchemaUser}
	}
	user := new(SCIMUser)
	resp, err := s.client.do(ctx, scimRequest(http.MethodPut, path, nil, req), user)
	if err != nil {
		return nil, resp, err
	}
	return user, resp, nil
}

// PatchUser applies PATCH operations to a user; Postman supports
// replacing the active state (see ActivateUser and DeactivateUser).
//
// Available on Enterprise plans.
//
//postman:operation PATCH /scim/v2/Users/{userId}
func (s *SCIMService) PatchUser(ctx context.Context, userID string, req SCIMUserPatchParams) (*SCIMUser, *Response, error) {
	path, err := pathf("/scim/v2/Users/{userID}", userID)
	if err != nil {
		return nil, nil, err
	}
	if len(req.Schemas) == 0 {
		req.Schemas = []string{SCIMSchemaPatchOp}
	}
	user := new(SCIMUser)
	resp, err := s.client.do(ctx, scimRequest(http.MethodPatch, path, nil, req), user)
	if err != nil {
		return nil, resp, err
	}
	return user, resp, nil
}

// ActivateUser reactivates a user: they can sign in again and are back on
// the team.
//
// Available on Enterprise plans.
func (s *SCIMService) ActivateUser(ctx context.Context, userID string) (*SCIMUser, *Response, error) {
	return s.setUserActive(ctx, userID, true)
}

// DeactivateUser deactivates a user: they are removed from the team and
// can no longer sign in, but their account and data are kept. This is how
// users are deprovisioned now that DeleteUser is gone.
//
// Available on Enterprise plans.
func (s *SCIMService) DeactivateUser(ctx context.Context, userID string) (*SCIMUser, *Response, error) {
	return s.setUserActive(ctx, userID, false)
}

func (s *SCIMService) setUserActive(ctx context.Context, userID string, active bool) (*SCIMUser, *Response, error) {
	return s.PatchUser(ctx, userID, SCIMUserPatchParams{Operations: []SCIMUserPatchOperation{
		{Op: SCIMReplace, Value: SCIMUserPatchValue{Active: &active}},
	}})
}

// DeleteUser removes a user from the team and signs them out of every
// session.
//
// Available on Enterprise plans.
//
// Deprecated: Postman no longer documents deleting SCIM users, and
// answers "Service Provider does not support the request operation
// DELETE." (501, matched by ErrDeprecated). Deprovision users with
// DeactivateUser.
//
//postman:operation DELETE /scim/v2/Users/{userId}
func (s *SCIMService) DeleteUser(ctx context.Context, userID string) (*Response, error) {
	path, err := pathf("/scim/v2/Users/{userID}", userID)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.do(ctx, scimRequest(http.MethodDelete, path, nil, nil), nil)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotImplemented {
		return resp, fmt.Errorf("%w (%w)", err, ErrDeprecated)
	}
	return resp, err
}
