package postmantest

import "time"

// taskState is the asynchronous tasks by ID, and the reason the tasks
// started from now on fail with ("" when they succeed; see FailTasks).
type taskState struct {
	tasks     map[string]*task
	failTasks string
}

func newTaskState() taskState { return taskState{tasks: map[string]*task{}} }

// WithTaskDelay makes asynchronous tasks (collection updates and
// duplicates, merges, generations, API migrations to Spec Hub …) report
// "in progress" for d before they complete (default: complete at once).
func WithTaskDelay(d time.Duration) Option {
	return func(c *config) { c.taskDelay = d }
}

// task is an asynchronous task; its effect is applied when it is created
// and it reports done once its time has come.
type task struct {
	id     string
	doneAt time.Time
	failed string // a failure reason, if the task fails
}

func (st *state) newTask(delay time.Duration) *task {
	return st.addTask(newID(), delay)
}

// addTask registers a task with the given ID.
func (st *state) addTask(id string, delay time.Duration) *task {
	t := &task{id: id, doneAt: time.Now().Add(delay)}
	st.tasks[t.id] = t
	return t
}

func (t *task) done() bool { return !time.Now().Before(t.doneAt) }

// FailTasks makes every collection duplication, collection merge,
// collection or spec generation, synchronisation between a spec and a
// collection, and API migration to Spec Hub started from now on end in
// failure with reason, without its effect; an empty reason lets them
// succeed again.
func (s *Server) FailTasks(reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.failTasks = reason
}
