package postmantest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman"
	"github.com/postman-go/postman/postmantest"
)

// item returns the item of a document at a path of indexes.
func item(doc map[string]any, path ...int) map[string]any {
	m := doc
	for _, i := range path {
		m = m["item"].([]any)[i].(map[string]any)
	}
	return m
}

func TestTransferFoldersCopiesWithNewIDs(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	team := srv.Workspaces()[1].ID
	src := srv.AddCollection(team, []byte(petsCollection))
	dst := srv.AddCollection(team, []byte(`{"info":{"name":"Shop","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"orders","item":[]}]}`))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	ids, _, err := c.Collections.TransferFolders(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(petsFolderID)}, Mode: postman.CollectionTransferCopy,
		Target:   postman.CollectionTransferTarget{Model: postman.CollectionModelCollection, ID: uid(dst)},
		Location: postman.CollectionTransferLocation{Position: postman.CollectionTransferStart}})
	require.NoError(t, err)
	require.Len(t, ids, 1)
	assert.NotEqual(t, uid(petsFolderID), ids[0], "a copy has an ID of its own")

	doc := document(t, srv, dst)
	assert.Equal(t, []string{"pets", "orders"}, itemNames(doc))
	assert.Equal(t, []string{"Get a pet", "Add a pet"}, itemNames(doc, "pets"))
	assert.Equal(t, ids[0], uid(item(doc, 0)["id"].(string)))
	assert.NotEqual(t, getPetID, item(doc, 0, 0)["id"], "so do the requests in it")
	assert.NotEqual(t, getPetOKID, item(doc, 0, 0)["response"].([]any)[0].(map[string]any)["id"])
	assert.Equal(t, []string{"Get a pet", "Add a pet"}, itemNames(document(t, srv, src), "pets"), "a copy leaves the source as it was")

	// The copy is an item like any other.
	folder, _, err := c.Collections.GetFolder(ctx, dst, ids[0], nil)
	require.NoError(t, err)
	assert.Equal(t, "pets", folder.Name)

	// A folder cannot go into itself, nor into a request.
	_, _, err = c.Collections.TransferFolders(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(petsFolderID)}, Mode: postman.CollectionTransferMove,
		Target: postman.CollectionTransferTarget{Model: postman.CollectionModelFolder, ID: uid(petsFolderID)}})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	_, _, err = c.Collections.TransferFolders(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(petsFolderID)}, Mode: postman.CollectionTransferMove,
		Target: postman.CollectionTransferTarget{Model: postman.CollectionModelRequest, ID: uid(getPetID)}})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
}

func TestTransferRequestsAndResponsesMove(t *testing.T) {
	srv := postmantest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddCollection(srv.Workspaces()[1].ID, []byte(petsCollection))
	c := newClient(t, srv, "any-key")
	ctx := t.Context()

	// Move "Add a pet" out of its folder, before the folder: Postman lists
	// a container's subfolders before its requests, so it comes first
	// among the root's requests, after the folder.
	ids, _, err := c.Collections.TransferRequests(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(addPetID)}, Mode: postman.CollectionTransferMove,
		Target:   postman.CollectionTransferTarget{Model: postman.CollectionModelCollection, ID: uid(id)},
		Location: postman.CollectionTransferLocation{Position: postman.CollectionTransferBefore, Model: postman.CollectionModelFolder, ID: uid(petsFolderID)}})
	require.NoError(t, err)
	assert.Equal(t, []string{uid(addPetID)}, ids, "a move keeps the ID")
	doc := document(t, srv, id)
	assert.Equal(t, []string{"pets", "Add a pet"}, itemNames(doc))
	assert.Equal(t, []string{"Get a pet"}, itemNames(doc, "pets"))
	req, _, err := c.Collections.GetRequest(ctx, id, addPetID, nil)
	require.NoError(t, err)
	assert.Nil(t, req.Folder, "the request is at the collection's root now")

	// Move the 404 example of "Get a pet" to "Add a pet", after its own.
	const noPetID = "44444444-4444-4444-8444-444444444444"
	_, _, err = c.Collections.TransferResponses(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(noPetID)}, Mode: postman.CollectionTransferMove,
		Target:   postman.CollectionTransferTarget{Model: postman.CollectionModelRequest, ID: uid(addPetID)},
		Location: postman.CollectionTransferLocation{Position: postman.CollectionTransferAfter, Model: postman.CollectionModelResponse, ID: uid("66666666-6666-4666-8666-666666666666")}})
	require.NoError(t, err)
	resp, _, err := c.Collections.GetResponse(ctx, id, noPetID, nil)
	require.NoError(t, err)
	assert.Equal(t, addPetID, resp.Request)
	doc = document(t, srv, id)
	names := func(m map[string]any) []string {
		var out []string
		for _, r := range m["response"].([]any) {
			out = append(out, r.(map[string]any)["name"].(string))
		}
		return out
	}
	assert.Equal(t, []string{"Created", "No pet"}, names(item(doc, 1)))
	assert.Equal(t, []string{"A pet"}, names(item(doc, 0, 0)))

	// A move names each element once.
	ids, _, err = c.Collections.TransferRequests(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(addPetID), addPetID}, Mode: postman.CollectionTransferMove,
		Target: postman.CollectionTransferTarget{Model: postman.CollectionModelFolder, ID: uid(petsFolderID)}})
	require.NoError(t, err)
	assert.Equal(t, []string{uid(addPetID)}, ids)
	assert.Equal(t, []string{"Get a pet", "Add a pet"}, itemNames(document(t, srv, id), "pets"))

	// Nothing moves when one element is missing or the location is wrong.
	_, _, err = c.Collections.TransferRequests(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(getPetID), uid("00000000-0000-4000-8000-000000000000")},
		Mode: postman.CollectionTransferMove, Target: postman.CollectionTransferTarget{Model: postman.CollectionModelCollection, ID: uid(id)}})
	var apiErr *postman.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	_, _, err = c.Collections.TransferRequests(ctx, postman.CollectionItemTransferParams{IDs: []string{uid(getPetID)}, Mode: postman.CollectionTransferMove,
		Target:   postman.CollectionTransferTarget{Model: postman.CollectionModelCollection, ID: uid(id)},
		Location: postman.CollectionTransferLocation{Position: postman.CollectionTransferAfter, Model: postman.CollectionModelRequest, ID: uid(getPetID)}})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, []string{"Get a pet", "Add a pet"}, itemNames(document(t, srv, id), "pets"))
}
