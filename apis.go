package postman

// APIsService is the API Builder (v10) area: APIs, versions, schemas and their collections.
type APIsService service
