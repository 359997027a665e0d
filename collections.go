package postman

// CollectionsService is the Collections area: collections, their folders, requests and responses, access keys, pull requests, transfers and the OpenAPI import.
type CollectionsService service
