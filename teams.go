package postman

// TeamsService is the Teams area: the teams of an organization, their settings, access requests and members.
type TeamsService service
