package postman

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
)

// PackagesService is the Packages area: the team's Package Library.
//
// A package is a named script that collection and request scripts import
// with pm.require. Besides the per-minute rate limit, Postman limits how
// many packages a plan may hold, and any package endpoint may answer 429
// for that limit too: a *RateLimitError that waiting does not cure, which
// PackageLimitReached recognises.
type PackagesService service

// Package is a package of the team's Package Library.
type Package struct {
	ID string `json:"id"`
	// Name is the lowercase import name, fixed at creation.
	Name        string `json:"name"`
	Description string `json:"description"`
	// Script is the package's index script; List does not return it.
	Script string `json:"script,omitempty"`
	// CreatedBy is a user ID; List does not return it.
	CreatedBy int64     `json:"createdBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// PackageListOptions pages List (at most 100 per page, the default).
type PackageListOptions struct {
	CursorOptions
}

// List returns a page of the active packages the user can use, without
// their scripts; Response.NextCursor points to the next page. Postman also
// answers 429 when the team is over its plan's package limit (see
// PackageLimitReached).
//
//postman:operation GET /packages
func (s *PackagesService) List(ctx context.Context, opts *PackageListOptions) ([]*Package, *Response, error) {
	return getPage[Package](ctx, s.client, "/packages", opts)
}

// ListIter iterates over the active packages the user can use, one page
// in memory at a time.
func (s *PackagesService) ListIter(ctx context.Context, opts *PackageListOptions) iter.Seq2[*Package, error] {
	return cursorIter(ctx, opts, defaultIterLimit, s.List)
}

// Get returns an active package with its script.
//
//postman:operation GET /packages/{packageId}
func (s *PackagesService) Get(ctx context.Context, packageID string) (*Package, *Response, error) {
	p, err := pathf("/packages/{packageID}", packageID)
	if err != nil {
		return nil, nil, err
	}
	var raw json.RawMessage
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: p}, &raw)
	if err != nil {
		return nil, resp, err
	}
	pkg := new(Package)
	if err := specUnwrapData(raw, pkg); err != nil {
		return nil, resp, &DecodeError{StatusCode: resp.StatusCode, Method: http.MethodGet, Path: p, Excerpt: s.client.excerpt(raw), Err: err}
	}
	return pkg, resp, nil
}

// PackageCreateParams is the body of Create.
type PackageCreateParams struct {
	// Name is the import name: a letter, then letters, digits, "_" or "-"
	// (at most 200). Postman stores it in lowercase.
	Name string `json:"name"`
	// Description is printable ASCII, at most 500 characters.
	Description string `json:"description,omitempty"`
	// Script is the initial index script, at most 500 KB.
	Script string `json:"script,omitempty"`
}

// Create creates a package in a workspace with its index script. When the
// team already holds as many packages as its plan allows, Postman answers
// 429: a *RateLimitError that PackageLimitReached recognises, not a
// per-minute limit.
//
//postman:operation POST /packages
func (s *PackagesService) Create(ctx context.Context, workspaceID string, req PackageCreateParams) (*Package, *Response, error) {
	if err := specRequireArg("workspace ID", workspaceID); err != nil {
		return nil, nil, err
	}
	if err := specRequireArg("package name", req.Name); err != nil {
		return nil, nil, err
	}
	q := struct {
		Workspace string `url:"workspace"`
	}{workspaceID}
	pkg := new(Package)
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/packages", query: &q, body: req}, pkg)
	if err != nil {
		return nil, resp, err
	}
	return pkg, resp, nil
}

// PackageUpdateParams is the body of Update, a JSON merge patch: set
// fields change, unset fields stay. An empty string clears the field.
type PackageUpdateParams struct {
	// Description is printable ASCII, at most 500 characters.
	Description *string `json:"description,omitempty"`
	// Script is the index script, at most 500 KB.
	Script *string `json:"script,omitempty"`
}

// Update changes a package's description or script (its name is fixed),
// sent as application/merge-patch+json. An update that sets nothing is
// refused before any I/O.
//
//postman:operation PATCH /packages/{packageId}
func (s *PackagesService) Update(ctx context.Context, packageID string, req PackageUpdateParams) (*Package, *Response, error) {
	p, err := pathf("/packages/{packageID}", packageID)
	if err != nil {
		return nil, nil, err
	}
	if req.Description == nil && req.Script == nil {
		return nil, nil, fmt.Errorf("postman: %w: package update sets nothing", ErrInvalidArgument)
	}
	body, err := json.Marshal(req)
	if err != nil {
		return nil, nil, fmt.Errorf("postman: PATCH %s: encoding the request body: %w", p, err)
	}
	pkg := new(Package)
	resp, err := s.client.do(ctx, &request{method: http.MethodPatch, path: p, body: body, contentType: "application/merge-patch+json"}, pkg)
	if err != nil {
		return nil, resp, err
	}
	return pkg, resp, nil
}

// Delete deletes a package and its script. Postman answers success even
// when the package no longer exists, so a repeated Delete is harmless.
//
//postman:operation DELETE /packages/{packageId}
func (s *PackagesService) Delete(ctx context.Context, packageID string) (*Response, error) {
	p, err := pathf("/packages/{packageID}", packageID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: p}, nil)
}

// PackageLimitReached reports whether err is Postman's answer that the team
// holds as many packages as its plan allows ("You've reached the limit for
// your plan"). Postman sends it as a 429, so it is a *RateLimitError and
// matches ErrRateLimited, but waiting does not help: delete packages or
// upgrade the plan. It is neither the per-minute limit nor the monthly API
// quota (ErrQuotaExhausted).
func PackageLimitReached(err error) bool {
	return errors.Is(err, ErrPlanLimit)
}
