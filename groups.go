package postman

// GroupsService is the Groups area: the team's user groups.
type GroupsService service
