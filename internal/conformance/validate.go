package conformance

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// Transport is an http.RoundTripper that validates every exchange passing
// through it against the description: the request, and the answer of
// whatever server is behind it (postmantest, for instance). Failures are
// reported on t; operations are recorded as exercised like the harness's.
type Transport struct {
	T    testing.TB
	Next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (v *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	s, err := load()
	if err != nil {
		return nil, err
	}
	var reqBody []byte
	if req.Body != nil {
		reqBody, _ = io.ReadAll(req.Body)
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	next := v.Next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	respBody, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(respBody))
	if err != nil {
		return resp, err
	}
	if verr := s.validateExchange(req, reqBody, resp, respBody); verr != nil {
		v.T.Errorf("conformance: %v", verr)
	}
	return resp, nil
}

func (s *spec) validateExchange(req *http.Request, reqBody []byte, resp *http.Response, respBody []byte) error {
	routed := req.Clone(context.Background())
	routed.URL.Scheme, routed.URL.Host, routed.Host = "https", "api.postman.com", "api.postman.com"
	routed.Body = io.NopCloser(bytes.NewReader(reqBody))
	route, params, err := s.router.FindRoute(routed)
	if err != nil {
		return fmt.Errorf("%s %s matches no operation: %v", req.Method, req.URL.Path, err)
	}
	input := &openapi3filter.RequestValidationInput{Request: routed, PathParams: params, Route: route, Options: validationOptions()}
	if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
		return fmt.Errorf("%s: request does not conform: %v", route.Operation.OperationID, err)
	}
	o := s.ops[route.Operation.OperationID]
	exercisedM.Lock()
	exercised[o.Key()] = o
	exercisedM.Unlock()
	if knownBadExamples[route.Operation.OperationID] {
		return nil
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input,
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Body:                   io.NopCloser(bytes.NewReader(respBody)),
		Options:                validationOptions(),
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return fmt.Errorf("%s: answer %d does not conform: %v", route.Operation.OperationID, resp.StatusCode, err)
	}
	return nil
}
