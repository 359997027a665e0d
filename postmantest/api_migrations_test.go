package postmantest_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

const paymentsYAML = "openapi: 3.0.3\ninfo: {title: Payments, version: '1'}\npaths: {}\n"

func TestAPIMigrationToAnExistingWorkspace(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	api := srv.AddAPI("Payments", 10)
	srv.SetAPISchema(api, "openapi:3", postmantest.SpecFile{Path: "index.yaml", Content: paymentsYAML})
	c := newPlainClient(t, srv)
	ctx := t.Context()

	start, resp, err := c.APIs.MigrateToSpecHub(ctx, api, postman.APIMigrateParams{WorkspaceID: team})
	require.NoError(t, err)
	assert.Equal(t, http.StatusAccepted, resp.StatusCode)
	assert.True(t, start.Accepted)
	assert.True(t, start.Success)
	done, _, err := c.APIs.WaitSpecMigration(ctx, &postman.APISpecMigrationStart{APIID: api})
	require.NoError(t, err)
	assert.Equal(t, postman.APISpecMigrationCompleted, done.Status)
	assert.Equal(t, team, done.Details.WorkspaceID)

	specs, _, err := newClient(t, srv, "any-key").Specs.List(ctx, team, nil)
	require.NoError(t, err)
	require.Len(t, specs, 1)
	assert.Equal(t, "Payments", specs[0].Name)
	assert.Equal(t, postman.SpecTypeOpenAPI30, specs[0].Type)
	file, _, err := newClient(t, srv, "any-key").Specs.GetFile(ctx, specs[0].ID, "index.yaml")
	require.NoError(t, err)
	assert.Equal(t, paymentsYAML, file.Content)
	assert.Equal(t, postman.SpecFileType("ROOT"), file.Type)

	// Moved: there is nothing left to migrate, and no second spec.
	start, resp, err = c.APIs.MigrateToSpecHub(ctx, api, postman.APIMigrateParams{WorkspaceID: team})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.False(t, start.Accepted)
	assert.Len(t, srv.Specs(), 1)
}

func TestAPIMigrationToANewWorkspace(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	api := srv.AddAPI("Orders", 10)
	srv.SetAPISchema(api, "proto:3",
		postmantest.SpecFile{Path: "types.proto", Content: `syntax = "proto3";`},
		postmantest.SpecFile{Path: "orders.proto", Content: `syntax = "proto3"; import "types.proto";`, Root: true})
	c := newPlainClient(t, srv)

	_, _, err := c.APIs.MigrateToSpecHub(t.Context(), api, postman.APIMigrateParams{
		Workspace: &postman.APISpecMigrationWorkspace{Name: "Order specs"}, Git: &postman.APISpecMigrationGit{Path: "/apis/orders"}})
	require.NoError(t, err)
	done, _, err := c.APIs.WaitSpecMigration(t.Context(), &postman.APISpecMigrationStart{APIID: api})
	require.NoError(t, err)

	workspaces := srv.Workspaces()
	require.Len(t, workspaces, 3)
	assert.Equal(t, done.Details.WorkspaceID, workspaces[2].ID)
	assert.Equal(t, "Order specs", workspaces[2].Name)
	specs := srv.Specs()
	require.Len(t, specs, 1)
	assert.Equal(t, "PROTOBUF:3", specs[0].Type)
	assert.Equal(t, workspaces[2].ID, specs[0].WorkspaceID)
	require.Len(t, specs[0].Files, 2)
	assert.False(t, specs[0].Files[0].Root)
	assert.True(t, specs[0].Files[1].Root, "the file marked root stays the root")
}

func TestAPIMigrationFailures(t *testing.T) {
	for _, tc := range []struct {
		name, schemaType, failTasks, reason string
	}{
		{"no schema", "", "", "The API has no schema to migrate."},
		{"a type Spec Hub lacks", "raml:1", "", "Spec Hub does not support raml:1 schemas."},
		{"FailTasks", "openapi:3", "the definition is invalid", "the definition is invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := postmantest.NewServer()
			t.Cleanup(srv.Close)
			api := srv.AddAPI("Payments", 10)
			if tc.schemaType != "" {
				srv.SetAPISchema(api, tc.schemaType, postmantest.SpecFile{Path: "index.yaml", Content: paymentsYAML})
			}
			srv.FailTasks(tc.failTasks)
			c := newPlainClient(t, srv)

			_, _, err := c.APIs.MigrateToSpecHub(t.Context(), api, postman.APIMigrateParams{
				Workspace: &postman.APISpecMigrationWorkspace{Name: "Specs"}})
			require.NoError(t, err)
			_, _, err = c.APIs.WaitSpecMigration(t.Context(), &postman.APISpecMigrationStart{APIID: api})
			var failed *postman.TaskFailedError
			require.ErrorAs(t, err, &failed)
			assert.Equal(t, tc.reason, failed.Details)
			assert.Empty(t, srv.Specs(), "a failed migration stores nothing")
			assert.Len(t, srv.Workspaces(), 2, "nor the new workspace")

			// Once what failed is fixed, the migration can run again.
			srv.FailTasks("")
			srv.SetAPISchema(api, "openapi:3", postmantest.SpecFile{Path: "index.yaml", Content: paymentsYAML})
			start, _, err := c.APIs.MigrateToSpecHub(t.Context(), api, postman.APIMigrateParams{
				Workspace: &postman.APISpecMigrationWorkspace{Name: "Specs"}})
			require.NoError(t, err)
			assert.True(t, start.Accepted)
			_, _, err = c.APIs.WaitSpecMigration(t.Context(), &postman.APISpecMigrationStart{APIID: api})
			require.NoError(t, err)
			assert.Len(t, srv.Specs(), 1)
		})
	}
}

func TestAPIMigrationInProgress(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithTaskDelay(time.Hour))
	t.Cleanup(srv.Close)
	api := srv.AddAPI("Payments", 10)
	srv.SetAPISchema(api, "openapi:3_1", postmantest.SpecFile{Path: "index.yaml", Content: paymentsYAML})
	c := newPlainClient(t, srv)
	req := postman.APIMigrateParams{WorkspaceID: srv.Workspaces()[0].ID}

	_, _, err := c.APIs.MigrateToSpecHub(t.Context(), api, req)
	require.NoError(t, err)
	m, _, err := c.APIs.GetSpecMigration(t.Context(), api)
	require.NoError(t, err)
	assert.Equal(t, postman.APISpecMigrationStatus("IN_PROGRESS"), m.Status)
	assert.Equal(t, "OPENAPI:3.1", srv.Specs()[0].Type)

	_, _, err = c.APIs.MigrateToSpecHub(t.Context(), api, req)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusLocked, apiErr.StatusCode)
	assert.Len(t, srv.Specs(), 1)
}

// migrate posts a migration body as the SDK would not, with or without
// the v10 Accept header.
func migrate(t *testing.T, srv *postmantest.Server, apiID, body string, v10 bool) (int, string) {
	t.Helper()
	header := map[string]string{"Content-Type": "application/json"}
	if v10 {
		header["Accept"] = "application/vnd.api.v10+json"
	}
	return callWith(t, plainHTTP(t), http.MethodPost, srv.URL+"/apis/"+apiID+"/spec-migrations", "any-key", header, strings.NewReader(body))
}

func TestAPIMigrationErrors(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	v10, v9 := srv.AddAPI("Payments", 10), srv.AddAPI("Legacy", 9)
	srv.SetAPISchema(v10, "openapi:3", postmantest.SpecFile{Path: "index.yaml", Content: paymentsYAML})
	for _, tc := range []struct {
		name, api, body string
		v10             bool
		status          int
		detail          string
	}{
		{"no workspace", v10, `{}`, true, 400, "One of workspaceId or workspaceInfo is required."},
		{"two workspaces", v10, `{"workspaceId": "x", "workspaceInfo": {"name": "y"}}`, true, 400, "Only one of workspaceId or workspaceInfo can be given."},
		{"a new workspace without a name", v10, `{"workspaceInfo": {"name": " "}}`, true, 400, "workspaceInfo.name is required."},
		{"Git into an existing workspace", v10, `{"workspaceId": "x", "gitInfo": {"path": "/apis"}}`, true, 400, "gitInfo can only be given with workspaceInfo"},
		{"a Git path that climbs", v10, `{"workspaceInfo": {"name": "y"}, "gitInfo": {"path": "/apis/../etc"}}`, true, 400, "gitInfo.path must be an absolute path"},
		{"a relative Git path", v10, `{"workspaceInfo": {"name": "y"}, "gitInfo": {"path": "apis"}}`, true, 400, "gitInfo.path must be an absolute path"},
		{"an unknown workspace", v10, `{"workspaceId": "00000000-0000-4000-8000-000000000000"}`, true, 404, "We could not find the workspace you are looking for."},
		{"an unknown API", "00000000-0000-4000-8000-000000000000", `{"workspaceInfo": {"name": "y"}}`, true, 404, "We could not find the API you are looking for."},
		{"a v9 API", v9, `{"workspaceInfo": {"name": "y"}}`, true, 422, "This endpoint does not support v9 APIs."},
		{"no v10 Accept header", v10, `{"workspaceInfo": {"name": "y"}}`, false, 400, "ensure that your request sends"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := migrate(t, srv, tc.api, tc.body, tc.v10)
			assert.Equal(t, tc.status, status)
			assert.Contains(t, body, tc.detail)
		})
	}
	assert.Empty(t, srv.Specs())
	assert.Len(t, srv.Workspaces(), 2)

	_, _, err := newPlainClient(t, srv).APIs.GetSpecMigration(t.Context(), v10)
	assert.ErrorIs(t, err, postman.ErrNotFound, "no migration yet")
}
