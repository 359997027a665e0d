package postmantest

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// accessKeyState is the collection access keys; accessKeySeq is the last
// key number given out. accessKeysMu guards both: the keys authorize
// requests before any handler runs, where s.mu may be held already (lock
// order: s.mu, then accessKeysMu).
type accessKeyState struct {
	accessKeysMu sync.Mutex
	accessKeys   []*accessKey
	accessKeySeq int64
}

func newAccessKeyState() accessKeyState { return accessKeyState{accessKeySeq: 680} }

func (s *Server) routeAccessKeys() {
	s.mux.HandleFunc("GET /collection-access-keys", s.listAccessKeys)
	s.mux.HandleFunc("DELETE /collection-access-keys/{keyId}", s.deleteAccessKey)
}

// CollectionAccessKey is a read-only collection access key (PMAT-…)
// stored by the fake API. GET /collections/{id}?access_key=<Token> reads
// the collection with it instead of an API key, which records the use.
type CollectionAccessKey struct {
	// ID is given out by AddCollectionAccessKey.
	ID string
	// Token is the key itself; AddCollectionAccessKey generates one when
	// empty. The list endpoint shows it masked.
	Token string
	// CollectionID is the ID (or UID) of the collection it opens.
	CollectionID string
	// UserID is its owner (default: the server's user).
	UserID    int64
	CreatedAt time.Time
	// ExpiresAt defaults to 60 days after CreatedAt; each use pushes it to
	// 60 days after the use.
	ExpiresAt time.Time
	// LastUsedAt is zero until the key is used.
	LastUsedAt time.Time
	// RevokedAt is set by DELETE /collection-access-keys/{keyId}.
	RevokedAt time.Time
}

// accessKeyLifetime is how long a key lives after its creation or last use.
const accessKeyLifetime = 60 * 24 * time.Hour

// accessKeyPage is the page size of GET /collection-access-keys, which
// takes no limit; Postman's cursors ("offset=10&limit=10") show 10.
const accessKeyPage = 10

type accessKey struct {
	CollectionAccessKey
	updatedAt time.Time
}

func (k *accessKey) active(now time.Time) bool {
	return k.RevokedAt.IsZero() && now.Before(k.ExpiresAt)
}

// AddCollectionAccessKey stores an access key of a collection and returns
// it with its ID and token filled in. It panics when the collection does
// not exist, since that is a mistake in the calling test.
func (s *Server) AddCollectionAccessKey(k CollectionAccessKey) CollectionAccessKey {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.state.collection(k.CollectionID)
	if c == nil {
		panic("postmantest: AddCollectionAccessKey: no collection " + k.CollectionID)
	}
	m := &s.state.accessKeyState
	m.accessKeysMu.Lock()
	defer m.accessKeysMu.Unlock()
	m.accessKeySeq++
	// Postman's key IDs are base64 of "<number>:<UID>".
	k.ID = base64.StdEncoding.EncodeToString([]byte(strconv.FormatInt(m.accessKeySeq, 10) + ":" + s.state.uid(newID())))
	k.CollectionID = c.id
	if k.Token == "" {
		k.Token = "PMAT-" + randomChars(crockford, 26)
	}
	if k.UserID == 0 {
		k.UserID = s.state.user.ID
	}
	if k.CreatedAt.IsZero() {
		k.CreatedAt = time.Now().UTC()
	}
	if k.ExpiresAt.IsZero() {
		k.ExpiresAt = k.CreatedAt.Add(accessKeyLifetime)
	}
	m.accessKeys = append(m.accessKeys, &accessKey{CollectionAccessKey: k, updatedAt: k.CreatedAt})
	return k
}

// CollectionAccessKeys returns the stored access keys, revoked ones
// included, in the order they were added.
func (s *Server) CollectionAccessKeys() []CollectionAccessKey {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.accessKeyState
	m.accessKeysMu.Lock()
	defer m.accessKeysMu.Unlock()
	out := make([]CollectionAccessKey, len(m.accessKeys))
	for i, k := range m.accessKeys {
		out[i] = k.CollectionAccessKey
	}
	return out
}

// crockford is Crockford's base32 alphabet, the look of Postman's PMAT
// tokens.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// randomChars returns n random characters of alphabet.
func randomChars(alphabet string, n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// accessKeyAuthorized decides the requests that carry a collection access
// key: GET /collections/{id}?access_key=… needs no API key then, and the
// key alone decides, so a revoked or expired key is refused even next to a
// valid API key (the description: "Using this query parameter does not
// require an API key"). A use moves the key's expiry 60 days on.
func (s *Server) accessKeyAuthorized(r *http.Request) (ok, decided bool) {
	token := r.URL.Query().Get("access_key")
	id, isCollection := strings.CutPrefix(r.URL.Path, "/collections/")
	if token == "" || r.Method != http.MethodGet || !isCollection || id == "" || strings.Contains(id, "/") {
		return false, false
	}
	// s.mu may be held (mock calls), or not; s.state never changes and
	// accessKeysMu guards the keys.
	m := &s.state.accessKeyState
	m.accessKeysMu.Lock()
	defer m.accessKeysMu.Unlock()
	now := time.Now().UTC()
	for _, k := range m.accessKeys {
		if k.Token == token && k.CollectionID == localID(id) && k.active(now) {
			k.LastUsedAt, k.ExpiresAt, k.updatedAt = now, now.Add(accessKeyLifetime), now
			return true, true
		}
	}
	return false, true
}

// maskToken shows the last four characters of a key, as the list does.
func maskToken(token string) string {
	prefix, rest, ok := strings.Cut(token, "-")
	if !ok {
		prefix, rest = "", token
	} else {
		prefix += "-"
	}
	if len(rest) <= 4 {
		return prefix + rest
	}
	return prefix + strings.Repeat("*", len(rest)-4) + rest[len(rest)-4:]
}

func (st *state) accessKeyBody(k *accessKey) map[string]any {
	status, deleted, lastUsed := "ACTIVE", any(nil), ""
	if !k.active(time.Now()) {
		status = "INACTIVE"
	}
	if !k.RevokedAt.IsZero() {
		deleted = k.RevokedAt.Format(postmanTime)
	}
	if !k.LastUsedAt.IsZero() {
		lastUsed = k.LastUsedAt.Format(postmanTime)
	}
	return map[string]any{"id": k.ID, "token": maskToken(k.Token), "status": status, "teamId": st.user.TeamID,
		"userId": k.UserID, "collectionId": st.uid(k.CollectionID), "expiresAfter": k.ExpiresAt.Format(postmanTime),
		"lastUsedAt": lastUsed, "createdAt": k.CreatedAt.Format(postmanTime), "updatedAt": k.updatedAt.Format(postmanTime),
		"deletedAt": deleted}
}

// listAccessKeys answers a page of 10 keys, revoked ones included (their
// deletedAt says when), with the cursors of the next and previous pages.
func (s *Server) listAccessKeys(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, bad := readPage(q, accessKeyPage, 0)
	if bad != "" {
		problem(w, http.StatusBadRequest, "bad-request", "Malformed request", bad)
		return
	}
	page.limit = accessKeyPage // the endpoint takes no limit
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.accessKeyState
	m.accessKeysMu.Lock()
	defer m.accessKeysMu.Unlock()
	var data []map[string]any
	for _, k := range m.accessKeys {
		if c := q.Get("collectionId"); c != "" && localID(c) != k.CollectionID {
			continue
		}
		data = append(data, s.state.accessKeyBody(k))
	}
	items, next := pageOf(page, data)
	prev := ""
	if page.offset > 0 {
		prev = encodeCursor(max(0, page.offset-accessKeyPage))
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": items, "meta": map[string]any{"nextCursor": next, "prevCursor": prev}})
}

// deleteAccessKey revokes a key; it stays listed, INACTIVE with its
// deletedAt, and a second revocation finds no key.
func (s *Server) deleteAccessKey(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.state.accessKeyState
	m.accessKeysMu.Lock()
	defer m.accessKeysMu.Unlock()
	i := slices.IndexFunc(m.accessKeys, func(k *accessKey) bool { return k.ID == r.PathValue("keyId") && k.RevokedAt.IsZero() })
	if i < 0 {
		problem(w, http.StatusNotFound, "not-found", "Not Found", "The key was not found")
		return
	}
	now := time.Now().UTC()
	m.accessKeys[i].RevokedAt, m.accessKeys[i].updatedAt = now, now
	w.WriteHeader(http.StatusNoContent)
}
