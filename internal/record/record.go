// Package record writes down, when asked by the environment, the
// exchanges the SDK's tests make with fake Postman APIs (the conformance
// harness, its recording transport, postmantest's server), one JSON line
// each, for the conformance module to validate against Postman's OpenAPI
// description. Unset, nothing is written and nothing is kept.
package record

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// Env names the directory the exchanges are written into.
const Env = "POSTMAN_CONFORMANCE_RECORD"

// Sources of a recorded exchange.
const (
	// SourceClient is an exchange seen from the client's side (the
	// harness or the recording transport): its request was built by the
	// SDK and is validated too.
	SourceClient = ""
	// SourceServer is an exchange seen by postmantest's server, whatever
	// client sent it: its answer is validated, its request only routed
	// (tests send requests Postman would refuse, on purpose).
	SourceServer = "server"
)

// Exchange is one request and its answer, as recorded.
type Exchange struct {
	// Source says who recorded it (SourceClient or SourceServer).
	Source string `json:"source,omitempty"`
	// Test is the name of the test that made the request ("" on the
	// server's side, which does not know it).
	Test string `json:"test,omitempty"`
	// Operation is the operation the harness routed the request to ("" for
	// the others, which the validator routes itself).
	Operation string `json:"operation,omitempty"`
	// Scripted marks an answer a test scripted rather than a documented
	// example.
	Scripted       bool        `json:"scripted,omitempty"`
	Method         string      `json:"method"`
	URI            string      `json:"uri"` // path and query
	Header         http.Header `json:"header"`
	Body           []byte      `json:"body,omitempty"`
	Status         int         `json:"status"`
	ResponseHeader http.Header `json:"responseHeader"`
	ResponseBody   []byte      `json:"responseBody,omitempty"`
}

// Enabled reports whether exchanges are being recorded.
func Enabled() bool { return os.Getenv(Env) != "" }

// credentialHeaders are replaced before an exchange is written: the
// validator needs to know a credential was sent, never its value.
var credentialHeaders = []string{"X-Api-Key", "Authorization"}

// Header is h with every credential's value replaced.
func Header(h http.Header) http.Header {
	out := h.Clone()
	for _, name := range credentialHeaders {
		if out.Get(name) != "" {
			out.Set(name, "[recorded]")
		}
	}
	return out
}

var file struct {
	once sync.Once
	mu   sync.Mutex
	f    *os.File
	err  error
}

// Write appends ex to this process's file in Env's directory; without
// Env, it does nothing.
func Write(ex Exchange) error {
	dir := os.Getenv(Env)
	if dir == "" {
		return nil
	}
	file.once.Do(func() {
		file.f, file.err = os.OpenFile(filepath.Join(dir, fmt.Sprintf("exchanges-%d.jsonl", os.Getpid())),
			os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	})
	if file.err != nil {
		return file.err
	}
	ex.Header = Header(ex.Header)
	line, err := json.Marshal(ex)
	if err != nil {
		return err
	}
	file.mu.Lock()
	defer file.mu.Unlock()
	_, err = file.f.Write(append(line, '\n'))
	return err
}
