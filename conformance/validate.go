package conformance

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/postman-go/postman/internal/conformance"
)

// knownBadExamples are operations whose documented example does not match
// their own schema; their answers are not validated.
var knownBadExamples = map[string]bool{
	// createdAt/updatedAt "2019-02-12 19:34:49" is not a date-time.
	"getStatusOfAnAsyncTask":    true,
	"getStatusOfAnAsyncApiTask": true,
}

// Validation is what validating one exchange found.
type Validation struct {
	// Operation is the operation the request matched ("" when none).
	Operation string
	// Request and Answer are the request's and the answer's failures.
	Request, Answer error
}

// Validate checks a recorded exchange against the description: the
// request (path, method, parameters, headers, security, body), then the
// answer (status, headers, body), unless the operation's own examples
// break its schema.
func (s *Spec) Validate(ex conformance.Exchange) Validation {
	req, err := http.NewRequestWithContext(context.Background(), ex.Method, "https://api.postman.com"+ex.URI, bytes.NewReader(ex.Body))
	if err != nil {
		return Validation{Request: err}
	}
	req.Header = ex.Header.Clone()
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		return Validation{Request: fmt.Errorf("%s %s matches no operation: %w", ex.Method, ex.URI, err)}
	}
	v := Validation{Operation: route.Operation.OperationID}
	input := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: validationOptions()}
	if err := openapi3filter.ValidateRequest(context.Background(), input); err != nil {
		v.Request = fmt.Errorf("request does not conform: %w", err)
	}
	if knownBadExamples[v.Operation] {
		return v
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input,
		Status:                 ex.Status,
		Header:                 ex.ResponseHeader,
		Body:                   io.NopCloser(bytes.NewReader(ex.ResponseBody)),
		Options:                validationOptions(),
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		v.Answer = fmt.Errorf("answer %d does not conform: %w", ex.Status, err)
	}
	return v
}
