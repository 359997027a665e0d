package postman

// SCIMService is the SCIM 2.0 provisioning area: users and groups. It authenticates with the SCIM API key of WithSCIMKey, never with the Postman API key.
type SCIMService service
