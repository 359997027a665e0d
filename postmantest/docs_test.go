package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

func TestCollectionDocumentationPublishAndUnpublish(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	col := srv.AddCollection(ws, []byte(`{"info":{"name":"Billing API","description":"Invoices and payments."},"item":[]}`))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()
	colors := postman.CollectionDocsColors{Highlight: "EF5B25", RightSidebar: "303030", TopBar: "FFFFFF"}
	req := postman.CollectionDocumentationPublishParams{
		CustomColor: colors,
		Customization: postman.CollectionDocsCustomization{Appearance: &postman.CollectionDocsAppearance{
			Default: postman.CollectionDocsDark,
			Themes:  []postman.CollectionDocsThemeSettings{{Name: postman.CollectionDocsDark, Colors: &colors}},
		}},
	}

	doc, _, err := c.Collections.PublishDocumentation(ctx, uid(col), req)
	require.NoError(t, err)
	assert.True(t, doc.Published)
	assert.Equal(t, col, doc.CollectionID)
	assert.Equal(t, "https://documenter.postman.com/view/12345678/"+doc.ID, doc.PublicURL)
	assert.Equal(t, doc.PublicURL, srv.PublishedDocumentation(col))
	assert.Equal(t, postman.CollectionDocsSingleColumn, doc.DocumentationLayout, "the default layout")
	assert.Equal(t, colors, doc.CustomColor)
	assert.Equal(t, []postman.CollectionDocsMetaTag{{Name: "title", Value: "Billing API"}, {Name: "description", Value: "Invoices and payments."}},
		doc.Customization.MetaTags, "the collection's name and description by default")
	assert.False(t, doc.PublishDate.IsZero())

	// Republishing changes the settings, not the link.
	req.DocumentationLayout = postman.CollectionDocsDoubleColumn
	req.Customization.MetaTags = []postman.CollectionDocsMetaTag{{Name: "title", Value: "Billing"}}
	again, _, err := c.Collections.PublishDocumentation(ctx, uid(col), req)
	require.NoError(t, err)
	assert.Equal(t, doc.PublicURL, again.PublicURL)
	assert.Equal(t, postman.CollectionDocsDoubleColumn, again.DocumentationLayout)
	assert.Equal(t, "Billing", again.Customization.MetaTags[0].Value)

	req.CustomColor.Highlight = "000000"
	_, _, err = c.Collections.PublishDocumentation(ctx, uid(col), req)
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "The request contains following incorrect or missing fields: light theme and customColor", apiErr.Detail)

	_, err = c.Collections.UnpublishDocumentation(ctx, uid(col))
	require.NoError(t, err)
	assert.Empty(t, srv.PublishedDocumentation(col))
	_, err = c.Collections.UnpublishDocumentation(ctx, uid(col))
	assert.ErrorIs(t, err, postman.ErrNotFound, "nothing is published any more")
	_, err = c.Collections.UnpublishDocumentation(ctx, uid("00000000-0000-4000-8000-000000000000"))
	assert.ErrorIs(t, err, postman.ErrNotFound)
}

func TestCollectionDocumentationWithAnEnvironment(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	ws := srv.Workspaces()[0].ID
	col := srv.AddCollection(ws, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	env, _, err := c.Environments.Create(t.Context(), postman.EnvironmentCreateParams{WorkspaceID: ws, Name: "Production"})
	require.NoError(t, err)

	doc, _, err := c.Collections.PublishDocumentation(t.Context(), uid(col), postman.CollectionDocumentationPublishParams{EnvironmentUID: env.UID})
	require.NoError(t, err)
	assert.Equal(t, env.UID, doc.EnvironmentUID)

	_, _, err = c.Collections.PublishDocumentation(t.Context(), uid(col), postman.CollectionDocumentationPublishParams{EnvironmentUID: uid("00000000-0000-4000-8000-000000000000")})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Contains(t, apiErr.Detail, "environmentUid")
}
