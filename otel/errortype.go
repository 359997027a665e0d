package postmanotel

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strconv"
	"syscall"

	"github.com/postman-go/postman"
)

// The values of error.type for failures without an answer; an answer's
// failure is its status code ("404", "503"), as the conventions say.
const (
	ErrorTypeTimeout           = "timeout"            // a deadline ran out: the call's, an attempt's, or the limiter's
	ErrorTypeCanceled          = "canceled"           // the caller's context was cancelled
	ErrorTypeConnectionRefused = "connection_refused" // nothing listened
	ErrorTypeConnectionReset   = "connection_reset"   // the connection was cut before the answer ended
	ErrorTypeDNS               = "dns"                // the host name did not resolve
	ErrorTypeTLS               = "tls"                // a certificate or TLS handshake failure
	ErrorTypeResponseTooLarge  = "response_too_large" // postman.ErrResponseTooLarge
	ErrorTypeDecode            = "decode"             // a *postman.DecodeError
	ErrorTypeOther             = "_OTHER"             // anything else
)

// ErrorType returns the error.type of a request or call that ended with
// err and an answer of status: "" for success, the status code for an
// answer of 400 or more (or an *APIError), one of the ErrorType… values
// otherwise. Its values are few, so that metrics keep few series, and
// never quote the error's message.
func ErrorType(err error, status int) string {
	if err == nil {
		if status >= 400 {
			return strconv.Itoa(status)
		}
		return ""
	}
	var apiErr *postman.APIError
	var decErr *postman.DecodeError
	var netErr net.Error
	var dnsErr *net.DNSError
	var (
		unknownAuthority x509.UnknownAuthorityError
		hostname         x509.HostnameError
		invalid          x509.CertificateInvalidError
		verify           *tls.CertificateVerificationError
		recordHeader     tls.RecordHeaderError
		alert            tls.AlertError
	)
	switch {
	case errors.As(err, &apiErr):
		return strconv.Itoa(apiErr.StatusCode)
	case errors.As(err, &decErr):
		return ErrorTypeDecode
	case errors.Is(err, postman.ErrResponseTooLarge):
		return ErrorTypeResponseTooLarge
	case errors.Is(err, context.Canceled):
		return ErrorTypeCanceled
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return ErrorTypeTimeout
	case errors.Is(err, syscall.ECONNREFUSED):
		return ErrorTypeConnectionRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return ErrorTypeConnectionReset
	case errors.As(err, &dnsErr):
		return ErrorTypeDNS
	case errors.As(err, &unknownAuthority), errors.As(err, &hostname), errors.As(err, &invalid),
		errors.As(err, &verify), errors.As(err, &recordHeader), errors.As(err, &alert):
		return ErrorTypeTLS
	}
	return ErrorTypeOther
}

// Outcome returns the postman.outcome of a call that ended with err: one
// of the Outcome… values.
func Outcome(err error) string {
	if err == nil {
		return OutcomeSuccess
	}
	var apiErr *postman.APIError
	var decErr *postman.DecodeError
	switch {
	case errors.Is(err, postman.ErrQuotaExhausted):
		return OutcomeQuotaExhausted
	case errors.Is(err, postman.ErrRateLimited):
		return OutcomeRateLimited
	case errors.As(err, &apiErr):
		if apiErr.StatusCode >= 500 {
			return OutcomeServerError
		}
		return OutcomeClientError
	case errors.As(err, &decErr):
		return OutcomeDecodeError
	case errors.Is(err, context.Canceled):
		return OutcomeCanceled
	}
	if ErrorType(err, 0) == ErrorTypeTimeout {
		return OutcomeTimeout
	}
	return OutcomeTransportError
}
