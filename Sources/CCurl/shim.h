#include <curl/curl.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's curl_easy_setopt is variadic, which Swift cannot call: one request is made here,
// whole, and Swift sees a plain function.
//
// libcurl is loaded when the first request is made, not when Workshop starts: with the TLS and
// protocol libraries it pulls in (about thirty) it took a quarter of every start-up to map and
// link, for a program that sends a request only when a shop reports to the national record.

typedef struct {
    int tried;
    void *library;
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*slist_free_all)(struct curl_slist *);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    char missing[256];
} ccurl_library;

// The one loaded library, held in a function (Swift imports a header's functions, not its variables).
static inline ccurl_library *ccurl_state(void) {
    static ccurl_library state;
    return &state;
}
#define ccurl_lib (*ccurl_state())

// Loads libcurl and its functions, once; 0 when they are not all there (ccurl_lib.missing says why).
static inline int ccurl_load(void) {
    if (ccurl_lib.tried) return ccurl_lib.library != NULL;
    ccurl_lib.tried = 1;
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(ccurl_lib.missing, sizeof ccurl_lib.missing, "libcurl not loaded: %s", dlerror());
        return 0;
    }
#define CCURL_FIND(field, name) \
    *(void **)(&ccurl_lib.field) = dlsym(library, name); \
    if (ccurl_lib.field == NULL) { \
        snprintf(ccurl_lib.missing, sizeof ccurl_lib.missing, "libcurl has no %s", name); \
        return 0; \
    }
    CCURL_FIND(global_init, "curl_global_init")
    CCURL_FIND(easy_init, "curl_easy_init")
    CCURL_FIND(slist_append, "curl_slist_append")
    CCURL_FIND(easy_setopt, "curl_easy_setopt")
    CCURL_FIND(easy_perform, "curl_easy_perform")
    CCURL_FIND(easy_getinfo, "curl_easy_getinfo")
    CCURL_FIND(slist_free_all, "curl_slist_free_all")
    CCURL_FIND(easy_cleanup, "curl_easy_cleanup")
    CCURL_FIND(easy_strerror, "curl_easy_strerror")
#undef CCURL_FIND
    ccurl_lib.library = library;
    return 1;
}

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

static inline void ccurl_global_init(void) {
    if (ccurl_load()) ccurl_lib.global_init(CURL_GLOBAL_DEFAULT);
}

// Sends one request. `body` may be NULL (no body). Returns libcurl's result code; the HTTP status
// in *status, the answer in *answer (free it with ccurl_free), libcurl's message in `error`
// (CURL_ERROR_SIZE bytes). TLS peers and host names are verified (libcurl's default, kept).
static inline int ccurl_send(const char *method, const char *url, const char *content_type,
                             const char *body, size_t body_length,
                             long connect_timeout_ms, long timeout_ms,
                             long *status, ccurl_buffer *answer, char *error) {
    if (!ccurl_load()) {
        snprintf(error, CURL_ERROR_SIZE, "%s", ccurl_lib.missing);
        return CURLE_FAILED_INIT;
    }
    CURL *curl = ccurl_lib.easy_init();
    if (curl == NULL) return CURLE_FAILED_INIT;
    struct curl_slist *headers = NULL;
    char header[256];
    if (content_type != NULL) {
        snprintf(header, sizeof header, "Content-Type: %s", content_type);
        headers = ccurl_lib.slist_append(headers, header);
    }
    headers = ccurl_lib.slist_append(headers, "Accept: application/json");
    headers = ccurl_lib.slist_append(headers, "Expect:");   // no 100-continue round trip
    error[0] = 0;
    ccurl_lib.easy_setopt(curl, CURLOPT_URL, url);
    ccurl_lib.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    ccurl_lib.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (body != NULL) {
        ccurl_lib.easy_setopt(curl, CURLOPT_POSTFIELDS, body);
        ccurl_lib.easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body_length);
    }
    ccurl_lib.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
    ccurl_lib.easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    ccurl_lib.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);        // no SIGALRM in a threaded program
    ccurl_lib.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    ccurl_lib.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    ccurl_lib.easy_setopt(curl, CURLOPT_WRITEFUNCTION, ccurl_append);
    ccurl_lib.easy_setopt(curl, CURLOPT_WRITEDATA, answer);
    ccurl_lib.easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    CURLcode result = ccurl_lib.easy_perform(curl);
    ccurl_lib.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    ccurl_lib.slist_free_all(headers);
    ccurl_lib.easy_cleanup(curl);
    return (int)result;
}

static inline void ccurl_free(ccurl_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
}

static inline const char *ccurl_describe(int code) {
    return ccurl_load() ? ccurl_lib.easy_strerror((CURLcode)code) : ccurl_lib.missing;
}

static inline int ccurl_timed_out(int code) { return code == CURLE_OPERATION_TIMEDOUT; }
static inline int ccurl_unreachable(int code) {
    return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY;
}
static inline int ccurl_tls_failure(int code) {
    return code == CURLE_SSL_CONNECT_ERROR || code == CURLE_PEER_FAILED_VERIFICATION
        || code == CURLE_SSL_CERTPROBLEM || code == CURLE_SSL_CACERT_BADFILE;
}
