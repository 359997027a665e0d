package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// RecordEnv names the directory into which the harnesses and Transports
// of a test process write every exchange they see, one JSON line each,
// for the conformance module to validate against the description. Unset,
// nothing is written.
const RecordEnv = "POSTMAN_CONFORMANCE_RECORD"

// Exchange is one request and its answer, as recorded.
type Exchange struct {
	// Test is the name of the test that made the request.
	Test string `json:"test"`
	// Operation is the operation the harness routed the request to ("" for
	// a Transport's, which the validator routes itself).
	Operation string `json:"operation,omitempty"`
	// Scripted marks an answer a test scripted (Harness.Respond) rather
	// than a documented example.
	Scripted       bool        `json:"scripted,omitempty"`
	Method         string      `json:"method"`
	URI            string      `json:"uri"` // path and query
	Header         http.Header `json:"header"`
	Body           []byte      `json:"body,omitempty"`
	Status         int         `json:"status"`
	ResponseHeader http.Header `json:"responseHeader"`
	ResponseBody   []byte      `json:"responseBody,omitempty"`
}

// credentialHeaders are replaced before an exchange is written: the
// validator needs to know a credential was sent, never its value.
var credentialHeaders = []string{"X-Api-Key", "Authorization"}

// recordedHeader is h with every credential's value replaced.
func recordedHeader(h http.Header) http.Header {
	out := h.Clone()
	for _, name := range credentialHeaders {
		if out.Get(name) != "" {
			out.Set(name, "[recorded]")
		}
	}
	return out
}

// recorder appends exchanges to this process's file of RecordEnv's directory.
var recorder struct {
	once sync.Once
	mu   sync.Mutex
	file *os.File
	err  error
}

// Recording reports whether exchanges are being recorded.
func Recording() bool { return os.Getenv(RecordEnv) != "" }

func record(ex Exchange) error {
	dir := os.Getenv(RecordEnv)
	if dir == "" {
		return nil
	}
	recorder.once.Do(func() {
		recorder.file, recorder.err = os.OpenFile(filepath.Join(dir, fmt.Sprintf("exchanges-%d.jsonl", os.Getpid())),
			os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	})
	if recorder.err != nil {
		return recorder.err
	}
	line, err := json.Marshal(ex)
	if err != nil {
		return err
	}
	recorder.mu.Lock()
	defer recorder.mu.Unlock()
	_, err = recorder.file.Write(append(line, '\n'))
	return err
}

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
	if err := record(Exchange{Test: v.T.Name(), Method: req.Method, URI: req.URL.RequestURI(), Header: recordedHeader(req.Header),
		Body: reqBody, Status: resp.StatusCode, ResponseHeader: resp.Header, ResponseBody: respBody}); err != nil {
		v.T.Errorf("conformance: recording: %v", err)
	}
	return resp, nil
}
