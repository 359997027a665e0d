package collection

import (
	"strings"
)

// Curl returns a curl command line sending what HTTPRequest would send for
// the item, for CI logs and docs: the same method, URL, headers, auth and
// body, with form fields as --data-urlencode or --form and files as @path
// (not read, so they need not exist here). Arguments are quoted for a POSIX
// shell. It fails as HTTPRequest does, with an [*UnsupportedAuthError] for
// an auth it cannot apply.
func (c *Collection) Curl(it *Item, s *Scope) (string, error) {
	p, err := c.prepare(it, s)
	if err != nil {
		return "", err
	}
	args := []string{"curl"}
	if p.method != "GET" || p.body != nil {
		args = append(args, "--request", p.method)
	}
	args = append(args, "--url", p.url.String())
	for _, h := range p.header {
		args = append(args, "--header", h.key+": "+h.value)
	}
	if b := p.body; b != nil {
		switch b.mode {
		case ModeURLEncoded:
			if !hasHeader(p.header, "Content-Type") {
				args = append(args, "--header", "Content-Type: "+b.contentType)
			}
			args = append(args, "--data", b.urlEncoded())
		case ModeFormData:
			for _, f := range b.fields {
				args = append(args, formArgs(f)...)
			}
		case ModeFile:
			if b.file != "" {
				args = append(args, "--data-binary", "@"+b.file)
			} else {
				args = append(args, "--data-binary", b.text)
			}
		default:
			args = append(args, "--data-raw", b.text)
		}
	}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = shellQuote(a)
	}
	return strings.Join(quoted, " "), nil
}

// formArgs returns the curl arguments of one formdata field: a file field
// gives one --form per file.
func formArgs(f formField) []string {
	ct := ""
	if f.contentType != "" {
		ct = ";type=" + f.contentType
	}
	if !f.isFile {
		if strings.HasPrefix(f.value, "@") || strings.HasPrefix(f.value, "<") {
			// --form would read a file; --form-string sends the text.
			return []string{"--form-string", f.key + "=" + f.value}
		}
		return []string{"--form", f.key + "=" + f.value + ct}
	}
	if len(f.files) == 0 {
		return []string{"--form", f.key + "=@/dev/null;filename=" + ct}
	}
	var out []string
	for _, name := range f.files {
		out = append(out, "--form", f.key+"=@"+name+ct)
	}
	return out
}

// shellQuote quotes s for a POSIX shell, leaving plain words as they are.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
