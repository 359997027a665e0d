package postman

import (
	"context"
	"fmt"

	"github.com/postman-go/postman/collection"
)

// GetVariables returns the collection-level variables of a collection.
// It reads the minimal model (see GetMinimal), so it costs one small call
// however large the collection is. Values keep their JSON type exactly
// (see collection.Value).
//
//postman:operation GET /collections/{collectionId}
func (s *CollectionsService) GetVariables(ctx context.Context, collectionID string, opts *CollectionGetOptions) ([]collection.Variable, *Response, error) {
	m, resp, err := s.GetMinimal(ctx, collectionID, opts)
	if err != nil {
		return nil, resp, err
	}
	return m.Variables, resp, nil
}

// SetVariables adds collection-level variables to a collection, or
// updates those with the same key, through Patch; variables not listed
// stay as they are (remove one with Replace). Postman refuses secret
// variables here, and the id, description and enabled members: build
// them with collection.NewVariable, or set Key, Value, Type and Disabled.
//
//postman:operation PATCH /collections/{collectionId}
func (s *CollectionsService) SetVariables(ctx context.Context, collectionID string, vars []collection.Variable) (*CollectionRef, *Response, error) {
	if len(vars) == 0 {
		return nil, nil, fmt.Errorf("postman: SetVariables: %w: no variables", ErrInvalidArgument)
	}
	return s.Patch(ctx, collectionID, CollectionPatchParams{Variables: vars})
}
