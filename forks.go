package postman

// ForksService is the Forks area: forks of collections and environments, pulling source changes and merging forks back.
type ForksService service
