package postman

// SecurityService is the API Security area: validation of API definitions against security rules.
type SecurityService service
