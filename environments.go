package postman

// EnvironmentsService is the Environments area: environments and their variables.
type EnvironmentsService service
