package postmantest

import (
	"net/http"
	"slices"
	"time"
)

func (s *Server) routeSCIMDiscovery() {
	s.mux.HandleFunc("GET /scim/v2/ServiceProviderConfig", s.scimServiceProviderConfig)
	s.mux.HandleFunc("GET /scim/v2/ResourceTypes", s.scimResourceTypes)
	s.mux.HandleFunc("GET /scim/v2/Schemas", s.scimSchemas)
	s.mux.HandleFunc("DELETE /scim/v2/Users/{userId}", s.deleteSCIMUser)
}

// WithSCIMUserDeletion makes DELETE /scim/v2/Users/{userId} delete users
// as Postman's description documents it (204, and the user leaves the
// team and its SCIM groups), for tools written against it. Without it the
// server answers 501 as Postman does now (see deleteSCIMUser).
func WithSCIMUserDeletion() Option {
	return func(c *config) { c.scimDelete = true }
}

// scimLocation is where Postman's SCIM resources live; the discovery
// answers name it in meta.location, whatever the server's own URL.
const scimLocation = "https://api.getpostman.com/scim/v2/"

// scimServiceProviderConfig answers what the fake's SCIM service
// supports, which is what Postman's does: PATCH and filters (at most 100
// results, the largest page), no bulk, sort, ETags or password changes.
func (s *Server) scimServiceProviderConfig(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"schemas":          []string{"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"},
		"documentationUri": "https://learning.postman.com/docs/administration/managing-your-team/configuring-scim",
		"patch":            map[string]any{"supported": true},
		"bulk":             map[string]any{"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
		"filter":           map[string]any{"supported": true, "maxResults": 100},
		"changePassword":   map[string]any{"supported": false},
		"sort":             map[string]any{"supported": false},
		"etag":             map[string]any{"supported": false},
		"authenticationSchemes": []any{map[string]any{"name": "OAuth Bearer Token", "type": "oauthbearertoken",
			"description": "Authentication scheme using the OAuth Bearer Token Standard", "specUri": "http://www.rfc-editor.org/info/rfc6750"}},
		"meta": map[string]any{"resourceType": "ServiceProviderConfig", "location": scimLocation + "ServiceProviderConfig"},
	})
}

// scimResourceTypes answers the two resource types the fake serves, as a
// bare array as Postman's does (not a ListResponse).
func (s *Server) scimResourceTypes(w http.ResponseWriter, _ *http.Request) {
	const rt = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
	writeJSON(w, http.StatusOK, []any{
		map[string]any{"schemas": []string{rt}, "id": "User", "name": "User", "endpoint": "/Users", "description": "User Account",
			"schema": scimUserSchema, "schemaExtensions": []any{map[string]any{"schema": scimEnterpriseUserSchema, "required": true}},
			"meta": map[string]any{"resourceType": "ResourceType", "location": scimLocation + "ResourceTypes/User"}},
		map[string]any{"schemas": []string{rt}, "id": "Group", "name": "Group", "endpoint": "/Groups", "description": "Group",
			"schema": scimGroupSchema, "meta": map[string]any{"resourceType": "ResourceType", "location": scimLocation + "ResourceTypes/Group"}},
	})
}

// SCIM schema URIs of the resources.
const (
	scimUserSchema           = "urn:ietf:params:scim:schemas:core:2.0:User"
	scimGroupSchema          = "urn:ietf:params:scim:schemas:core:2.0:Group"
	scimEnterpriseUserSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
)

// scimAttr is a schema attribute (RFC 7643 §7) with the defaults the
// attributes of these schemas share.
func scimAttr(name, typ string, required bool, extra map[string]any) map[string]any {
	a := map[string]any{"name": name, "type": typ, "multiValued": false, "required": required, "caseExact": false,
		"mutability": "readWrite", "returned": "default", "uniqueness": "none"}
	for k, v := range extra {
		a[k] = v
	}
	return a
}

// scimSchemas answers the schemas of the attributes the fake reads and
// writes, in SCIM's ListResponse (RFC 7644 §4): identity providers read it
// to map their fields. The description does not document this endpoint;
// the attributes are those of Postman's User and Group resources.
func (s *Server) scimSchemas(w http.ResponseWriter, _ *http.Request) {
	name := scimAttr("name", "complex", false, map[string]any{"subAttributes": []any{
		scimAttr("givenName", "string", false, nil), scimAttr("familyName", "string", false, nil)}})
	user := map[string]any{"id": scimUserSchema, "name": "User", "description": "User Account", "attributes": []any{
		scimAttr("userName", "string", true, map[string]any{"uniqueness": "server"}), name,
		scimAttr("externalId", "string", false, map[string]any{"caseExact": true}),
		scimAttr("active", "boolean", false, nil)},
		"meta": map[string]any{"resourceType": "Schema", "location": scimLocation + "Schemas/" + scimUserSchema}}
	members := scimAttr("members", "complex", false, map[string]any{"multiValued": true, "subAttributes": []any{
		scimAttr("value", "string", false, map[string]any{"mutability": "immutable"}),
		scimAttr("display", "string", false, map[string]any{"mutability": "readOnly"})}})
	group := map[string]any{"id": scimGroupSchema, "name": "Group", "description": "Group", "attributes": []any{
		scimAttr("displayName", "string", true, nil), members},
		"meta": map[string]any{"resourceType": "Schema", "location": scimLocation + "Schemas/" + scimGroupSchema}}
	writeSCIMList(w, []map[string]any{user, group}, 1, 2)
}

// deleteSCIMUser answers as Postman does now that it no longer deletes
// SCIM users: 501 whatever the user, who stays (the SDK's DeleteUser maps
// this to ErrDeprecated; deprovisioning is deactivation). With
// WithSCIMUserDeletion it deletes as the description documents.
func (s *Server) deleteSCIMUser(w http.ResponseWriter, r *http.Request) {
	if !s.cfg.scimDelete {
		scimError(w, http.StatusNotImplemented, "invalidSyntax", "Service Provider does not support the request operation DELETE.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.state.scimUserByID(r.PathValue("userId"))
	if u == nil {
		scimError(w, http.StatusNotFound, "", "This person isn't a member of the team.")
		return
	}
	s.state.scimUsers = slices.DeleteFunc(s.state.scimUsers, func(o *SCIMUser) bool { return o == u })
	now := time.Now().UTC()
	for _, g := range s.state.scimGroups {
		if slices.Contains(g.Members, u.ID) {
			g.Members = slices.DeleteFunc(g.Members, func(id string) bool { return id == u.ID })
			g.LastModified = now
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
