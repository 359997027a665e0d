package collection

import (
	"strconv"
	"strings"
	"unicode"
)

// String renders the plan for a reviewer, one line per change in plan
// order, then a summary:
//
//	~ collection: name (was "Users API"), variables
//	→ request  Users / List users (first)
//	→ request  Users / Get a user (from Accounts, after Delete user)
//	+ folder   Users / Admin
//	+ request  Users / Admin / Create user
//	~ response Users / List users / OK: body
//	~ request  Users / Get a user: name (was "Get user"), url
//	- request  Legacy / Old report
//	- folder   Legacy
//	Plan: 2 to add, 3 to change, 1 to move, 1 to reorder, 2 to remove.
//
// "+" adds, "-" removes, "~" changes the members named, "→" moves into
// another folder or reorders within one, saying where the item goes. Paths
// are in to (in from for removals) and join names with " / "; a name that is
// empty, has a slash, or would not read as itself is quoted. An empty plan
// is "No changes.".
func (p *Plan) String() string {
	var b strings.Builder
	var counts [OpReorder + 1]int
	for i := range p.Changes {
		c := &p.Changes[i]
		if int(c.Op) < len(counts) {
			counts[c.Op]++
		}
		c.render(&b)
		b.WriteByte('\n')
	}
	if p.IsEmpty() {
		return "No changes.\n"
	}
	b.WriteString("Plan:")
	sep := " "
	for _, op := range []Op{OpAdd, OpUpdate, OpMove, OpReorder, OpRemove} {
		if counts[op] == 0 {
			continue
		}
		verb := op.String()
		if op == OpUpdate {
			verb = "change"
		}
		b.WriteString(sep + strconv.Itoa(counts[op]) + " to " + verb)
		sep = ", "
	}
	b.WriteString(".\n")
	return b.String()
}

var opSigns = []string{"?", "+", "-", "~", "→", "→"}

// render writes the line of one change, without its line break.
func (c *Change) render(b *strings.Builder) {
	sign := "?"
	if int(c.Op) < len(opSigns) {
		sign = opSigns[c.Op]
	}
	b.WriteString(sign + " ")
	if c.Kind == KindCollection {
		b.WriteString("collection")
	} else {
		kind := c.Kind.String()
		b.WriteString(kind + strings.Repeat(" ", max(1, 9-len(kind))))
		writePath(b, c.Path, c.Name())
	}
	switch c.Op {
	case OpMove:
		b.WriteString(" (from ")
		if len(c.FromPath) == 0 {
			b.WriteString("the top level")
		} else {
			writePath(b, c.FromPath[:len(c.FromPath)-1], c.FromPath[len(c.FromPath)-1])
		}
		b.WriteString(", " + c.placeText() + ")")
	case OpReorder:
		b.WriteString(" (" + c.placeText() + ")")
	case OpUpdate:
		b.WriteString(": ")
		c.writeFields(b)
	}
}

func (c *Change) placeText() string {
	switch {
	case c.After != nil:
		return "after " + quoteName(c.After.Name)
	case c.AfterResponse != nil:
		return "after " + quoteName(c.AfterResponse.Name)
	}
	return "first"
}

func (c *Change) writeFields(b *strings.Builder) {
	sep := ""
	for i, name := range fieldNames {
		f := Fields(1) << i
		if c.Fields&f == 0 || f == FieldOther {
			continue
		}
		b.WriteString(sep + name)
		sep = ", "
		if f == FieldName {
			if old, ok := c.oldName(); ok {
				b.WriteString(" (was " + strconv.Quote(old) + ")")
			}
		}
	}
	for _, k := range c.Other {
		b.WriteString(sep + k)
		sep = ", "
	}
}

// oldName returns the name in from of a renamed item.
func (c *Change) oldName() (string, bool) {
	switch {
	case c.From != nil:
		return c.From.Name, true
	case c.FromResponse != nil:
		return c.FromResponse.Name, true
	case c.Kind == KindCollection:
		return c.was, true
	}
	return "", false
}

func writePath(b *strings.Builder, path []string, name string) {
	for _, p := range path {
		b.WriteString(quoteName(p) + " / ")
	}
	b.WriteString(quoteName(name))
}

// quoteName quotes a name that would not read as itself in a path.
func quoteName(s string) string {
	if s == "" || strings.Contains(s, "/") || strings.TrimSpace(s) != s || s[0] == '"' ||
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}
