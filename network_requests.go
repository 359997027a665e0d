package postman

import (
	"context"
	"iter"
	"net/http"
	"time"
)

// NetworkAddRequestStatus is the state of a request to publish a
// workspace to the Private API Network.
type NetworkAddRequestStatus string

// States of add requests.
const (
	NetworkRequestPending  NetworkAddRequestStatus = "pending"
	NetworkRequestApproved NetworkAddRequestStatus = "approved"
	NetworkRequestDenied   NetworkAddRequestStatus = "denied"
)

// NetworkAddRequest is a user's request to publish a workspace to the
// team's Private API Network, which a team manager approves or denies.
type NetworkAddRequest struct {
	ID        int64     `json:"id"`
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	CreatedBy int64     `json:"createdBy"`
	// Message is the requester's optional note.
	Message string                  `json:"message,omitempty"`
	Status  NetworkAddRequestStatus `json:"status"`
	Element NetworkRequestedElement `json:"element"`
	// Response is the manager's answer; only set for denied requests
	// answered with a message.
	Response *NetworkAddRequestReply `json:"response,omitempty"`
}

// NetworkRequestedElement is the workspace an add request is about.
type NetworkRequestedElement struct {
	ID          string             `json:"id"`
	Type        NetworkElementType `json:"type"`
	Name        string             `json:"name"`
	Summary     string             `json:"summary,omitempty"`
	Description string             `json:"description,omitempty"`
	// CreatedAt and CreatedBy are only set once the workspace was
	// published, and say when and by whom.
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	CreatedBy int64     `json:"createdBy,omitempty"`
}

// NetworkAddRequestReply is a manager's answer to an add request.
type NetworkAddRequestReply struct {
	CreatedAt Timestamp `json:"createdAt,omitzero"`
	CreatedBy int64     `json:"createdBy,omitempty"`
	Message   string    `json:"message"`
}

// NetworkAddRequestListOptions filters, sorts and pages ListAddRequests.
type NetworkAddRequestListOptions struct {
	Type NetworkElementType `url:"type,omitempty"`
	// Status keeps pending or denied requests (approved ones are gone).
	Status NetworkAddRequestStatus `url:"status,omitempty"`
	// Name keeps requests for workspaces whose name contains the text,
	// ignoring case.
	Name string `url:"name,omitempty"`
	// RequestedBy keeps the requests of this user ID.
	RequestedBy int64 `url:"requestedBy,omitempty"`
	// Since and Until keep requests created in that time range.
	Since time.Time `url:"since,omitempty"`
	Until time.Time `url:"until,omitempty"`
	// Sort and Direction must be set together.
	Sort      NetworkSort      `url:"sort,omitempty"`
	Direction NetworkDirection `url:"direction,omitempty"`
	// OffsetOptions pages the list; Postman serves at most 1000 a page,
	// its default.
	OffsetOptions
}

// NetworkAddRequestRespondParams is the body of RespondToAddRequest.
type NetworkAddRequestRespondParams struct {
	Status NetworkAddRequestStatus `json:"status"`
	// Response tells the requester why a request was denied.
	Response *NetworkAddRequestReply `json:"response,omitempty"`
}

// ListAddRequests returns the requests to publish workspaces to the
// team's Private API Network, one page at a time: Response.Offset, Limit
// and Total say where it stands. ListAddRequestsIter pages for you.
//
// Available on Enterprise plans.
//
//postman:operation GET /network/private/network-entity/request/all
func (s *NetworkService) ListAddRequests(ctx context.Context, opts *NetworkAddRequestListOptions) ([]*NetworkAddRequest, *Response, error) {
	var q *NetworkAddRequestListOptions
	if opts != nil {
		o := *opts
		networkTimes(&o.Since, &o.Until)
		q = &o
	}
	var root struct {
		Requests []*NetworkAddRequest `json:"requests"`
		Meta     networkMeta          `json:"meta"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodGet, path: "/network/private/network-entity/request/all", query: q}, &root)
	if err != nil {
		return nil, resp, err
	}
	root.Meta.fill(resp)
	return root.Requests, resp, nil
}

// ListAddRequestsIter iterates over the requests to publish workspaces to
// the team's Private API Network, one page in memory at a time (1000 per
// page unless opts.Limit says otherwise).
//
// Available on Enterprise plans.
func (s *NetworkService) ListAddRequestsIter(ctx context.Context, opts *NetworkAddRequestListOptions) iter.Seq2[*NetworkAddRequest, error] {
	return offsetIter(ctx, opts, networkMaxLimit, s.ListAddRequests)
}

// RespondToAddRequest approves or denies a request to publish a workspace
// to the team's Private API Network; only team managers may. An approved
// workspace appears in the network at once.
//
// Available on Enterprise plans.
//
//postman:operation PUT /network/private/network-entity/request/{requestId}
func (s *NetworkService) RespondToAddRequest(ctx context.Context, requestID string, decision NetworkAddRequestRespondParams) (*NetworkAddRequest, *Response, error) {
	path, err := pathf("/network/private/network-entity/request/{requestID}", requestID)
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Request []*NetworkAddRequest `json:"request"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPut, path: path, body: decision}, &root)
	if err != nil {
		return nil, resp, err
	}
	if len(root.Request) == 0 || root.Request[0] == nil {
		return nil, resp, missingResult(resp, "request")
	}
	return root.Request[0], resp, nil
}

// ApproveAddRequest approves a request to publish a workspace to the
// team's Private API Network.
//
// Available on Enterprise plans.
func (s *NetworkService) ApproveAddRequest(ctx context.Context, requestID string) (*NetworkAddRequest, *Response, error) {
	return s.RespondToAddRequest(ctx, requestID, NetworkAddRequestRespondParams{Status: NetworkRequestApproved})
}

// DenyAddRequest denies a request to publish a workspace to the team's
// Private API Network, telling the requester why when message is not
// empty.
//
// Available on Enterprise plans.
func (s *NetworkService) DenyAddRequest(ctx context.Context, requestID, message string) (*NetworkAddRequest, *Response, error) {
	d := NetworkAddRequestRespondParams{Status: NetworkRequestDenied}
	if message != "" {
		d.Response = &NetworkAddRequestReply{Message: message}
	}
	return s.RespondToAddRequest(ctx, requestID, d)
}
