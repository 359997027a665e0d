package postman

// The spec-migration endpoints are not in the OpenAPI description this
// SDK is tested against (testdata/openapi.yaml): their shapes come from
// Postman's 2026 API reference as its official TypeScript SDK
// (postman-api-sdk-ts, SpecsService.migrateApiToSpecHub and
// getMigrationStatus) documents them. They carry no //postman:operation
// marker, and their tests use a local server instead of the conformance
// harness; they are untested against a description.

import (
	"context"
	"fmt"
	"net/http"
)

// APIMigrateParams says where MigrateToSpecHub puts the
// specification: an existing workspace (WorkspaceID), or a new one
// (Workspace). Git-connected APIs can only move to a new workspace, with
// Git naming the API's folder in the mono-repo.
type APIMigrateParams struct {
	// WorkspaceID is the existing workspace to migrate into.
	WorkspaceID string `json:"workspaceId,omitempty"`
	// Workspace is the new workspace to create and migrate into.
	Workspace *APISpecMigrationWorkspace `json:"workspaceInfo,omitempty"`
	// Git locates a Git-connected API in its mono-repo.
	Git *APISpecMigrationGit `json:"gitInfo,omitempty"`
}

// APISpecMigrationWorkspace is the workspace a migration creates.
type APISpecMigrationWorkspace struct {
	Name string `json:"name"`
}

// APISpecMigrationGit locates a Git-connected API in its repository.
type APISpecMigrationGit struct {
	// Path is the absolute directory of the API's collections and
	// definitions in the mono-repo (letters, digits, "/", "-", "_", ".";
	// no "..").
	Path string `json:"path"`
}

func (r *APIMigrateParams) validate() error {
	switch {
	case r.WorkspaceID == "" && r.Workspace == nil:
		return fmt.Errorf("postman: APIs.MigrateToSpecHub: %w: set WorkspaceID or Workspace", ErrInvalidArgument)
	case r.WorkspaceID != "" && r.Workspace != nil:
		return fmt.Errorf("postman: APIs.MigrateToSpecHub: %w: set WorkspaceID or Workspace, not both", ErrInvalidArgument)
	case r.Git != nil && r.Workspace == nil:
		return fmt.Errorf("postman: APIs.MigrateToSpecHub: %w: a Git-connected API can only move to a new Workspace", ErrInvalidArgument)
	}
	return nil
}

// APISpecMigrationStart is Postman's answer to MigrateToSpecHub.
type APISpecMigrationStart struct {
	// APIID is the API being migrated.
	APIID   string `json:"-"`
	Message string `json:"message,omitempty"`
	// Success is true when Postman accepted the migration.
	Success bool `json:"success"`
	// Accepted is true when Postman started a migration (202); false when
	// there was nothing to migrate because the ID is not an API Builder
	// API (200).
	Accepted bool `json:"-"`
}

// APISpecMigrationStatus is the state of a migration. Postman documents
// COMPLETED and FAILED; WaitSpecMigration treats any other value as still
// running.
type APISpecMigrationStatus string

// Migration states.
const (
	APISpecMigrationCompleted APISpecMigrationStatus = "COMPLETED"
	APISpecMigrationFailed    APISpecMigrationStatus = "FAILED"
)

// APISpecMigration is the state of an API's migration to Spec Hub.
type APISpecMigration struct {
	Status  APISpecMigrationStatus  `json:"status"`
	Details APISpecMigrationDetails `json:"details"`
}

// APISpecMigrationDetails is the outcome of a migration.
type APISpecMigrationDetails struct {
	// WorkspaceID is where the specification went, once completed.
	WorkspaceID string `json:"workspaceId,omitempty"`
	// Reason is why the migration failed.
	Reason string `json:"reason,omitempty"`
}

// MigrateToSpecHub starts moving an API Builder API to a Spec Hub
// specification, in an existing or a new workspace. It is the way off the
// deprecated API Builder: afterwards, use SpecsService. Postman migrates
// asynchronously; WaitSpecMigration waits for the end.
//
// This endpoint is not in the OpenAPI description the SDK is tested
// against; its shape follows Postman's 2026 API reference.
func (s *APIsService) MigrateToSpecHub(ctx context.Context, apiID string, req APIMigrateParams) (*APISpecMigrationStart, *Response, error) {
	path, err := pathf("/apis/{apiID}/spec-migrations", apiID)
	if err != nil {
		return nil, nil, err
	}
	if err := req.validate(); err != nil {
		return nil, nil, err
	}
	r := apiRequest(http.MethodPost, path)
	r.body = req
	start := new(APISpecMigrationStart)
	resp, err := s.client.do(ctx, r, start)
	if err != nil {
		return nil, resp, err
	}
	start.APIID = apiID
	start.Accepted = resp.StatusCode == http.StatusAccepted
	return start, resp, nil
}

// GetSpecMigration returns the state of an API's migration to Spec Hub.
//
// This endpoint is not in the OpenAPI description the SDK is tested
// against; its shape follows Postman's 2026 API reference.
func (s *APIsService) GetSpecMigration(ctx context.Context, apiID string) (*APISpecMigration, *Response, error) {
	path, err := pathf("/apis/{apiID}/spec-migrations", apiID)
	if err != nil {
		return nil, nil, err
	}
	m := new(APISpecMigration)
	resp, err := s.client.do(ctx, apiRequest(http.MethodGet, path), m)
	if err != nil {
		return nil, resp, err
	}
	return m, resp, nil
}

// WaitSpecMigration polls the migration MigrateToSpecHub started with
// backoff (see WithTaskPolling) until it completes, and returns it with
// the last poll's Response. A failed migration
// gives a *TaskFailedError with Postman's reason; ctx bounds the wait.
func (s *APIsService) WaitSpecMigration(ctx context.Context, start *APISpecMigrationStart) (*APISpecMigration, *Response, error) {
	if start == nil {
		return nil, nil, fmt.Errorf("postman: APIs.WaitSpecMigration: %w: no migration", ErrInvalidArgument)
	}
	apiID := start.APIID
	var (
		done     *APISpecMigration
		lastResp *Response
	)
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		m, resp, err := s.GetSpecMigration(ctx, apiID)
		lastResp = resp
		if err != nil {
			return false, err
		}
		if m.Status == "" {
			return false, missingResult(resp, "status")
		}
		if m.Status == APISpecMigrationFailed {
			return false, &TaskFailedError{Task: "Spec Hub migration of API " + apiID, Status: string(m.Status), Details: m.Details.Reason}
		}
		done = m
		return m.Status == APISpecMigrationCompleted, nil
	})
	if err != nil {
		return nil, lastResp, err
	}
	return done, lastResp, nil
}
