package postman

import (
	"context"
	"net/http"
)

// WebhooksService is the Webhooks area: webhooks that run a collection when called.
type WebhooksService service

// Webhook is a URL that runs a collection when called, with the call's
// body available to the collection's scripts as a custom payload. Postman
// implements it as a monitor of the same name, which MonitorsService
// lists, updates and deletes.
type Webhook struct {
	ID   string `json:"id"`
	UID  string `json:"uid,omitempty"`
	Name string `json:"name"`
	// Collection is the UID of the collection the webhook runs.
	Collection string `json:"collection,omitempty"`
	// WebhookURL is the URL to call.
	WebhookURL string `json:"webhookUrl,omitempty"`
}

// WebhookCreateParams describes a new webhook. Name and Collection are
// required.
type WebhookCreateParams struct {
	Name string `json:"name"`
	// Collection and Environment are UIDs.
	Collection  string `json:"collection"`
	Environment string `json:"environment,omitempty"`
}

// Create creates a webhook that runs a collection in a workspace, and the
// monitor behind it.
//
//postman:operation POST /webhooks
func (s *WebhooksService) Create(ctx context.Context, workspaceID string, req WebhookCreateParams) (*Webhook, *Response, error) {
	if err := requireArg("Webhooks.Create", "workspace", workspaceID); err != nil {
		return nil, nil, err
	}
	var root struct {
		Webhook *Webhook `json:"webhook"`
	}
	r := &request{
		method: http.MethodPost,
		path:   "/webhooks",
		query:  mockWorkspaceQuery{workspaceID},
		body: struct {
			Webhook WebhookCreateParams `json:"webhook"`
		}{req},
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Webhook, resp, nil
}
