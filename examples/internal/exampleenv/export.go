package exampleenv

import (
	"encoding/json"
	"os"

	"github.com/postman-go/postman"
)

// environmentFile is the file format Postman's app exports environments
// in and newman reads with -e.
type environmentFile struct {
	ID     string                       `json:"id"`
	Name   string                       `json:"name"`
	Values postman.EnvironmentVariables `json:"values"`
	Scope  string                       `json:"_postman_variable_scope"`
}

// WriteEnvironment writes env (with its real values: the file is for
// newman or a re-import, so it is created readable by its owner only) in
// Postman's environment export format.
func WriteEnvironment(path string, env *postman.Environment) error {
	return writeJSON(path, environmentFile{ID: env.ID, Name: env.Name, Values: env.Values, Scope: "environment"})
}

// WriteGlobals writes a workspace's global variables in Postman's globals
// export format.
func WriteGlobals(path, workspaceID string, values postman.EnvironmentVariables) error {
	return writeJSON(path, environmentFile{ID: workspaceID, Name: "Globals", Values: values, Scope: "globals"})
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o600)
}
