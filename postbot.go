package postman

// PostbotService is the Postbot area: AI generation tools.
type PostbotService service
