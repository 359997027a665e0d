package postmantest

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The migration of an API Builder API to a Spec Hub specification
// (/apis/{apiId}/spec-migrations). The endpoints are not in the OpenAPI
// description; their shapes are those of Postman's API reference, as the
// SDK's api_spec_migrations.go reads them.

// apiSchema is the schema of an API Builder API: its API Builder type
// and files.
type apiSchema struct {
	typ   string
	files []SpecFile
}

// apiMigration is a migration of an API to Spec Hub: its task, and the
// workspace the specification goes to.
type apiMigration struct {
	task        *task
	workspaceID string
}

// specTypeOfSchema maps the API Builder's schema types to the Spec Hub
// types a migration gives the specification; Spec Hub has no RAML, WSDL
// or OpenAPI 1.0, whose migrations fail.
var specTypeOfSchema = map[string]string{
	"openapi:2": "OPENAPI:2.0", "openapi:3": "OPENAPI:3.0", "openapi:3_1": "OPENAPI:3.1", "asyncapi:2": "ASYNCAPI:2.0",
	"proto:2": "PROTOBUF:2", "proto:3": "PROTOBUF:3", "graphql": "GRAPHQL",
}

// SetAPISchema gives an API Builder API (AddAPI) its schema: its API
// Builder type ("openapi:3", "openapi:3_1", "asyncapi:2", "proto:3",
// "graphql" …) and files. A migration to Spec Hub makes them a
// specification of the matching type and the API's name, whose root file
// is the one marked Root, or else the first. It does nothing when there is
// no such API.
func (s *Server) SetAPISchema(apiID, schemaType string, files ...SpecFile) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a := s.state.api(apiID); a != nil {
		a.schema = &apiSchema{typ: schemaType, files: slices.Clone(files)}
	}
}

// gitPath is what a Git-connected API's folder may be: absolute, of
// letters, digits, "/", "-", "_" and ".".
var gitPath = regexp.MustCompile(`^/[A-Za-z0-9/_.-]*$`)

// migrateAPI starts the migration of api to Spec Hub, in an existing
// workspace or a new one: the workspace and the specification are stored
// at once, unless the migration fails (FailTasks, no schema, a type Spec
// Hub lacks), and the migration reports completed after the task delay.
// An API whose last migration completed is not an API Builder API any
// more: Postman answers 200 with nothing to migrate.
func (s *Server) migrateAPI(w http.ResponseWriter, r *http.Request, api *storedAPI) {
	var body struct {
		WorkspaceID   string `json:"workspaceId"`
		WorkspaceInfo *struct {
			Name string `json:"name"`
		} `json:"workspaceInfo"`
		GitInfo *struct {
			Path string `json:"path"`
		} `json:"gitInfo"`
	}
	if !decodeBody(w, r, &body) {
		return
	}
	bad := ""
	switch {
	case body.WorkspaceID == "" && body.WorkspaceInfo == nil:
		bad = "One of workspaceId or workspaceInfo is required."
	case body.WorkspaceID != "" && body.WorkspaceInfo != nil:
		bad = "Only one of workspaceId or workspaceInfo can be given."
	case body.WorkspaceInfo != nil && strings.TrimSpace(body.WorkspaceInfo.Name) == "":
		bad = "workspaceInfo.name is required."
	case body.GitInfo != nil && body.WorkspaceInfo == nil:
		bad = "gitInfo can only be given with workspaceInfo: a Git-connected API moves to a new workspace."
	case body.GitInfo != nil && (!gitPath.MatchString(body.GitInfo.Path) || strings.Contains(body.GitInfo.Path, "..")):
		bad = "gitInfo.path must be an absolute path of letters, digits, /, -, _ and . without .."
	}
	if bad != "" {
		problemFor(w, r, http.StatusBadRequest, "bad-request", "Bad Request", bad)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state
	switch m := api.migration; {
	case m != nil && !m.task.done():
		problemFor(w, r, http.StatusLocked, "locked", "Migration in progress", "A migration of this API to Spec Hub is already in progress.")
		return
	case m != nil && m.task.failed == "":
		writeJSON(w, http.StatusOK, map[string]any{"success": true, "message": "The API is already migrated to Spec Hub."})
		return
	}
	dest := ""
	if body.WorkspaceID != "" {
		ws := lookup(w, st.workspace, body.WorkspaceID, workspaceInstanceNotFound)
		if ws == nil {
			return
		}
		dest = ws.ID
	}

	t := st.newTask(s.cfg.taskDelay)
	specType, supported := "", false
	switch {
	case st.failTasks != "":
		t.failed = st.failTasks
	case api.schema == nil || len(api.schema.files) == 0:
		t.failed = "The API has no schema to migrate."
	default:
		if specType, supported = specTypeOfSchema[api.schema.typ]; !supported {
			t.failed = "Spec Hub does not support " + api.schema.typ + " schemas."
		}
	}
	if t.failed == "" {
		if dest == "" {
			dest = st.addWorkspace(Workspace{Name: strings.TrimSpace(body.WorkspaceInfo.Name), CreatedBy: strconv.FormatInt(st.user.ID, 10)}).ID
		}
		files := slices.Clone(api.schema.files)
		if !slices.ContainsFunc(files, func(f SpecFile) bool { return f.Root }) {
			files[0].Root = true
		}
		st.addSpec(Spec{Name: api.name, Type: specType, WorkspaceID: dest, Files: files})
	}
	api.migration = &apiMigration{task: t, workspaceID: dest}
	writeJSON(w, http.StatusAccepted, map[string]any{"success": true, "message": "Migration started."})
}

// apiMigrationStatus answers the state of the last migration of api.
func (s *Server) apiMigrationStatus(w http.ResponseWriter, api *storedAPI) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := api.migration
	switch {
	case m == nil:
		writeProblem(w, http.StatusNotFound, map[string]any{"type": "instanceNotFoundError",
			"title": "Migration not found", "detail": "The API has not been migrated to Spec Hub."})
	case !m.task.done():
		writeJSON(w, http.StatusOK, map[string]any{"status": "IN_PROGRESS", "details": map[string]any{}})
	case m.task.failed != "":
		writeJSON(w, http.StatusOK, map[string]any{"status": "FAILED", "details": map[string]any{"reason": m.task.failed}})
	default:
		writeJSON(w, http.StatusOK, map[string]any{"status": "COMPLETED", "details": map[string]any{"workspaceId": m.workspaceID}})
	}
}
