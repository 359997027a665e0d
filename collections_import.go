package postman

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
)

// ImportType says how ImportOpenAPI sends a definition.
type ImportType string

// Ways of sending a definition to ImportOpenAPI.
const (
	// ImportString sends the definition's text, JSON or YAML, as a JSON
	// string (the default).
	ImportString ImportType = "string"
	// ImportJSON sends a JSON definition as a JSON object.
	ImportJSON ImportType = "json"
	// ImportFile uploads the definition as a file in a multipart form;
	// Postman documents a .zip file holding the definition. Options
	// cannot be sent this way.
	ImportFile ImportType = "file"
)

// ConverterFolderStrategy says how an import groups requests in folders.
type ConverterFolderStrategy string

// Folder strategies of an import.
const (
	ConverterFoldersByPaths ConverterFolderStrategy = "Paths"
	ConverterFoldersByTags  ConverterFolderStrategy = "Tags"
)

// ConverterRequestNameSource says how an import names requests.
type ConverterRequestNameSource string

// Sources of request names.
const (
	// ConverterRequestNameFallback names requests from the operation's summary,
	// operationId, description or URL, the first one set.
	ConverterRequestNameFallback ConverterRequestNameSource = "Fallback"
	ConverterRequestNameURL      ConverterRequestNameSource = "URL"
)

// ConverterIndentCharacter is the indentation of generated bodies.
type ConverterIndentCharacter string

// Indentation characters.
const (
	ConverterIndentSpace ConverterIndentCharacter = "Space"
	ConverterIndentTab   ConverterIndentCharacter = "Tab"
)

// ConverterOptions are the options of Postman's OpenAPI to collection
// converter (openapi-to-postman). Nil fields keep Postman's defaults.
type ConverterOptions struct {
	// RequestNameSource defaults to ConverterRequestNameFallback.
	RequestNameSource ConverterRequestNameSource `json:"requestNameSource,omitempty"`
	// IndentCharacter defaults to ConverterIndentSpace.
	IndentCharacter ConverterIndentCharacter `json:"indentCharacter,omitempty"`
	// ParametersResolution ("Schema" or "Example") is deprecated by
	// Postman: generated collections use examples.
	ParametersResolution string `json:"parametersResolution,omitempty"`
	// FolderStrategy defaults to ConverterFoldersByPaths.
	FolderStrategy ConverterFolderStrategy `json:"folderStrategy,omitempty"`
	// IncludeAuthInfoInExample defaults to true.
	IncludeAuthInfoInExample *bool `json:"includeAuthInfoInExample,omitempty"`
	// EnableOptionalParameters defaults to true.
	EnableOptionalParameters *bool `json:"enableOptionalParameters,omitempty"`
	// KeepImplicitHeaders defaults to false.
	KeepImplicitHeaders *bool `json:"keepImplicitHeaders,omitempty"`
	// IncludeDeprecated defaults to true.
	IncludeDeprecated *bool `json:"includeDeprecated,omitempty"`
	// AlwaysInheritAuthentication defaults to false.
	AlwaysInheritAuthentication *bool `json:"alwaysInheritAuthentication,omitempty"`
	// NestedFolderHierarchy (default false) nests folders by the order of
	// the operations' tags.
	NestedFolderHierarchy *bool `json:"nestedFolderHierarchy,omitempty"`
}

// OpenAPIImportParams is what ImportOpenAPI needs.
type OpenAPIImportParams struct {
	// Definition is the OpenAPI definition (3.0 or 3.1): its JSON or YAML
	// text, or with ImportFile the file's bytes.
	Definition []byte
	// Type is ImportString when empty. ImportJSON needs a JSON object.
	Type ImportType
	// FileName names the uploaded file with ImportFile ("definition.zip"
	// when empty).
	FileName string
	// Options tune the conversion; not available with ImportFile.
	Options *ConverterOptions
}

// importJSONBody is the JSON body of an import.
type importJSONBody struct {
	Type    ImportType        `json:"type"`
	Input   json.RawMessage   `json:"input"`
	Options *ConverterOptions `json:"options,omitempty"`
}

// ImportOpenAPI converts an OpenAPI definition into a new collection in a
// workspace and returns the collections created.
//
//postman:operation POST /import/openapi
func (s *CollectionsService) ImportOpenAPI(ctx context.Context, workspaceID string, req OpenAPIImportParams) ([]*CollectionRef, *Response, error) {
	if err := requireArg("ImportOpenAPI", "workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	if len(req.Definition) == 0 {
		return nil, nil, fmt.Errorf("postman: ImportOpenAPI: %w: the definition is empty", ErrInvalidArgument)
	}
	r := &request{method: http.MethodPost, path: "/import/openapi", query: collectionWorkspaceQuery{Workspace: workspaceID}}
	var err error
	switch req.Type {
	case ImportFile:
		if req.Options != nil {
			return nil, nil, fmt.Errorf("postman: ImportOpenAPI: %w: options cannot be sent with ImportFile", ErrInvalidArgument)
		}
		r.body, r.contentType, err = importMultipart(req)
	case ImportJSON:
		if !json.Valid(req.Definition) || bytes.TrimSpace(req.Definition)[0] != '{' {
			return nil, nil, fmt.Errorf("postman: ImportOpenAPI: %w: ImportJSON needs a JSON object", ErrInvalidArgument)
		}
		r.body = importJSONBody{Type: ImportJSON, Input: req.Definition, Options: req.Options}
	case "", ImportString:
		input, merr := json.Marshal(string(req.Definition))
		r.body, err = importJSONBody{Type: ImportString, Input: input, Options: req.Options}, merr
	default:
		err = fmt.Errorf("postman: ImportOpenAPI: %w: unknown import type %q", ErrInvalidArgument, req.Type)
	}
	if err != nil {
		return nil, nil, err
	}
	var root struct {
		Collections []*CollectionRef `json:"collections"`
	}
	resp, err := s.client.do(ctx, r, &root)
	if err != nil {
		return nil, resp, err
	}
	return root.Collections, resp, nil
}

// importMultipart builds the multipart form of a file import in memory,
// so that a retry sends it again whole.
func importMultipart(req OpenAPIImportParams) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("type", string(ImportFile)); err != nil {
		return nil, "", err
	}
	name := req.FileName
	if name == "" {
		name = "definition.zip"
	}
	part, err := w.CreateFormFile("input", name)
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(req.Definition); err != nil {
		return nil, "", err
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
