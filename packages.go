package postman

// PackagesService is the Packages area: the team's Package Library.
type PackagesService service
