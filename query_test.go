package postman

import (
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type queryKind string

type queryStringer int

func (q queryStringer) String() string { return "stringer" }

type queryEncoded struct{ v string }

func (q queryEncoded) EncodeValues(key string, v *url.Values) error {
	v.Set(key, "custom-"+q.v)
	return nil
}

type queryInner struct {
	Inner    string `url:"inner,omitempty"`
	InnerInt int    `url:"innerInt"`
}

type queryEmbedded struct {
	queryInner
	Deep string `url:"deep,omitempty"`
}

// queryAll has every field shape the cached encoder plans.
type queryAll struct {
	S        string      `url:"s"`
	SOmit    string      `url:"sOmit,omitempty"`
	Kind     queryKind   `url:"kind,omitempty"`
	I        int         `url:"i"`
	I8       int8        `url:"i8,omitempty"`
	I64      int64       `url:"i64"`
	U        uint        `url:"u,omitempty"`
	U16      uint16      `url:"u16"`
	B        bool        `url:"b"`
	BOmit    bool        `url:"bOmit,omitempty"`
	BInt     bool        `url:"bInt,int"`
	PS       *string     `url:"ps"`
	PSOmit   *string     `url:"psOmit,omitempty"`
	PB       *bool       `url:"pb,omitempty"`
	PI       *int        `url:"pi,omitempty"`
	List     []string    `url:"list"`
	Comma    []string    `url:"comma,comma"`
	Space    []int       `url:"space,space,omitempty"`
	Semi     []string    `url:"semi,semicolon"`
	Brackets []string    `url:"brackets,brackets"`
	Numbered []string    `url:"numbered,numbered"`
	BrNum    []string    `url:"brnum,brackets,numbered"`
	Del      []string    `url:"del" del:"|"`
	CommaDel []string    `url:"commaDel,comma" del:"|"`
	Kinds    []queryKind `url:"kinds,omitempty,comma"`
	NoTag    string
	Skipped  string `url:"-"`
	private  string // unexported fields are skipped
	queryEmbedded
}

// Types the plan leaves to go-querystring.
type (
	queryWithTime struct {
		T time.Time `url:"t,unix"`
	}
	queryWithStringer struct {
		S queryStringer `url:"s"`
	}
	queryWithEncoder struct {
		E queryEncoded `url:"e"`
	}
	queryWithNested struct {
		N queryInner `url:"n"`
	}
	queryWithFloat struct {
		F float64 `url:"f"`
	}
	queryWithEmbedPtr struct{ *queryInner }
)

func TestEncodeQueryMatchesGoQuerystring(t *testing.T) {
	t.Parallel()
	s, b, i := "x y&z", true, 0
	values := []any{
		nil,
		(*WorkspaceListOptions)(nil),
		&WorkspaceListOptions{},
		&WorkspaceListOptions{Type: WorkspaceTeam, CreatedBy: []string{"1", "2"}, Include: "scim", ElementType: "collection", ElementID: "12-34", CursorOptions: CursorOptions{Cursor: "abc=", Limit: 10}},
		WorkspaceListOptions{CursorOptions: CursorOptions{Limit: 100}},
		&WorkspaceGetOptions{Include: []string{"team", "scim"}},
		&UserListOptions{GroupID: "1234"},
		&OffsetOptions{Offset: 20, Limit: 10},
		&queryAll{},
		&queryAll{S: "a", SOmit: "b", Kind: "k", I: -1, I8: 8, I64: 1 << 40, U: 7, U16: 16, B: true, BOmit: true, BInt: true,
			PS: &s, PSOmit: &s, PB: &b, PI: &i, List: []string{"a", "b"}, Comma: []string{"a", "b"}, Space: []int{1, 2},
			Semi: []string{"x", "y"}, Brackets: []string{"p", "q"}, Numbered: []string{"n", "m"}, BrNum: []string{"o"},
			Del: []string{"d", "e"}, CommaDel: []string{"f", "g"}, Kinds: []queryKind{"k1", "k2"}, NoTag: "nt", Skipped: "no", private: "p",
			queryEmbedded: queryEmbedded{queryInner: queryInner{Inner: "in", InnerInt: 3}, Deep: "deep"}},
		&queryWithTime{T: time.Unix(1700000000, 0)},
		&queryWithStringer{S: 3},
		&queryWithEncoder{E: queryEncoded{"v"}},
		&queryWithNested{N: queryInner{Inner: "i"}},
		&queryWithFloat{F: 1.5},
		&queryWithEmbedPtr{queryInner: &queryInner{Inner: "i"}},
		&queryWithEmbedPtr{},
	}
	for _, v := range values {
		want, wantErr := query.Values(v)
		got, err := encodeQuery(v)
		require.Equal(t, wantErr, err, "%#v", v)
		assert.Equal(t, want, got, "%#v", v)
		assert.Equal(t, want.Encode(), got.Encode(), "%#v", v)
	}
	// The plan covers the SDK's own options; the others fall back.
	for _, v := range []any{WorkspaceListOptions{}, WorkspaceGetOptions{}, UserListOptions{}, queryAll{}} {
		assert.NotNil(t, queryPlanFor(reflectTypeOf(v)), "%T is planned", v)
	}
	for _, v := range []any{queryWithTime{}, queryWithStringer{}, queryWithEncoder{}, queryWithNested{}, queryWithFloat{}, queryWithEmbedPtr{}} {
		assert.Nil(t, queryPlanFor(reflectTypeOf(v)), "%T falls back to go-querystring", v)
	}
}

func reflectTypeOf(v any) reflect.Type { return reflect.TypeOf(v) }

func FuzzEncodeQuery(f *testing.F) {
	f.Add("a", "b,c", int64(-3), uint16(7), true, false, 2)
	f.Add("", "", int64(0), uint16(0), false, true, 0)
	f.Add("é&=?", " ", int64(1<<62), uint16(65535), true, true, 5)
	f.Fuzz(func(t *testing.T, s1, s2 string, n int64, u uint16, b1, b2 bool, count int) {
		count = min(max(count, 0), 8)
		list := make([]string, count)
		for i := range list {
			list[i] = s2
		}
		var ps *string
		if b2 {
			ps = &s1
		}
		v := &queryAll{S: s1, SOmit: s2, Kind: queryKind(s2), I: int(n), I8: int8(n), I64: n, U: uint(u), U16: u, B: b1, BOmit: b2, BInt: b1,
			PS: ps, PSOmit: ps, List: list, Comma: list, Semi: list, Brackets: list, Numbered: list, BrNum: list, Del: list, CommaDel: list,
			queryEmbedded: queryEmbedded{queryInner: queryInner{Inner: s1, InnerInt: int(u)}, Deep: s2}}
		want, err := query.Values(v)
		require.NoError(t, err)
		got, err := encodeQuery(v)
		require.NoError(t, err)
		require.Equal(t, want.Encode(), got.Encode())
	})
}
