package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestSCIMUpdateUserReplacesTheName(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	alex := srv.AddSCIMUser(postmantest.SCIMUser{UserName: "alex.cruz@example.com", GivenName: "Alex", FamilyName: "Cruz", Active: true})
	c := newClient(t, srv, "any-key", postman.WithSCIMKey("scim-key"))

	u, _, err := c.SCIM.UpdateUser(t.Context(), alex, postman.SCIMUserUpdateParams{Name: postman.SCIMName{GivenName: "Alexis", FamilyName: "Cruz-Lee"}})
	require.NoError(t, err)
	assert.Equal(t, alex, u.ID)
	assert.Equal(t, postman.SCIMName{GivenName: "Alexis", FamilyName: "Cruz-Lee"}, u.Name)
	assert.Equal(t, "alex.cruz@example.com", u.UserName, "only the name changes")
	assert.True(t, u.Active)

	got, _, err := c.SCIM.GetUser(t.Context(), alex)
	require.NoError(t, err)
	assert.Equal(t, "Alexis", got.Name.GivenName)
	stored := srv.SCIMUsers()
	require.Len(t, stored, 1)
	assert.Equal(t, "Cruz-Lee", stored[0].FamilyName)

	_, _, err = c.SCIM.UpdateUser(t.Context(), "0000000000000000", postman.SCIMUserUpdateParams{Name: postman.SCIMName{GivenName: "x", FamilyName: "y"}})
	assert.ErrorIs(t, err, postman.ErrNotFound)
}
