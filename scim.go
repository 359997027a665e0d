package postman

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/postman-go/postman/internal/transport"
)

// SCIMService is the SCIM 2.0 provisioning area: users and groups. It authenticates with the SCIM API key of WithSCIMKey, never with the Postman API key.
//
// SCIM provisioning is available on Enterprise plans. A client created
// without WithSCIMKey returns ErrNoSCIMKey from every SCIM call, before
// any I/O. Postman allows 300 SCIM reads and 180 SCIM writes per minute
// for the whole team; the default limiter keeps under both. SCIM errors
// are *APIError values with SCIMType set ("uniqueness", "invalidSyntax" …).
type SCIMService service

// SCIM schema URIs that requests name in their "schemas" member; the SDK
// fills them in when a request leaves Schemas empty.
const (
	SCIMSchemaUser    = "urn:ietf:params:scim:schemas:core:2.0:User"
	SCIMSchemaGroup   = "urn:ietf:params:scim:schemas:core:2.0:Group"
	SCIMSchemaPatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
)

// SCIMMeta is the metadata of a SCIM resource.
type SCIMMeta struct {
	// ResourceType is "User", "Group" …
	ResourceType string    `json:"resourceType"`
	Created      Timestamp `json:"created,omitzero"`
	LastModified Timestamp `json:"lastModified,omitzero"`
	Location     string    `json:"location,omitempty"`
}

// SCIMPatchOp is the operation of a SCIM PATCH.
type SCIMPatchOp string

// SCIM PATCH operations.
const (
	SCIMAdd     SCIMPatchOp = "add"
	SCIMRemove  SCIMPatchOp = "remove"
	SCIMReplace SCIMPatchOp = "replace"
)

// SCIMListOptions filters and pages ListUsers and ListGroups. SCIM pages
// by position: StartIndex is 1-based.
type SCIMListOptions struct {
	// Filter is a SCIM filter: for users "userName eq …" or "active eq …",
	// for groups "displayName eq …" (see SCIMFilterUserName, SCIMFilterActive
	// and SCIMFilterDisplayName). Values are case-sensitive.
	Filter string `url:"filter,omitempty"`
	// StartIndex is the position of the first result (1 when 0).
	StartIndex int `url:"startIndex,omitempty"`
	// Count is the page size (Postman's default and maximum: 100).
	Count int `url:"count,omitempty"`
}

// SCIMFilterUserName returns the filter that finds the user with the
// given userName (their email address).
func SCIMFilterUserName(userName string) string { return "userName eq " + scimQuote(userName) }

// SCIMFilterActive returns the filter that keeps active or inactive users.
func SCIMFilterActive(active bool) string { return "active eq " + strconv.FormatBool(active) }

// SCIMFilterDisplayName returns the filter that finds the group with the
// given display name.
func SCIMFilterDisplayName(name string) string { return "displayName eq " + scimQuote(name) }

// scimQuote writes s as a SCIM filter string (RFC 7644 §3.4.2.2: a JSON
// string), so that quotes in a value cannot change the filter.
func scimQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// scimList is a SCIM ListResponse.
type scimList[T any] struct {
	TotalResults int  `json:"totalResults"`
	StartIndex   int  `json:"startIndex"`
	ItemsPerPage int  `json:"itemsPerPage"`
	Resources    []*T `json:"Resources"`
}

func (l *scimList[T]) fill(resp *Response) {
	resp.Offset, resp.Limit, resp.Total = l.StartIndex, l.ItemsPerPage, l.TotalResults
}

// scimIterCount is the page size of the SCIM iterators: Postman's
// maximum.
const scimIterCount = 100

// scimRemaining turns SCIM's totalResults, which counts every result,
// into what paginate.Offset counts from the first position: the results
// left from there (0, unknown, stays 0).
func scimRemaining(total, first int) int {
	if total == 0 {
		return 0
	}
	return max(total-(first-1), 1)
}

// scimRequest is a request with the SCIM key.
func scimRequest(method, path string, query, body any) *request {
	return &request{method: method, path: path, query: query, body: body, auth: transport.AuthSCIM}
}

// SCIMServiceProviderConfig is what Postman's SCIM service supports.
type SCIMServiceProviderConfig struct {
	Schemas          []string          `json:"schemas,omitempty"`
	DocumentationURI string            `json:"documentationUri,omitempty"`
	Patch            SCIMSupport       `json:"patch"`
	Bulk             SCIMBulkSupport   `json:"bulk"`
	Filter           SCIMFilterSupport `json:"filter"`
	ChangePassword   SCIMSupport       `json:"changePassword"`
	Sort             SCIMSupport       `json:"sort"`
	ETag             SCIMSupport       `json:"etag"`
	// AuthenticationSchemes say how SCIM clients authenticate.
	AuthenticationSchemes []SCIMAuthenticationScheme `json:"authenticationSchemes"`
	Meta                  SCIMMeta                   `json:"meta"`
}

// SCIMSupport says whether a SCIM feature is supported.
type SCIMSupport struct {
	Supported bool `json:"supported"`
}

// SCIMBulkSupport describes support for SCIM bulk operations.
type SCIMBulkSupport struct {
	Supported      bool `json:"supported"`
	MaxOperations  int  `json:"maxOperations"`
	MaxPayloadSize int  `json:"maxPayloadSize"`
}

// SCIMFilterSupport describes support for SCIM filters.
type SCIMFilterSupport struct {
	Supported bool `json:"supported"`
	// MaxResults is the most results a filtered list returns.
	MaxResults int `json:"maxResults"`
}

// SCIMAuthenticationScheme is a way to authenticate to the SCIM service.
type SCIMAuthenticationScheme struct {
	Type        string `json:"type"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	SpecURI     string `json:"specUri,omitempty"`
}

// SCIMResourceType is a kind of resource the SCIM service serves.
type SCIMResourceType struct {
	Schemas     []string `json:"schemas,omitempty"`
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Endpoint    string   `json:"endpoint"`
	Description string   `json:"description,omitempty"`
	// Schema is the resource's core schema URI.
	Schema           string                `json:"schema"`
	SchemaExtensions []SCIMSchemaExtension `json:"schemaExtensions,omitempty"`
}

// SCIMSchemaExtension is a schema extension of a resource type.
type SCIMSchemaExtension struct {
	Schema   string `json:"schema"`
	Required bool   `json:"required"`
}

// GetServiceProviderConfig returns what Postman's SCIM service supports:
// PATCH, filters and their maximum results, authentication schemes.
//
// Available on Enterprise plans.
//
//postman:operation GET /scim/v2/ServiceProviderConfig
func (s *SCIMService) GetServiceProviderConfig(ctx context.Context) (*SCIMServiceProviderConfig, *Response, error) {
	cfg := new(SCIMServiceProviderConfig)
	resp, err := s.client.do(ctx, scimRequest(http.MethodGet, "/scim/v2/ServiceProviderConfig", nil, nil), cfg)
	if err != nil {
		return nil, resp, err
	}
	return cfg, resp, nil
}

// ListResourceTypes returns the resource types Postman's SCIM service
// serves (User and Group).
//
// Available on Enterprise plans.
//
//postman:operation GET /scim/v2/ResourceTypes
func (s *SCIMService) ListResourceTypes(ctx context.Context) ([]*SCIMResourceType, *Response, error) {
	var types []*SCIMResourceType
	resp, err := s.client.do(ctx, scimRequest(http.MethodGet, "/scim/v2/ResourceTypes", nil, nil), &types)
	if err != nil {
		return nil, resp, err
	}
	return types, resp, nil
}
