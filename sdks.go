package postman

// SDKsService is the SDK generation area: generated client SDKs and their git connections.
type SDKsService service
