package postmantest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// sdkState is the generated SDKs; sdkFail is the failure of the builds
// started from now on (nil: they succeed).
type sdkState struct {
	sdks    []*storedSDK
	sdkFail *SDKBuildError
}

func (s *Server) routeSDKs() {
	s.mux.HandleFunc("GET /sdks", s.listSDKs)
	s.mux.HandleFunc("POST /sdks", s.createSDK)
	s.mux.HandleFunc("GET /sdks/{sdkId}", s.getSDK)
	s.mux.HandleFunc("DELETE /sdks/{sdkId}", s.deleteSDK)
	s.mux.HandleFunc("GET /sdks/{sdkId}/downloads", s.sdkDownload)
}

// SDK is a client SDK stored by the fake API. SDKs that POST /sdks
// creates are "in_progress" for WithTaskDelay, then "succeeded" (or
// "failed", see FailSDKBuilds).
type SDK struct {
	ID string
	// Language is one of Postman's SDK languages, such as "go".
	Language string
	// SourceType is "collection" or "spec"; SourceID the element's ID.
	SourceType string
	SourceID   string
	// WorkspaceID defaults to the personal workspace.
	WorkspaceID string
	// Version is the SDK's version once built (AddSDK: "1.0.0").
	Version string
	// BuildStatus is queued, in_progress, succeeded or failed (AddSDK:
	// succeeded).
	BuildStatus string
	// Error is why the build failed.
	Error *SDKBuildError
}

// SDKBuildError is why an SDK build failed.
type SDKBuildError struct {
	Code    string
	Message string
}

type storedSDK struct {
	SDK
	createdAt time.Time
	doneAt    time.Time      // an SDK created through the API builds until then
	fail      *SDKBuildError // and then fails with this, if set
}

func (sd *storedSDK) elementID() string { return sd.ID }

var sdkLanguages = []string{"typescript", "python", "go", "java", "csharp", "ruby", "php", "kotlin", "rust", "cli"}

// AddSDK stores an SDK (an ID is generated when empty) and returns its ID.
func (s *Server) AddSDK(sdk SDK) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sdk.ID == "" {
		sdk.ID = newID()
	}
	if sdk.WorkspaceID == "" {
		sdk.WorkspaceID = s.state.workspaces[0].ID
	}
	if sdk.SourceType == "" {
		sdk.SourceType = "collection"
	}
	if sdk.BuildStatus == "" {
		sdk.BuildStatus = "succeeded"
	}
	if sdk.Version == "" && sdk.BuildStatus == "succeeded" {
		sdk.Version = "1.0.0"
	}
	now := time.Now()
	st := &s.state.sdkState
	st.sdks = append(st.sdks, &storedSDK{SDK: sdk, createdAt: now, doneAt: now})
	return sdk.ID
}

// SDKs returns the stored SDKs, oldest first, with their build status as
// of now.
func (s *Server) SDKs() []SDK {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []SDK
	for _, sd := range s.state.sdks {
		out = append(out, sd.now())
	}
	return out
}

// FailSDKBuilds makes the SDK builds started from now on fail with the
// given code (such as "spec_validation_failed") and message.
func (s *Server) FailSDKBuilds(code, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.sdkFail = &SDKBuildError{Code: code, Message: message}
}

// now is the SDK as of now: a build that is over succeeded or failed.
func (sd *storedSDK) now() SDK {
	out := sd.SDK
	if sd.BuildStatus == "in_progress" && !time.Now().Before(sd.doneAt) {
		if sd.fail != nil {
			out.BuildStatus, out.Error = "failed", sd.fail
		} else {
			out.BuildStatus = "succeeded"
		}
	}
	if out.BuildStatus != "succeeded" {
		out.Version = ""
	}
	return out
}

func (sd *storedSDK) body() map[string]any {
	cur := sd.now()
	updated := sd.createdAt
	if cur.BuildStatus != "in_progress" && cur.BuildStatus != "queued" {
		updated = sd.doneAt
	}
	body := map[string]any{"id": cur.ID, "language": cur.Language, "source": map[string]any{"type": cur.SourceType, "id": cur.SourceID},
		"workspaceId": cur.WorkspaceID, "buildStatus": cur.BuildStatus,
		"createdAt": sd.createdAt.UTC().Format(postmanTime), "updatedAt": updated.UTC().Format(postmanTime)}
	if cur.Version != "" {
		body["version"] = cur.Version
	}
	if cur.Error != nil {
		body["error"] = map[string]any{"code": cur.Error.Code, "message": cur.Error.Message}
	}
	return body
}

func sdkNotFound(w http.ResponseWriter, r *http.Request) {
	problemFor(w, r, http.StatusNotFound, "not-found", "Not Found", "The requested resource was not found.")
}

func (s *Server) lockedSDK(w http.ResponseWriter, r *http.Request) *storedSDK {
	sd := byID(s.state.sdks, r.PathValue("sdkId"))
	if sd == nil {
		sdkNotFound(w, r)
	}
	return sd
}

// createSDK starts a build of an SDK from a collection or a spec and
// answers 202 with its Location.
func (s *Server) createSDK(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Source struct {
			Type string `json:"type"`
			ID   string `json:"id"`
		} `json:"source"`
		Language   string `json:"language"`
		SDKVersion string `json:"sdkVersion"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	invalid := func(detail string) {
		problemFor(w, r, http.StatusBadRequest, "sdks/invalid-create-request", "Invalid SDK creation request", detail)
	}
	if !slices.Contains(sdkLanguages, body.Language) {
		invalid("`language` must be one of: " + strings.Join(sdkLanguages, ", ") + ".")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var workspaceID string
	switch body.Source.Type {
	case "collection":
		if c := s.state.collection(body.Source.ID); c != nil {
			workspaceID, body.Source.ID = c.workspaceID, c.id
		}
	case "spec":
		if sp := s.state.spec(body.Source.ID); sp != nil {
			workspaceID = sp.WorkspaceID
		}
	default:
		invalid("`source.type` must be one of: collection, spec.")
		return
	}
	if workspaceID == "" {
		invalid("`source.id` is not a " + body.Source.Type + " you can access.")
		return
	}
	st := &s.state.sdkState
	version := body.SDKVersion
	if version == "" {
		n := 0
		for _, o := range st.sdks {
			if o.SourceID == body.Source.ID && o.Language == body.Language {
				n++
			}
		}
		version = "1." + strconv.Itoa(n) + ".0"
	}
	now := time.Now()
	sd := &storedSDK{SDK: SDK{ID: newID(), Language: body.Language, SourceType: body.Source.Type, SourceID: body.Source.ID,
		WorkspaceID: workspaceID, Version: version, BuildStatus: "in_progress"},
		createdAt: now, doneAt: now.Add(s.cfg.taskDelay), fail: st.sdkFail}
	st.sdks = append(st.sdks, sd)
	w.Header().Set("Location", "http://"+r.Host+"/sdks/"+sd.ID)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) getSDK(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sd := s.lockedSDK(w, r); sd != nil {
		writeJSON(w, http.StatusOK, sd.body())
	}
}

// deleteSDK deletes an SDK whose build is over.
func (s *Server) deleteSDK(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sd := s.lockedSDK(w, r)
	if sd == nil {
		return
	}
	if b := sd.now().BuildStatus; b == "in_progress" || b == "queued" {
		problemFor(w, r, http.StatusConflict, "conflict", "Conflict", "The SDK is still being generated.")
		return
	}
	st := &s.state.sdkState
	st.sdks = slices.DeleteFunc(st.sdks, func(o *storedSDK) bool { return o == sd })
	w.WriteHeader(http.StatusNoContent)
}

// sdkDownloadLifetime is how long a download URL stays valid.
const sdkDownloadLifetime = 5 * time.Minute

// sdkDownload answers a signed archive URL of a built SDK; it points
// nowhere real.
func (s *Server) sdkDownload(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sd := s.lockedSDK(w, r)
	if sd == nil {
		return
	}
	if sd.now().BuildStatus != "succeeded" {
		problemFor(w, r, http.StatusConflict, "conflict", "Conflict", "The SDK has no archive: its build did not succeed.")
		return
	}
	expires := time.Now().Add(sdkDownloadLifetime).UTC()
	writeJSON(w, http.StatusOK, map[string]any{"id": sd.ID, "language": sd.Language,
		"url":       "https://sdk-gen-artifacts.s3.amazonaws.com/" + sd.ID + ".zip?X-Amz-Expires=300&X-Amz-Signature=postmantest",
		"expiresAt": expires.Format(postmanTime)})
}

// listSDKs answers a page of a workspace's SDKs (25 at most), or of the
// SDKs named by sdkIds whatever the other filters.
func (s *Server) listSDKs(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, bad := readPage(q, 25, 25)
	if bad != "" {
		problemFor(w, r, http.StatusBadRequest, "sdks/invalid-list-query", "Invalid list query", bad)
		return
	}
	s.mu.Lock()
	var list []any
	ids := strings.Split(q.Get("sdkIds"), ",")
	for _, sd := range s.state.sdks {
		cur := sd.now()
		if q.Get("sdkIds") != "" {
			if !slices.Contains(ids, cur.ID) {
				continue
			}
		} else if cur.WorkspaceID != q.Get("workspaceId") ||
			(q.Get("buildStatus") != "" && q.Get("buildStatus") != cur.BuildStatus) ||
			(q.Get("language") != "" && q.Get("language") != cur.Language) ||
			(q.Get("sourceId") != "" && q.Get("sourceId") != cur.SourceID) {
			continue
		}
		list = append(list, sd.body())
	}
	s.mu.Unlock()
	items, next := pageOf(page, list)
	writeJSON(w, http.StatusOK, map[string]any{"data": items, "meta": map[string]any{"nextCursor": nextCursor(next), "total": len(list)}})
}
