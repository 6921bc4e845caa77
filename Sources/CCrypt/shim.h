#include <crypt.h>
#include <stdlib.h>
#include <string.h>

// Hashes `pin` with a fresh salt by the library's preferred method (yescrypt): NULL on failure.
// The result is malloc'd.
static inline char *ccrypt_hash_new(const char *pin) {
    char *salt = crypt_gensalt_ra(NULL, 0, NULL, 0);
    if (salt == NULL) return NULL;
    struct crypt_data *data = calloc(1, sizeof(struct crypt_data));
    if (data == NULL) { free(salt); return NULL; }
    char *hashed = crypt_r(pin, salt, data);
    char *result = (hashed != NULL && hashed[0] != '*') ? strdup(hashed) : NULL;
    free(salt);
    free(data);
    return result;
}

// 1 when `pin` hashes to `stored` (compared in constant time), 0 otherwise.
static inline int ccrypt_verify(const char *pin, const char *stored) {
    struct crypt_data *data = calloc(1, sizeof(struct crypt_data));
    if (data == NULL) return 0;
    char *hashed = crypt_r(pin, stored, data);
    int ok = 0;
    if (hashed != NULL && hashed[0] != '*') {
        size_t a = strlen(hashed), b = strlen(stored);
        unsigned char diff = (unsigned char)(a != b);
        for (size_t i = 0; i < a && i < b; i++) diff |= (unsigned char)(hashed[i] ^ stored[i]);
        ok = diff == 0;
    }
    explicit_bzero(data, sizeof(struct crypt_data));
    free(data);
    return ok;
}
