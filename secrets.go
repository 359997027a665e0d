package postman

import (
	"context"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"time"

	"github.com/postman-go/postman/internal/transport"
)

// SecretScannerService is the Secret Scanner area: secrets detected in the team's workspaces and their resolution.
//
// The Secret Scanner API is available on Enterprise plans with the
// Advanced Security Administration add-on, to Super Admins, Admins and
// Workspace Admins. Without the add-on every call fails with an error
// matching ErrFeatureUnavailable.
type SecretScannerService service

// DetectedSecretResolution is the triage status of a detected secret.
type DetectedSecretResolution string

// Resolution statuses of detected secrets.
const (
	// DetectedSecretActive is an unresolved secret.
	DetectedSecretActive DetectedSecretResolution = "ACTIVE"
	// DetectedSecretFalsePositive is not an actual secret.
	DetectedSecretFalsePositive DetectedSecretResolution = "FALSE_POSITIVE"
	// DetectedSecretRevoked is a real secret that was rotated.
	DetectedSecretRevoked DetectedSecretResolution = "REVOKED"
	// DetectedSecretAcceptedRisk is a real secret whose exposure is accepted.
	DetectedSecretAcceptedRisk DetectedSecretResolution = "ACCEPTED_RISK"
)

// DetectedSecretVisibility is the visibility of the workspace a secret
// was found in.
type DetectedSecretVisibility string

// Workspace visibilities of detected secrets.
const (
	DetectedSecretPersonal DetectedSecretVisibility = "personal"
	DetectedSecretPrivate  DetectedSecretVisibility = "private"
	DetectedSecretTeam     DetectedSecretVisibility = "team"
	DetectedSecretPublic   DetectedSecretVisibility = "public"
)

// SecretResourceType is the kind of Postman element a secret was found in.
type SecretResourceType string

// Resource types the Secret Scanner scans.
const (
	SecretInCollection               SecretResourceType = "collection"
	SecretInEnvironment              SecretResourceType = "environment"
	SecretInGlobals                  SecretResourceType = "globals"
	SecretInFolder                   SecretResourceType = "folder"
	SecretInRequest                  SecretResourceType = "request"
	SecretInExample                  SecretResourceType = "example"
	SecretInExtensibleCollection     SecretResourceType = "extensible-collection"
	SecretInExtensibleCollectionMeta SecretResourceType = "extensible-collection-meta"
	SecretInExtensibleFolder         SecretResourceType = "extensible-folder"
	SecretInExtensibleRequest        SecretResourceType = "extensible-request"
	SecretInExtensibleExample        SecretResourceType = "extensible-example"
	SecretInExtensibleMessage        SecretResourceType = "extensible-message"
)

// DetectedSecretValue is a detected secret's value as Postman returns it,
// obfuscated ("PMAK-644781584627df042afa6655-******ba"). Obfuscated values
// still show a good part of the secret, so they print as [REDACTED] from
// String, every fmt verb and slog; Reveal returns the value. JSON encoding
// keeps it, for exports of findings: log a DetectedSecret through fmt or
// slog.TextHandler, not as JSON.
type DetectedSecretValue string

// Reveal returns the obfuscated value.
func (v DetectedSecretValue) Reveal() string { return string(v) }

// String returns [REDACTED].
func (v DetectedSecretValue) String() string { return transport.Redacted }

// GoString returns [REDACTED], for %#v.
func (v DetectedSecretValue) GoString() string { return transport.Redacted }

// Format prints [REDACTED] for every verb, %v and %+v of structs holding
// the value included.
func (v DetectedSecretValue) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(transport.Redacted)) }

// LogValue implements slog.LogValuer.
func (v DetectedSecretValue) LogValue() slog.Value { return slog.StringValue(transport.Redacted) }

// DetectedSecret is a secret the Secret Scanner found, grouped by
// workspace or, when the search filtered by resources, by resource.
type DetectedSecret struct {
	SecretID string `json:"secretId"`
	// SecretType is the type's name ("Slack Access Token").
	SecretType string `json:"secretType"`
	// SecretHash is the SHA-256 hash of the secret, the same wherever it
	// was found.
	SecretHash       string                   `json:"secretHash"`
	ObfuscatedSecret DetectedSecretValue      `json:"obfuscatedSecret"`
	Resolution       DetectedSecretResolution `json:"resolution"`
	// Occurrences counts the places the secret was found in.
	Occurrences         int                      `json:"occurrences"`
	WorkspaceID         string                   `json:"workspaceId"`
	WorkspaceVisibility DetectedSecretVisibility `json:"workspaceVisibility"`
	// ResourceType and ResourceID are only set when searching by resource.
	ResourceType SecretResourceType `json:"resourceType,omitempty"`
	ResourceID   string             `json:"resourceId,omitempty"`
	// DetectedAt is when the secret was first found.
	DetectedAt Timestamp `json:"detectedAt,omitzero"`
}

// DetectedSecretSearchParams is the body of Search: every field narrows the
// search; the zero value finds every detected secret.
type DetectedSecretSearchParams struct {
	// Resolved keeps resolved (true) or unresolved (false) secrets.
	Resolved *bool `json:"resolved,omitempty"`
	// SecretTypes are secret type IDs (see ListTypes).
	SecretTypes []string `json:"secretTypes,omitempty"`
	// Statuses keeps secrets with these resolutions; DetectedSecretActive
	// is not accepted here, ask for Resolved false instead.
	Statuses []DetectedSecretResolution `json:"statuses,omitempty"`
	// Resources and WorkspaceIDs exclude each other: set one or neither.
	Resources             []DetectedSecretResources  `json:"resources,omitempty"`
	WorkspaceIDs          []string                   `json:"workspaceIds,omitempty"`
	WorkspaceVisibilities []DetectedSecretVisibility `json:"workspaceVisibilities,omitempty"`
}

// DetectedSecretResources selects elements of one type to search in.
type DetectedSecretResources struct {
	Type SecretResourceType `json:"type"`
	IDs  []string           `json:"ids"`
}

// DetectedSecretSearchOptions pages Search and asks it for the total.
type DetectedSecretSearchOptions struct {
	// IncludeTotal asks for the number of matching secrets
	// (Response.Total).
	IncludeTotal bool `url:"-"`
	// Since and Until keep secrets detected in that time range.
	Since time.Time `url:"since,omitempty"`
	Until time.Time `url:"until,omitempty"`
	CursorOptions
}

// secretSearchQuery is what Search sends as its query.
type secretSearchQuery struct {
	Include string `url:"include,omitempty"`
	DetectedSecretSearchOptions
}

// Search returns the secrets the Secret Scanner detected that match
// query, one page at a time (10 by default): Response.NextCursor points
// to the next page, and Response.Total counts every match when
// opts.IncludeTotal is set. SearchIter pages for you.
//
// Available on Enterprise plans with the Advanced Security Administration
// add-on.
//
//postman:operation POST /detected-secrets-queries
func (s *SecretScannerService) Search(ctx context.Context, query DetectedSecretSearchParams, opts *DetectedSecretSearchOptions) ([]*DetectedSecret, *Response, error) {
	var q *secretSearchQuery
	if opts != nil {
		q = &secretSearchQuery{DetectedSecretSearchOptions: *opts}
		q.Since, q.Until = secretUTC(q.Since), secretUTC(q.Until)
		if opts.IncludeTotal {
			q.Include = "meta.total"
		}
	}
	return fetchPage[DetectedSecret](ctx, s.client, &request{method: http.MethodPost, path: "/detected-secrets-queries", query: q, body: query})
}

// secretUTC returns t in UTC, leaving the zero time zero.
func secretUTC(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

// SearchIter iterates over the secrets the Secret Scanner detected that
// match query, one page in memory at a time (100 per page unless
// opts.Limit says otherwise).
//
// Available on Enterprise plans with the Advanced Security Administration
// add-on.
func (s *SecretScannerService) SearchIter(ctx context.Context, query DetectedSecretSearchParams, opts *DetectedSecretSearchOptions) iter.Seq2[*DetectedSecret, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *DetectedSecretSearchOptions) ([]*DetectedSecret, *Response, error) {
		return s.Search(ctx, query, o)
	})
}

// DetectedSecretResolutionUpdateParams is the body of UpdateResolution.
type DetectedSecretResolutionUpdateParams struct {
	// Resolution is DetectedSecretFalsePositive, DetectedSecretRevoked or
	// DetectedSecretAcceptedRisk; a secret cannot be set back to active.
	Resolution DetectedSecretResolution `json:"resolution"`
	// WorkspaceID is the workspace the secret was found in.
	WorkspaceID string `json:"workspaceId"`
}

// DetectedSecretStatus is a secret's resolution and its history.
type DetectedSecretStatus struct {
	SecretHash  string                   `json:"secretHash"`
	WorkspaceID string                   `json:"workspaceId"`
	Resolution  DetectedSecretResolution `json:"resolution"`
	// History lists the resolution changes.
	History []*DetectedSecretResolutionChange `json:"history"`
}

// DetectedSecretResolutionChange is one change of a secret's resolution.
type DetectedSecretResolutionChange struct {
	// Actor is the user ID of who changed it.
	Actor      int64                    `json:"actor"`
	Resolution DetectedSecretResolution `json:"resolution"`
	CreatedAt  Timestamp                `json:"createdAt,omitzero"`
}

// UpdateResolution sets the resolution of a secret detected in a
// workspace, e.g. to DetectedSecretRevoked once it was rotated.
//
// Available on Enterprise plans with the Advanced Security Administration
// add-on.
//
//postman:operation PUT /detected-secrets/{secretId}
func (s *SecretScannerService) UpdateResolution(ctx context.Context, secretID string, req DetectedSecretResolutionUpdateParams) (*DetectedSecretStatus, *Response, error) {
	path, err := pathf("/detected-secrets/{secretID}", secretID)
	if err != nil {
		return nil, nil, err
	}
	status := new(DetectedSecretStatus)
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: req}, status)
	if err != nil {
		return nil, resp, err
	}
	return status, resp, nil
}

// SecretTypeOrigin says where a secret type comes from.
type SecretTypeOrigin string

// Origins of secret types.
const (
	// SecretTypeDefault types are built into the Secret Scanner.
	SecretTypeDefault SecretTypeOrigin = "DEFAULT"
	// SecretTypeTeamRegex types are the team's custom regular expressions.
	SecretTypeTeamRegex SecretTypeOrigin = "TEAM_REGEX"
)

// SecretType is a kind of secret the Secret Scanner detects.
type SecretType struct {
	// ID is what DetectedSecretSearchParams.SecretTypes takes.
	ID     string           `json:"id"`
	Name   string           `json:"name"`
	Origin SecretTypeOrigin `json:"type"`
}

// ListTypes returns the secret types the Secret Scanner detects;
// Response.Total counts them.
//
// Available on Enterprise plans with the Advanced Security Administration
// add-on.
//
//postman:operation GET /secret-types
func (s *SecretScannerService) ListTypes(ctx context.Context) ([]*SecretType, *Response, error) {
	return getPage[SecretType](ctx, s.client, "/secret-types", nil)
}
