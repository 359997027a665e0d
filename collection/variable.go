package collection

// Variable is a collection, folder, request or path variable.
type Variable struct {
	ID  string
	Key string
	// Value is any JSON value, kept exactly; use Value.String for its text.
	Value       Value
	Type        string // "string", "boolean", "number", "any", "secret", …
	Name        string
	Description Description
	System      bool
	Disabled    bool
	extras
}

const (
	varID uint8 = iota + 1
	varKey
	varValue
	varType
	varName
	varDescription
	varSystem
	varDisabled
)

var variableKeys = []string{"", "id", "key", "value", "type", "name", "description", "system", "disabled"}

// NewVariable returns a string variable.
func NewVariable(key, value string) Variable {
	return Variable{Key: key, Value: StringValue(value), Type: "string"}
}

func (v *Variable) decode(d *decoder) error {
	*v = Variable{}
	return d.fields(&v.extras, func(key []byte) error {
		switch string(key) {
		case "id":
			return d.strField(&v.extras, varID, key, &v.ID)
		case "key":
			return d.strField(&v.extras, varKey, key, &v.Key)
		case "value":
			return d.valueField(&v.extras, varValue, &v.Value)
		case "type":
			return d.strField(&v.extras, varType, key, &v.Type)
		case "name":
			return d.strField(&v.extras, varName, key, &v.Name)
		case "description":
			return d.descField(&v.extras, varDescription, key, &v.Description)
		case "system":
			return d.boolField(&v.extras, varSystem, key, &v.System)
		case "disabled":
			return d.boolField(&v.extras, varDisabled, key, &v.Disabled)
		}
		return d.keep(&v.extras, 0, key)
	})
}

func (v *Variable) has(id uint8) bool {
	switch id {
	case varID:
		return v.isSeen(id) || v.ID != ""
	case varKey:
		return v.isSeen(id) || v.Key != ""
	case varValue:
		return !v.Value.IsZero()
	case varType:
		return v.isSeen(id) || v.Type != ""
	case varName:
		return v.isSeen(id) || v.Name != ""
	case varDescription:
		return !v.Description.IsZero()
	case varSystem:
		return v.isSeen(id) || v.System
	case varDisabled:
		return v.isSeen(id) || v.Disabled
	}
	return false
}

func (v *Variable) put(e *encoder, id uint8) {
	switch id {
	case varID:
		e.str(v.ID)
	case varKey:
		e.str(v.Key)
	case varValue:
		e.value(v.Value)
	case varType:
		e.str(v.Type)
	case varName:
		e.str(v.Name)
	case varDescription:
		e.description(v.Description)
	case varSystem:
		e.boolean(v.System)
	case varDisabled:
		e.boolean(v.Disabled)
	}
}

func (v *Variable) encode(e *encoder) { e.object(&v.extras, variableKeys, v) }

// MarshalJSON writes the variable with its keys in their original order.
func (v Variable) MarshalJSON() ([]byte, error) { return marshalWith(&v) }

// UnmarshalJSON reads a variable object.
func (v *Variable) UnmarshalJSON(data []byte) error { return unmarshalObject(data, v) }

// variablesField reads a variable list.
func (d *decoder) variablesField(x *extras, id uint8, key []byte, dst *[]Variable) error {
	return listField(d, x, id, key, dst, objectElem[Variable])
}

func (e *encoder) variables(list []Variable) { writeList(e, list, (*Variable).encode) }
