package postman

import "encoding/json"

// SearchField is a field search filters compare. Each is supported for
// some element types only, as its constant says.
type SearchField string

// Fields of search filters.
const (
	// SearchFieldPrivateNetwork (bool) is membership of the Private API
	// Network; only with SearchOrganization.
	SearchFieldPrivateNetwork SearchField = "privateNetwork"
	// SearchFieldPublisherIsVerified (bool) is the publisher's verification.
	SearchFieldPublisherIsVerified SearchField = "publisherIsVerified"
	// SearchFieldVisibility is the workspace visibility (SearchVisibility…).
	SearchFieldVisibility  SearchField = "visibility"
	SearchFieldWorkspaceID SearchField = "workspaceId"
	// SearchFieldCollectionID is for requests and collections.
	SearchFieldCollectionID SearchField = "collectionId"
	// SearchFieldTags is for workspaces and collections.
	SearchFieldTags SearchField = "tags"
	// SearchFieldMethod (an HTTP method) is for requests.
	SearchFieldMethod SearchField = "method"
	// SearchFieldRequestID is for requests.
	SearchFieldRequestID SearchField = "requestId"
	// SearchFieldSpecificationID is for specs.
	SearchFieldSpecificationID SearchField = "specificationId"
	// SearchFieldFlowID is for flows.
	SearchFieldFlowID SearchField = "flowId"
	// SearchFieldDocumentID is for workspace documents.
	SearchFieldDocumentID SearchField = "documentId"
	// SearchFieldEnvironmentID is for environments.
	SearchFieldEnvironmentID SearchField = "environmentId"
	// SearchFieldCreatedBy is the creator's user ID.
	SearchFieldCreatedBy      SearchField = "createdBy"
	SearchFieldOrganizationID SearchField = "organizationId"
	SearchFieldTeamID         SearchField = "teamId"
	// SearchFieldIsGitConnected (bool) is the Git connection; every
	// element type takes it, though results report it for workspaces,
	// collections, requests, specs and flows only.
	SearchFieldIsGitConnected SearchField = "isGitConnected"
	// SearchFieldType is the protocol of requests ("http", "grpc").
	SearchFieldType SearchField = "type"
)

// Values of SearchFieldVisibility.
const (
	SearchVisibilityInternal = "internal"
	SearchVisibilityPublic   = "public"
	SearchVisibilityPartner  = "partner"
)

// SearchOperator compares a field with a value.
type SearchOperator string

// Operators of search filters.
const (
	SearchOpEq    SearchOperator = "$eq"
	SearchOpNe    SearchOperator = "$ne"
	SearchOpIn    SearchOperator = "$in"
	SearchOpNotIn SearchOperator = "$nin"
)

// SearchCondition is one filter condition. Build it with SearchEq,
// SearchNe, SearchIn, SearchNotIn, SearchEqBool or SearchNeBool, which
// give Value the type the field takes.
type SearchCondition struct {
	Field    SearchField
	Operator SearchOperator
	// Value is a string for $eq and $ne on text fields, a bool for $eq and
	// $ne on bool fields, and a []string for $in and $nin.
	Value any
}

// MarshalJSON writes the condition as Postman reads it: {"field":{"$op":value}}.
func (c SearchCondition) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[SearchField]map[SearchOperator]any{c.Field: {c.Operator: c.Value}})
}

// SearchEq keeps elements whose field equals value.
func SearchEq(field SearchField, value string) SearchCondition {
	return SearchCondition{Field: field, Operator: SearchOpEq, Value: value}
}

// SearchNe keeps elements whose field differs from value.
func SearchNe(field SearchField, value string) SearchCondition {
	return SearchCondition{Field: field, Operator: SearchOpNe, Value: value}
}

// SearchIn keeps elements whose field is one of values.
func SearchIn(field SearchField, values ...string) SearchCondition {
	return SearchCondition{Field: field, Operator: SearchOpIn, Value: append([]string{}, values...)}
}

// SearchNotIn keeps elements whose field is none of values.
func SearchNotIn(field SearchField, values ...string) SearchCondition {
	return SearchCondition{Field: field, Operator: SearchOpNotIn, Value: append([]string{}, values...)}
}

// SearchEqBool keeps elements whose bool field is value.
func SearchEqBool(field SearchField, value bool) SearchCondition {
	return SearchCondition{Field: field, Operator: SearchOpEq, Value: value}
}

// SearchNeBool keeps elements whose bool field is not value.
func SearchNeBool(field SearchField, value bool) SearchCondition {
	return SearchCondition{Field: field, Operator: SearchOpNe, Value: value}
}

// SearchFilters are conditions that must all hold.
type SearchFilters []SearchCondition

// MarshalJSON writes the conditions as Postman's {"$and": […]}.
func (f SearchFilters) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		And []SearchCondition `json:"$and"`
	}{f})
}
