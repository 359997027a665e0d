package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"time"
)

// DetectedSecretLocation is a place a detected secret was found in.
type DetectedSecretLocation struct {
	ResourceType SecretResourceType `json:"resourceType"`
	// ResourceID is the UID of the element holding the secret.
	ResourceID string `json:"resourceId"`
	// ParentResourceID is the collection's UID for requests, folders and
	// examples.
	ParentResourceID string `json:"parentResourceId,omitempty"`
	// IsResourceDeleted is true when the element was deleted since.
	IsResourceDeleted bool `json:"isResourceDeleted"`
	// Location is the part of the element holding it ("Headers").
	Location    string `json:"location"`
	Occurrences int    `json:"occurrences"`
	// LeakedBy is the user ID of who exposed the secret.
	LeakedBy   int64     `json:"leakedBy"`
	DetectedAt Timestamp `json:"detectedAt,omitzero"`
	// URL opens the element in Postman.
	URL string `json:"url"`
}

// DetectedSecretActivity is a change of a secret's resolution.
type DetectedSecretActivity struct {
	Status DetectedSecretResolution `json:"status"`
	// ResolvedBy is the user ID of who changed it.
	ResolvedBy int64     `json:"resolvedBy"`
	ResolvedAt Timestamp `json:"resolvedAt,omitzero"`
}

// DetectedSecretLocations is a page of a secret's locations, with what
// Postman says about the secret itself.
type DetectedSecretLocations struct {
	Locations        []*DetectedSecretLocation
	SecretType       string
	SecretHash       string
	ObfuscatedSecret DetectedSecretValue
	// ActivityFeed is the history of the secret's resolution.
	ActivityFeed []*DetectedSecretActivity
	// Total counts every location of the secret.
	Total int
}

// DetectedSecretLocationListOptions filters and pages ListLocations.
type DetectedSecretLocationListOptions struct {
	// Since and Until keep locations detected in that time range.
	Since        time.Time          `url:"since,omitempty"`
	Until        time.Time          `url:"until,omitempty"`
	ResourceType SecretResourceType `url:"resourceType,omitempty"`
	CursorOptions
}

// ListLocations returns where a secret was found in a workspace, one page
// at a time (10 by default): Response.NextCursor points to the next page
// and Response.Total counts every location. ListLocationsIter pages for
// you.
//
// Available on Enterprise plans with the Advanced Security Administration
// add-on.
//
//postman:operation GET /detected-secrets/{secretId}/locations
func (s *SecretScannerService) ListLocations(ctx context.Context, secretID, workspaceID string, opts *DetectedSecretLocationListOptions) (*DetectedSecretLocations, *Response, error) {
	path, err := pathf("/detected-secrets/{secretID}/locations", secretID)
	if err != nil {
		return nil, nil, err
	}
	if workspaceID == "" {
		return nil, nil, fmt.Errorf("postman: %w: empty workspace ID", ErrInvalidArgument)
	}
	q := struct {
		WorkspaceID string `url:"workspaceId"`
		DetectedSecretLocationListOptions
	}{WorkspaceID: workspaceID}
	if opts != nil {
		q.DetectedSecretLocationListOptions = *opts
		q.Since, q.Until = secretUTC(q.Since), secretUTC(q.Until)
	}
	var root struct {
		Data []*DetectedSecretLocation `json:"data"`
		Meta struct {
			pageMeta
			ActivityFeed     []*DetectedSecretActivity `json:"activityFeed"`
			ObfuscatedSecret DetectedSecretValue       `json:"obfuscatedSecret"`
			SecretHash       string                    `json:"secretHash"`
			SecretType       string                    `json:"secretType"`
		} `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path, query: &q}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.setOn(resp)
	return &DetectedSecretLocations{
		Locations:        root.Data,
		SecretType:       root.Meta.SecretType,
		SecretHash:       root.Meta.SecretHash,
		ObfuscatedSecret: root.Meta.ObfuscatedSecret,
		ActivityFeed:     root.Meta.ActivityFeed,
		Total:            resp.Total,
	}, resp, nil
}

// ListLocationsIter iterates over the places a secret was found in a
// workspace, one page in memory at a time (100 per page unless opts.Limit
// says otherwise).
//
// Available on Enterprise plans with the Advanced Security Administration
// add-on.
func (s *SecretScannerService) ListLocationsIter(ctx context.Context, secretID, workspaceID string, opts *DetectedSecretLocationListOptions) iter.Seq2[*DetectedSecretLocation, error] {
	return cursorIter(ctx, opts, defaultIterLimit, func(ctx context.Context, o *DetectedSecretLocationListOptions) ([]*DetectedSecretLocation, *Response, error) {
		locs, resp, err := s.ListLocations(ctx, secretID, workspaceID, o)
		if err != nil {
			return nil, resp, err
		}
		return locs.Locations, resp, nil
	})
}
