package postman

// MonitorsService is the Monitors area: scheduled collection runs and their results.
type MonitorsService service
