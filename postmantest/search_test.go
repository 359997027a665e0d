package postmantest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// paymentsCollection nests a request two folders deep; "Create payment"
// mentions a card in its description only.
const paymentsCollection = `{"info": {"name": "Payments", "description": "Card and bank payments"}, "item": [
  {"id": "a1111111-1111-4111-8111-111111111111", "name": "Create payment",
   "request": {"method": "POST", "url": "https://pay.example.com/payments", "description": "Charges a card"}},
  {"id": "a2222222-2222-4222-8222-222222222222", "name": "List payments",
   "request": {"method": "GET", "url": "https://pay.example.com/payments"}},
  {"name": "cards", "item": [{"name": "refunds", "item": [
    {"id": "a3333333-3333-4333-8333-333333333333", "name": "Refund a card payment",
     "request": {"method": "DELETE", "url": "https://pay.example.com/payments/:id"}}]}]}
]}`

const (
	createPaymentID = "a1111111-1111-4111-8111-111111111111"
	listPaymentsID  = "a2222222-2222-4222-8222-222222222222"
	refundID        = "a3333333-3333-4333-8333-333333333333"
)

// searchWorld is a server holding the user's workspaces, collections,
// environments and a spec, and the workspaces of two other teams: a
// verified publisher's public one, an unverified partner one, and a team
// workspace the user cannot see.
type searchWorld struct {
	srv                          *postmantest.Server
	personal, team               string
	payments, pets               string
	weather, gateway, hidden     string
	stagingEnv, localEnv, specID string
}

func newSearchWorld(t *testing.T) *searchWorld {
	t.Helper()
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	w := &searchWorld{srv: srv, personal: srv.Workspaces()[0].ID, team: srv.Workspaces()[1].ID}
	w.payments = srv.AddCollection(w.team, []byte(paymentsCollection))
	w.pets = srv.AddCollection(w.personal, []byte(petsCollection))
	srv.SetWorkspaceTags(w.team, "payments")
	srv.SetCollectionTags(w.payments, "billing", "cards")
	srv.PublishToNetwork(w.team)
	w.stagingEnv = srv.AddEnvironment(w.team, "Payments staging")
	w.localEnv = srv.AddEnvironment(w.personal, "Local")
	w.specID = srv.AddSpec(postmantest.Spec{Name: "Payments API", Type: "OPENAPI:3.0", WorkspaceID: w.team,
		Files: []postmantest.SpecFile{{Path: "openapi.json", Content: petsOpenAPI}}})

	w.weather = srv.AddWorkspace(postmantest.Workspace{Name: "Weather", Type: "public", CreatedBy: "777001",
		Publisher: postmantest.Publisher{TeamID: 777, TeamName: "Open Weather", OrganizationID: 70, OrganizationName: "Open Weather Inc", Verified: true}})
	srv.AddCollection(w.weather, []byte(`{"info": {"name": "Forecast API"}, "item": [
	  {"name": "Daily weather forecast", "request": {"method": "GET", "url": "https://weather.example.com/daily"}},
	  {"name": "Submit a report", "request": {"method": "POST", "url": "https://weather.example.com/reports", "description": "Corrects a weather forecast"}}]}`))
	w.gateway = srv.AddWorkspace(postmantest.Workspace{Name: "Gateway partners", Type: "partner",
		Publisher: postmantest.Publisher{TeamID: 888, TeamName: "PayGate"}})
	srv.AddCollection(w.gateway, []byte(`{"info": {"name": "Payment gateway"}, "item": [
	  {"name": "Authorize a payment", "request": {"method": "POST", "url": "https://gate.example.com/auth"}}]}`))
	w.hidden = srv.AddWorkspace(postmantest.Workspace{Name: "PayGate internal", Type: "team",
		Publisher: postmantest.Publisher{TeamID: 888, TeamName: "PayGate"}})
	srv.AddCollection(w.hidden, []byte(`{"info": {"name": "Internal payments"}, "item": [
	  {"name": "Settle payments", "request": {"method": "POST", "url": "https://gate.internal/settle"}}]}`))
	return w
}

// names runs a search to its end and returns the names it found, and the
// total of its first page.
func names(t *testing.T, c *postman.Client, req postman.SearchQueryParams) ([]string, int) {
	t.Helper()
	_, resp, err := c.Search.Query(t.Context(), req, nil)
	require.NoError(t, err)
	got := []string{}
	for r, err := range c.Search.QueryIter(t.Context(), req, nil) {
		require.NoError(t, err)
		got = append(got, r.Name)
	}
	return got, resp.Total
}

func TestSearchMatchesAndFilters(t *testing.T) {
	w := newSearchWorld(t)
	c := newClient(t, w.srv, "any-key")
	eq, ne, in, nin, is := postman.SearchEq, postman.SearchNe, postman.SearchIn, postman.SearchNotIn, postman.SearchEqBool
	for _, tc := range []struct {
		name string
		req  postman.SearchQueryParams
		want []string
	}{
		{"every workspace of the team", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces}, []string{"My Workspace", "Team Workspace"}},
		{"a workspace by its summary", postman.SearchQueryParams{Query: "SHARED", ElementType: postman.SearchWorkspaces}, []string{"Team Workspace"}},
		{"requests in nested folders, any case", postman.SearchQueryParams{Query: "Payment", ElementType: postman.SearchRequests},
			[]string{"Create payment", "List payments", "Refund a card payment"}},
		{"every word, names first, then descriptions", postman.SearchQueryParams{Query: "card", ElementType: postman.SearchRequests},
			[]string{"Refund a card payment", "Create payment"}},
		{"words anywhere in the name", postman.SearchQueryParams{Query: "card refund", ElementType: postman.SearchRequests}, []string{"Refund a card payment"}},
		{"nothing found", postman.SearchQueryParams{Query: "invoice", ElementType: postman.SearchRequests}, []string{}},
		{"collections by description", postman.SearchQueryParams{Query: "bank", ElementType: postman.SearchCollections}, []string{"Payments"}},
		{"environments", postman.SearchQueryParams{Query: "staging", ElementType: postman.SearchEnvironments}, []string{"Payments staging"}},
		{"specs", postman.SearchQueryParams{Query: "payments", ElementType: postman.SearchSpecs}, []string{"Payments API"}},
		{"no documents or flows", postman.SearchQueryParams{ElementType: postman.SearchFlows}, []string{}},

		{"method $eq, any case", postman.SearchQueryParams{ElementType: postman.SearchRequests, Filters: postman.SearchFilters{eq(postman.SearchFieldMethod, "post")}},
			[]string{"Create payment", "Add a pet"}},
		{"method $ne", postman.SearchQueryParams{Query: "payment", ElementType: postman.SearchRequests, Filters: postman.SearchFilters{ne(postman.SearchFieldMethod, "GET")}},
			[]string{"Create payment", "Refund a card payment"}},
		{"method $in", postman.SearchQueryParams{ElementType: postman.SearchRequests, Filters: postman.SearchFilters{in(postman.SearchFieldMethod, "DELETE", "GET")}},
			[]string{"List payments", "Refund a card payment", "Get a pet"}},
		{"method $nin", postman.SearchQueryParams{ElementType: postman.SearchRequests, Filters: postman.SearchFilters{nin(postman.SearchFieldMethod, "DELETE", "GET")}},
			[]string{"Create payment", "Add a pet"}},
		{"collectionId $eq by UID", postman.SearchQueryParams{ElementType: postman.SearchRequests, Filters: postman.SearchFilters{eq(postman.SearchFieldCollectionID, uid(w.pets))}},
			[]string{"Get a pet", "Add a pet"}},
		{"requestId $in", postman.SearchQueryParams{ElementType: postman.SearchRequests, Filters: postman.SearchFilters{in(postman.SearchFieldRequestID, refundID, uid(getPetID))}},
			[]string{"Refund a card payment", "Get a pet"}},
		{"requestId $ne", postman.SearchQueryParams{Query: "payment", ElementType: postman.SearchRequests, Filters: postman.SearchFilters{ne(postman.SearchFieldRequestID, listPaymentsID)}},
			[]string{"Create payment", "Refund a card payment"}},
		{"type $eq", postman.SearchQueryParams{Query: "pet", ElementType: postman.SearchRequests, Filters: postman.SearchFilters{eq(postman.SearchFieldType, "http")}},
			[]string{"Get a pet", "Add a pet"}},
		{"collectionId $nin", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{nin(postman.SearchFieldCollectionID, w.pets)}},
			[]string{"Payments"}},
		{"workspaceId $eq", postman.SearchQueryParams{ElementType: postman.SearchEnvironments, Filters: postman.SearchFilters{eq(postman.SearchFieldWorkspaceID, w.personal)}},
			[]string{"Local"}},
		{"workspaceId $nin", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{nin(postman.SearchFieldWorkspaceID, w.team)}},
			[]string{"Pets API"}},
		{"environmentId $in by UID", postman.SearchQueryParams{ElementType: postman.SearchEnvironments, Filters: postman.SearchFilters{in(postman.SearchFieldEnvironmentID, uid(w.localEnv))}},
			[]string{"Local"}},
		{"specificationId $ne", postman.SearchQueryParams{ElementType: postman.SearchSpecs, Filters: postman.SearchFilters{ne(postman.SearchFieldSpecificationID, w.specID)}},
			[]string{}},
		{"tags $eq", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces, Filters: postman.SearchFilters{eq(postman.SearchFieldTags, "payments")}},
			[]string{"Team Workspace"}},
		{"tags $ne", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces, Filters: postman.SearchFilters{ne(postman.SearchFieldTags, "payments")}},
			[]string{"My Workspace"}},
		{"tags $in", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{in(postman.SearchFieldTags, "cards", "pets")}},
			[]string{"Payments"}},
		{"tags $nin", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{nin(postman.SearchFieldTags, "billing")}},
			[]string{"Pets API"}},
		{"createdBy $eq", postman.SearchQueryParams{ElementType: postman.SearchSpecs, Filters: postman.SearchFilters{eq(postman.SearchFieldCreatedBy, fakeUserIDStr)}},
			[]string{"Payments API"}},
		{"teamId $eq", postman.SearchQueryParams{ElementType: postman.SearchEnvironments, Filters: postman.SearchFilters{eq(postman.SearchFieldTeamID, "123")}},
			[]string{"Payments staging", "Local"}},
		{"isGitConnected $eq true", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{is(postman.SearchFieldIsGitConnected, true)}},
			[]string{}},
		{"isGitConnected $eq false, environments too", postman.SearchQueryParams{ElementType: postman.SearchEnvironments, Filters: postman.SearchFilters{is(postman.SearchFieldIsGitConnected, false)}},
			[]string{"Payments staging", "Local"}},
		{"privateNetwork $eq true", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{is(postman.SearchFieldPrivateNetwork, true)}},
			[]string{"Payments"}},
		{"privateNetwork $ne true", postman.SearchQueryParams{ElementType: postman.SearchCollections, Filters: postman.SearchFilters{postman.SearchNeBool(postman.SearchFieldPrivateNetwork, true)}},
			[]string{"Pets API"}},
		{"visibility $eq internal", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces, Filters: postman.SearchFilters{eq(postman.SearchFieldVisibility, postman.SearchVisibilityInternal)}},
			[]string{"My Workspace", "Team Workspace"}},

		{"other teams' visible workspaces", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces, Ownership: postman.SearchExternal},
			[]string{"Weather", "Gateway partners"}},
		{"every visible workspace", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces, Ownership: postman.SearchAll},
			[]string{"My Workspace", "Team Workspace", "Weather", "Gateway partners"}},
		{"never another team's internal elements", postman.SearchQueryParams{Query: "payments", ElementType: postman.SearchCollections, Ownership: postman.SearchAll},
			[]string{"Payments"}},
		{"public requests of verified publishers", postman.SearchQueryParams{Query: "weather forecast", ElementType: postman.SearchRequests, Ownership: postman.SearchAll,
			Filters: postman.SearchFilters{eq(postman.SearchFieldVisibility, postman.SearchVisibilityPublic), is(postman.SearchFieldPublisherIsVerified, true)}},
			[]string{"Daily weather forecast", "Submit a report"}},
		{"publisherIsVerified $ne true", postman.SearchQueryParams{ElementType: postman.SearchCollections, Ownership: postman.SearchExternal,
			Filters: postman.SearchFilters{postman.SearchNeBool(postman.SearchFieldPublisherIsVerified, true)}},
			[]string{"Payment gateway"}},
		{"partner requests", postman.SearchQueryParams{ElementType: postman.SearchRequests, Ownership: postman.SearchExternal,
			Filters: postman.SearchFilters{eq(postman.SearchFieldVisibility, postman.SearchVisibilityPartner)}},
			[]string{"Authorize a payment"}},
		{"organizationId $in", postman.SearchQueryParams{ElementType: postman.SearchWorkspaces, Ownership: postman.SearchAll,
			Filters: postman.SearchFilters{in(postman.SearchFieldOrganizationID, "70", "888")}},
			[]string{"Weather", "Gateway partners"}},
		{"createdBy of another team", postman.SearchQueryParams{ElementType: postman.SearchRequests, Ownership: postman.SearchAll,
			Filters: postman.SearchFilters{eq(postman.SearchFieldCreatedBy, "777001")}},
			[]string{"Daily weather forecast", "Submit a report"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total := names(t, c, tc.req)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, len(tc.want), total)
		})
	}
}

func TestSearchResultFields(t *testing.T) {
	w := newSearchWorld(t)
	c := newClient(t, w.srv, "any-key")
	ctx := t.Context()

	found, _, err := c.Search.Query(ctx, postman.SearchQueryParams{Query: "refund", ElementType: postman.SearchRequests}, nil)
	require.NoError(t, err)
	require.Len(t, found, 1)
	no := false
	assert.Equal(t, &postman.SearchResult{
		ID: uid(refundID), Name: "Refund a card payment", Method: "DELETE", URL: "https://pay.example.com/payments/:id", Type: "http",
		IsGitConnected: &no, CreatedBy: fakeUserIDStr, IsPrivateNetworkEntity: true,
		Collection:   &postman.SearchElementRef{ID: uid(w.payments), Name: "Payments"},
		Workspace:    &postman.SearchElementRef{ID: w.team, Name: "Team Workspace"},
		Team:         &postman.SearchElementRef{ID: "123", Name: "Test Team"},
		Organization: &postman.SearchPublisher{ID: "1", Name: "Test Team"},
		Links: postman.SearchLinks{
			Web:  postman.SearchLink{Href: "https://go.postman.co/request/" + uid(refundID)},
			Self: postman.SearchLink{Href: "https://api.postman.com/collections/" + uid(w.payments) + "/requests/" + uid(refundID)},
		},
	}, found[0])

	found, _, err = c.Search.Query(ctx, postman.SearchQueryParams{Query: "team", ElementType: postman.SearchWorkspaces}, nil)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, "Shared with the team", found[0].Summary)
	assert.Equal(t, []string{"payments"}, found[0].Tags)
	assert.Nil(t, found[0].Workspace, "a workspace is in none")
	assert.Equal(t, "https://api.postman.com/workspaces/"+w.team, found[0].Links.Self.Href)

	found, _, err = c.Search.Query(ctx, postman.SearchQueryParams{ElementType: postman.SearchSpecs}, nil)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, w.specID, found[0].SpecificationID)
	assert.Equal(t, postman.SpecTypeOpenAPI30, found[0].SpecificationType)
	assert.Equal(t, "Payments API", found[0].SpecificationName)

	found, _, err = c.Search.Query(ctx, postman.SearchQueryParams{ElementType: postman.SearchCollections, Ownership: postman.SearchExternal,
		Filters: postman.SearchFilters{postman.SearchEqBool(postman.SearchFieldPublisherIsVerified, true)}}, nil)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, &postman.SearchElementRef{ID: "777", Name: "Open Weather"}, found[0].Team)
	assert.Equal(t, &postman.SearchPublisher{ID: "70", Name: "Open Weather Inc", IsVerified: true}, found[0].Organization)
	assert.Equal(t, "777001", found[0].CreatedBy)
	assert.False(t, found[0].IsPrivateNetworkEntity)
}

func TestSearchPages(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[1].ID
	var want []string
	for i := range 12 {
		name := fmt.Sprintf("Stage %02d", i)
		srv.AddEnvironment(ws, name)
		want = append(want, name)
	}
	srv.AddEnvironment(ws, "Production")
	c := newClient(t, srv, "any-key")
	req := postman.SearchQueryParams{Query: "stage", ElementType: postman.SearchEnvironments}

	first, resp, err := c.Search.Query(t.Context(), req, nil)
	require.NoError(t, err)
	assert.Len(t, first, 10, "10 a page by default")
	assert.Equal(t, 12, resp.Total)
	require.NotEmpty(t, resp.NextCursor)

	var got []string
	opts := &postman.SearchQueryOptions{CursorOptions: postman.CursorOptions{Limit: 5}}
	for page := 0; ; page++ {
		results, resp, err := c.Search.Query(t.Context(), req, opts)
		require.NoError(t, err)
		assert.Equal(t, 12, resp.Total, "page %d", page)
		for _, r := range results {
			got = append(got, r.Name)
		}
		if resp.NextCursor == "" {
			assert.Equal(t, 2, page, "pages of 5, 5 and 2")
			break
		}
		opts.Cursor = resp.NextCursor
	}
	assert.Equal(t, want, got)

	all, _ := names(t, c, req)
	assert.Equal(t, want, all)
}

// TestSearchErrors sends what the SDK or the description would refuse
// around them, and checks Postman's 400 details.
func TestSearchErrors(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	raw := newPlainClient(t, srv)
	for _, tc := range []struct {
		name, query, body, detail string
	}{
		{"no elementType", "", `{"q": "pets"}`, "body must have required property 'elementType'"},
		{"no body", "", ``, "body must have required property 'elementType'"},
		{"unknown elementType", "", `{"elementType": "mocks"}`,
			"/elementType must be equal to one of the allowed values: requests, collections, workspaces, environments, documents, flows, specs"},
		{"unknown ownership", "", `{"elementType": "requests", "ownership": "mine"}`,
			"/ownership must be equal to one of the allowed values: organization, external, all"},
		{"q not text", "", `{"elementType": "requests", "q": 5}`, "/q must be string"},
		{"limit above 25", "?limit=26", `{"elementType": "requests"}`, "The limit value must be an integer between 1 and 25."},
		{"bad cursor", "?cursor=nope", `{"elementType": "requests"}`, "Invalid cursor"},
		{"filters without $and", "", `{"elementType": "requests", "filters": {"method": {"$eq": "GET"}}}`, "/filters must have required property '$and'"},
		{"field of another type", "", `{"elementType": "requests", "filters": {"$and": [{"tags": {"$eq": "x"}}]}}`,
			"filter tags is not supported for elementType=requests"},
		{"unknown field", "", `{"elementType": "workspaces", "filters": {"$and": [{"color": {"$eq": "red"}}]}}`,
			"filter color is not supported for elementType=workspaces"},
		{"operator the field lacks", "", `{"elementType": "workspaces", "filters": {"$and": [{"visibility": {"$in": ["public"]}}]}}`,
			"operator $in is not supported for filter visibility"},
		{"unknown operator", "", `{"elementType": "requests", "filters": {"$and": [{"method": {"$gt": "GET"}}]}}`,
			"operator $gt is not supported for filter method"},
		{"text for a boolean", "", `{"elementType": "requests", "filters": {"$and": [{"publisherIsVerified": {"$eq": "yes"}}]}}`,
			"/filters/$and/0/publisherIsVerified/$eq must be boolean"},
		{"number for text", "", `{"elementType": "requests", "filters": {"$and": [{"method": {"$eq": 5}}]}}`,
			"/filters/$and/0/method/$eq must be string"},
		{"text for a list", "", `{"elementType": "requests", "filters": {"$and": [{"method": {"$in": "GET"}}]}}`,
			"/filters/$and/0/method/$in must be array"},
		{"unknown visibility", "", `{"elementType": "requests", "filters": {"$and": [{"visibility": {"$eq": "secret"}}]}}`,
			"/filters/$and/0/visibility/$eq must be equal to one of the allowed values: internal, public, partner"},
		{"two fields in a condition", "", `{"elementType": "requests", "filters": {"$and": [{"method": {"$eq": "GET"}, "type": {"$eq": "http"}}]}}`,
			"/filters/$and/0 must NOT have more than 1 properties"},
		{"external and internal", "", `{"elementType": "requests", "ownership": "external", "filters": {"$and": [{"visibility": {"$eq": "internal"}}]}}`,
			"ownership=external cannot be combined with visibility=internal"},
		{"private network beyond the organization", "", `{"elementType": "requests", "ownership": "all", "filters": {"$and": [{"privateNetwork": {"$eq": true}}]}}`,
			"privateNetwork=true can only be used with ownership=organization"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var body any
			if tc.body != "" {
				body = json.RawMessage(tc.body)
			}
			_, err := raw.Do(t.Context(), http.MethodPost, "/search"+tc.query, body, nil)
			var apiErr *postman.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
			assert.Equal(t, "https://api.postman.com/problems/bad-request", apiErr.Type)
			assert.Equal(t, tc.detail, apiErr.Detail)
		})
	}
}

// TestOtherTeamsStayOutOfTheUsersLists checks that seeding another team's
// workspace does not add it, or its elements, to what the user lists.
func TestOtherTeamsStayOutOfTheUsersLists(t *testing.T) {
	w := newSearchWorld(t)
	c := newClient(t, w.srv, "any-key")
	ctx := t.Context()
	workspaces, _, err := c.Workspaces.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, workspaces, 2)
	collections, _, err := c.Collections.List(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, collections, 2)
	public, _, err := c.Collections.List(ctx, &postman.CollectionListOptions{WorkspaceID: w.weather})
	require.NoError(t, err)
	require.Len(t, public, 1, "a public workspace's collections, asked for")
	assert.Equal(t, "Forecast API", public[0].Name)
}
