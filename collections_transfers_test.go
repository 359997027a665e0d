package postman

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/postman-go/postman/internal/conformance"
)

func collTestTransfer() CollectionItemTransferParams {
	return CollectionItemTransferParams{
		IDs:    []string{"12345678-bcb5648b-eecb-4468-ade7-4efb38431bd1"},
		Mode:   CollectionTransferCopy,
		Target: CollectionTransferTarget{Model: CollectionModelCollection, ID: "12345678-2ba6b9c4-5327-4c46-9bf3-4ec84b74b720"},
	}
}

func TestCollectionTransfersConformance(t *testing.T) {
	runConformance(t, []scenario{
		{name: "TransferFolders", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.TransferFolders(ctx, collTestTransfer())
			return err
		}},
		{name: "TransferRequests", call: func(ctx context.Context, c *Client) error {
			req := collTestTransfer()
			req.Mode = CollectionTransferMove
			req.Location = CollectionTransferLocation{Position: CollectionTransferBefore, Model: CollectionModelRequest, ID: "12345678-80812b16-ac27-45b3-b3eb-793f78530d32"}
			_, _, err := c.Collections.TransferRequests(ctx, req)
			return err
		}},
		{name: "TransferResponses", call: func(ctx context.Context, c *Client) error {
			req := collTestTransfer()
			req.Target = CollectionTransferTarget{Model: CollectionModelRequest, ID: "12345678-b91270fa-048d-4f5f-a033-8b5523bf053f"}
			req.Location.Position = CollectionTransferStart
			_, _, err := c.Collections.TransferResponses(ctx, req)
			return err
		}},
		{name: "ListAccessKeys", call: func(ctx context.Context, c *Client) error {
			_, _, err := c.Collections.ListAccessKeys(ctx, &CollectionAccessKeyListOptions{CollectionUID: collTestUID, Cursor: "b2Zmc2V0PTEwJmxpbWl0PTEw"})
			return err
		}},
		{name: "ListAccessKeysIter", call: func(ctx context.Context, c *Client) error {
			for _, err := range c.Collections.ListAccessKeysIter(ctx, nil) {
				return err // the example's cursor would repeat
			}
			return nil
		}},
		{name: "DeleteAccessKey", call: func(ctx context.Context, c *Client) error {
			_, err := c.Collections.DeleteAccessKey(ctx, "Njg5OjU3MDQ1NjYtYmQxZDU3NzktMWVkNS00ZDhjLWI0ZmQtZWRhOGY2Mzg1NTY0")
			return err
		}},
	})
}

func TestCollectionsTransferSendsBody(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)

	ids, _, err := c.Collections.TransferFolders(t.Context(), collTestTransfer())
	require.NoError(t, err)
	assert.Equal(t, []string{"12345678-a9b481c1-3e78-4af7-8db0-dce3f3f3c105"}, ids)
	req, body := h.LastRequest()
	assert.Equal(t, "/collection-folders-transfers", req.URL.Path)
	assert.JSONEq(t, `{"ids":["12345678-bcb5648b-eecb-4468-ade7-4efb38431bd1"],"mode":"copy",
		"target":{"model":"collection","id":"12345678-2ba6b9c4-5327-4c46-9bf3-4ec84b74b720"},
		"location":{"position":"end"}}`, string(body), "the position defaults to end, without model and ID")

	move := collTestTransfer()
	move.Mode = CollectionTransferMove
	move.Target = CollectionTransferTarget{Model: CollectionModelFolder, ID: "12345678-65a99e60-8e0a-4b6e-b79c-7d8264cc5caa"}
	move.Location = CollectionTransferLocation{Position: CollectionTransferAfter, Model: CollectionModelRequest, ID: "12345678-80812b16-ac27-45b3-b3eb-793f78530d32"}
	_, _, err = c.Collections.TransferRequests(t.Context(), move)
	require.NoError(t, err)
	req, body = h.LastRequest()
	assert.Equal(t, "/collection-requests-transfers", req.URL.Path)
	assert.JSONEq(t, `{"ids":["12345678-bcb5648b-eecb-4468-ade7-4efb38431bd1"],"mode":"move",
		"target":{"model":"folder","id":"12345678-65a99e60-8e0a-4b6e-b79c-7d8264cc5caa"},
		"location":{"position":"after","model":"request","id":"12345678-80812b16-ac27-45b3-b3eb-793f78530d32"}}`, string(body))

	_, _, err = c.Collections.TransferResponses(t.Context(), collTestTransfer())
	require.NoError(t, err)
	req, _ = h.LastRequest()
	assert.Equal(t, "/collection-responses-transfers", req.URL.Path)

	bad := collTestTransfer()
	bad.Mode = ""
	_, _, err = c.Collections.TransferFolders(t.Context(), bad)
	assert.ErrorIs(t, err, ErrInvalidArgument, "the mode has no default")
	_, _, err = c.Collections.TransferFolders(t.Context(), CollectionItemTransferParams{Mode: CollectionTransferCopy})
	assert.ErrorIs(t, err, ErrInvalidArgument)
	assert.Len(t, h.Ran(), 3)
}

func TestCollectionsListAccessKeysDecodesKeys(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	keys, resp, err := c.Collections.ListAccessKeys(t.Context(), &CollectionAccessKeyListOptions{CollectionUID: collTestUID})
	require.NoError(t, err)
	require.Len(t, keys, 2)
	k := keys[0]
	assert.Equal(t, "Njg5OjU3MDQ1NjYtYmQxZDU3NzktMWVkNS00ZDhjLWI0ZmQtZWRhOGY2Mzg1NTY0", k.ID)
	assert.Equal(t, "PMAT-**********************43BR", k.Token)
	assert.Equal(t, CollectionAccessKeyActive, k.Status)
	assert.Equal(t, int64(123), k.TeamID)
	assert.Equal(t, int64(12345678), k.UserID)
	assert.Equal(t, collTestUID, k.CollectionID)
	assert.Equal(t, 2024, k.ExpiresAfter.Year())
	assert.True(t, k.LastUsedAt.IsZero(), "an unused key has an empty lastUsedAt")
	assert.True(t, k.DeletedAt.IsZero())
	assert.Equal(t, 29, keys[1].LastUsedAt.Day())
	assert.Equal(t, "b2Zmc2V0PTEwJmxpbWl0PTEw", resp.NextCursor)
	assert.Empty(t, resp.PrevCursor)
	req, _ := h.LastRequest()
	assert.Equal(t, "collectionId="+collTestUID, req.URL.RawQuery)
}

func TestCollectionsListAccessKeysIterFollowsCursor(t *testing.T) {
	h := conformance.New(t)
	pages := map[string]string{
		"":   `{"data":[{"id":"k1","token":"PMAT-***1","status":"ACTIVE"},{"id":"k2","token":"PMAT-***2","status":"INACTIVE"}],"meta":{"nextCursor":"c2","prevCursor":""}}`,
		"c2": `{"data":[{"id":"k3","token":"PMAT-***3","status":"ACTIVE"}],"meta":{"nextCursor":"c3","prevCursor":"c1"}}`,
		"c3": `{"data":[{"id":"k4","token":"PMAT-***4","status":"ACTIVE"}],"meta":{"nextCursor":"","prevCursor":"c2"}}`,
	}
	var cursors []string
	h.Respond("getCollectionAccessKeys", func(w http.ResponseWriter, r *http.Request) {
		cursor := r.URL.Query().Get("cursor")
		cursors = append(cursors, cursor)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(pages[cursor]))
	})
	c := newTestClient(t, h.URL)

	var ids []string
	for k, err := range c.Collections.ListAccessKeysIter(t.Context(), &CollectionAccessKeyListOptions{CollectionUID: collTestUID}) {
		require.NoError(t, err)
		ids = append(ids, k.ID)
	}
	assert.Equal(t, []string{"k1", "k2", "k3", "k4"}, ids)
	assert.Equal(t, []string{"", "c2", "c3"}, cursors)
	for _, r := range h.Requests() {
		assert.Equal(t, collTestUID, r.URL.Query().Get("collectionId"), "the filter is kept on every page")
	}

	cursors = nil
	n := 0
	for _, err := range c.Collections.ListAccessKeysIter(t.Context(), nil) {
		require.NoError(t, err)
		n++
		if n == 3 {
			break
		}
	}
	assert.Equal(t, []string{"", "c2"}, cursors, "stopping early fetches no further page")
}

func TestCollectionsDeleteAccessKeyMapsErrors(t *testing.T) {
	h := conformance.New(t)
	c := newTestClient(t, h.URL)
	resp, err := c.Collections.DeleteAccessKey(t.Context(), "Njg5OjU3MDQ1NjYtYmQxZDU3NzktMWVkNS00ZDhjLWI0ZmQtZWRhOGY2Mzg1NTY0")
	require.NoError(t, err)
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	h.Status("deleteCollectionAccessKey", http.StatusNotFound)
	_, err = c.Collections.DeleteAccessKey(t.Context(), "gone")
	assert.ErrorIs(t, err, ErrNotFound)

	h2 := conformance.New(t)
	collServeExample(t, h2, "getCollectionAccessKeys", http.StatusForbidden, "Feature Unavailable")
	c2 := newTestClient(t, h2.URL)
	_, _, err = c2.Collections.ListAccessKeys(t.Context(), nil)
	assert.ErrorIs(t, err, ErrForbidden)
	assert.ErrorIs(t, err, ErrFeatureUnavailable)
}

func TestCollectionsTransferRoundTripsThroughJSON(t *testing.T) {
	var back CollectionItemTransferParams
	data, err := json.Marshal(collTestTransfer())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, collTestTransfer(), back)
}
