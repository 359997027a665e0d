package postman

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

// environmentTestID is the environment ID of the description's examples.
const environmentTestID = "5daabc50-8451-43f6-922d-96b403b4f28e"

func TestEnvironmentsConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "List", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.List(ctx, &EnvironmentListOptions{Workspace: workspaceTestID})
			return err
		}},
		{name: "Get", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Get(ctx, environmentTestID)
			return err
		}},
		{name: "Create", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Create(ctx, EnvironmentCreateParams{WorkspaceID: workspaceTestID, Name: "Test Environment",
				Values: EnvironmentVariables{NewEnvironmentVariable("collectionId", "12ece9e1"), NewEnvironmentSecret("apiKey", "PMAK-1")}})
			return err
		}},
		{name: "Replace", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Replace(ctx, environmentTestID, EnvironmentReplaceParams{Name: "Test A Environment",
				Values: EnvironmentVariables{NewEnvironmentVariable("collectionId", "12ece9e1")}})
			return err
		}},
		{name: "Patch", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.Patch(ctx, environmentTestID, []EnvironmentPatchOperation{
				EnvironmentReplaceVariableField(0, EnvironmentFieldValue, "{{x-api-key}}"),
				EnvironmentReplaceVariableField(0, EnvironmentFieldEnabled, false),
			})
			return err
		}},
		{name: "SetVariable", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.SetVariable(ctx, environmentTestID, NewEnvironmentSecret("apiKey", "PMAK-2"))
			return err
		}},
		{name: "DeleteVariable", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Environments.DeleteVariable(ctx, environmentTestID, "collectionId")
			return err
		}},
		{name: "Delete", call: func(ctx context.Context, c *Client) error {
			_, err := c.Environments.Delete(ctx, environmentTestID)
			return err
		}},
	})
}

func TestEnvironmentsListAndGetDecodeExamples(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	envs, _, err := c.Environments.List(t.Context(), &EnvironmentListOptions{Workspace: workspaceTestID})
	require.NoError(t, err)
	req, _ := h.LastRequest()
	assert.Equal(t, "workspace="+workspaceTestID, req.URL.RawQuery)
	assert.Empty(t, envs, `the first documented answer is "Invalid Workspace"`)

	h.Respond("getEnvironments", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"environments":[{"id":"` + environmentTestID + `","name":"Test Environment","createdAt":"2020-09-23T14:31:18Z",` +
			`"updatedAt":"2020-12-04T14:13:40Z","owner":"12345678","uid":"12345678-` + environmentTestID + `","isPublic":true}]}`))
	})
	envs, _, err = c.Environments.List(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, envs, 1)
	assert.Equal(t, "12345678-"+environmentTestID, envs[0].UID)
	assert.True(t, envs[0].IsPublic)
	assert.Equal(t, 12, int(envs[0].UpdatedAt.Month()))
	assert.Empty(t, envs[0].Values)

	env, _, err := c.Environments.Get(t.Context(), environmentTestID)
	require.NoError(t, err)
	assert.Equal(t, "Test Environment", env.Name)
	assert.Equal(t, "12345678", env.Owner)
	assert.Equal(t, 2020, env.CreatedAt.Year())
	assert.False(t, env.IsPublic)
	id, ok := env.Variable("collectionId")
	require.True(t, ok)
	assert.Equal(t, EnvironmentVariable{Key: "collectionId", Value: "12ece9e1-2abf-4edc-8e34-de66e74114d2", Type: EnvironmentVariableDefault,
		Enabled: true, Description: "The collection's ID."}, environmentVariableFields(id))
	key, ok := env.Variable("apiKey")
	require.True(t, ok)
	assert.True(t, key.Secret)
	assert.True(t, key.IsSecret())
	require.NotNil(t, key.Source)
	assert.Equal(t, "postman", key.Source.Provider)
	assert.Equal(t, EnvironmentVariablePostmanSource{SecretID: "f5fa5280-18a3-4d93-a706-2fe48b1007dc", Type: "cloud",
		VaultID: "453a311c-c5b4-4627-8e51-a3bd48953734"}, *key.Source.Postman)
}

// environmentVariableFields drops what a decoded variable remembers, to
// compare its fields with a literal.
func environmentVariableFields(v EnvironmentVariable) EnvironmentVariable {
	v.read = nil
	return v
}

func TestEnvironmentsCreateSendsWorkspaceAndVariables(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	env, _, err := c.Environments.Create(t.Context(), EnvironmentCreateParams{WorkspaceID: workspaceTestID, Name: "CI",
		Values: EnvironmentVariables{NewEnvironmentVariable("host", "api.example.com"), NewEnvironmentSecret("apiKey", environmentTestSecret)}})
	require.NoError(t, err)
	assert.Equal(t, environmentTestID, env.ID)
	assert.Equal(t, "12345678-"+environmentTestID, env.UID)
	req, body := h.LastRequest()
	assert.Equal(t, "workspace="+workspaceTestID, req.URL.RawQuery)
	assert.JSONEq(t, `{"environment":{"name":"CI","values":[`+
		`{"key":"host","value":"api.example.com","type":"default","enabled":true},`+
		`{"key":"apiKey","value":"`+environmentTestSecret+`","type":"secret","enabled":true}]}}`, string(body))
}

func TestEnvironmentsCreateFeatureUnavailable(t *testing.T) {
	h := conformance.New(t)
	h.Status("createEnvironment", http.StatusForbidden) // the "Feature Unavailable" example
	c := newTestClient(t, h.URL)
	_, _, err := c.Environments.Create(t.Context(), EnvironmentCreateParams{WorkspaceID: workspaceTestID, Name: "CI"})
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
	assert.ErrorIs(t, err, ErrForbidden)
}

func TestEnvironmentsReplaceWithoutValuesClearsThem(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	env, _, err := c.Environments.Replace(t.Context(), environmentTestID, EnvironmentReplaceParams{})
	require.NoError(t, err)
	assert.Equal(t, "Test A Environment", env.Name)
	_, body := h.LastRequest()
	assert.JSONEq(t, `{"environment":{"values":[]}}`, string(body))
}

func TestEnvironmentsDeleteNotFound(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	resp, err := c.Environments.Delete(t.Context(), environmentTestID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	h.Status("deleteEnvironment", http.StatusNotFound)
	_, err = c.Environments.Delete(t.Context(), environmentTestID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = c.Environments.Delete(t.Context(), "..")
	assert.ErrorIs(t, err, ErrInvalidArgument)
}
