package postmantest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// mockState is the mock servers, in creation order.
type mockState struct {
	mocks []*storedMock
}

func (s *Server) routeMocks() {
	s.mux.HandleFunc("GET /mocks", s.listMocks)
	s.mux.HandleFunc("POST /mocks", s.createMock)
	s.mux.HandleFunc("GET /mocks/{mockId}", s.getMock)
	s.mux.HandleFunc("PUT /mocks/{mockId}", s.updateMock)
	s.mux.HandleFunc("DELETE /mocks/{mockId}", s.deleteMock)
	s.mux.HandleFunc("POST /mocks/{mockId}/publish", s.publishMock)
	s.mux.HandleFunc("DELETE /mocks/{mockId}/unpublish", s.unpublishMock)
}

// Mock is a mock server stored by the fake API. It answers calls at URL
// with the examples saved in its collection (see MockCalls).
type Mock struct {
	ID          string
	Name        string
	Description string
	// WorkspaceID is the workspace the mock belongs to (default: the
	// personal workspace).
	WorkspaceID string
	// CollectionUID is the UID (or ID) of the collection whose examples
	// the mock serves (required).
	CollectionUID  string
	EnvironmentUID string
	// Private mocks answer only calls that carry an API key; Publish
	// clears it and Unpublish sets it.
	Private bool
	// ServerResponseID is the active server response, which then answers
	// every call ("" when none is active).
	ServerResponseID string
	// Delay is the simulated network delay the mock reports in its config
	// (nil: none). Postman's API cannot set it, so only seeding does; the
	// fake's mock calls answer at once regardless.
	Delay *MockDelay
	// URL is where the mock answers calls; the server sets it.
	URL       string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MockDelay is a mock server's simulated network delay.
type MockDelay struct {
	// Preset is one of Postman's fixed delays: "1" (2G, 300 ms) or "2"
	// (3G, 100 ms); empty for a custom Duration.
	Preset string
	// Duration is the delay in milliseconds; zero with a Preset means the
	// preset's.
	Duration int
}

func (d *MockDelay) clone() *MockDelay {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

// mockDelayPresets are the durations of Postman's delay presets.
var mockDelayPresets = map[string]int{"1": 300, "2": 100}

// body is the delay as the mock's config answers it; preset is left out
// for a custom delay, as the description says.
func (d *MockDelay) body() any {
	if d == nil {
		return nil
	}
	out := map[string]any{"type": "fixed", "duration": d.Duration}
	if d.Preset != "" {
		out["preset"] = d.Preset
		if d.Duration == 0 {
			out["duration"] = mockDelayPresets[d.Preset]
		}
	}
	return out
}

// storedMock is a mock with its call logs and server responses.
type storedMock struct {
	Mock
	calls     []MockCall
	responses []*MockServerResponse
}

// mockPathPrefix is where the server answers calls to its mocks:
// <URL>/mock/<mockID>/<path>.
const mockPathPrefix = "/mock/"

// AddMock stores m (an ID is generated when empty) and returns its ID.
// It panics without a CollectionUID, since that is a mistake in the
// calling test.
func (s *Server) AddMock(m Mock) string {
	if m.CollectionUID == "" {
		panic("postmantest: AddMock: CollectionUID is required")
	}
	if m.Delay != nil && m.Delay.Preset != "" && mockDelayPresets[m.Delay.Preset] == 0 {
		panic("postmantest: AddMock: Delay.Preset is " + m.Delay.Preset + `, not "1" or "2"`)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.addMock(s.URL, m).ID
}

// Mocks returns a copy of the stored mock servers.
func (s *Server) Mocks() []Mock {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Mock, len(s.state.mocks))
	for i, m := range s.state.mocks {
		out[i] = m.Mock
		out[i].Delay = m.Delay.clone()
	}
	return out
}

func (st *state) addMock(baseURL string, m Mock) *storedMock {
	if m.ID == "" {
		m.ID = newID()
	}
	if m.WorkspaceID == "" && len(st.workspaces) > 0 {
		m.WorkspaceID = st.workspaces[0].ID
	}
	m.Delay = m.Delay.clone()
	m.CollectionUID = st.uid(localID(m.CollectionUID))
	if m.EnvironmentUID != "" {
		m.EnvironmentUID = st.uid(localID(m.EnvironmentUID))
	}
	now := time.Now().UTC()
	if m.CreatedAt.IsZero() {
		m.CreatedAt = now
	}
	if m.UpdatedAt.IsZero() {
		m.UpdatedAt = m.CreatedAt
	}
	m.URL = baseURL + mockPathPrefix + m.ID
	sm := &storedMock{Mock: m}
	st.mocks = append(st.mocks, sm)
	return sm
}

func (st *state) mock(idOrUID string) *storedMock { return byID(st.mocks, idOrUID) }

// deactivated reports whether the mock's collection or environment was
// deleted: the mock then no longer answers.
func (st *state) deactivated(m *storedMock) bool {
	if st.collection(m.CollectionUID) == nil {
		return true
	}
	return m.EnvironmentUID != "" && st.environment(m.EnvironmentUID) == nil
}

func (st *state) mockBody(m *storedMock) map[string]any {
	body := map[string]any{
		"id": m.ID, "owner": strconv.FormatInt(st.user.ID, 10), "uid": st.uid(m.ID), "name": m.Name,
		"collection": m.CollectionUID, "mockUrl": m.URL, "isPublic": false, "deactivated": st.deactivated(m),
		"createdAt": m.CreatedAt.Format(postmanTime), "updatedAt": m.UpdatedAt.Format(postmanTime),
		"config": map[string]any{"headers": []any{}, "matchBody": false, "matchHeader": false,
			"matchQueryParams": true, "matchWildcards": true, "delay": m.Delay.body(), "serverResponseId": m.ServerResponseID},
	}
	if m.EnvironmentUID != "" {
		body["environment"] = m.EnvironmentUID
	}
	return body
}

func mockNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, errorDetails("instanceNotFoundError", "The specified mock does not exist.", map[string]any{}))
}

func (s *Server) listMocks(w http.ResponseWriter, r *http.Request) {
	ws := r.URL.Query().Get("workspace")
	s.mu.Lock()
	defer s.mu.Unlock()
	list := []any{}
	for _, m := range s.state.mocks {
		if (ws != "" && m.WorkspaceID != ws) || s.state.deactivated(m) {
			continue
		}
		list = append(list, s.state.mockBody(m))
	}
	writeJSON(w, http.StatusOK, map[string]any{"mocks": list})
}

func (s *Server) getMock(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.mock, r.PathValue("mockId"), mockNotFound)
	if m == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"mock": s.state.mockBody(m)})
}

func (s *Server) createMock(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Mock *struct {
			Collection  string `json:"collection"`
			Environment string `json:"environment"`
			Name        string `json:"name"`
			Private     bool   `json:"private"`
		} `json:"mock"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Mock == nil || body.Mock.Collection == "" {
		param := "collection"
		if body.Mock == nil {
			param = "mock"
		}
		writeProblem(w, http.StatusBadRequest, errorDetails("paramMissingError", "Parameter is missing in the request.", map[string]any{"param": []any{param}}))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.state.workspace(r.URL.Query().Get("workspace"))
	if ws == nil {
		writeProblem(w, http.StatusBadRequest, map[string]any{"type": "https://api.postman.com/problems/bad-request",
			"title": "Bad Request", "detail": "We could not find the workspace you are looking for.", "status": 400})
		return
	}
	c := s.state.collection(body.Mock.Collection)
	if c == nil {
		writeProblem(w, http.StatusBadRequest, errorDetails("instanceNotFoundError", "We could not find the collection you are looking for", map[string]any{"param": []any{"collection"}}))
		return
	}
	if body.Mock.Environment != "" && s.state.environment(body.Mock.Environment) == nil {
		writeProblem(w, http.StatusBadRequest, errorDetails("instanceNotFoundError", "We could not find the environment you are looking for", map[string]any{"param": []any{"environment"}}))
		return
	}
	name := body.Mock.Name
	if name == "" {
		name = c.name()
	}
	m := s.state.addMock(s.URL, Mock{Name: name, WorkspaceID: ws.ID, CollectionUID: c.id,
		EnvironmentUID: body.Mock.Environment, Private: body.Mock.Private})
	writeJSON(w, http.StatusOK, map[string]any{"mock": s.state.mockBody(m)})
}

func (s *Server) updateMock(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Mock map[string]json.RawMessage `json:"mock"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	if len(body.Mock) == 0 {
		writeJSON(w, http.StatusBadRequest, errorDetails("paramMissingError", "At least one parameter must be provided.", map[string]any{"param": "environment, private, name, config, collection"}))
		return
	}
	var upd struct {
		Name        *string `json:"name"`
		Description *string `json:"description"`
		Collection  *string `json:"collection"`
		Environment *string `json:"environment"`
		Private     *bool   `json:"private"`
		Config      *struct {
			ServerResponseID *string `json:"serverResponseId"`
		} `json:"config"`
	}
	raw, _ := json.Marshal(body.Mock)
	if err := json.Unmarshal(raw, &upd); err != nil {
		writeError(w, http.StatusBadRequest, "invalidParamsError", err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.mock, r.PathValue("mockId"), mockNotFound)
	if m == nil {
		return
	}
	if upd.Collection != nil && s.state.collection(*upd.Collection) == nil {
		writeError(w, http.StatusBadRequest, "invalidParamsError", "We could not find the collection you are looking for")
		return
	}
	if upd.Environment != nil && *upd.Environment != "" && s.state.environment(*upd.Environment) == nil {
		writeError(w, http.StatusBadRequest, "invalidParamsError", "We could not find the environment you are looking for")
		return
	}
	if upd.Config != nil && upd.Config.ServerResponseID != nil && m.serverResponse(*upd.Config.ServerResponseID) == nil {
		writeError(w, http.StatusNotFound, "serverResponseNotFoundError", "We could not find the mock server response you are looking for.")
		return
	}
	if upd.Name != nil {
		m.Name = *upd.Name
	}
	if upd.Description != nil {
		m.Description = *upd.Description
	}
	if upd.Collection != nil {
		m.CollectionUID = s.state.uid(localID(*upd.Collection))
	}
	if upd.Environment != nil {
		m.EnvironmentUID = ""
		if *upd.Environment != "" {
			m.EnvironmentUID = s.state.uid(localID(*upd.Environment))
		}
	}
	if upd.Private != nil {
		m.Private = *upd.Private
	}
	var config map[string]json.RawMessage
	_ = json.Unmarshal(body.Mock["config"], &config)
	if _, ok := config["serverResponseId"]; ok {
		// null deactivates the active server response.
		m.ServerResponseID = ""
		if upd.Config.ServerResponseID != nil {
			m.ServerResponseID = *upd.Config.ServerResponseID
		}
	}
	m.UpdatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, map[string]any{"mock": s.state.mockBody(m)})
}

func (s *Server) deleteMock(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.mock, r.PathValue("mockId"), mockNotFound)
	if m == nil {
		return
	}
	for i, other := range s.state.mocks {
		if other == m {
			s.state.mocks = append(s.state.mocks[:i], s.state.mocks[i+1:]...)
			break
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"mock": map[string]any{"id": m.ID, "uid": s.state.uid(m.ID)}})
}

// publishMock and unpublishMock make a mock answer calls without an API
// key, or only with one.
func (s *Server) publishMock(w http.ResponseWriter, r *http.Request) {
	s.setMockPrivate(w, r, false)
}

func (s *Server) unpublishMock(w http.ResponseWriter, r *http.Request) {
	s.setMockPrivate(w, r, true)
}

func (s *Server) setMockPrivate(w http.ResponseWriter, r *http.Request, private bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := lookup(w, s.state.mock, r.PathValue("mockId"), mockNotFound)
	if m == nil {
		return
	}
	if m.Private == private {
		name, message := "mockAlreadyPublishedError", "This mock is already public."
		if private {
			name, message = "mockAlreadyUnpublishedError", "This mock is already private."
		}
		writeError(w, http.StatusBadRequest, name, message)
		return
	}
	m.Private = private
	m.UpdatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, map[string]any{"mock": map[string]any{"id": m.ID}})
}

// workspaceMocks lists the mocks of a workspace the way GET /workspaces/{id}
// does.
func (st *state) workspaceMocks(workspaceID string) []any {
	out := []any{}
	for _, m := range st.mocks {
		if m.WorkspaceID == workspaceID {
			out = append(out, map[string]any{"id": m.ID, "name": m.Name, "uid": st.uid(m.ID), "deactivated": st.deactivated(m)})
		}
	}
	return out
}
