package postman

// NetworkService is the Private API Network area: the workspaces and elements published to the team's network, and requests to add them.
type NetworkService service
