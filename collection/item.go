package collection

// Item is an entry of a collection or folder: a request (Request set) or a
// folder (Items set, possibly empty), nested to any depth.
type Item struct {
	ID          string
	Name        string
	Description Description
	Variables   []Variable
	Events      []Event
	// Request is the request of a request item.
	Request *Request
	// Responses are the saved example responses of a request item.
	Responses               []*Response
	ProtocolProfileBehavior ProtocolProfileBehavior
	// Items are the children of a folder; non-nil (even empty) for a folder.
	Items []*Item
	// Auth is the auth of a folder; nil inherits. Requests hold theirs in Request.Auth.
	Auth *Auth
	extras
}

const (
	itemID uint8 = iota + 1
	itemName
	itemItems
	itemDescription
	itemVariable
	itemAuth
	itemEvent
	itemProtocolProfileBehavior
	itemRequest
	itemResponse
)

var itemKeys = []string{"", "id", "name", "item", "description", "variable", "auth", "event", "protocolProfileBehavior", "request", "response"}

// IsFolder reports whether the item is a folder (has an item list).
func (it *Item) IsFolder() bool { return it.Items != nil }

// IsRequest reports whether the item is a request.
func (it *Item) IsRequest() bool { return it.Request != nil }

func (it *Item) decode(d *decoder) error {
	*it = Item{}
	return d.fields(&it.extras, func(key []byte) error {
		switch string(key) {
		case "id":
			return d.strField(&it.extras, itemID, key, &it.ID)
		case "name":
			return d.strField(&it.extras, itemName, key, &it.Name)
		case "item":
			return listField(d, &it.extras, itemItems, key, &it.Items, pointerElem[Item])
		case "description":
			return d.descField(&it.extras, itemDescription, key, &it.Description)
		case "variable":
			return d.variablesField(&it.extras, itemVariable, key, &it.Variables)
		case "auth":
			return nullableField(d, &it.extras, itemAuth, key, &it.Auth, NullAuth)
		case "event":
			return d.eventsField(&it.extras, itemEvent, key, &it.Events)
		case "protocolProfileBehavior":
			return d.objectValueField(&it.extras, itemProtocolProfileBehavior, key, &it.ProtocolProfileBehavior.Object)
		case "request":
			return d.requestField(&it.extras, itemRequest, key, &it.Request)
		case "response":
			return listField(d, &it.extras, itemResponse, key, &it.Responses, pointerElem[Response])
		}
		return d.keep(&it.extras, 0, key)
	})
}

func (it *Item) has(id uint8) bool {
	switch id {
	case itemID:
		return it.isSeen(id) || it.ID != ""
	case itemName:
		return it.isSeen(id) || it.Name != ""
	case itemItems:
		return it.Items != nil
	case itemDescription:
		return !it.Description.IsZero()
	case itemVariable:
		return it.Variables != nil
	case itemAuth:
		return it.Auth != nil
	case itemEvent:
		return it.Events != nil
	case itemProtocolProfileBehavior:
		return !it.ProtocolProfileBehavior.IsZero()
	case itemRequest:
		return it.Request != nil
	case itemResponse:
		return it.Responses != nil
	}
	return false
}

func (it *Item) put(e *encoder, id uint8) {
	switch id {
	case itemID:
		e.str(it.ID)
	case itemName:
		e.str(it.Name)
	case itemItems:
		e.items(it.Items)
	case itemDescription:
		e.description(it.Description)
	case itemVariable:
		e.variables(it.Variables)
	case itemAuth:
		it.Auth.encode(e)
	case itemEvent:
		e.events(it.Events)
	case itemProtocolProfileBehavior:
		e.rawObject(it.ProtocolProfileBehavior.Object)
	case itemRequest:
		it.Request.encode(e)
	case itemResponse:
		e.open('[')
		for _, r := range it.Responses {
			e.next()
			if r == nil {
				e.null()
				continue
			}
			r.encode(e)
		}
		e.close(']')
	}
}

func (it *Item) encode(e *encoder) { e.object(&it.extras, itemKeys, it) }

// items writes an item list; a nil entry, which only code can put there, is
// written as null rather than crashing.
func (e *encoder) items(list []*Item) {
	e.open('[')
	for _, it := range list {
		e.next()
		if it == nil {
			e.null()
			continue
		}
		it.encode(e)
	}
	e.close(']')
}

// MarshalJSON writes the item with its keys in their original order.
func (it Item) MarshalJSON() ([]byte, error) { return marshalWith(&it) }

// UnmarshalJSON reads an item object.
func (it *Item) UnmarshalJSON(data []byte) error { return unmarshalObject(data, it) }
