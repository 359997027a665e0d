package postman

// CommentsService is the Comments area: comment threads on APIs, collections, folders, requests and responses.
type CommentsService service
