package postman

import (
	"context"
	"fmt"
	"net/http"
)

// CollectionTransferMode says whether a transfer copies or moves items.
type CollectionTransferMode string

// Transfer modes.
const (
	CollectionTransferCopy CollectionTransferMode = "copy"
	CollectionTransferMove CollectionTransferMode = "move"
)

// CollectionItemModel is a kind of collection element. Postman may add
// values; compare with the constants.
type CollectionItemModel string

// Kinds of collection elements.
const (
	CollectionModelCollection CollectionItemModel = "collection"
	CollectionModelFolder     CollectionItemModel = "folder"
	CollectionModelRequest    CollectionItemModel = "request"
	CollectionModelResponse   CollectionItemModel = "response"
)

// CollectionTransferPosition places transferred items in their target.
type CollectionTransferPosition string

// Transfer positions.
const (
	// CollectionTransferEnd appends the items (Postman's default).
	CollectionTransferEnd CollectionTransferPosition = "end"
	// CollectionTransferStart puts the items first.
	CollectionTransferStart CollectionTransferPosition = "start"
	// CollectionTransferBefore and CollectionTransferAfter place the
	// items next to the element of Location.Model and Location.ID.
	CollectionTransferBefore CollectionTransferPosition = "before"
	CollectionTransferAfter  CollectionTransferPosition = "after"
)

// CollectionTransferTarget is where transferred items go.
type CollectionTransferTarget struct {
	// Model is CollectionModelCollection, CollectionModelFolder or, for
	// responses, CollectionModelRequest.
	Model CollectionItemModel `json:"model"`
	// ID is the target's UID.
	ID string `json:"id"`
}

// CollectionTransferLocation places the items in their target.
type CollectionTransferLocation struct {
	// Position is CollectionTransferEnd when empty.
	Position CollectionTransferPosition `json:"position"`
	// Model and ID name the sibling the items go before or after; leave
	// them empty for the start and end positions.
	Model CollectionItemModel `json:"model,omitempty"`
	ID    string              `json:"id,omitempty"`
}

// CollectionItemTransferParams is what the Transfer… methods need.
type CollectionItemTransferParams struct {
	// IDs are the UIDs of the folders, requests or responses to transfer.
	IDs []string `json:"ids"`
	// Mode is required: copying and moving differ too much to default.
	Mode     CollectionTransferMode     `json:"mode"`
	Target   CollectionTransferTarget   `json:"target"`
	Location CollectionTransferLocation `json:"location"`
}

// TransferFolders copies or moves folders, with their contents, into
// another collection or folder, and returns the UIDs of the transferred
// folders.
//
//postman:operation POST /collection-folders-transfers
func (s *CollectionsService) TransferFolders(ctx context.Context, req CollectionItemTransferParams) ([]string, *Response, error) {
	return s.transfer(ctx, "TransferFolders", "/collection-folders-transfers", req)
}

// TransferRequests copies or moves requests, with their saved responses,
// into another collection or folder, and returns the UIDs of the
// transferred requests.
//
//postman:operation POST /collection-requests-transfers
func (s *CollectionsService) TransferRequests(ctx context.Context, req CollectionItemTransferParams) ([]string, *Response, error) {
	return s.transfer(ctx, "TransferRequests", "/collection-requests-transfers", req)
}

// TransferResponses copies or moves saved responses to another request
// (Target.Model CollectionModelRequest), and returns the UIDs of the
// transferred responses.
//
//postman:operation POST /collection-responses-transfers
func (s *CollectionsService) TransferResponses(ctx context.Context, req CollectionItemTransferParams) ([]string, *Response, error) {
	return s.transfer(ctx, "TransferResponses", "/collection-responses-transfers", req)
}

func (s *CollectionsService) transfer(ctx context.Context, method, path string, req CollectionItemTransferParams) ([]string, *Response, error) {
	if len(req.IDs) == 0 {
		return nil, nil, fmt.Errorf("postman: %s: %w: no IDs to transfer", method, ErrInvalidArgument)
	}
	for _, check := range []struct{ field, value string }{
		{"Mode", string(req.Mode)}, {"Target.Model", string(req.Target.Model)}, {"Target.ID", req.Target.ID},
	} {
		if err := requireArg(method, check.field, check.value); err != nil {
			return nil, nil, err
		}
	}
	if req.Location.Position == "" {
		req.Location.Position = CollectionTransferEnd
	}
	var root struct {
		IDs []string `json:"ids"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: path, body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.IDs, resp, nil
}
