package redislimit_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/goleak"
)

// redisURL is the Redis the tests use: REDISLIMIT_TEST_URL (.ci/run
// starts one), else a redis-server the tests start from PATH on a free
// port, else none and the tests that need one skip.
var redisURL string

// urlEnv names the Redis that .ci/run provides; when it is set, the tests
// never skip: a Redis that does not answer fails them.
const urlEnv = "REDISLIMIT_TEST_URL"

func TestMain(m *testing.M) {
	stop, err := findRedis()
	if err != nil {
		fmt.Fprintln(os.Stderr, "redislimit:", err)
		os.Exit(1)
	}
	// The package example reads REDIS_URL, as a CI job would. Without a
	// test Redis it gets an address where nothing listens, and runs all
	// the same, through the in-process fallback.
	example := redisURL
	if example == "" {
		example = "redis://127.0.0.1:1/0"
	}
	os.Setenv("REDIS_URL", example)
	code := m.Run()
	stop()
	if code == 0 {
		if err := goleak.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "goleak:", err)
			code = 1
		}
	}
	os.Exit(code)
}

func findRedis() (stop func(), err error) {
	if url := os.Getenv(urlEnv); url != "" {
		redisURL = url
		return func() {}, ping(url, 10*time.Second)
	}
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		fmt.Fprintln(os.Stderr, "redislimit: no redis-server on PATH and no "+urlEnv+": the tests that need Redis skip")
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop = func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	redisURL = fmt.Sprintf("redis://127.0.0.1:%d/0", port)
	if err := ping(redisURL, 10*time.Second); err != nil {
		stop()
		return nil, err
	}
	return stop, nil
}

// ping waits until the Redis at url answers.
func ping(url string, within time.Duration) error {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return err
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	deadline := time.Now().Add(within)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := rdb.Ping(ctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("Redis at %s does not answer: %w", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
