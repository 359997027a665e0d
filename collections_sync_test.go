package postman

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/collection"
	"github.com/postman-go/postman/postmantest"
)

// newSyncClient returns a client of a fresh postmantest server, in memory.
func newSyncClient(t testing.TB) (*Client, *postmantest.Server) {
	t.Helper()
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	return newTestClient(t, srv.URL, WithHTTPClient(&http.Client{Transport: srv.Transport()})), srv
}

// writesOf returns the requests other than GETs among those received.
func writesOf(reqs []postmantest.Request) []postmantest.Request {
	var out []postmantest.Request
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

func mustParse(t testing.TB, doc string) *collection.Collection {
	t.Helper()
	c, err := collection.Parse([]byte(doc))
	require.NoError(t, err)
	return c
}

const syncCurrentDoc = `{
	"info": {"name": "Users API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item": [
		{"name": "Accounts", "item": [
			{"name": "Get user", "request": {"method": "GET", "url": "{{baseUrl}}/users/1"}}
		]},
		{"name": "Users", "item": [
			{"name": "Delete user", "request": {"method": "DELETE", "url": "{{baseUrl}}/users/1"}},
			{"name": "List users", "request": {"method": "GET", "url": "{{baseUrl}}/users"},
				"response": [{"name": "OK", "code": 200, "body": "[]"}]}
		]},
		{"name": "Legacy", "item": [
			{"name": "Old report", "request": {"method": "GET", "url": "{{baseUrl}}/report"}}
		]}
	],
	"variable": [{"key": "baseUrl", "value": "https://api.example.com"}]
}`

const syncDesiredDoc = `{
	"info": {"name": "Users API v2", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"item": [
		{"name": "Accounts", "item": []},
		{"name": "Users", "item": [
			{"name": "List users", "request": {"method": "GET", "url": "{{baseUrl}}/users?page=2",
					"header": [{"key": "Accept", "value": "application/json"}]},
				"response": [{"name": "OK", "code": 200, "body": "[{\"id\": 1}]"}]},
			{"name": "Delete user", "request": {"method": "DELETE", "url": "{{baseUrl}}/users/1"}},
			{"name": "Admin", "item": [
				{"name": "Create user", "request": {"method": "POST", "url": "{{baseUrl}}/users",
					"body": {"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}},
					"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}]}},
				 "event": [{"listen": "test", "script": {"exec": ["pm.test('ok', () => pm.response.to.be.ok)"], "type": "text/javascript"}}]}
			]}
		]}
	],
	"variable": [{"key": "baseUrl", "value": "https://api.example.com"}, {"key": "timeout", "value": "30"}]
}`

func TestSyncAppliesThePlanAndSettles(t *testing.T) {
	client, srv := newSyncClient(t)
	id := srv.AddCollection("", []byte(syncCurrentDoc))
	desired := mustParse(t, syncDesiredDoc)

	res, _, err := client.Collections.Sync(t.Context(), id, desired, nil)
	require.NoError(t, err)
	require.False(t, res.Plan.IsEmpty())
	assert.Equal(t, len(res.Plan.Changes), len(res.Applied))
	assert.False(t, res.Replaced)
	assert.Empty(t, res.Unsupported)

	got, _, err := client.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	again := Diff(t, got, desired)
	require.True(t, again.IsEmpty(), "after Sync:\n%s", again)

	before := len(srv.Requests())
	res, _, err = client.Collections.Sync(t.Context(), id, desired, nil)
	require.NoError(t, err)
	assert.True(t, res.Plan.IsEmpty(), "%s", res.Plan)
	assert.Empty(t, writesOf(srv.Requests()[before:]), "a second Sync writes nothing")
	assert.Equal(t, 0, res.Writes)
}

// Diff is the plan Sync would make: the difference of the collections in
// the form Sync compares them in.
func Diff(t testing.TB, from, to *collection.Collection) *collection.Plan {
	t.Helper()
	a, err := syncForm(from)
	require.NoError(t, err)
	b, err := syncForm(to)
	require.NoError(t, err)
	return collection.Diff(a, b)
}

func TestSyncDryRunWritesNothing(t *testing.T) {
	client, srv := newSyncClient(t)
	id := srv.AddCollection("", []byte(syncCurrentDoc))
	before := srv.CollectionDocument(id)
	res, _, err := client.Collections.Sync(t.Context(), id, mustParse(t, syncDesiredDoc), &CollectionSyncOptions{DryRun: true})
	require.NoError(t, err)
	assert.True(t, res.DryRun)
	assert.Empty(t, res.Applied)
	assert.Contains(t, res.String(), "+ folder   Users / Admin")
	assert.Contains(t, res.String(), "Dry run: nothing written.")
	assert.Empty(t, writesOf(srv.Requests()))
	assert.JSONEq(t, string(before), string(srv.CollectionDocument(id)))
}

func TestSyncRefusesWhatTheItemEndpointsCannotExpress(t *testing.T) {
	client, srv := newSyncClient(t)
	id := srv.AddCollection("", []byte(syncCurrentDoc))
	desired := mustParse(t, syncCurrentDoc)
	desired.FindByName("Get user").Request.Method = "PATCH"
	require.NoError(t, desired.FindByName("Old report").Request.SetExtra("proxy", map[string]any{"host": "proxy.local"}))
	desired.Variables = desired.Variables[:0] // Patch cannot remove a variable

	res, _, err := client.Collections.Sync(t.Context(), id, desired, nil)
	var se *CollectionSyncError
	require.ErrorAs(t, err, &se)
	require.ErrorIs(t, err, ErrSyncUnsupported)
	assert.Empty(t, se.Applied)
	assert.Len(t, se.Unapplied, len(res.Plan.Changes))
	var members []string
	for _, g := range res.Unsupported {
		members = append(members, g.Member)
	}
	assert.ElementsMatch(t, []string{"request.proxy", "variable"}, members)
	assert.Contains(t, err.Error(), "request.proxy of request Legacy / Old report")
	assert.Contains(t, res.String(), "! request  Legacy / Old report: request.proxy (the item endpoints have no field for it)")
	assert.Empty(t, writesOf(srv.Requests()), "refused before writing anything")
	assert.Contains(t, res.String(), "Refused: the item endpoints cannot make the changes marked !")
	dry, _, err := client.Collections.Sync(t.Context(), id, desired, &CollectionSyncOptions{DryRun: true})
	require.ErrorIs(t, err, ErrSyncUnsupported, "a dry run refuses what the run would")
	assert.Len(t, dry.Unsupported, 2)
	dry, _, err = client.Collections.Sync(t.Context(), id, desired, &CollectionSyncOptions{DryRun: true, AllowReplace: true})
	require.NoError(t, err)
	assert.True(t, dry.Replaced)
	assert.Contains(t, dry.String(), "Apply would replace the whole collection.")
	assert.Empty(t, writesOf(srv.Requests()))

	// Allowed, Sync replaces the whole collection, keeping the items' IDs.
	cur, _, err := client.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	getUser := cur.FindByName("Get user").ID
	res, _, err = client.Collections.Sync(t.Context(), id, desired, &CollectionSyncOptions{AllowReplace: true})
	require.NoError(t, err)
	assert.True(t, res.Replaced)
	assert.Equal(t, 1, res.Writes)
	got, _, err := client.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	assert.Equal(t, getUser, got.FindByName("Get user").ID)
	assert.Equal(t, "PATCH", got.FindByName("Get user").Request.Method)
	res, _, err = client.Collections.Sync(t.Context(), id, desired, nil)
	require.NoError(t, err)
	assert.True(t, res.Plan.IsEmpty(), "%s", res.Plan)
}

func TestSyncStopsAtAFailureAndResumes(t *testing.T) {
	client, srv := newSyncClient(t)
	id := srv.AddCollection("", []byte(syncCurrentDoc))
	desired := mustParse(t, syncDesiredDoc)

	plan, _, err := client.Collections.Sync(t.Context(), id, desired, &CollectionSyncOptions{DryRun: true})
	require.NoError(t, err)
	total := len(plan.Plan.Changes)
	require.Greater(t, total, 4)

	// The third write fails: Patch and the creation of the folder Admin
	// are made, its placement is not.
	failing := newTestClient(t, srv.URL, WithHTTPClient(&http.Client{Transport: &failNthWrite{next: srv.Transport(), n: 3}}))
	_, _, err = failing.Collections.Sync(t.Context(), id, desired, nil)
	var se *CollectionSyncError
	require.ErrorAs(t, err, &se)
	var api *APIError
	require.ErrorAs(t, err, &api)
	require.Equal(t, collection.OpAdd, plan.Plan.Changes[1].Op)
	require.True(t, plan.Plan.Changes[1].Place)
	assert.Len(t, se.Applied, 1)
	assert.Len(t, se.Unapplied, total-1)
	assert.Equal(t, "Admin", se.Unapplied[0].Name(), "the failing change comes first")
	assert.Contains(t, err.Error(), "stopped after 1 of 9 changes, at + folder   Users / Admin")

	// Sync again: it plans what is left and finishes. The folder Admin,
	// created last among the folders of Users, is already first in it,
	// where Postman lists subfolders.
	res, _, err := client.Collections.Sync(t.Context(), id, desired, nil)
	require.NoError(t, err)
	assert.Len(t, res.Plan.Changes, total-2)
	assert.Len(t, res.Applied, total-2)
	got, _, err := client.Collections.Get(t.Context(), id, nil)
	require.NoError(t, err)
	require.True(t, Diff(t, got, desired).IsEmpty())
}

func TestSyncErrorNamesAppliedAndUnapplied(t *testing.T) {
	e := &CollectionSyncError{
		Applied:   []collection.Change{{Op: collection.OpAdd, Kind: collection.KindFolder, To: &collection.Item{Name: "A"}}},
		Unapplied: []collection.Change{{Op: collection.OpRemove, Kind: collection.KindRequest, From: &collection.Item{Name: "B"}, Path: []string{"A"}}},
		Err:       errors.New("boom"),
	}
	assert.Equal(t, "postman: Sync: stopped after 1 of 2 changes, at - request  A / B: boom", e.Error())
	assert.Equal(t, "boom", errors.Unwrap(e).Error())
}

func TestSyncArguments(t *testing.T) {
	client, srv := newSyncClient(t)
	_, _, err := client.Collections.Sync(t.Context(), "", &collection.Collection{}, nil)
	require.ErrorIs(t, err, ErrInvalidArgument)
	id := srv.AddCollection("", []byte(syncCurrentDoc))
	_, _, err = client.Collections.Sync(t.Context(), id, nil, nil)
	require.ErrorIs(t, err, ErrInvalidArgument)
	_, _, err = client.Collections.Sync(t.Context(), "no-such-collection", &collection.Collection{}, nil)
	require.ErrorIs(t, err, ErrNotFound)
}

// failNthWrite answers the nth write (a request other than a GET) with
// Postman's 400 and passes everything else on.
type failNthWrite struct {
	next   http.RoundTripper
	n, got int
}

func (f *failNthWrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodGet {
		f.got++
		if f.got == f.n {
			rec := httptest.NewRecorder()
			rec.Header().Set("Content-Type", "application/json")
			rec.WriteHeader(http.StatusBadRequest)
			_, _ = rec.WriteString(`{"error": {"name": "paramMissingError", "message": "injected"}}`)
			res := rec.Result()
			res.Request = r
			return res, nil
		}
	}
	return f.next.RoundTrip(r)
}

// BenchmarkCollectionsSync10MB syncs a generated ~10 MB collection
// (collBigDocument) against postmantest, in memory, and reports the bytes
// of the request bodies Sync sends and its requests besides the GET,
// beside the bytes Replace sends for the same desired collection: one
// request changed (a header), and everything changed (every folder and
// request renamed and stripped of its ID, so that the plan removes and
// adds everything) with the fallback to Replace allowed, where Sync
// replaces. The changes the plan would make item by item are reported
// too (changes/op).
func BenchmarkCollectionsSync10MB(b *testing.B) {
	doc := collBigDocument(10 << 20)
	oneRequest := func(c *collection.Collection) {
		c.Items[3].Items[7].Request.Header[0].Value = "application/vnd.api+json"
	}
	everything := func(c *collection.Collection) {
		for _, it := range c.All() {
			it.Name += " v2"
			it.ID = ""
			for _, r := range it.Responses {
				r.ID = ""
			}
		}
	}
	for _, bc := range []struct {
		name string
		edit func(*collection.Collection)
		opts *CollectionSyncOptions
	}{
		{"one-request", oneRequest, nil},
		{"everything/allow-replace", everything, &CollectionSyncOptions{AllowReplace: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var sent, requests, replaced, changes int
			for range b.N {
				b.StopTimer()
				srv := postmantest.NewServer()
				client := newTestClient(b, srv.URL, WithHTTPClient(&http.Client{Transport: srv.Transport()}))
				id := srv.AddCollection("", doc)
				desired, _, err := client.Collections.Get(b.Context(), id, nil)
				require.NoError(b, err)
				bc.edit(desired)
				start := len(srv.Requests())
				b.StartTimer()
				res, _, err := client.Collections.Sync(b.Context(), id, desired, bc.opts)
				b.StopTimer()
				require.NoError(b, err)
				sent, requests, changes = 0, 0, len(res.Plan.Changes)
				for _, r := range srv.Requests()[start:] {
					sent += len(r.Body)
					requests++
				}
				if res.Replaced {
					b.ReportMetric(1, "replaced")
				}
				start = len(srv.Requests())
				_, _, err = client.Collections.Replace(b.Context(), id, desired)
				require.NoError(b, err)
				replaced = len(srv.Requests()[start].Body)
				srv.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(sent), "sent-B/op")
			b.ReportMetric(float64(requests), "requests/op")
			b.ReportMetric(float64(changes), "changes/op")
			b.ReportMetric(float64(replaced), "replace-B/op")
			b.ReportMetric(100*float64(sent)/float64(replaced), "%-of-replace")
		})
	}
}
