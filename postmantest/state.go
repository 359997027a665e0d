package postmantest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// state is everything the fake API stores; Server.mu guards it.
type state struct {
	user         User
	workspaces   []*Workspace // in creation order, as Postman lists them
	collections  []*storedCollection
	environments []*storedEnvironment
	globals      map[string][]any // workspace ID → global variables
	tasks        map[string]*task
	failTasks    string
	monitors     []*storedMonitor
	monitorRuns  map[string]int
	scimUsers    []*SCIMUser
	scimGroups   []*SCIMGroup

	mocks      []*storedMock
	comments   []*storedComment
	commentSeq int64 // the last comment or thread ID given out
	tags       map[taggedEntity][]string
	tagOrder   []taggedEntity // entities in the order they were first tagged
	specs      []*storedSpec
	apis       []*storedAPI

	// specGenerations are the generations of specs from collections, by
	// task ID.
	specGenerations map[string]specGeneration

	groupState
	billingState
	roleState
	collectionRoleState
	teamState
	analyticsState
	pullRequestState
	workspaceUpdateState
	activityState
	packageState
	componentState
	networkState
	oauthState
	sdkState
	webhookState
	postbotState
	accessKeyState
	docsState
	directoryState
	invitationState
	auditState
	runnerState
	secretState
}

func newState(u User) *state {
	st := &state{user: u, globals: map[string][]any{}, tasks: map[string]*task{}, monitorRuns: map[string]int{},
		tags: map[taggedEntity][]string{}, commentSeq: 46800}
	st.oauthState = newOAuthState()
	st.postbotState = postbotState{publicCollections: map[string]bool{}}
	st.secretState = newSecretState()
	st.docsState = docsState{docs: map[string]*publishedDocs{}}
	st.directoryState = directoryState{teamUsers: defaultTeamUsers(u)}
	st.auditState = auditState{auditActions: defaultAuditActions()}
	st.accessKeySeq = 680
	st.groupState = newGroupState()
	st.billingState = newBillingState(u)
	st.roleState = roleState{roles: map[string][]roleGrant{}}
	st.teamState = newTeamState(u)
	st.activityState = newActivityState()
	now := time.Now().UTC()
	st.workspaces = []*Workspace{
		{ID: newID(), Name: "My Workspace", Type: "personal", Visibility: "personal", About: "Personal workspace", CreatedBy: strconv.FormatInt(u.ID, 10), CreatedAt: now, UpdatedAt: now},
		{ID: newID(), Name: "Team Workspace", Type: "team", Visibility: "team", About: "Shared with the team", CreatedBy: strconv.FormatInt(u.ID, 10), CreatedAt: now, UpdatedAt: now},
	}
	return st
}

// newID returns a random ID in Postman's UUID layout.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return fmt.Sprintf("%s-%s-%s-%s-%s", h[:8], h[8:12], h[12:16], h[16:20], h[20:])
}

// uid is Postman's unique ID of an element: the owner's user ID, a dash,
// and the element's ID.
func (st *state) uid(id string) string { return strconv.FormatInt(st.user.ID, 10) + "-" + id }

func (st *state) workspace(idOrUID string) *Workspace { return byID(st.workspaces, idOrUID) }

// localID accepts an element's ID or its UID ("<owner>-<id>") and
// returns the ID, as Postman does for most endpoints.
func localID(idOrUID string) string {
	const uuidLen = 36
	if len(idOrUID) > uuidLen && idOrUID[len(idOrUID)-uuidLen-1] == '-' {
		return idOrUID[len(idOrUID)-uuidLen:]
	}
	return idOrUID
}
