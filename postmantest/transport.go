package postmantest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
)

// Transport returns an http.RoundTripper that answers every request as
// the server does, in memory, without a socket: give it to the client
// with postman.WithHTTPClient(&http.Client{Transport: srv.Transport()})
// and keep srv.URL as the base URL. A test of rate limits, retries or
// task polling can then run inside a testing/synctest bubble, where time
// is virtual and its verdict does not depend on how busy the machine is
// (sockets would keep the bubble's clock from advancing).
func (s *Server) Transport() http.RoundTripper { return memoryTransport{s} }

type memoryTransport struct{ s *Server }

func (t memoryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var body []byte
	if req.Body != nil {
		var err error
		body, err = io.ReadAll(req.Body)
		_ = req.Body.Close()
		if err != nil {
			return nil, err
		}
	}
	in := req.Clone(req.Context())
	in.Body = io.NopCloser(bytes.NewReader(body))
	in.ContentLength = int64(len(body))
	in.RequestURI = req.URL.RequestURI()
	in.RemoteAddr = "127.0.0.1:0"
	rec := httptest.NewRecorder()
	t.s.serve(rec, in)
	res := rec.Result()
	res.Request = req
	return res, nil
}
