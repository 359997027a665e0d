package conformance

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/postman-go/postman/internal/record"
)

// RecordEnv names the directory into which the harnesses and Transports
// of a test process write every exchange they see (see package record).
const RecordEnv = record.Env

// Exchange is one request and its answer, as recorded.
type Exchange = record.Exchange

func recordExchange(ex Exchange) error { return record.Write(ex) }

// Transport is an http.RoundTripper that records every exchange passing
// through it (with RecordEnv set) for the conformance module to validate:
// the request, and the answer of whatever server is behind it
// (postmantest, for instance). The operations it reaches count as
// exercised like the harness's.
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
	op, ok := s.find(req.Method, req.URL.EscapedPath())
	if ok {
		markExercised(op.Operation)
	}
	if err := recordExchange(Exchange{Test: v.T.Name(), Method: req.Method, URI: req.URL.RequestURI(), Header: req.Header,
		Body: reqBody, Status: resp.StatusCode, ResponseHeader: resp.Header, ResponseBody: respBody}); err != nil {
		v.T.Errorf("conformance: recording: %v", err)
	}
	return resp, nil
}
