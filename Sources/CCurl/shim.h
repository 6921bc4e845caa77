#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's curl_easy_setopt is variadic, which Swift cannot call: one request is made here,
// whole, and Swift sees a plain function.

typedef struct {
    char *data;
    size_t size;
} ccurl_buffer;

static size_t ccurl_append(char *bytes, size_t size, size_t count, void *target) {
    ccurl_buffer *buffer = (ccurl_buffer *)target;
    size_t length = size * count;
    char *grown = realloc(buffer->data, buffer->size + length + 1);
    if (grown == NULL) return 0;                 // libcurl then fails the transfer: no silent truncation
    memcpy(grown + buffer->size, bytes, length);
    buffer->data = grown;
    buffer->size += length;
    buffer->data[buffer->size] = 0;
    return length;
}

static inline void ccurl_global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

// Sends one request. `body` may be NULL (no body). Returns libcurl's result code; the HTTP status
// in *status, the answer in *answer (free it with ccurl_free), libcurl's message in `error`
// (CURL_ERROR_SIZE bytes). TLS peers and host names are verified (libcurl's default, kept).
static inline int ccurl_send(const char *method, const char *url, const char *content_type,
                             const char *body, size_t body_length,
                             long connect_timeout_ms, long timeout_ms,
                             long *status, ccurl_buffer *answer, char *error) {
    CURL *curl = curl_easy_init();
    if (curl == NULL) return CURLE_FAILED_INIT;
    struct curl_slist *headers = NULL;
    char header[256];
    if (content_type != NULL) {
        snprintf(header, sizeof header, "Content-Type: %s", content_type);
        headers = curl_slist_append(headers, header);
    }
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, "Expect:");   // no 100-continue round trip
    error[0] = 0;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (body != NULL) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body_length);
    }
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);        // no SIGALRM in a threaded program
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, ccurl_append);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, answer);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    CURLcode result = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return (int)result;
}

static inline void ccurl_free(ccurl_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
}

static inline const char *ccurl_describe(int code) { return curl_easy_strerror((CURLcode)code); }

static inline int ccurl_timed_out(int code) { return code == CURLE_OPERATION_TIMEDOUT; }
static inline int ccurl_unreachable(int code) {
    return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY;
}
static inline int ccurl_tls_failure(int code) {
    return code == CURLE_SSL_CONNECT_ERROR || code == CURLE_PEER_FAILED_VERIFICATION
        || code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_CACERT_BADFILE;
}
