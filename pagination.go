package postman

// CursorOptions are the query parameters of cursor-paginated lists. Pass
// Cursor = Response.NextCursor to get the next page; the …Iter methods do
// it for you.
type CursorOptions struct {
	// Cursor is the position of the page ("" for the first page).
	Cursor string `url:"cursor,omitempty"`
	// Limit is the page size (the server's default and maximum vary by
	// endpoint, often 10 and 100).
	Limit int `url:"limit,omitempty"`
}

// OffsetOptions are the query parameters of offset-paginated lists.
type OffsetOptions struct {
	// Offset is the number of items to skip.
	Offset int `url:"offset,omitempty"`
	// Limit is the page size.
	Limit int `url:"limit,omitempty"`
}

// defaultIterLimit is the page size iterators ask for when the caller set
// none: the largest most endpoints accept, for the fewest calls.
const defaultIterLimit = 100

// Ptr returns a pointer to v, for optional fields of request types.
func Ptr[T any](v T) *T { return &v }
