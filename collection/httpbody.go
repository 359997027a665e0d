package collection

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// contentTypes maps options.raw.language to the Content-Type newman sends
// for a raw body; other languages, and none, send text/plain.
var contentTypes = map[string]string{
	"html":       "text/html",
	"text":       "text/plain",
	"json":       "application/json",
	"javascript": "application/javascript",
	"xml":        "application/xml",
}

// preparedBody is a body with its {{variables}} resolved and its files not
// yet read.
type preparedBody struct {
	mode        BodyMode
	text        string // raw and graphql
	contentType string // implied when no header sets one
	fields      []formField
	file        string // file mode: the file's path, or "" with text holding the content
}

// formField is one enabled parameter of a urlencoded or formdata body.
type formField struct {
	key, value  string
	isFile      bool
	files       []string
	contentType string
}

// prepareBody resolves b in s, or returns nil when newman sends no body for
// it: no mode, an unknown one, or nothing in it.
func prepareBody(b *Body, s *Scope) *preparedBody {
	p := &preparedBody{mode: b.Mode}
	switch b.Mode {
	case ModeRaw:
		if b.RawText == "" {
			return nil
		}
		p.text = s.Replace(b.RawText)
		p.contentType = contentTypes["text"]
		if ct, ok := contentTypes[b.Language()]; ok {
			p.contentType = ct
		}
	case ModeURLEncoded, ModeFormData:
		list := b.URLEncoded
		if b.Mode == ModeFormData {
			list = b.FormData
		}
		for _, fp := range list {
			if fp.Disabled {
				continue
			}
			f := formField{key: s.Replace(fp.Key), value: s.Replace(fp.Value), contentType: s.Replace(fp.ContentType)}
			if b.Mode == ModeFormData && fp.Type == "file" {
				f.isFile, f.value = true, ""
				for _, src := range fp.Src {
					f.files = append(f.files, s.Replace(src))
				}
			}
			p.fields = append(p.fields, f)
		}
		if len(p.fields) == 0 {
			return nil
		}
		if b.Mode == ModeURLEncoded {
			p.contentType = "application/x-www-form-urlencoded"
		}
	case ModeFile:
		if b.File == nil || (b.File.Src == "" && b.File.Content == "") {
			return nil
		}
		p.file = s.Replace(b.File.Src)
		p.text = b.File.Content
	case ModeGraphQL:
		if b.GraphQL == nil {
			return nil
		}
		p.text = graphQLText(s.Replace(b.GraphQL.Query), s.Replace(b.GraphQL.Variables), b.GraphQL.has(gqQuery))
		p.contentType = contentTypes["json"]
	default:
		return nil
	}
	return p
}

// graphQLText is the JSON newman sends for a GraphQL body: the query, and
// the variables text as it is unless it is empty.
func graphQLText(query, variables string, hasQuery bool) string {
	var parts []string
	if hasQuery {
		q, _ := json.Marshal(query)
		parts = append(parts, `"query":`+string(q))
	}
	if variables != "" {
		parts = append(parts, `"variables":`+variables)
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// encode returns the body bytes and the Content-Type they need, reading
// files from s.Files.
func (p *preparedBody) encode(s *Scope) ([]byte, string, error) {
	switch p.mode {
	case ModeURLEncoded:
		return []byte(p.urlEncoded()), p.contentType, nil
	case ModeFormData:
		return p.multipart(s)
	case ModeFile:
		if p.file == "" {
			return []byte(p.text), "", nil
		}
		data, err := readFile(s, p.file)
		if ct := fileContentType(p.file); ct != "application/octet-stream" {
			return data, ct, err
		}
		return data, "", err
	}
	return []byte(p.text), p.contentType, nil
}

// urlEncoded encodes the fields with every character but A-Za-z0-9-_.~
// escaped, the values of a repeated key together at its first place, as
// newman's form encoding does.
func (p *preparedBody) urlEncoded() string {
	var order []string
	values := map[string][]string{}
	for _, f := range p.fields {
		if _, ok := values[f.key]; !ok {
			order = append(order, f.key)
		}
		values[f.key] = append(values[f.key], f.value)
	}
	escape := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	var b strings.Builder
	for _, k := range order {
		for _, v := range values[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(escape(k))
			b.WriteByte('=')
			b.WriteString(escape(v))
		}
	}
	return b.String()
}

// multipart encodes a formdata body; a file parameter without a file is sent
// as an empty file with an empty file name, as newman does.
func (p *preparedBody) multipart(s *Scope) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range p.fields {
		if !f.isFile {
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, escapeQuotes(f.key)))
			if f.contentType != "" {
				h.Set("Content-Type", f.contentType)
			}
			part, err := w.CreatePart(h)
			if err != nil {
				return nil, "", err
			}
			if _, err := part.Write([]byte(f.value)); err != nil {
				return nil, "", err
			}
			continue
		}
		files := f.files
		if len(files) == 0 {
			files = []string{""}
		}
		for _, name := range files {
			var data []byte
			if name != "" {
				var err error
				if data, err = readFile(s, name); err != nil {
					return nil, "", err
				}
			}
			ct := f.contentType
			if ct == "" {
				ct = fileContentType(name)
			}
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`,
				escapeQuotes(f.key), escapeQuotes(filepath.Base(name))))
			if name == "" {
				h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename=""`, escapeQuotes(f.key)))
			}
			h.Set("Content-Type", ct)
			part, err := w.CreatePart(h)
			if err != nil {
				return nil, "", err
			}
			if _, err := part.Write(data); err != nil {
				return nil, "", err
			}
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

// fileTypes are the media types of common file extensions, so that they do
// not depend on the machine's MIME tables, which mime.TypeByExtension reads.
var fileTypes = map[string]string{
	".txt": "text/plain", ".csv": "text/csv", ".json": "application/json", ".xml": "application/xml",
	".html": "text/html", ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
	".jpeg": "image/jpeg", ".gif": "image/gif", ".zip": "application/zip",
}

// fileContentType is the media type newman sends a file with, after its
// extension, without parameters.
func fileContentType(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ct, ok := fileTypes[ext]; ok {
		return ct
	}
	ct, _, _ := strings.Cut(mime.TypeByExtension(ext), ";")
	if ct == "" {
		return "application/octet-stream"
	}
	return ct
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")

func escapeQuotes(s string) string { return quoteEscaper.Replace(s) }

// readFile reads a body file from s.Files, or from the file system when
// that is nil.
func readFile(s *Scope, name string) ([]byte, error) {
	if s != nil && s.Files != nil {
		return fs.ReadFile(s.Files, path.Clean(strings.TrimPrefix(filepath.ToSlash(name), "/")))
	}
	return os.ReadFile(name)
}
