package collection

// UserInfo is the "user:password@" part of a URL, which postman-collection
// keeps apart from the host and writes as {"user": …, "password": …} under
// the URL's "auth" key (not to be confused with a request's [Auth]).
type UserInfo struct {
	User string
	// Password follows the first ":" of the userinfo. It is written, and put
	// in the URL, when it is not empty or was present where it was read
	// from ("user:@host" has an empty one, "user@host" none).
	Password string
	extras
}

const (
	uiUser uint8 = iota + 1
	uiPassword
)

var userInfoKeys = []string{"", "user", "password"}

// hasPassword reports whether the URL text carries ":password".
func (ui *UserInfo) hasPassword() bool { return ui.has(uiPassword) }

// text returns "user" or "user:password", as the userinfo of a URL.
func (ui *UserInfo) text() string {
	if ui.hasPassword() {
		return ui.User + ":" + ui.Password
	}
	return ui.User
}

func (ui *UserInfo) decode(d *decoder) error {
	*ui = UserInfo{}
	return d.fields(&ui.extras, func(key []byte) error {
		switch string(key) {
		case "user":
			return d.strField(&ui.extras, uiUser, key, &ui.User)
		case "password":
			return d.strField(&ui.extras, uiPassword, key, &ui.Password)
		}
		return d.keep(&ui.extras, 0, key)
	})
}

func (ui *UserInfo) has(id uint8) bool {
	switch id {
	case uiUser:
		return ui.isSeen(id) || ui.User != ""
	case uiPassword:
		return ui.isSeen(id) || ui.Password != ""
	}
	return false
}

func (ui *UserInfo) put(e *encoder, id uint8) {
	switch id {
	case uiUser:
		e.str(ui.User)
	case uiPassword:
		e.str(ui.Password)
	}
}

func (ui *UserInfo) encode(e *encoder) { e.object(&ui.extras, userInfoKeys, ui) }

// MarshalJSON writes the userinfo with its keys in their original order.
func (ui UserInfo) MarshalJSON() ([]byte, error) { return marshalWith(&ui) }

// UnmarshalJSON reads a userinfo object.
func (ui *UserInfo) UnmarshalJSON(data []byte) error { return unmarshalObject(data, ui) }
