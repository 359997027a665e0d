package postman

import (
	"context"
	"iter"
	"net/http"
)

// CollectionAccessKeyStatus is whether a collection access key works.
// Postman may add values; compare with the constants.
type CollectionAccessKeyStatus string

// States of a collection access key.
const (
	CollectionAccessKeyActive   CollectionAccessKeyStatus = "ACTIVE"
	CollectionAccessKeyInactive CollectionAccessKeyStatus = "INACTIVE"
)

// CollectionAccessKey is a read-only access key of a collection, as the
// key list shows it: the key itself is masked.
type CollectionAccessKey struct {
	// ID is the key's ID, the one DeleteAccessKey takes.
	ID string `json:"id"`
	// Token is the masked key ("PMAT-****…43BR").
	Token  string                    `json:"token"`
	Status CollectionAccessKeyStatus `json:"status"`
	// TeamID and UserID identify the key's owner.
	TeamID int64 `json:"teamId"`
	UserID int64 `json:"userId"`
	// CollectionID is the UID of the collection the key opens.
	CollectionID string `json:"collectionId"`
	// ExpiresAfter is when the key expires: 60 days after its creation or
	// its last use.
	ExpiresAfter Timestamp `json:"expiresAfter,omitzero"`
	// LastUsedAt is zero while the key was never used.
	LastUsedAt Timestamp `json:"lastUsedAt,omitzero"`
	CreatedAt  Timestamp `json:"createdAt,omitzero"`
	UpdatedAt  Timestamp `json:"updatedAt,omitzero"`
	// DeletedAt is when the key was revoked; zero for live keys.
	DeletedAt Timestamp `json:"deletedAt,omitzero"`
}

// CollectionAccessKeyListOptions filter and page ListAccessKeys.
type CollectionAccessKeyListOptions struct {
	// CollectionUID keeps only the keys of one collection.
	CollectionUID string `url:"collectionId,omitempty"`
	// Cursor is the position of the page (Response.NextCursor; "" for the
	// first page). Postman chooses the page size.
	Cursor string `url:"cursor,omitempty"`
}

// ListAccessKeys returns a page of the user's personal and team
// collection access keys. Response.NextCursor points to the next page and
// Response.PrevCursor to the previous one; ListAccessKeysIter pages for
// you.
//
//postman:operation GET /collection-access-keys
func (s *CollectionsService) ListAccessKeys(ctx context.Context, opts *CollectionAccessKeyListOptions) ([]*CollectionAccessKey, *Response, error) {
	return getPage[CollectionAccessKey](ctx, s.client, "/collection-access-keys", opts)
}

// ListAccessKeysIter iterates over the user's collection access keys, one
// page in memory at a time.
func (s *CollectionsService) ListAccessKeysIter(ctx context.Context, opts *CollectionAccessKeyListOptions) iter.Seq2[*CollectionAccessKey, error] {
	return cursorIter(ctx, opts, 0, s.ListAccessKeys)
}

// cursorPage lets cursorIter move the cursor; Postman takes no page size here.
func (o *CollectionAccessKeyListOptions) cursorPage() (*string, *int) { return &o.Cursor, nil }

// DeleteAccessKey revokes a collection access key, given by its ID (not
// its token).
//
//postman:operation DELETE /collection-access-keys/{keyId}
func (s *CollectionsService) DeleteAccessKey(ctx context.Context, keyID string) (*Response, error) {
	path, err := pathf("/collection-access-keys/{keyID}", keyID)
	if err != nil {
		return nil, err
	}
	return s.client.do(ctx, &request{method: http.MethodDelete, path: path}, nil)
}
