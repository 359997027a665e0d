package postmantest

import (
	"strconv"
	"strings"
	"time"
)

// cronSchedule is a parsed monitor cron pattern: the minutes, hours, days
// of the month, months and days of the week it allows.
type cronSchedule struct {
	minute, hour, dom, month, dow [61]bool
	// anyDOM and anyDOW record a "*" day field: cron runs on the days
	// either field allows only when both are restricted.
	anyDOM, anyDOW bool
}

// parseCron reads the five fields of a cron pattern (minute hour
// day-of-month month day-of-week; numbers, "*", ranges, lists and steps).
// A sixth field is ignored: getMonitor's example pairs "0 0 * * * *" in
// America/Chicago with a nextRun at local midnight, so the first five
// fields are the usual ones.
func parseCron(pattern string) (*cronSchedule, bool) {
	fields := strings.Fields(pattern)
	if len(fields) != 5 && len(fields) != 6 {
		return nil, false
	}
	var c cronSchedule
	for i, f := range []struct {
		set      *[61]bool
		min, max int
	}{{&c.minute, 0, 59}, {&c.hour, 0, 23}, {&c.dom, 1, 31}, {&c.month, 1, 12}, {&c.dow, 0, 7}} {
		if !parseCronField(fields[i], f.min, f.max, f.set) {
			return nil, false
		}
	}
	c.dow[0] = c.dow[0] || c.dow[7] // 7 is Sunday too
	c.anyDOM, c.anyDOW = fields[2] == "*", fields[4] == "*"
	return &c, true
}

// parseCronField marks in set the values one field allows.
func parseCronField(field string, lo, hi int, set *[61]bool) bool {
	for part := range strings.SplitSeq(field, ",") {
		rng, stepText, hasStep := strings.Cut(part, "/")
		step := 1
		if hasStep {
			n, err := strconv.Atoi(stepText)
			if err != nil || n < 1 {
				return false
			}
			step = n
		}
		from, to := lo, hi
		if rng != "*" {
			a, b, isRange := strings.Cut(rng, "-")
			var err error
			if from, err = strconv.Atoi(a); err != nil {
				return false
			}
			to = from
			if isRange {
				if to, err = strconv.Atoi(b); err != nil {
					return false
				}
			} else if hasStep {
				to = hi
			}
		}
		if from < lo || to > hi || from > to {
			return false
		}
		for v := from; v <= to; v += step {
			set[v] = true
		}
	}
	return true
}

func (c *cronSchedule) dayMatches(t time.Time) bool {
	dom, dow := c.dom[t.Day()], c.dow[int(t.Weekday())]
	if c.anyDOM || c.anyDOW {
		return dom && dow
	}
	return dom || dow
}

// next returns the first minute after after that the schedule allows, in
// loc, and false when there is none within five years (a pattern such as
// "0 0 31 2 *").
func (c *cronSchedule) next(after time.Time, loc *time.Location) (time.Time, bool) {
	t := after.In(loc).Truncate(time.Minute).Add(time.Minute)
	for limit := t.AddDate(5, 0, 0); t.Before(limit); {
		switch {
		case !c.month[int(t.Month())]:
			t = time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, loc)
		case !c.dayMatches(t):
			t = time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, loc)
		case !c.hour[t.Hour()]:
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour()+1, 0, 0, 0, loc)
		case !c.minute[t.Minute()]:
			t = t.Add(time.Minute)
		default:
			return t, true
		}
	}
	return time.Time{}, false
}

// nextRun is when a monitor's schedule runs it next, and false when its
// pattern or time zone cannot be read or allows no time. An unknown or
// empty time zone is read as UTC.
func nextRun(cron, timezone string, now time.Time) (time.Time, bool) {
	c, ok := parseCron(cron)
	if !ok {
		return time.Time{}, false
	}
	loc, err := time.LoadLocation(timezone)
	if err != nil {
		loc = time.UTC
	}
	return c.next(now, loc)
}
