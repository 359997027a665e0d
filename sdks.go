package postman

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"
)

// SDKsService is the SDK generation area: generated client SDKs and their git connections.
//
// SDK generation is available on Team and Enterprise plans; other teams
// get errors matching ErrFeatureUnavailable or ErrForbidden.
type SDKsService service

// SDK is a client SDK Postman generated, in one language, from a
// collection or a specification.
type SDK struct {
	ID          string         `json:"id"`
	Language    SDKLanguage    `json:"language"`
	Source      SDKSource      `json:"source"`
	WorkspaceID string         `json:"workspaceId"`
	BuildStatus SDKBuildStatus `json:"buildStatus"`
	// Version is the SDK's semantic version, set by Postman's release
	// pipeline (empty until a build succeeds).
	Version string `json:"version,omitempty"`
	// Error says why the build failed, when BuildStatus is failed.
	Error *SDKBuildError `json:"error,omitempty"`
	// PullRequest is the pull request that shipped (or proposes) the SDK
	// through a git connection, if any.
	PullRequest *SDKPullRequest `json:"pullRequest,omitempty"`
	CreatedAt   Timestamp       `json:"createdAt,omitzero"`
	UpdatedAt   Timestamp       `json:"updatedAt,omitzero"`
}

// SDKSource is the collection or specification an SDK is generated from.
type SDKSource struct {
	Type SDKSourceType `json:"type"`
	ID   string        `json:"id"`
}

// SDKSourceType is the kind of Postman element an SDK is generated from.
type SDKSourceType string

// SDK source kinds.
const (
	SDKSourceCollection SDKSourceType = "collection"
	SDKSourceSpec       SDKSourceType = "spec"
)

// SDKLanguage is the target language of an SDK. Postman may add values.
type SDKLanguage string

// SDK languages.
const (
	SDKTypeScript SDKLanguage = "typescript"
	SDKPython     SDKLanguage = "python"
	SDKGo         SDKLanguage = "go"
	SDKJava       SDKLanguage = "java"
	SDKCSharp     SDKLanguage = "csharp"
	SDKRuby       SDKLanguage = "ruby"
	SDKPHP        SDKLanguage = "php"
	SDKKotlin     SDKLanguage = "kotlin"
	SDKRust       SDKLanguage = "rust"
	SDKCLI        SDKLanguage = "cli"
)

// SDKBuildStatus is where an SDK's generation stands.
type SDKBuildStatus string

// SDK build states.
const (
	SDKQueued     SDKBuildStatus = "queued"
	SDKInProgress SDKBuildStatus = "in_progress"
	SDKSucceeded  SDKBuildStatus = "succeeded"
	SDKFailed     SDKBuildStatus = "failed"
)

// SDKBuildError says why an SDK build failed.
type SDKBuildError struct {
	// Code is a machine-readable reason such as "spec_validation_failed".
	Code    string `json:"code"`
	Message string `json:"message"`
}

// SDKListOptions filters and pages List. When SDKIDs is set, Postman
// ignores the other filters: it is the way to poll many builds in one call.
type SDKListOptions struct {
	// SDKIDs asks for these SDKs only (at most 100).
	SDKIDs      []string       `url:"sdkIds,omitempty,comma"`
	BuildStatus SDKBuildStatus `url:"buildStatus,omitempty"`
	Language    SDKLanguage    `url:"language,omitempty"`
	// SourceID keeps the SDKs of one collection or specification.
	SourceID string `url:"sourceId,omitempty"`
	// Limit is at most 25.
	CursorOptions
}

// sdkPageLimit is the largest page of the SDK lists: a larger limit is a
// 400 error.
const sdkPageLimit = 25

// SDKCreateParams describes an SDK to generate. Postman only reads the
// options of the chosen Language.
type SDKCreateParams struct {
	Source   SDKSource   `json:"source"`
	Language SDKLanguage `json:"language"`
	// SDKVersion overrides the version; by default Postman takes the next
	// one after the latest automatic pull request.
	SDKVersion string      `json:"sdkVersion,omitempty"`
	Authors    []SDKAuthor `json:"authors,omitempty"`
	// Retry is the retry behaviour built into the generated client.
	Retry *SDKRetry `json:"retry,omitempty"`

	TypeScriptOptions *SDKTypeScriptOptions `json:"typescriptOptions,omitempty"`
	PythonOptions     *SDKPythonOptions     `json:"pythonOptions,omitempty"`
	GoOptions         *SDKGoOptions         `json:"goOptions,omitempty"`
	JavaOptions       *SDKMavenOptions      `json:"javaOptions,omitempty"`
	CSharpOptions     *SDKCSharpOptions     `json:"csharpOptions,omitempty"`
	RubyOptions       *SDKRubyOptions       `json:"rubyOptions,omitempty"`
	PHPOptions        *SDKPHPOptions        `json:"phpOptions,omitempty"`
	KotlinOptions     *SDKMavenOptions      `json:"kotlinOptions,omitempty"`
	RustOptions       *SDKRustOptions       `json:"rustOptions,omitempty"`
	CLIOptions        *SDKGoOptions         `json:"cliOptions,omitempty"`
}

// SDKAuthor is a package author written into the generated manifest.
type SDKAuthor struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
}

// SDKRetry is the retry behaviour of a generated SDK's HTTP client; unset
// fields take Postman's defaults.
type SDKRetry struct {
	Enabled     *bool `json:"enabled,omitempty"`
	MaxAttempts int   `json:"maxAttempts,omitempty"`
	// RetryDelay is the base wait between attempts in milliseconds; the
	// description requires it whenever Retry is sent (Postman's default
	// is 150).
	RetryDelay int `json:"retryDelay"`
	// MaxDelay and RetryDelayJitter are in milliseconds.
	MaxDelay           *int     `json:"maxDelay,omitempty"`
	BackOffFactor      *float64 `json:"backOffFactor,omitempty"`
	RetryDelayJitter   *int     `json:"retryDelayJitter,omitempty"`
	HTTPCodesToRetry   []int    `json:"httpCodesToRetry,omitempty"`
	HTTPMethodsToRetry []string `json:"httpMethodsToRetry,omitempty"`
}

// SDKTypeScriptOptions name the npm package of a TypeScript SDK.
type SDKTypeScriptOptions struct {
	// NpmOrg is a scope such as "@engineering", without a trailing slash.
	NpmOrg  string `json:"npmOrg,omitempty"`
	NpmName string `json:"npmName,omitempty"`
}

// SDKPythonOptions name the PyPI package of a Python SDK.
type SDKPythonOptions struct {
	PyPIPackageName string `json:"pypiPackageName,omitempty"`
}

// SDKGoOptions name the module of a Go SDK or of a CLI.
type SDKGoOptions struct {
	GoModuleName string `json:"goModuleName,omitempty"`
}

// SDKMavenOptions name the Maven artifact of a Java or Kotlin SDK.
type SDKMavenOptions struct {
	GroupID    string `json:"groupId,omitempty"`
	ArtifactID string `json:"artifactId,omitempty"`
}

// SDKCSharpOptions name the NuGet package of a C# SDK.
type SDKCSharpOptions struct {
	PackageID string `json:"packageId,omitempty"`
}

// SDKRubyOptions name the gem of a Ruby SDK.
type SDKRubyOptions struct {
	GemName string `json:"gemName,omitempty"`
}

// SDKPHPOptions name the Composer package of a PHP SDK ("vendor/package").
type SDKPHPOptions struct {
	PackageName string `json:"packageName,omitempty"`
}

// SDKRustOptions name the crate of a Rust SDK.
type SDKRustOptions struct {
	PackageName string `json:"packageName,omitempty"`
}

// SDKGeneration is an SDK generation job Create started. Wait for it with
// WaitGeneration.
type SDKGeneration struct {
	// SDKID is the ID of the SDK being generated.
	SDKID string
	// Location is the SDK's URL as Postman gave it.
	Location string
}

// SDKDownload is a short-lived signed URL of a generated SDK's zip
// archive.
type SDKDownload struct {
	ID       string      `json:"id"`
	Language SDKLanguage `json:"language"`
	// URL points to the archive on Postman's storage, not on the API: fetch
	// it with any HTTP client, without Postman credentials, before
	// ExpiresAt (a few minutes).
	URL       string    `json:"url"`
	ExpiresAt Timestamp `json:"expiresAt,omitzero"`
}

// List returns a page of the SDKs of a workspace the user can access;
// Response.NextCursor points to the next page and Response.Total counts
// them all. ListIter pages for you.
//
// Available on Team and Enterprise plans.
//
//postman:operation GET /sdks
func (s *SDKsService) List(ctx context.Context, workspaceID string, opts *SDKListOptions) ([]*SDK, *Response, error) {
	path, err := sdkPathWithWorkspace("SDKs.List", "/sdks", workspaceID)
	if err != nil {
		return nil, nil, err
	}
	return getPage[SDK](ctx, s.client, path, opts)
}

// ListIter iterates over the SDKs of a workspace, one page of 25 in
// memory at a time.
//
// Available on Team and Enterprise plans.
func (s *SDKsService) ListIter(ctx context.Context, workspaceID string, opts *SDKListOptions) iter.Seq2[*SDK, error] {
	return cursorIter(ctx, opts, sdkPageLimit, func(ctx context.Context, o *SDKListOptions) ([]*SDK, *Response, error) {
		return s.List(ctx, workspaceID, o)
	})
}

// Get returns an SDK with the state of its build.
//
// Available on Team and Enterprise plans.
//
//postman:operation GET /sdks/{sdkId}
func (s *SDKsService) Get(ctx context.Context, sdkID string) (*SDK, *Response, error) {
	path, err := pathf("/sdks/{sdkID}", sdkID)
	if err != nil {
		return nil, nil, err
	}
	sdk := new(SDK)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, sdk)
	if err != nil {
		return nil, resp, err
	}
	return sdk, resp, nil
}

// Create starts generating an SDK in one language from a collection or a
// specification. Generation is asynchronous: Create returns the job, and
// WaitGeneration waits for the SDK.
//
// Available on Team and Enterprise plans.
//
//postman:operation POST /sdks
func (s *SDKsService) Create(ctx context.Context, req SDKCreateParams) (*SDKGeneration, *Response, error) {
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/sdks", body: req}, nil)
	if err != nil {
		return nil, resp, err
	}
	loc := resp.Header.Get("Location")
	id := sdkIDFromLocation(loc)
	if id == "" {
		return nil, resp, fmt.Errorf("postman: POST /sdks: the %d answer names no SDK (Location %q): list the source's SDKs to find it",
			resp.StatusCode, loc)
	}
	return &SDKGeneration{SDKID: id, Location: loc}, resp, nil
}

// WaitGeneration waits until an SDK's build is over, polling it with
// backoff (see WithTaskPolling), and returns the SDK once it succeeded, or
// a *TaskFailedError with Postman's reason when it failed. Bound the wait
// with ctx.
//
// Available on Team and Enterprise plans.
func (s *SDKsService) WaitGeneration(ctx context.Context, gen *SDKGeneration) (*SDK, *Response, error) {
	if gen == nil {
		return nil, nil, fmt.Errorf("postman: SDKs.WaitGeneration: %w: no generation", ErrInvalidArgument)
	}
	sdkID := gen.SDKID
	var (
		sdk  *SDK
		last *Response
	)
	err := s.client.poll(ctx, func(ctx context.Context) (bool, error) {
		got, resp, err := s.Get(ctx, sdkID)
		last = resp
		if err != nil {
			return false, err
		}
		if got.BuildStatus == "" {
			return false, missingResult(resp, "buildStatus")
		}
		switch got.BuildStatus {
		case SDKSucceeded:
			sdk = got
			return true, nil
		case SDKFailed:
			tf := &TaskFailedError{Task: "SDK generation " + sdkID, Status: string(got.BuildStatus)}
			if got.Error != nil {
				tf.Details = strings.TrimPrefix(got.Error.Code+": "+got.Error.Message, ": ")
			}
			return false, tf
		}
		return false, nil
	})
	if err != nil {
		return nil, last, err
	}
	return sdk, last, nil
}

// Delete deletes an SDK and its stored archive. A build still in progress
// cannot be cancelled this way.
//
// Available on Team and Enterprise plans.
//
//postman:operation DELETE /sdks/{sdkId}
func (s *SDKsService) Delete(ctx context.Context, sdkID string) (*Response, error) {
	path, err := pathf("/sdks/{sdkID}", sdkID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}

// GetDownloadURL returns a signed URL of a generated SDK's zip archive, valid
// for a few minutes. The API never streams the archive itself.
//
// Available on Team and Enterprise plans.
//
//postman:operation GET /sdks/{sdkId}/downloads
func (s *SDKsService) GetDownloadURL(ctx context.Context, sdkID string) (*SDKDownload, *Response, error) {
	path, err := pathf("/sdks/{sdkID}/downloads", sdkID)
	if err != nil {
		return nil, nil, err
	}
	d := new(SDKDownload)
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, d)
	if err != nil {
		return nil, resp, err
	}
	return d, resp, nil
}

// sdkIDFromLocation returns the SDK ID at the end of a Location such as
// "https://api.postman.com/sdks/9c4e…" or "/sdks/9c4e…", or "".
func sdkIDFromLocation(loc string) string {
	u, err := url.Parse(loc)
	if err != nil {
		return ""
	}
	_, rest, ok := strings.Cut(u.Path, "/sdks/")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, "/")
	if id == "." || id == ".." {
		return ""
	}
	return id
}

// sdkPathWithWorkspace adds the required workspaceId query to path, so
// that the options struct cannot drop it.
func sdkPathWithWorkspace(method, path, workspaceID string) (string, error) {
	if err := requireArg(method, "workspaceID", workspaceID); err != nil {
		return "", err
	}
	return path + "?" + url.Values{"workspaceId": {workspaceID}}.Encode(), nil
}
