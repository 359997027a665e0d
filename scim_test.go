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

const scimTestUser = "405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"

// scimCalls are one call of every SCIM method, for the tests that hold
// for all of them.
var scimCalls = map[string]func(ctx context.Context, c *Client) error{
	"ListUsers": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.ListUsers(ctx, &SCIMListOptions{Filter: SCIMFilterUserName("taylor.lee@example.com"), StartIndex: 1, Count: 2})
		return err
	},
	"ListUsersIter": func(ctx context.Context, c *Client) error {
		for _, err := range c.SCIM.ListUsersIter(ctx, nil) {
			if err != nil {
				return err
			}
		}
		return nil
	},
	"GetUser": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.GetUser(ctx, scimTestUser)
		return err
	},
	"CreateUser": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.CreateUser(ctx, SCIMUserCreateParams{
			UserName: "taylor.lee@example.com", Name: SCIMName{GivenName: "Taylor", FamilyName: "Lee"},
			ExternalID: "12345678", Locale: "en-US", Groups: []string{"Test Group"}, Active: Ptr(true),
		})
		return err
	},
	"UpdateUser": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.UpdateUser(ctx, scimTestUser, SCIMUserUpdateParams{Name: SCIMName{GivenName: "Taylor", FamilyName: "Lee"}})
		return err
	},
	"PatchUser": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.PatchUser(ctx, scimTestUser, SCIMUserPatchParams{Operations: []SCIMUserPatchOperation{
			{Op: SCIMReplace, Value: SCIMUserPatchValue{Active: Ptr(true)}},
		}})
		return err
	},
	"ActivateUser": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.ActivateUser(ctx, scimTestUser)
		return err
	},
	"DeactivateUser": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.DeactivateUser(ctx, scimTestUser)
		return err
	},
	"DeleteUser": func(ctx context.Context, c *Client) error {
		_, err := c.SCIM.DeleteUser(ctx, scimTestUser)
		return err
	},
	"ListGroups": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.ListGroups(ctx, &SCIMListOptions{Filter: SCIMFilterDisplayName("Test-API"), Count: 2})
		return err
	},
	"ListGroupsIter": func(ctx context.Context, c *Client) error {
		for _, err := range c.SCIM.ListGroupsIter(ctx, nil) {
			if err != nil {
				return err
			}
		}
		return nil
	},
	"GetGroup": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.GetGroup(ctx, scimTestUser)
		return err
	},
	"CreateGroup": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.CreateGroup(ctx, SCIMGroupCreateParams{DisplayName: "Test-API", Members: []SCIMMember{{Value: scimTestUser, Display: "Taylor Lee"}}})
		return err
	},
	"PatchGroup": func(ctx context.Context, c *Client) error {
		// Only renames validate: the description types every PATCH value
		// as an object, while member changes send a list (see
		// TestSCIMGroupPatchOperationsEncode).
		_, _, err := c.SCIM.PatchGroup(ctx, scimTestUser, SCIMGroupPatchParams{Operations: []SCIMGroupPatchOperation{SCIMRenameGroup("Test-API")}})
		return err
	},
	"DeleteGroup": func(ctx context.Context, c *Client) error {
		_, err := c.SCIM.DeleteGroup(ctx, scimTestUser)
		return err
	},
	"GetServiceProviderConfig": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.GetServiceProviderConfig(ctx)
		return err
	},
	"ListResourceTypes": func(ctx context.Context, c *Client) error {
		_, _, err := c.SCIM.ListResourceTypes(ctx)
		return err
	},
}

func TestSCIMConformance(t *testing.T) {
	var scenarios []scenario
	for name, call := range scimCalls {
		scenarios = append(scenarios, scenario{name: name, call: call})
	}
	runConformance(t, scenarios)
}

func TestSCIMSendsTheSCIMKeyAndOnlyIt(t *testing.T) {
	for name, call := range scimCalls {
		t.Run(name, func(t *testing.T) {
			h := conformance.New(t)
			c := newTestClient(t, h.URL, WithSCIMKey("scim-secret-key"))
			require.NoError(t, call(t.Context(), c))
			reqs := h.Requests()
			require.NotEmpty(t, reqs)
			for _, req := range reqs {
				assert.Equal(t, "Bearer scim-secret-key", req.Header.Get("Authorization"))
				_, hasAPIKey := req.Header["X-Api-Key"]
				assert.False(t, hasAPIKey, "no X-Api-Key header at all on %s", req.URL.Path)
				for _, vs := range req.Header {
					for _, v := range vs {
						assert.NotContains(t, v, canaryKey)
					}
				}
			}
		})
	}

	// And the other way round: other areas never get the SCIM key.
	h := conformance.New(t)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-secret-key"))
	_, _, err := c.Groups.List(t.Context())
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Empty(t, req.Header.Get("Authorization"))
	assert.Equal(t, canaryKey, req.Header.Get("X-Api-Key"))
}

func TestSCIMWithoutKeyFailsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL) // no WithSCIMKey
	for name, call := range scimCalls {
		assert.ErrorIs(t, call(t.Context(), c), ErrNoSCIMKey, name)
	}
	assert.Empty(t, h.Ran(), "no request left the client")
}

func TestSCIMListUsersDecodesAndFilters(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))
	users, resp, err := c.SCIM.ListUsers(t.Context(), &SCIMListOptions{Filter: SCIMFilterActive(false), StartIndex: 1, Count: 2})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "active eq false", req.URL.Query().Get("filter"))
	assert.Equal(t, "1", req.URL.Query().Get("startIndex"))
	assert.Equal(t, "2", req.URL.Query().Get("count"))

	// The first example: "Filter Inactive Users".
	require.Len(t, users, 1)
	u := users[0]
	assert.Equal(t, "123775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99", u.ID)
	assert.Equal(t, "alex.cruz@example.com", u.UserName)
	assert.Equal(t, SCIMName{GivenName: "Alex", FamilyName: "Cruz"}, u.Name)
	assert.False(t, u.Active)
	assert.Equal(t, "87654321", u.ExternalID)
	assert.Equal(t, "User", u.Meta.ResourceType)
	assert.Equal(t, 2021, u.Meta.Created.Year())
	assert.Equal(t, []string{SCIMSchemaUser}, u.Schemas)
	assert.Equal(t, 1, resp.Total)
	assert.Equal(t, 1, resp.Offset)
	assert.Equal(t, 2, resp.Limit)
}

func TestSCIMFilters(t *testing.T) {
	assert.Equal(t, `userName eq "taylor.lee@example.com"`, SCIMFilterUserName("taylor.lee@example.com"))
	assert.Equal(t, `userName eq "a\"b\\c"`, SCIMFilterUserName(`a"b\c`), "a value cannot close the string")
	assert.Equal(t, `displayName eq "Test API"`, SCIMFilterDisplayName("Test API"))
	assert.Equal(t, `active eq true`, SCIMFilterActive(true))

	h := conformance.New(t)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))
	_, _, err := c.SCIM.ListUsers(t.Context(), &SCIMListOptions{Filter: SCIMFilterUserName("taylor lee+1@example.com")})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "filter=userName+eq+%22taylor+lee%2B1%40example.com%22", req.URL.RawQuery, "spaces and special characters are URL-encoded")
}

// pagedSCIMUsers answers GET /scim/v2/Users with total users in pages of
// the requested count from the requested 1-based startIndex.
func pagedSCIMUsers(total int, served *int) conformance.Responder {
	return func(w http.ResponseWriter, r *http.Request) {
		*served++
		count, _ := strconv.Atoi(r.URL.Query().Get("count"))
		start, _ := strconv.Atoi(r.URL.Query().Get("startIndex"))
		resources := []any{}
		for i := start; i < min(start+count, total+1); i++ {
			resources = append(resources, map[string]any{"id": fmt.Sprintf("u-%d", i), "userName": fmt.Sprintf("user%d@example.com", i), "active": true})
		}
		accountJSON(http.StatusOK, map[string]any{
			"schemas":      []string{"urn:ietf:params:scim:api:messages:2.0:ListResponse"},
			"totalResults": total, "startIndex": start, "itemsPerPage": len(resources), "Resources": resources,
		})(w, r)
	}
}

func TestSCIMListUsersIterCrossesPagesAndStopsEarly(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getScimUserResources", pagedSCIMUsers(7, &served))
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))

	opts := &SCIMListOptions{Filter: SCIMFilterActive(true), Count: 3}
	var ids []string
	for u, err := range c.SCIM.ListUsersIter(t.Context(), opts) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Equal(t, []string{"u-1", "u-2", "u-3", "u-4", "u-5", "u-6", "u-7"}, ids)
	assert.Equal(t, 3, served, "totalResults ends the iteration without an empty page")
	var starts []string
	for _, req := range h.Requests() {
		starts = append(starts, req.URL.Query().Get("startIndex"))
		assert.Equal(t, "active eq true", req.URL.Query().Get("filter"))
		assert.Equal(t, "Bearer scim-key", req.Header.Get("Authorization"))
	}
	assert.Equal(t, []string{"1", "4", "7"}, starts, "SCIM positions are 1-based")
	assert.Zero(t, opts.StartIndex, "the caller's options are not changed")

	served = 0
	ids = nil
	for u, err := range c.SCIM.ListUsersIter(t.Context(), &SCIMListOptions{StartIndex: 3, Count: 3}) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Equal(t, []string{"u-3", "u-4", "u-5", "u-6", "u-7"}, ids)
	assert.Equal(t, 2, served)

	served = 0
	n := 0
	for _, err := range c.SCIM.ListUsersIter(t.Context(), &SCIMListOptions{Count: 3}) {
		require.NoError(t, err)
		if n++; n == 4 {
			break
		}
	}
	assert.Equal(t, 2, served, "stopping early fetches no further page")

	for _, err := range c.SCIM.ListUsersIter(t.Context(), nil) {
		require.NoError(t, err)
	}
	req, _ := h.LastRequest()
	assert.Equal(t, "100", req.URL.Query().Get("count"))
}

func TestSCIMListGroupsIterCrossesPages(t *testing.T) {
	h := conformance.New(t)
	served := 0
	h.Respond("getScimGroupResources", func(w http.ResponseWriter, r *http.Request) {
		served++
		start, _ := strconv.Atoi(r.URL.Query().Get("startIndex"))
		resources := []any{}
		for i := start; i < min(start+2, 4); i++ {
			resources = append(resources, map[string]any{"id": fmt.Sprintf("g-%d", i), "displayName": fmt.Sprintf("Group %d", i)})
		}
		accountJSON(http.StatusOK, map[string]any{"totalResults": 3, "startIndex": start, "itemsPerPage": len(resources), "Resources": resources})(w, r)
	})
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))
	var names []string
	for g, err := range c.SCIM.ListGroupsIter(t.Context(), &SCIMListOptions{Count: 2}) {
		require.NoError(t, err)
		names = append(names, g.DisplayName)
	}
	assert.Equal(t, []string{"Group 1", "Group 2", "Group 3"}, names)
	assert.Equal(t, 2, served)
}

func TestSCIMUsers(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))

	user, resp, err := c.SCIM.CreateUser(t.Context(), SCIMUserCreateParams{
		UserName: "taylor.lee@example.com", Name: SCIMName{GivenName: "Taylor", FamilyName: "Lee"}, Active: Ptr(true),
	})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	req, body := h.LastRequest()
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"), "the description takes application/json, not application/scim+json")
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"taylor.lee@example.com",
		"name":{"givenName":"Taylor","familyName":"Lee"},"active":true}`, string(body))
	assert.Equal(t, scimTestUser, user.ID)
	assert.True(t, user.Active)

	_, _, err = c.SCIM.UpdateUser(t.Context(), scimTestUser, SCIMUserUpdateParams{Name: SCIMName{GivenName: "Tay", FamilyName: "Lee"}})
	require.NoError(t, err)
	req, body = h.LastRequest()
	assert.Equal(t, http.MethodPut, req.Method)
	assert.Equal(t, "/scim/v2/Users/"+scimTestUser, req.URL.Path)
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"name":{"givenName":"Tay","familyName":"Lee"}}`, string(body))

	_, _, err = c.SCIM.DeactivateUser(t.Context(), scimTestUser)
	require.NoError(t, err)
	req, body = h.LastRequest()
	assert.Equal(t, http.MethodPatch, req.Method)
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}`, string(body))
	_, _, err = c.SCIM.ActivateUser(t.Context(), scimTestUser)
	require.NoError(t, err)
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":true}}]}`, string(accountLastBody(h)))

	got, _, err := c.SCIM.GetUser(t.Context(), scimTestUser)
	require.NoError(t, err)
	assert.Equal(t, "taylor.lee@example.com", got.UserName)
}

func TestSCIMErrorsDecodeSCIMBodies(t *testing.T) {
	h := conformance.New(t)
	h.Status("createScimUser", http.StatusConflict)
	h.Status("getScimUserResource", http.StatusNotFound)
	h.Status("updateScimUserState", http.StatusBadRequest)
	h.Status("deleteScimUser", http.StatusNotImplemented)
	h.Status("getScimGroupResources", http.StatusForbidden)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))

	_, _, err := c.SCIM.CreateUser(t.Context(), SCIMUserCreateParams{UserName: "taylor.lee@example.com"})
	assert.ErrorIs(t, err, ErrConflict)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusConflict, apiErr.StatusCode)
	assert.Equal(t, "uniqueness", apiErr.SCIMType)
	assert.Equal(t, "This person is already a member of the team.", apiErr.Detail)
	assert.Contains(t, err.Error(), "already a member")

	_, _, err = c.SCIM.GetUser(t.Context(), "nobody")
	assert.ErrorIs(t, err, ErrNotFound)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "This person isn't a member of the team.", apiErr.Detail)
	assert.Empty(t, apiErr.SCIMType)

	_, _, err = c.SCIM.DeactivateUser(t.Context(), scimTestUser)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "invalidSyntax", apiErr.SCIMType)

	_, err = c.SCIM.DeleteUser(t.Context(), scimTestUser)
	assert.ErrorIs(t, err, ErrDeprecated, "Postman no longer deletes SCIM users")
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusNotImplemented, apiErr.StatusCode)

	for _, err := range c.SCIM.ListGroupsIter(t.Context(), nil) {
		assert.ErrorIs(t, err, ErrForbidden)
	}
}

func TestSCIMGroups(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))

	groups, resp, err := c.SCIM.ListGroups(t.Context(), &SCIMListOptions{Filter: SCIMFilterDisplayName("Test-API")})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, `displayName eq "Test-API"`, req.URL.Query().Get("filter"))
	require.Len(t, groups, 2)
	assert.Equal(t, "Test Group", groups[1].DisplayName)
	assert.Equal(t, []SCIMMember{{Value: "23a35c2723d34c03b4c56443c09e7173", Display: "Taylor Lee"}, {Value: "b1c794f24f4c49f4b5d503a4cb2686ea", Display: "Alex Cruz"}}, groups[1].Members)
	assert.Equal(t, 2, resp.Total)

	group, _, err := c.SCIM.CreateGroup(t.Context(), SCIMGroupCreateParams{DisplayName: "Test-API", Members: []SCIMMember{{Value: scimTestUser}}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test-API","members":[{"value":"`+scimTestUser+`"}]}`, string(accountLastBody(h)))
	assert.Equal(t, "1234", group.ExternalID)

	group, _, err = c.SCIM.PatchGroup(t.Context(), scimTestUser, SCIMGroupPatchParams{Operations: []SCIMGroupPatchOperation{SCIMRenameGroup("Test-API")}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"displayName":"Test-API"}}]}`, string(accountLastBody(h)))
	assert.Equal(t, "Test-API", group.DisplayName)

	resp, err = c.SCIM.DeleteGroup(t.Context(), scimTestUser)
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	cfg, _, err := c.SCIM.GetServiceProviderConfig(t.Context())
	require.NoError(t, err)
	assert.True(t, cfg.Patch.Supported)
	assert.False(t, cfg.Bulk.Supported)
	assert.Equal(t, SCIMFilterSupport{Supported: true, MaxResults: 100}, cfg.Filter)
	require.Len(t, cfg.AuthenticationSchemes, 1)
	assert.Equal(t, "oauthbearertoken", cfg.AuthenticationSchemes[0].Type)

	types, _, err := c.SCIM.ListResourceTypes(t.Context())
	require.NoError(t, err)
	require.Len(t, types, 2)
	assert.Equal(t, "/Users", types[0].Endpoint)
	assert.Equal(t, []SCIMSchemaExtension{{Schema: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Required: true}}, types[0].SchemaExtensions)
	assert.Empty(t, types[1].SchemaExtensions)
}

func TestSCIMGroupPatchOperationsEncode(t *testing.T) {
	req := SCIMGroupPatchParams{Schemas: []string{SCIMSchemaPatchOp}, Operations: []SCIMGroupPatchOperation{
		SCIMAddGroupMembers("u1", "u2"),
		SCIMRemoveGroupMembers("u3"),
		SCIMRenameGroup("New name"),
	}}
	out, err := json.Marshal(req)
	require.NoError(t, err)
	assert.JSONEq(t, `{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
		{"op":"add","path":"members","value":[{"value":"u1"},{"value":"u2"}]},
		{"op":"remove","path":"members","value":[{"value":"u3"}]},
		{"op":"replace","value":{"displayName":"New name"}}]}`, string(out))
}

func TestSCIMRejectsBadIDsBeforeIO(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL, WithSCIMKey("scim-key"))
	ctx := t.Context()
	_, _, err := c.SCIM.GetUser(ctx, "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.SCIM.UpdateUser(ctx, "..", SCIMUserUpdateParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.SCIM.PatchUser(ctx, ".", SCIMUserPatchParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.SCIM.DeleteUser(ctx, "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.SCIM.GetGroup(ctx, "")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = c.SCIM.PatchGroup(ctx, "", SCIMGroupPatchParams{})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	_, err = c.SCIM.DeleteGroup(ctx, "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Empty(t, h.Ran())
}
