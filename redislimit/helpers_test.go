package redislimit_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

// requireRedis skips t when there is no test Redis.
func requireRedis(t testing.TB) {
	t.Helper()
	if redisURL == "" {
		t.Skip("no Redis: install redis-server or set " + urlEnv)
	}
}

// newRedis returns a client of the test Redis, or skips t without one.
func newRedis(t testing.TB) *redis.Client {
	t.Helper()
	requireRedis(t)
	opts, err := redis.ParseURL(redisURL)
	require.NoError(t, err)
	return clientFor(t, opts)
}

// clientFor returns a Redis client closed at the end of t.
func clientFor(t testing.TB, opts *redis.Options) *redis.Client {
	rdb := redis.NewClient(opts)
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

// testPrefix is a key prefix of t's own, so parallel tests and earlier
// runs against the same Redis never share a bucket.
func testPrefix(t testing.TB) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "test-" + hex.EncodeToString(b[:]) + ":"
}

// keysWith returns every key of the test Redis containing s.
func keysWith(t testing.TB, rdb *redis.Client, s string) []string {
	t.Helper()
	var keys []string
	iter := rdb.Scan(context.Background(), 0, "*", 1000).Iterator()
	for iter.Next(context.Background()) {
		if strings.Contains(iter.Val(), s) {
			keys = append(keys, iter.Val())
		}
	}
	require.NoError(t, iter.Err())
	return keys
}

// logRecords is a slog sink the tests read back.
type logRecords struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logRecords) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// lines returns the records logged so far, one text line each.
func (l *logRecords) lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.FieldsFunc(l.buf.String(), func(r rune) bool { return r == '\n' })
}

func (l *logRecords) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// proxyMode is how a redisProxy treats connections.
type proxyMode int

const (
	forward proxyMode = iota // relay to the test Redis
	refuse                   // close every connection at once
	stall                    // accept, read, never answer
)

// redisProxy stands between a client and the test Redis, so that a test
// can take Redis down, make it hang, and bring it back.
type redisProxy struct {
	ln     net.Listener
	target string

	mu    sync.Mutex
	mode  proxyMode
	conns map[net.Conn]bool
	wg    sync.WaitGroup
}

// newProxy starts a proxy to the test Redis (skipping t without one), or
// to nowhere when target is "".
func newProxy(t testing.TB, target string) *redisProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &redisProxy{ln: ln, target: target, conns: map[net.Conn]bool{}}
	if target == "" {
		p.mode = refuse
	}
	p.wg.Go(p.serve)
	t.Cleanup(func() {
		_ = ln.Close()
		p.setMode(refuse)
		p.wg.Wait()
	})
	return p
}

// proxyToRedis is newProxy to the test Redis.
func proxyToRedis(t testing.TB) *redisProxy {
	t.Helper()
	requireRedis(t)
	opts, err := redis.ParseURL(redisURL)
	require.NoError(t, err)
	return newProxy(t, opts.Addr)
}

func (p *redisProxy) addr() string { return p.ln.Addr().String() }

// client returns a Redis client that goes through the proxy, with short
// timeouts so that commands stalled by the proxy end within the test. It
// retries a command once, as go-redis does by default (three times): a
// connection the proxy closed while switching modes may still be pooled.
func (p *redisProxy) client(t testing.TB) *redis.Client {
	return clientFor(t, &redis.Options{Addr: p.addr(), ReadTimeout: 300 * time.Millisecond,
		WriteTimeout: 300 * time.Millisecond, DialTimeout: 300 * time.Millisecond, MaxRetries: 1})
}

// setMode switches the mode and closes the connections of the old one.
func (p *redisProxy) setMode(m proxyMode) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mode = m
	for c := range p.conns {
		_ = c.Close()
	}
	clear(p.conns)
}

func (p *redisProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		mode := p.mode
		if mode != refuse {
			p.conns[c] = true
		}
		p.mu.Unlock()
		switch mode {
		case refuse:
			_ = c.Close()
		case stall:
			p.wg.Go(func() { _, _ = io.Copy(io.Discard, c) })
		case forward:
			p.wg.Go(func() { p.relay(c) })
		}
	}
}

func (p *redisProxy) relay(c net.Conn) {
	defer c.Close()
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer up.Close()
	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(up, c)
		_ = up.Close()
		close(done)
	}()
	_, _ = io.Copy(c, up)
	_ = c.Close()
	<-done
}
