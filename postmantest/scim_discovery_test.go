package postmantest_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestSCIMDiscovery(t *testing.T) {
	srv := postmantest.NewServer(postmantest.WithSCIMKey("scim-secret"))
	t.Cleanup(srv.Close)
	c := newClient(t, srv, "any-key", postman.WithSCIMKey("scim-secret"))

	cfg, _, err := c.SCIM.GetServiceProviderConfig(t.Context())
	require.NoError(t, err)
	assert.True(t, cfg.Patch.Supported)
	assert.False(t, cfg.Bulk.Supported)
	assert.Equal(t, 100, cfg.Filter.MaxResults, "the largest page of the lists")
	require.Len(t, cfg.AuthenticationSchemes, 1)
	assert.Equal(t, "oauthbearertoken", cfg.AuthenticationSchemes[0].Type)

	types, _, err := c.SCIM.ListResourceTypes(t.Context())
	require.NoError(t, err)
	require.Len(t, types, 2)
	assert.Equal(t, "/Users", types[0].Endpoint)
	assert.Equal(t, postman.SCIMSchemaUser, types[0].Schema)
	assert.Equal(t, postman.SCIMSchemaGroup, types[1].Schema)

	wrong := newClient(t, srv, "any-key", postman.WithSCIMKey("wrong"))
	_, _, err = wrong.SCIM.ListResourceTypes(t.Context())
	assert.ErrorIs(t, err, postman.ErrUnauthorized)

	// The description lacks /Schemas, which SCIM clients read (RFC 7644 §4).
	status, body := call(t, plainHTTP(t), http.MethodGet, srv.URL+"/scim/v2/Schemas", "", map[string]string{"Authorization": "Bearer scim-secret"})
	require.Equal(t, http.StatusOK, status)
	var schemas struct {
		TotalResults int `json:"totalResults"`
		Resources    []struct {
			ID         string `json:"id"`
			Attributes []struct {
				Name     string `json:"name"`
				Required bool   `json:"required"`
			} `json:"attributes"`
		} `json:"Resources"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &schemas))
	require.Equal(t, 2, schemas.TotalResults)
	assert.Equal(t, types[0].Schema, schemas.Resources[0].ID)
	assert.Equal(t, "userName", schemas.Resources[0].Attributes[0].Name)
	assert.True(t, schemas.Resources[0].Attributes[0].Required)
}

func TestSCIMUserDeletion(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	alex := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "alex.cruz@example.com", Active: true})
	c := newClient(t, srv, "any-key", postman.WithSCIMKey("scim-key"))

	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, err := c.SCIM.DeleteUser(t.Context(), alex)
	assert.ErrorIs(t, err, postman.ErrDeprecated, "Postman no longer deletes SCIM users")
	require.Len(t, srv.SCIMUsers(), 1)

	legacy := postmantest.NewServer(postmantest.WithSCIMUserDeletion())
	t.Cleanup(legacy.Close)
	alex = legacy.AddSCIMUser(postmantest.SCIMUser{UserName: "alex.cruz@example.com", Active: true})
	sam := legacy.AddSCIMUser(postmantest.SCIMUser{UserName: "sam.lee@example.com", Active: true})
	group := legacy.AddSCIMGroup(postmantest.SCIMGroup{DisplayName: "API Team", Members: []string{alex, sam}})
	c = newClient(t, legacy, "any-key", postman.WithSCIMKey("scim-key"))

	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, err = c.SCIM.DeleteUser(t.Context(), alex)
	require.NoError(t, err)
	_, _, err = c.SCIM.GetUser(t.Context(), alex)
	assert.ErrorIs(t, err, postman.ErrNotFound)
	g, _, err := c.SCIM.GetGroup(t.Context(), group)
	require.NoError(t, err)
	require.Len(t, g.Members, 1, "the user left their groups")
	assert.Equal(t, sam, g.Members[0].Value)
	//lint:ignore SA1019 the fake serves the deprecated endpoint
	_, err = c.SCIM.DeleteUser(t.Context(), alex)
	assert.ErrorIs(t, err, postman.ErrNotFound)
}
