package postmantest

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// secretState is what the Secret Scanner stores; secretSeq is the last
// secret number given out (IDs encode it).
type secretState struct {
	secrets     []*storedSecret
	secretSeq   int64
	secretTypes []SecretType
}

func newSecretState() secretState {
	return secretState{secretSeq: 927960, secretTypes: defaultSecretTypes()}
}

func (s *Server) routeSecrets() {
	s.mux.HandleFunc("POST /detected-secrets-queries", s.searchDetectedSecrets)
	s.mux.HandleFunc("PUT /detected-secrets/{secretId}", s.resolveDetectedSecret)
	s.mux.HandleFunc("GET /detected-secrets/{secretId}/locations", s.detectedSecretLocations)
	s.mux.HandleFunc("GET /secret-types", s.listSecretTypes)
}

// DetectedSecret is a secret found by the Secret Scanner, for
// AddDetectedSecret.
type DetectedSecret struct {
	// ID is generated when empty, in Postman's format (a base64 number).
	ID string
	// Type is the secret type's name, e.g. "Postman API Key" (the
	// default). A name that is not one of SecretTypes is added as a team
	// regex type.
	Type string
	// Value is the secret itself; answers only show it obfuscated, and its
	// SHA-256 as the secret's hash.
	Value string
	// WorkspaceID defaults to the personal workspace.
	WorkspaceID string
	// Resolution is ACTIVE (the default), FALSE_POSITIVE, ACCEPTED_RISK or
	// REVOKED.
	Resolution string
	// Locations are where the secret was found; one request location
	// when empty.
	Locations  []SecretLocation
	DetectedAt time.Time
}

// SecretLocation is a place where a detected secret occurs.
type SecretLocation struct {
	// ResourceType is collection, environment, globals, folder, request
	// (the default), example …; ResourceID the resource's UID and
	// ParentResourceID that of its collection, if any.
	ResourceType     string
	ResourceID       string
	ParentResourceID string
	// Location names the part of the resource, e.g. "Headers" (the
	// default), "Body" or "Variables".
	Location string
	// Occurrences defaults to 1.
	Occurrences int
	Deleted     bool
	DetectedAt  time.Time
}

// SecretType is a kind of secret the Secret Scanner looks for.
type SecretType struct {
	ID   string
	Name string
	// Origin is DEFAULT (Postman's) or TEAM_REGEX (the team's own).
	Origin string
}

// SecretResolution is a change of a detected secret's resolution.
type SecretResolution struct {
	Resolution string
	Actor      int64
	At         time.Time
}

type storedSecret struct {
	DetectedSecret
	history []SecretResolution // oldest first
}

func defaultSecretTypes() []SecretType {
	return []SecretType{
		{ID: "04084949-0dda-4735-ace5-f83038f7b200", Name: "Postman Collection Key", Origin: "DEFAULT"},
		{ID: "0987c237-c1d0-4f07-a1af-a5772facf866", Name: "Open AI API Key", Origin: "DEFAULT"},
		{ID: "1a7ec5d1-dcba-4ec7-8220-3c1ee490416b", Name: "Postman API Key", Origin: "DEFAULT"},
		{ID: "3fd32ec0-c2ee-45f4-9701-878c90127f79", Name: "Basic Auth", Origin: "DEFAULT"},
		{ID: "5c9a1e3b-7f0d-4d6a-9b8e-2a4c6e8f0b1d", Name: "AWS Access Key", Origin: "DEFAULT"},
		{ID: "7b1f3d5e-9a2c-4e6f-8b0d-1c3e5a7f9b2d", Name: "Slack Access Token", Origin: "DEFAULT"},
		{ID: "9e2d4f6a-8b1c-4a3e-9d5f-7b0c2e4a6d8f", Name: "Stripe API Key", Origin: "DEFAULT"},
	}
}

// secretResolutions are the resolutions a secret can have.
var secretResolutions = []string{"FALSE_POSITIVE", "ACCEPTED_RISK", "REVOKED", "ACTIVE"}

// AddDetectedSecret stores a secret the Secret Scanner found and returns
// its ID.
func (s *Server) AddDetectedSecret(d DetectedSecret) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := &s.state.secretState
	if d.ID == "" {
		sc.secretSeq++
		d.ID = base64.StdEncoding.EncodeToString([]byte(strconv.FormatInt(sc.secretSeq, 10)))
	}
	if d.Type == "" {
		d.Type = "Postman API Key"
	}
	if sc.secretType(d.Type) == nil {
		sc.secretTypes = append(sc.secretTypes, SecretType{ID: newID(), Name: d.Type, Origin: "TEAM_REGEX"})
	}
	if d.WorkspaceID == "" && len(s.state.workspaces) > 0 {
		d.WorkspaceID = s.state.workspaces[0].ID
	}
	if d.Resolution == "" {
		d.Resolution = "ACTIVE"
	}
	if d.DetectedAt.IsZero() {
		d.DetectedAt = time.Now().UTC().Truncate(time.Second)
	}
	d.Locations = slices.Clone(d.Locations)
	if len(d.Locations) == 0 {
		d.Locations = []SecretLocation{{}}
	}
	for i := range d.Locations {
		l := &d.Locations[i]
		if l.ResourceType == "" {
			l.ResourceType = "request"
		}
		if l.ResourceID == "" {
			l.ResourceID = s.state.uid(newID())
		}
		if l.Location == "" {
			l.Location = "Headers"
		}
		if l.Occurrences == 0 {
			l.Occurrences = 1
		}
		if l.DetectedAt.IsZero() {
			l.DetectedAt = d.DetectedAt
		}
	}
	sc.secrets = append(sc.secrets, &storedSecret{DetectedSecret: d})
	return d.ID
}

// DetectedSecrets returns a copy of the stored detected secrets, with
// their current resolutions.
func (s *Server) DetectedSecrets() []DetectedSecret {
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := &s.state.secretState
	out := make([]DetectedSecret, len(sc.secrets))
	for i, sec := range sc.secrets {
		out[i] = sec.DetectedSecret
		out[i].Locations = slices.Clone(sec.Locations)
	}
	return out
}

// SecretResolutions returns the resolution changes of a detected secret,
// oldest first.
func (s *Server) SecretResolutions(secretID string) []SecretResolution {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sec := s.state.secret(secretID); sec != nil {
		return slices.Clone(sec.history)
	}
	return nil
}

// AddSecretType adds a secret type (a team regex when Origin is empty)
// and returns its ID.
func (s *Server) AddSecretType(t SecretType) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.ID == "" {
		t.ID = newID()
	}
	if t.Origin == "" {
		t.Origin = "TEAM_REGEX"
	}
	sc := &s.state.secretState
	sc.secretTypes = append(sc.secretTypes, t)
	return t.ID
}

func (sc *secretState) secretType(name string) *SecretType {
	for i := range sc.secretTypes {
		if sc.secretTypes[i].Name == name {
			return &sc.secretTypes[i]
		}
	}
	return nil
}

func (sc *secretState) secret(id string) *storedSecret {
	for _, sec := range sc.secrets {
		if sec.ID == id {
			return sec
		}
	}
	return nil
}

// obfuscated shows the start of a secret, as Postman does.
func obfuscated(v string) string {
	n := min(len(v)/2, 9)
	return v[:n] + "******"
}

func secretHash(v string) string {
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:])
}

// decodeOptionalBody decodes a JSON body like decodeBody; an empty body
// leaves v as it is.
func decodeOptionalBody(w http.ResponseWriter, r *http.Request, v any) bool {
	data, _ := io.ReadAll(r.Body)
	if len(bytes.TrimSpace(data)) == 0 {
		return true
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	return decodeBody(w, r, v)
}

// secretProblem answers the Secret Scanner's error body.
func secretProblem(w http.ResponseWriter, status int, typ, title string) {
	writeJSON(w, status, map[string]any{"type": typ, "title": title, "instance": "", "status": status})
}

// workspaceVisibility is how the Secret Scanner names a workspace's
// visibility: personal, private, team or public.
func (st *state) workspaceVisibility(workspaceID string) string {
	ws := st.workspace(workspaceID)
	if ws == nil {
		return "team"
	}
	switch ws.Visibility {
	case "personal", "private", "public":
		return ws.Visibility
	}
	return "team"
}

// secretTimes reads since and until, answering 400 for bad ones.
func secretTimes(w http.ResponseWriter, r *http.Request) (since, until time.Time, ok bool) {
	for _, p := range []struct {
		name string
		t    *time.Time
	}{{"since", &since}, {"until", &until}} {
		v := r.URL.Query().Get(p.name)
		if v == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, strings.Replace(v, " ", "T", 1))
		if err != nil {
			secretProblem(w, http.StatusBadRequest, "BAD_REQUEST", p.name+" specified is invalid")
			return since, until, false
		}
		*p.t = t
	}
	return since, until, true
}

func within(t, since, until time.Time) bool {
	return (since.IsZero() || !t.Before(since)) && (until.IsZero() || !t.After(until))
}

// secretPage reads the limit (default 10) and cursor of a Secret Scanner
// list, answering 400 for bad ones.
func secretPage(w http.ResponseWriter, r *http.Request) (cursorPage, bool) {
	p, problem := readPage(r.URL.Query(), 10, 0)
	if problem != "" {
		title := "limit specified is invalid"
		if r.URL.Query().Get("cursor") != "" && !strings.Contains(problem, "limit") {
			title = "cursor specified is invalid"
		}
		secretProblem(w, http.StatusBadRequest, "BAD_REQUEST", title)
		return p, false
	}
	return p, true
}

type secretQuery struct {
	Resolved    *bool    `json:"resolved"`
	SecretTypes []string `json:"secretTypes"`
	Statuses    []string `json:"statuses"`
	Resources   []struct {
		Type string   `json:"type"`
		IDs  []string `json:"ids"`
	} `json:"resources"`
	WorkspaceIDs          []string `json:"workspaceIds"`
	WorkspaceVisibilities []string `json:"workspaceVisibilities"`
}

// searchDetectedSecrets serves POST /detected-secrets-queries: the secrets
// matching every filter of the body, newest first; with a resources
// filter, one row per matching resource.
func (s *Server) searchDetectedSecrets(w http.ResponseWriter, r *http.Request) {
	var q secretQuery
	if !decodeOptionalBody(w, r, &q) {
		return
	}
	if len(q.WorkspaceIDs) > 0 && len(q.Resources) > 0 {
		writeJSON(w, http.StatusBadRequest, map[string]any{"type": "BAD_REQUEST", "title": "Invalid filters specified", "instance": "", "status": 400,
			"detail": "`workspaceIds` and `resources` filters are exclusive - only one can be applied at a time."})
		return
	}
	page, ok := secretPage(w, r)
	if !ok {
		return
	}
	since, until, ok := secretTimes(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sc := &s.state.secretState
	typeNames := map[string]bool{}
	for _, id := range q.SecretTypes {
		for _, t := range sc.secretTypes {
			if t.ID == id {
				typeNames[t.Name] = true
			}
		}
	}
	rows := []any{}
	for i := len(sc.secrets) - 1; i >= 0; i-- {
		sec := sc.secrets[i]
		vis := s.state.workspaceVisibility(sec.WorkspaceID)
		switch {
		case q.Resolved != nil && *q.Resolved != (sec.Resolution != "ACTIVE"),
			len(q.SecretTypes) > 0 && !typeNames[sec.Type],
			len(q.Statuses) > 0 && !slices.Contains(q.Statuses, sec.Resolution),
			len(q.WorkspaceIDs) > 0 && !slices.Contains(q.WorkspaceIDs, sec.WorkspaceID),
			len(q.WorkspaceVisibilities) > 0 && !slices.Contains(q.WorkspaceVisibilities, vis),
			!within(sec.DetectedAt, since, until):
			continue
		}
		row := func(occurrences int) map[string]any {
			return map[string]any{"secretId": sec.ID, "secretType": sec.Type, "secretHash": secretHash(sec.Value),
				"obfuscatedSecret": obfuscated(sec.Value), "resolution": sec.Resolution, "occurrences": occurrences,
				"workspaceId": sec.WorkspaceID, "workspaceVisibility": vis, "detectedAt": sec.DetectedAt.Format(postmanTime)}
		}
		if len(q.Resources) == 0 {
			total := 0
			for _, l := range sec.Locations {
				total += l.Occurrences
			}
			rows = append(rows, row(total))
			continue
		}
		for _, l := range sec.Locations {
			for _, res := range q.Resources {
				if res.Type == l.ResourceType && (len(res.IDs) == 0 || slices.Contains(res.IDs, l.ResourceID)) {
					m := row(l.Occurrences)
					m["resourceType"], m["resourceId"] = l.ResourceType, l.ResourceID
					rows = append(rows, m)
					break
				}
			}
		}
	}
	items, next := pageOf(page, rows)
	meta := map[string]any{"limit": page.limit, "nextCursor": nextCursor(next)}
	if r.URL.Query().Get("include") == "meta.total" {
		meta["total"] = len(rows)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": items, "meta": meta})
}

// resolveDetectedSecret serves PUT /detected-secrets/{secretId}.
func (s *Server) resolveDetectedSecret(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Resolution  string `json:"resolution"`
		WorkspaceID string `json:"workspaceId"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if !slices.Contains(secretResolutions, body.Resolution) {
		secretProblem(w, http.StatusBadRequest, "BAD_REQUEST", "`resolution` must be one of FALSE_POSITIVE, ACCEPTED_RISK, REVOKED, ACTIVE")
		return
	}
	if body.WorkspaceID == "" {
		secretProblem(w, http.StatusBadRequest, "BAD_REQUEST", "`workspaceId` is required")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.state.secret(r.PathValue("secretId"))
	if sec == nil || sec.WorkspaceID != body.WorkspaceID {
		secretNotFound(w)
		return
	}
	sec.Resolution = body.Resolution
	sec.history = append(sec.history, SecretResolution{Resolution: body.Resolution, Actor: s.state.user.ID, At: time.Now().UTC()})
	history := []any{}
	for i := len(sec.history) - 1; i >= 0; i-- {
		h := sec.history[i]
		history = append(history, map[string]any{"actor": h.Actor, "createdAt": h.At.Format(postmanTime), "resolution": h.Resolution})
	}
	writeJSON(w, http.StatusOK, map[string]any{"secretHash": secretHash(sec.Value), "workspaceId": sec.WorkspaceID,
		"resolution": sec.Resolution, "history": history})
}

// secretNotFound answers an unknown secret (or one of another workspace).
// The description documents no 404 for the Secret Scanner: what the user
// cannot reach gets its 403 "Forbidden" example.
func secretNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusForbidden, map[string]any{"type": "https://api.postman.com/problems/forbidden",
		"title": "Forbidden", "detail": "Forbidden", "status": http.StatusForbidden})
}

// detectedSecretLocations serves GET /detected-secrets/{secretId}/locations.
func (s *Server) detectedSecretLocations(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	workspaceID := q.Get("workspaceId")
	if workspaceID == "" {
		secretProblem(w, http.StatusBadRequest, "BAD_REQUEST", "workspaceId is required")
		return
	}
	page, ok := secretPage(w, r)
	if !ok {
		return
	}
	since, until, ok := secretTimes(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.state.secret(r.PathValue("secretId"))
	if sec == nil || sec.WorkspaceID != workspaceID {
		secretNotFound(w)
		return
	}
	locs := []any{}
	for _, l := range sec.Locations {
		if (q.Get("resourceType") != "" && l.ResourceType != q.Get("resourceType")) || !within(l.DetectedAt, since, until) {
			continue
		}
		m := map[string]any{"resourceType": l.ResourceType, "resourceId": l.ResourceID, "isResourceDeleted": l.Deleted,
			"location": l.Location, "occurrences": l.Occurrences, "leakedBy": s.state.user.ID,
			"detectedAt": l.DetectedAt.Format(postmanTime),
			"url":        "https://go.postman.co/build/workspace/" + sec.WorkspaceID + "/" + l.ResourceType + "/" + l.ResourceID}
		if l.ParentResourceID != "" {
			m["parentResourceId"] = l.ParentResourceID
		}
		locs = append(locs, m)
	}
	feed := []any{}
	for i := len(sec.history) - 1; i >= 0; i-- {
		h := sec.history[i]
		feed = append(feed, map[string]any{"status": h.Resolution, "resolvedBy": h.Actor, "resolvedAt": h.At.Format(postmanTime)})
	}
	items, next := pageOf(page, locs)
	meta := map[string]any{"limit": page.limit, "nextCursor": nextCursor(next), "total": len(locs),
		"activityFeed": feed, "obfuscatedSecret": obfuscated(sec.Value), "secretHash": secretHash(sec.Value), "secretType": sec.Type}
	if c := q.Get("cursor"); c != "" {
		meta["cursor"] = c
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": items, "meta": meta})
}

// listSecretTypes serves GET /secret-types.
func (s *Server) listSecretTypes(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	types := s.state.secretTypes
	data := make([]any, len(types))
	for i, t := range types {
		data[i] = map[string]any{"id": t.ID, "name": t.Name, "type": t.Origin}
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"total": len(types)}})
}
