package postman

// TagsService is the Tags area: the tags of workspaces, collections and APIs, and the elements carrying a tag.
type TagsService service
