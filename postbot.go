package postman

import (
	"context"
	"net/http"
)

// PostbotService is the Postbot area: AI generation tools.
//
// Postman has deprecated its only endpoint, tool generation (see
// GenerateTool).
type PostbotService service

// PostbotToolGenerateParams asks for the code of an AI agent tool that calls one
// request of a public collection.
type PostbotToolGenerateParams struct {
	// CollectionID is the UID of a collection on the Public API Network
	// and RequestID the ID of one of its requests; private collections are
	// refused.
	CollectionID string            `json:"collectionId"`
	RequestID    string            `json:"requestId"`
	Config       PostbotToolConfig `json:"config"`
}

// PostbotToolConfig chooses the generated tool's language and framework.
type PostbotToolConfig struct {
	Language PostbotLanguage `json:"language"`
	// AgentFramework is the AI agent framework; autogen only supports
	// Python.
	AgentFramework PostbotAgentFramework `json:"agentFramework"`
}

// PostbotLanguage is the language of a generated tool.
type PostbotLanguage string

// Languages of generated tools.
const (
	PostbotJavaScript PostbotLanguage = "javascript"
	PostbotTypeScript PostbotLanguage = "typescript"
	PostbotPython     PostbotLanguage = "python"
)

// PostbotAgentFramework is the AI agent framework a generated tool targets.
type PostbotAgentFramework string

// Agent frameworks of generated tools.
const (
	PostbotOpenAI    PostbotAgentFramework = "openai"
	PostbotMistral   PostbotAgentFramework = "mistral"
	PostbotGemini    PostbotAgentFramework = "gemini"
	PostbotAnthropic PostbotAgentFramework = "anthropic"
	PostbotLangChain PostbotAgentFramework = "langchain"
	PostbotAutoGen   PostbotAgentFramework = "autogen"
)

// PostbotTool is generated tool code.
type PostbotTool struct {
	// Text is the tool's source code.
	Text string `json:"text"`
}

// GenerateTool generates the code of an AI agent tool that calls a request
// of a public collection. Postman allows 300 calls every 3 hours, which
// the default limiter enforces; they do not count as Postbot usage.
//
// Deprecated: Postman has deprecated this endpoint and names no
// replacement; it may be withdrawn at any time, and its answers would
// then match ErrDeprecated or ErrNotFound. Keep generated code rather than
// generating it on demand.
//
//postman:operation POST /postbot/generations/tool
func (s *PostbotService) GenerateTool(ctx context.Context, req PostbotToolGenerateParams) (*PostbotTool, *Response, error) {
	var root struct {
		Data *PostbotTool `json:"data"`
	}
	resp, err := s.client.do(ctx, &request{method: http.MethodPost, path: "/postbot/generations/tool", body: req}, &root)
	if err != nil {
		return nil, resp, err
	}
	if root.Data == nil {
		root.Data = new(PostbotTool)
	}
	return root.Data, resp, nil
}
