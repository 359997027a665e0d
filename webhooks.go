package postman

// WebhooksService is the Webhooks area: webhooks that run a collection when called.
type WebhooksService service
