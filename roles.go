package postman

// RolesService is the Roles area: who may do what in a workspace or a collection.
type RolesService service
