package postman

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sweepArg is the value a sweep passes for a parameter of type t: a
// context, a plausible ID for strings, and the zero value otherwise.
func sweepArg(ctx context.Context, t reflect.Type) reflect.Value {
	switch {
	case t == reflect.TypeFor[context.Context]():
		return reflect.ValueOf(ctx)
	case t.Kind() == reflect.String:
		return reflect.ValueOf("id-1").Convert(t)
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		s := reflect.MakeSlice(t, 1, 1)
		s.Index(0).SetString("id-1")
		return s
	case t.Kind() == reflect.Struct:
		// Fill the body's strings, so that required members pass the
		// checks made before any I/O and the call reaches the server.
		v := reflect.New(t).Elem()
		for i := range t.NumField() {
			if f := v.Field(i); t.Field(i).IsExported() && (f.Kind() == reflect.String || f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String) {
				f.Set(sweepArg(ctx, f.Type()))
			}
		}
		return v
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && t.Elem().PkgPath() != "" && !strings.HasSuffix(t.Elem().Name(), "Options"):
		// A value the method takes by pointer: a task or a document.
		p := reflect.New(t.Elem())
		p.Elem().Set(sweepArg(ctx, t.Elem()))
		return p
	}
	return reflect.Zero(t)
}

// sweepCall is one service method called by the sweep.
type sweepCall struct {
	name   string
	method reflect.Value
}

// serviceMethods returns every exported method of every service of c.
func serviceMethods(c *Client) []sweepCall {
	var calls []sweepCall
	cv := reflect.ValueOf(c).Elem()
	for i := range cv.NumField() {
		f := cv.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		svc := cv.Field(i)
		for j := range svc.NumMethod() {
			calls = append(calls, sweepCall{name: f.Name + "." + svc.Type().Method(j).Name, method: svc.Method(j)})
		}
	}
	return calls
}

// callSweep calls m with sweep arguments and returns its results, what
// it panicked with (nil if it did not), and its error.
func callSweep(ctx context.Context, m reflect.Value) (results []reflect.Value, panicked any, err error) {
	defer func() { panicked = recover() }()
	mt := m.Type()
	args := make([]reflect.Value, mt.NumIn())
	for i := range args {
		args[i] = sweepArg(ctx, mt.In(i))
	}
	if mt.IsVariadic() {
		results = m.CallSlice(args)
	} else {
		results = m.Call(args)
	}
	if last := results[len(results)-1]; last.Type() == reflect.TypeFor[error]() && !last.IsNil() {
		err = last.Interface().(error)
	}
	return results, nil, err
}

// TestNoMethodReturnsNilWithoutAnError calls every exported service
// method against a server answering every request 200 with an empty
// body, with null, and with {}: none panics, and none returns a nil
// pointer result with a nil error.
func TestNoMethodReturnsNilWithoutAnError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"", "null", "{}"} {
		t.Run(fmt.Sprintf("body=%q", body), func(t *testing.T) {
			t.Parallel()
			mock := httpmock.NewMockTransport()
			mock.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
				r := httpmock.NewStringResponse(200, body)
				r.Header.Set("Content-Type", "application/json")
				return r, nil
			})
			c := newTestClient(t, postmanURL, WithHTTPClient(&http.Client{Transport: mock}), WithSCIMKey(conformanceSCIMKey), WithMaxRetries(0))
			var checked, reached int
			for _, call := range serviceMethods(c) {
				before := mock.GetTotalCallCount()
				ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
				results, panicked, err := callSweep(ctx, call.method)
				if panicked != nil {
					t.Errorf("%s panicked: %v", call.name, panicked)
					cancel()
					continue
				}
				if seq, ok := results[0].Interface().(iter.Seq2[any, error]); ok {
					_ = seq // typed iterators are checked below through reflection
				}
				if results[0].Kind() == reflect.Func && results[0].Type().NumIn() == 1 {
					err = rangeSweep(results[0])
				}
				if errorsIsDeadline(ctx, err) {
					t.Errorf("%s did not return within 5 s (an endless poll?)", call.name)
				}
				if len(results) >= 2 && results[0].Kind() == reflect.Pointer && results[0].IsNil() && err == nil {
					t.Errorf("%s returned a nil %s and no error", call.name, results[0].Type())
				}
				cancel()
				checked++
				if mock.GetTotalCallCount() > before {
					reached++
				}
			}
			assert.Greater(t, checked, 250, "methods swept")
			assert.Greater(t, reached, 200, "methods that reached the server")
			t.Logf("%d methods swept, %d reached the server", checked, reached)
		})
	}
}

// rangeSweep ranges over an iter.Seq2[*T, error] value, stopping after a
// few elements, and returns the first error it yields.
func rangeSweep(seq reflect.Value) (err error) {
	n := 0
	yield := reflect.MakeFunc(seq.Type().In(0), func(args []reflect.Value) []reflect.Value {
		n++
		if e, ok := args[len(args)-1].Interface().(error); ok && e != nil && err == nil {
			err = e
		}
		return []reflect.Value{reflect.ValueOf(n < 5)}
	})
	seq.Call([]reflect.Value{yield})
	return err
}

func errorsIsDeadline(ctx context.Context, err error) bool {
	return err != nil && ctx.Err() == context.DeadlineExceeded
}

// TestMissingResultSaysSo: an answer without the member a method returns
// is a *DecodeError wrapping ErrMissingResult, naming the member, with
// Postman's request ID.
func TestMissingResultSaysSo(t *testing.T) {
	t.Parallel()
	c, mock := newMockClient(t)
	answer := httpmock.NewStringResponse(200, `{"meta":{}}`)
	answer.Header.Set("X-Request-Id", "req-42")
	mock.RegisterResponder("GET", postmanURL+"/workspaces/ws-1", httpmock.ResponderFromResponse(answer))
	ws, _, err := c.Workspaces.Get(t.Context(), "ws-1", nil)
	assert.Nil(t, ws)
	require.ErrorIs(t, err, ErrMissingResult)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "req-42", de.RequestID)
	assert.Equal(t, "getWorkspace", de.Operation)
	assert.Contains(t, err.Error(), `no "workspace" member`)
	assert.Contains(t, err.Error(), "req-42")
}

// TestResponseRawHoldsTheWholeAnswer: a member the SDK does not type is
// still in Response.Raw, success or error, and the item endpoints'
// model_id is typed.
func TestResponseRawHoldsTheWholeAnswer(t *testing.T) {
	t.Parallel()
	c, mock := newMockClient(t, WithMaxRetries(0))
	mock.RegisterResponder("GET", postmanURL+"/collections/c1/folders/f1", httpmock.NewStringResponder(200,
		`{"data":{"id":"f1","name":"F"},"meta":{"model":"folder","action":"find"},"model_id":"f1","revision":7,"newMember":{"x":1}}`))
	mock.RegisterResponder("GET", postmanURL+"/workspaces/w1", httpmock.NewStringResponder(404,
		`{"error":{"name":"notFound","message":"gone","hint":"new"}}`))
	f, resp, err := c.Collections.GetFolder(t.Context(), "c1", "f1", nil)
	require.NoError(t, err)
	assert.Equal(t, "f1", f.ModelID)
	assert.JSONEq(t, `{"x":1}`, string(jsonMember(t, resp.Raw, "newMember")))
	_, resp, err = c.Workspaces.Get(t.Context(), "w1", nil)
	require.ErrorIs(t, err, ErrNotFound)
	assert.Contains(t, string(resp.Raw), `"hint":"new"`)
}

// jsonMember returns one top-level member of a JSON object.
func jsonMember(t *testing.T, raw []byte, name string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &m))
	return m[name]
}
