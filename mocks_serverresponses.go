package postman

import (
	"context"
	"net/http"
)

// MockServerResponse is a server-level answer of a mock server, such as a
// 500 or 503, that simulates an outage on every path at once. While it is
// the mock's active server response (MockUpdateConfig), every call gets it.
type MockServerResponse struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// StatusCode is a 5xx status.
	StatusCode int                        `json:"statusCode"`
	Headers    []MockHeader               `json:"headers,omitempty"`
	Language   MockServerResponseLanguage `json:"language,omitempty"`
	Body       string                     `json:"body,omitempty"`
	// Mock is the ID of the mock server the response belongs to.
	Mock      string    `json:"mock,omitempty"`
	CreatedBy string    `json:"createdBy,omitempty"`
	UpdatedBy string    `json:"updatedBy,omitempty"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	UpdatedAt Timestamp `json:"updatedAt,omitzero"`
}

// MockHeader is a header a server response sends.
type MockHeader struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// MockServerResponseLanguage is the language of a server response's body.
type MockServerResponseLanguage string

// Server response body languages.
const (
	MockLanguageText       MockServerResponseLanguage = "text"
	MockLanguageJavaScript MockServerResponseLanguage = "javascript"
	MockLanguageJSON       MockServerResponseLanguage = "json"
	MockLanguageHTML       MockServerResponseLanguage = "html"
	MockLanguageXML        MockServerResponseLanguage = "xml"
)

// MockServerResponseCreateParams describes a new server response.
type MockServerResponseCreateParams struct {
	Name string `json:"name"`
	// StatusCode must be a 5xx status.
	StatusCode int                        `json:"statusCode"`
	Headers    []MockHeader               `json:"headers,omitempty"`
	Language   MockServerResponseLanguage `json:"language,omitempty"`
	Body       string                     `json:"body,omitempty"`
}

// MockServerResponseUpdateParams changes a server response; nil fields
// are left as they are, and an empty non-nil Headers removes them all.
type MockServerResponseUpdateParams struct {
	Name       *string                     `json:"name,omitempty"`
	StatusCode *int                        `json:"statusCode,omitempty"`
	Headers    []MockHeader                `json:"headers,omitzero"`
	Language   *MockServerResponseLanguage `json:"language,omitempty"`
	Body       *string                     `json:"body,omitempty"`
}

// ListServerResponses returns a mock server's server responses.
//
//postman:operation GET /mocks/{mockId}/server-responses
func (s *MocksService) ListServerResponses(ctx context.Context, mockID string) ([]*MockServerResponse, *Response, error) {
	path, err := pathf("/mocks/{mockID}/server-responses", mockID)
	if err != nil {
		return nil, nil, err
	}
	var list []*MockServerResponse
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: path}, &list)
	if err != nil {
		return nil, resp, err
	}
	return list, resp, nil
}

// CreateServerResponse adds a server response to a mock server. It is not
// active until the mock's configuration names it (see MockUpdateConfig).
//
//postman:operation POST /mocks/{mockId}/server-responses
func (s *MocksService) CreateServerResponse(ctx context.Context, mockID string, req MockServerResponseCreateParams) (*MockServerResponse, *Response, error) {
	path, err := pathf("/mocks/{mockID}/server-responses", mockID)
	if err != nil {
		return nil, nil, err
	}
	body := struct {
		ServerResponse MockServerResponseCreateParams `json:"serverResponse"`
	}{req}
	return s.serverResponseCall(ctx, http.MethodPost, path, body)
}

// GetServerResponse returns a server response of a mock server.
//
//postman:operation GET /mocks/{mockId}/server-responses/{serverResponseId}
func (s *MocksService) GetServerResponse(ctx context.Context, mockID, serverResponseID string) (*MockServerResponse, *Response, error) {
	path, err := pathf("/mocks/{mockID}/server-responses/{serverResponseID}", mockID, serverResponseID)
	if err != nil {
		return nil, nil, err
	}
	return s.serverResponseCall(ctx, http.MethodGet, path, nil)
}

// UpdateServerResponse changes a server response of a mock server.
//
//postman:operation PUT /mocks/{mockId}/server-responses/{serverResponseId}
func (s *MocksService) UpdateServerResponse(ctx context.Context, mockID, serverResponseID string, req MockServerResponseUpdateParams) (*MockServerResponse, *Response, error) {
	path, err := pathf("/mocks/{mockID}/server-responses/{serverResponseID}", mockID, serverResponseID)
	if err != nil {
		return nil, nil, err
	}
	body := struct {
		ServerResponse MockServerResponseUpdateParams `json:"serverResponse"`
	}{req}
	return s.serverResponseCall(ctx, http.MethodPut, path, body)
}

// DeleteServerResponse deletes a server response of a mock server.
//
//postman:operation DELETE /mocks/{mockId}/server-responses/{serverResponseId}
func (s *MocksService) DeleteServerResponse(ctx context.Context, mockID, serverResponseID string) (*Response, error) {
	path, err := pathf("/mocks/{mockID}/server-responses/{serverResponseID}", mockID, serverResponseID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}

// serverResponseCall sends one server-response request; Postman answers
// with the server response itself, without an envelope.
func (s *MocksService) serverResponseCall(ctx context.Context, method, path string, body any) (*MockServerResponse, *Response, error) {
	sr := new(MockServerResponse)
	resp, err := s.client.do(ctx, &request{method: method, path: path, body: body}, sr)
	if err != nil {
		return nil, resp, err
	}
	return sr, resp, nil
}
