package postman

// ServiceAccountsService is the Service Accounts area: short-lived tokens for service accounts.
type ServiceAccountsService service
