package collection

import "strings"

// Bits of extras.forms. Each type uses the ones that apply to it; a bit set
// means the member was read in its string form and is written back so while
// its value still fits that form.
const (
	formBitString uint16 = 1 << iota // the object itself was a string (request, url, header item)
	formBitHost                      // url.host was a string
	formBitPath                      // url.path was a string
	formBitHeader                    // header was a string of "Key: value" lines
	formBitExec                      // script.exec was a string
	formBitSrc                       // formdata src was a string
	formBitParams                    // auth parameters were an object (v2.0)
	formBitRead                      // the object was read, not built: absent members stay absent
)

// splitForm turns the string form of a list union into its elements. Split
// and Join with the same separator are inverses, so the string comes back
// byte for byte as long as the elements are unchanged.
func splitForm(s, sep string) []string {
	if sep == "" {
		return []string{s}
	}
	return strings.Split(s, sep)
}

// joinForm is the inverse of splitForm; ok is false when the list no longer
// fits the string form (only possible without a separator).
func joinForm(list []string, sep string) (string, bool) {
	if sep == "" {
		if len(list) != 1 {
			return "", false
		}
		return list[0], true
	}
	return strings.Join(list, sep), true
}

// stringsUnion writes a string-or-array union in its remembered form.
func (e *encoder) stringsUnion(list []string, stringForm bool, sep string) {
	if stringForm {
		if s, ok := joinForm(list, sep); ok {
			e.str(s)
			return
		}
	}
	e.strings(list)
}

// parseHeaderLine reads one "Key: value" line of a header string; a line
// starting with // is a disabled header, as Postman writes them.
func parseHeaderLine(line string) (key, value string, disabled bool) {
	line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
	if rest, ok := strings.CutPrefix(line, "//"); ok {
		disabled = true
		line = strings.TrimSpace(rest)
	}
	key, value, _ = strings.Cut(line, ":")
	return strings.TrimSpace(key), strings.TrimSpace(value), disabled
}

// parseHeaderText reads the string form of a header list.
func parseHeaderText(s string) HeaderList {
	list := HeaderList{}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, dis := parseHeaderLine(line)
		list = append(list, Header{Key: k, Value: v, Disabled: dis})
	}
	return list
}

// plainHeader reports whether h holds nothing but key, value and disabled,
// which is all the string form can say.
func plainHeader(h *Header) bool {
	return h.Description.IsZero() && h.Type == "" && !h.hasUnknown() &&
		(h.Disabled || !h.isSeen(hdrDisabled))
}

// sameHeaders reports whether a header list still says what the string it
// was read from says.
func sameHeaders(list HeaderList, text string) bool {
	parsed := parseHeaderText(text)
	if len(parsed) != len(list) {
		return false
	}
	for i := range list {
		h := &list[i]
		if !plainHeader(h) || h.Key != parsed[i].Key || h.Value != parsed[i].Value || h.Disabled != parsed[i].Disabled {
			return false
		}
	}
	return true
}

// headerText renders a header list in the string form; ok is false when some
// header cannot be said that way.
func headerText(list HeaderList) (string, bool) {
	var b strings.Builder
	for i := range list {
		h := &list[i]
		if !plainHeader(h) || h.Key == "" || strings.ContainsAny(h.Key, ":\n\r") ||
			strings.ContainsAny(h.Value, "\n\r") || strings.HasPrefix(h.Key, "//") ||
			h.Key != strings.TrimSpace(h.Key) || h.Value != strings.TrimSpace(h.Value) {
			return "", false
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		if h.Disabled {
			b.WriteString("//")
		}
		b.WriteString(h.Key)
		b.WriteString(": ")
		b.WriteString(h.Value)
	}
	return b.String(), true
}

// headersUnion writes a header list in the form it was read in: the original
// string while unchanged, a regenerated string while expressible, else an array.
func (e *encoder) headersUnion(list HeaderList, stringForm bool, text string) {
	if stringForm {
		if sameHeaders(list, text) {
			e.str(text)
			return
		}
		if s, ok := headerText(list); ok {
			e.str(s)
			return
		}
	}
	writeList(e, list, (*Header).encode)
}
