package collection

// New returns an empty v2.1 collection named name.
func New(name string) *Collection {
	return &Collection{Info: Info{Name: name, Schema: SchemaURLV21}, Items: []*Item{}}
}

// NewFolder returns an empty folder.
func NewFolder(name string) *Item {
	return &Item{Name: name, Items: []*Item{}}
}

// NewRequestItem returns a request item. Its response list is empty, as in
// Postman's exports.
func NewRequestItem(name string, req *Request) *Item {
	return &Item{Name: name, Request: req, Responses: []*Response{}}
}

// AddFolder appends a new folder at the top level and returns it.
func (c *Collection) AddFolder(name string) *Item {
	f := NewFolder(name)
	c.Items = append(c.Items, f)
	return f
}

// AddRequest appends a new request item at the top level and returns it.
func (c *Collection) AddRequest(name string, req *Request) *Item {
	it := NewRequestItem(name, req)
	c.Items = append(c.Items, it)
	return it
}

// AddVariable appends a string collection variable.
func (c *Collection) AddVariable(key, value string) {
	c.Variables = append(c.Variables, NewVariable(key, value))
}

// AddFolder appends a new folder to the folder it and returns it.
func (it *Item) AddFolder(name string) *Item {
	f := NewFolder(name)
	it.Items = append(it.Items, f)
	return f
}

// AddRequest appends a new request item to the folder it and returns it.
func (it *Item) AddRequest(name string, req *Request) *Item {
	r := NewRequestItem(name, req)
	it.Items = append(it.Items, r)
	return r
}
