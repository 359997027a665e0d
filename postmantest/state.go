package postmantest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
)

// state is everything the fake API stores: the authenticated user, and
// one struct per area, each declared in the file that serves the area.
// Server.mu guards it; the areas read without s.mu (accessKeyState,
// oauthState) say how they are guarded. A server keeps its state for its
// lifetime.
type state struct {
	user User

	workspaceState
	tagState
	collectionState
	commentState
	environmentState
	taskState
	mockState
	monitorState
	specState
	specGenerationState
	apiState
	scimUserState
	scimGroupState
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
	return &state{
		user:           u,
		workspaceState: newWorkspaceState(u),
		tagState:       newTagState(),
		commentState:   newCommentState(),
		taskState:      newTaskState(),
		monitorState:   newMonitorState(),
		groupState:     newGroupState(),
		billingState:   newBillingState(u),
		roleState:      newRoleState(),
		teamState:      newTeamState(u),
		activityState:  newActivityState(),
		oauthState:     newOAuthState(),
		postbotState:   newPostbotState(),
		accessKeyState: newAccessKeyState(),
		docsState:      newDocsState(),
		directoryState: newDirectoryState(u),
		auditState:     newAuditState(),
		secretState:    newSecretState(),
	}
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

// localID accepts an element's ID or its UID ("<owner>-<id>") and
// returns the ID, as Postman does for most endpoints.
func localID(idOrUID string) string {
	const uuidLen = 36
	if len(idOrUID) > uuidLen && idOrUID[len(idOrUID)-uuidLen-1] == '-' {
		return idOrUID[len(idOrUID)-uuidLen:]
	}
	return idOrUID
}
