package postman

// SearchService is the Search area: searching the Postman elements the user can access.
type SearchService service
