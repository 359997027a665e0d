package postman

// ComponentsService is the Components area: reusable specification components.
type ComponentsService service
