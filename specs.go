package postman

// SpecsService is the Spec Hub area: API specifications, their files, and generation and synchronisation of collections.
type SpecsService service
