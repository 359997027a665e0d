package postman

// MocksService is the Mocks area: mock servers, their call logs and server responses.
type MocksService service
