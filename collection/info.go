package collection

import "strconv"

// Info is the "info" block of a collection.
type Info struct {
	// PostmanID is "_postman_id", the collection's ID in Postman.
	PostmanID   string
	Name        string
	Description Description
	Version     Version
	// Schema is the schema URL, kept verbatim; see Collection.Format.
	Schema string
	extras
}

const (
	infoPostmanID uint8 = iota + 1
	infoName
	infoDescription
	infoVersion
	infoSchema
)

var infoKeys = []string{"", "_postman_id", "name", "description", "version", "schema"}

func (in *Info) decode(d *decoder) error {
	*in = Info{}
	return d.fields(&in.extras, func(key []byte) error {
		switch string(key) {
		case "_postman_id":
			return d.strField(&in.extras, infoPostmanID, key, &in.PostmanID)
		case "name":
			return d.strField(&in.extras, infoName, key, &in.Name)
		case "description":
			return d.descField(&in.extras, infoDescription, key, &in.Description)
		case "version":
			return d.versionField(&in.extras, infoVersion, key, &in.Version)
		case "schema":
			return d.strField(&in.extras, infoSchema, key, &in.Schema)
		}
		return d.keep(&in.extras, 0, key)
	})
}

func (in *Info) has(id uint8) bool {
	switch id {
	case infoPostmanID:
		return in.isSeen(id) || in.PostmanID != ""
	case infoName:
		return in.isSeen(id) || in.Name != ""
	case infoDescription:
		return !in.Description.IsZero()
	case infoVersion:
		return !in.Version.IsZero()
	case infoSchema:
		return in.isSeen(id) || in.Schema != ""
	}
	return false
}

func (in *Info) put(e *encoder, id uint8) {
	switch id {
	case infoPostmanID:
		e.str(in.PostmanID)
	case infoName:
		e.str(in.Name)
	case infoDescription:
		e.description(in.Description)
	case infoVersion:
		in.Version.encode(e)
	case infoSchema:
		e.str(in.Schema)
	}
}

func (in *Info) encode(e *encoder) { e.object(&in.extras, infoKeys, in) }

// isZero reports whether the info block is absent.
func (in *Info) isZero() bool {
	return in.seen == 0 && in.more == nil && in.PostmanID == "" && in.Name == "" &&
		in.Description.IsZero() && in.Version.IsZero() && in.Schema == ""
}

// Version is the version of a collection: a string ("1.2.0") or an object
// with major, minor and patch numbers. It is written back in its form; the
// zero Version is absent.
type Version struct {
	// Major, Minor, Patch, Identifier and Meta are the members of the object form.
	Major, Minor, Patch int
	Identifier          string
	Meta                Value

	text string
	form uint8
	extras
}

const (
	verMajor uint8 = iota + 1
	verMinor
	verPatch
	verIdentifier
	verMeta
)

var versionKeys = []string{"", "major", "minor", "patch", "identifier", "meta"}

// VersionString returns a version in the string form.
func VersionString(s string) Version { return Version{text: s, form: formString} }

// SemVer returns a version in the object form.
func SemVer(major, minor, patch int) Version {
	return Version{Major: major, Minor: minor, Patch: patch, form: formObject}
}

// IsZero reports whether the version is absent.
func (v Version) IsZero() bool { return v.form == formAbsent }

// IsObject reports whether the version is in the object form.
func (v Version) IsObject() bool { return v.form == formObject }

// String returns the string form, or "major.minor.patch[-identifier]".
func (v Version) String() string {
	switch v.form {
	case formString:
		return v.text
	case formObject:
		s := strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor) + "." + strconv.Itoa(v.Patch)
		if v.Identifier != "" {
			s += "-" + v.Identifier
		}
		return s
	}
	return ""
}

func (d *decoder) versionField(x *extras, id uint8, key []byte, dst *Version) error {
	*dst = Version{}
	switch d.peek() {
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		*dst = VersionString(s)
	case '{':
		if err := dst.decode(d); err != nil {
			return err
		}
	default:
		return d.keep(x, id, key)
	}
	d.took(x, id)
	return nil
}

func (v *Version) decode(d *decoder) error {
	*v = Version{form: formObject}
	v.forms = formBitRead
	return d.fields(&v.extras, func(key []byte) error {
		switch string(key) {
		case "major":
			return d.intField(&v.extras, verMajor, key, &v.Major)
		case "minor":
			return d.intField(&v.extras, verMinor, key, &v.Minor)
		case "patch":
			return d.intField(&v.extras, verPatch, key, &v.Patch)
		case "identifier":
			return d.strField(&v.extras, verIdentifier, key, &v.Identifier)
		case "meta":
			return d.valueField(&v.extras, verMeta, &v.Meta)
		}
		return d.keep(&v.extras, 0, key)
	})
}

func (v *Version) has(id uint8) bool {
	switch id {
	case verMajor, verMinor, verPatch:
		// The object form requires all three, so built versions write them.
		return v.isSeen(id) || v.forms&formBitRead == 0
	case verIdentifier:
		return v.isSeen(id) || v.Identifier != ""
	case verMeta:
		return !v.Meta.IsZero()
	}
	return false
}

func (v *Version) put(e *encoder, id uint8) {
	switch id {
	case verMajor:
		e.int(v.Major)
	case verMinor:
		e.int(v.Minor)
	case verPatch:
		e.int(v.Patch)
	case verIdentifier:
		e.str(v.Identifier)
	case verMeta:
		e.value(v.Meta)
	}
}

func (v *Version) encode(e *encoder) {
	switch v.form {
	case formString:
		e.str(v.text)
	case formObject:
		e.object(&v.extras, versionKeys, v)
	default:
		e.null()
	}
}

// MarshalJSON writes the version in its form; absent marshals as null.
func (v Version) MarshalJSON() ([]byte, error) { return marshalWith(&v) }

// UnmarshalJSON reads a version string or object.
func (v *Version) UnmarshalJSON(data []byte) error {
	return unmarshalWith(data, func(d *decoder) (bool, error) {
		var x extras
		if c := d.peek(); c != '"' && c != '{' {
			return false, nil
		}
		return true, d.versionField(&x, 1, nil, v)
	})
}

// MarshalJSON writes the info with its keys in their original order.
func (in Info) MarshalJSON() ([]byte, error) { return marshalWith(&in) }

// UnmarshalJSON reads a info object.
func (in *Info) UnmarshalJSON(data []byte) error { return unmarshalObject(data, in) }
