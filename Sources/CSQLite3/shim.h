// The pre-update hook is declared only when this is defined; Debian's libsqlite3 is built with it
// (Workshop seals the rows each write transaction changes through it).
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot see it.
static inline sqlite3_destructor_type csqlite3_transient(void) { return SQLITE_TRANSIENT; }

static inline int csqlite3_bind_text(sqlite3_stmt *stmt, int index, const char *text, int bytes) {
    return sqlite3_bind_text(stmt, index, text, bytes, SQLITE_TRANSIENT);
}

static inline void csqlite3_result_text(sqlite3_context *context, const unsigned char *text, int bytes) {
    sqlite3_result_text(context, (const char *)text, bytes, SQLITE_TRANSIENT);
}
