package postman

import (
	"fmt"
	"strings"
)

// checkKey refuses, in NewClient and WithSCIMKey, a key that no request
// could carry: empty, blank, or holding a control character (a line
// break read along with it from a file, a NUL). net/http would refuse
// every request that carries it, after the limiter and the retries had
// been spent on each. The message never repeats the key.
func checkKey(what, key string) error {
	if strings.TrimSpace(key) == "" {
		return fmt.Errorf("%w: the %s is empty", ErrInvalidArgument, what)
	}
	for i := 0; i < len(key); i++ {
		if b := key[i]; b < 0x20 || b == 0x7f {
			return fmt.Errorf("%w: the %s holds a control character at byte %d (a line break read with it?)", ErrInvalidArgument, what, i)
		}
	}
	if strings.TrimSpace(key) != key {
		return fmt.Errorf("%w: the %s starts or ends with a space", ErrInvalidArgument, what)
	}
	return nil
}
