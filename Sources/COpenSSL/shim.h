// The few functions of OpenSSL's libcrypto Workshop uses (SHA-256 for the journal's chain and the
// row seals), under their own names. libcrypto is loaded when the first digest is made, not when
// Workshop starts: mapping and linking it took a twentieth of every start-up, and most commands
// that start Workshop (a read, `quit`) never hash anything.
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct evp_md_ctx_st EVP_MD_CTX;
typedef struct evp_md_st EVP_MD;
typedef struct ossl_lib_ctx_st OSSL_LIB_CTX;
typedef struct engine_st ENGINE;

#define SHA256_DIGEST_LENGTH 32
#define EVP_MAX_MD_SIZE 64

typedef struct {
    EVP_MD_CTX *(*md_ctx_new)(void);
    void (*md_ctx_free)(EVP_MD_CTX *);
    EVP_MD *(*md_fetch)(OSSL_LIB_CTX *, const char *, const char *);
    void (*md_free)(EVP_MD *);
    int (*digest_init_ex)(EVP_MD_CTX *, const EVP_MD *, ENGINE *);
    int (*digest_update)(EVP_MD_CTX *, const void *, size_t);
    int (*digest_final_ex)(EVP_MD_CTX *, unsigned char *, unsigned int *);
    unsigned char *(*sha256)(const unsigned char *, size_t, unsigned char *);
} cssl_library;

static inline cssl_library *cssl_state(void) {
    static cssl_library state;
    return &state;
}

static inline void cssl_load_once(void) {
    // Debian 12's libssl3: the library the program was linked against before it was loaded here.
    void *library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "workshop: cannot load libcrypto.so.3 (OpenSSL 3): %s\n", dlerror());
        abort();
    }
    cssl_library *l = cssl_state();
#define CSSL_FIND(field, name) \
    *(void **)(&l->field) = dlsym(library, name); \
    if (l->field == NULL) { fprintf(stderr, "workshop: libcrypto.so.3 has no %s\n", name); abort(); }
    CSSL_FIND(md_ctx_new, "EVP_MD_CTX_new")
    CSSL_FIND(md_ctx_free, "EVP_MD_CTX_free")
    CSSL_FIND(md_fetch, "EVP_MD_fetch")
    CSSL_FIND(md_free, "EVP_MD_free")
    CSSL_FIND(digest_init_ex, "EVP_DigestInit_ex")
    CSSL_FIND(digest_update, "EVP_DigestUpdate")
    CSSL_FIND(digest_final_ex, "EVP_DigestFinal_ex")
    CSSL_FIND(sha256, "SHA256")
#undef CSSL_FIND
}

static inline cssl_library *cssl(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, cssl_load_once);
    return cssl_state();
}

static inline EVP_MD_CTX *EVP_MD_CTX_new(void) { return cssl()->md_ctx_new(); }
static inline void EVP_MD_CTX_free(EVP_MD_CTX *ctx) { cssl()->md_ctx_free(ctx); }
static inline EVP_MD *EVP_MD_fetch(OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties) {
    return cssl()->md_fetch(ctx, algorithm, properties);
}
static inline void EVP_MD_free(EVP_MD *md) { cssl()->md_free(md); }
static inline int EVP_DigestInit_ex(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl) {
    return cssl()->digest_init_ex(ctx, type, impl);
}
static inline int EVP_DigestUpdate(EVP_MD_CTX *ctx, const void *data, size_t count) {
    return cssl()->digest_update(ctx, data, count);
}
static inline int EVP_DigestFinal_ex(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *size) {
    return cssl()->digest_final_ex(ctx, md, size);
}
static inline unsigned char *SHA256(const unsigned char *data, size_t count, unsigned char *md) {
    return cssl()->sha256(data, count, md);
}
