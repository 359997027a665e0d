package postmantest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

func (s *Server) routeMockServerResponses() {
	s.mux.HandleFunc("GET /mocks/{mockId}/server-responses", s.listServerResponses)
	s.mux.HandleFunc("POST /mocks/{mockId}/server-responses", s.createServerResponse)
	s.mux.HandleFunc("GET /mocks/{mockId}/server-responses/{serverResponseId}", s.getServerResponse)
	s.mux.HandleFunc("PUT /mocks/{mockId}/server-responses/{serverResponseId}", s.updateServerResponse)
	s.mux.HandleFunc("DELETE /mocks/{mockId}/server-responses/{serverResponseId}", s.deleteServerResponse)
}

// MockServerResponse is a server response of a mock: while it is the
// mock's active server response (Mock.ServerResponseID), it answers every
// call to the mock.
type MockServerResponse struct {
	ID         string
	Name       string
	StatusCode int
	Headers    []MockHeader
	// Language is the body's language: text, javascript, json, html or xml.
	Language  string
	Body      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MockHeader is a header of a server response or of a mock call.
type MockHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// AddMockServerResponse stores a server response of a mock (an ID is
// generated when empty) and returns its ID, or "" if there is no such mock.
func (s *Server) AddMockServerResponse(mockID string, sr MockServerResponse) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.mock(mockID)
	if m == nil {
		return ""
	}
	return m.addServerResponse(sr).ID
}

// MockServerResponses returns a copy of the server responses of a mock.
func (s *Server) MockServerResponses(mockID string) []MockServerResponse {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.state.mock(mockID)
	if m == nil {
		return nil
	}
	out := make([]MockServerResponse, len(m.responses))
	for i, sr := range m.responses {
		out[i] = *sr
		out[i].Headers = append([]MockHeader(nil), sr.Headers...)
	}
	return out
}

func (m *storedMock) addServerResponse(sr MockServerResponse) *MockServerResponse {
	if sr.ID == "" {
		sr.ID = newID()
	}
	if sr.CreatedAt.IsZero() {
		sr.CreatedAt = time.Now().UTC()
	}
	if sr.UpdatedAt.IsZero() {
		sr.UpdatedAt = sr.CreatedAt
	}
	m.responses = append(m.responses, &sr)
	return &sr
}

func (m *storedMock) serverResponse(id string) *MockServerResponse {
	for _, sr := range m.responses {
		if sr.ID == id {
			return sr
		}
	}
	return nil
}

func (st *state) serverResponseBody(m *storedMock, sr *MockServerResponse) map[string]any {
	by := strconv.FormatInt(st.user.ID, 10)
	headers := []any{}
	for _, h := range sr.Headers {
		headers = append(headers, map[string]any{"key": h.Key, "value": h.Value})
	}
	body := map[string]any{"id": sr.ID, "name": sr.Name, "statusCode": sr.StatusCode, "headers": headers,
		"body": sr.Body, "createdBy": by, "updatedBy": by, "mock": m.ID,
		"createdAt": sr.CreatedAt.Format(postmanTime), "updatedAt": sr.UpdatedAt.Format(postmanTime)}
	if sr.Language != "" {
		body["language"] = sr.Language
	}
	return body
}

// serverResponseNotFound answers the 404 of the server response
// endpoints, which name the mock or the server response missing.
func serverResponseNotFound(w http.ResponseWriter, mockMissing bool) {
	body := map[string]any{"name": "serverResponseNotFoundError", "header": "Unable to find mock server response",
		"message": "We could not find the mock server response you are looking for."}
	if mockMissing {
		body = map[string]any{"name": "mockNotFoundError", "header": "Unable to find mock", "message": "Please refresh and try again."}
	}
	writeJSON(w, http.StatusNotFound, map[string]any{"error": body})
}

// lockServerResponse locks the state and finds the mock and, when the path
// names one, the server response of r, answering 404 when one is missing.
// The caller unlocks when ok.
func (s *Server) lockServerResponse(w http.ResponseWriter, r *http.Request) (*storedMock, *MockServerResponse, bool) {
	s.mu.Lock()
	m := s.state.mock(r.PathValue("mockId"))
	if m == nil {
		s.mu.Unlock()
		serverResponseNotFound(w, true)
		return nil, nil, false
	}
	id := r.PathValue("serverResponseId")
	if id == "" {
		return m, nil, true
	}
	sr := m.serverResponse(id)
	if sr == nil {
		s.mu.Unlock()
		serverResponseNotFound(w, false)
		return nil, nil, false
	}
	return m, sr, true
}

func (s *Server) listServerResponses(w http.ResponseWriter, r *http.Request) {
	m, _, ok := s.lockServerResponse(w, r)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	list := []any{}
	for _, sr := range m.responses {
		full := s.state.serverResponseBody(m, sr)
		list = append(list, map[string]any{"id": sr.ID, "name": sr.Name, "statusCode": sr.StatusCode,
			"createdAt": full["createdAt"], "updatedAt": full["updatedAt"], "createdBy": full["createdBy"], "updatedBy": full["updatedBy"]})
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *Server) getServerResponse(w http.ResponseWriter, r *http.Request) {
	m, sr, ok := s.lockServerResponse(w, r)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.state.serverResponseBody(m, sr))
}

// serverResponseFields is the body of the server response writes; nil
// fields are absent.
type serverResponseFields struct {
	Name       *string         `json:"name"`
	StatusCode *int            `json:"statusCode"`
	Headers    *[]MockHeader   `json:"headers"`
	Language   json.RawMessage `json:"language"`
	Body       *string         `json:"body"`
}

func decodeServerResponse(w http.ResponseWriter, r *http.Request) (*serverResponseFields, bool) {
	var body struct {
		ServerResponse *serverResponseFields `json:"serverResponse"`
	}
	if !decodeBody(w, r, &body) {
		return nil, false
	}
	if body.ServerResponse == nil {
		serverResponseParamMissing(w, "serverResponse")
		return nil, false
	}
	if c := body.ServerResponse.StatusCode; c != nil && (*c < 500 || *c > 599) {
		writeProblem(w, http.StatusBadRequest, errorDetails("invalidParamsError", "The statusCode must be a 5xx status code.", map[string]any{"param": []any{"statusCode"}}))
		return nil, false
	}
	return body.ServerResponse, true
}

func serverResponseParamMissing(w http.ResponseWriter, param string) {
	writeProblem(w, http.StatusBadRequest, errorDetails("paramMissingError", "Parameter is missing in the request.", map[string]any{"param": []any{param}}))
}

// apply writes the present fields into sr.
func (f *serverResponseFields) apply(sr *MockServerResponse) {
	if f.Name != nil {
		sr.Name = *f.Name
	}
	if f.StatusCode != nil {
		sr.StatusCode = *f.StatusCode
	}
	if f.Headers != nil {
		sr.Headers = append([]MockHeader(nil), (*f.Headers)...)
	}
	if len(f.Language) > 0 {
		var lang *string
		_ = json.Unmarshal(f.Language, &lang)
		sr.Language = ""
		if lang != nil {
			sr.Language = *lang
		}
	}
	if f.Body != nil {
		sr.Body = *f.Body
	}
}

func (s *Server) createServerResponse(w http.ResponseWriter, r *http.Request) {
	f, ok := decodeServerResponse(w, r)
	if !ok {
		return
	}
	if f.Name == nil || *f.Name == "" {
		serverResponseParamMissing(w, "name")
		return
	}
	if f.StatusCode == nil {
		serverResponseParamMissing(w, "statusCode")
		return
	}
	m, _, ok := s.lockServerResponse(w, r)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	var sr MockServerResponse
	f.apply(&sr)
	writeJSON(w, http.StatusOK, s.state.serverResponseBody(m, m.addServerResponse(sr)))
}

func (s *Server) updateServerResponse(w http.ResponseWriter, r *http.Request) {
	f, ok := decodeServerResponse(w, r)
	if !ok {
		return
	}
	m, sr, ok := s.lockServerResponse(w, r)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	f.apply(sr)
	sr.UpdatedAt = time.Now().UTC()
	writeJSON(w, http.StatusOK, s.state.serverResponseBody(m, sr))
}

// deleteServerResponse deletes a server response; a mock it was active on
// goes back to answering with the examples.
func (s *Server) deleteServerResponse(w http.ResponseWriter, r *http.Request) {
	m, sr, ok := s.lockServerResponse(w, r)
	if !ok {
		return
	}
	defer s.mu.Unlock()
	for i, other := range m.responses {
		if other == sr {
			m.responses = append(m.responses[:i], m.responses[i+1:]...)
			break
		}
	}
	if m.ServerResponseID == sr.ID {
		m.ServerResponseID = ""
	}
	body := s.state.serverResponseBody(m, sr)
	delete(body, "mock")
	delete(body, "updatedAt")
	writeJSON(w, http.StatusOK, body)
}
