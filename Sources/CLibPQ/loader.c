// The libpq functions the Postgres adapter calls, forwarding to libpq.so.5 loaded at the first
// connection (see clibpq.h for why). Each definition is checked against libpq-fe.h's declaration
// by the compiler, so a signature cannot drift from the library's.
#include "clibpq.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

static void *library;
static const char *load_error;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

#define FUNCTIONS(X) \
    X(PQconnectdb) X(PQfinish) X(PQstatus) X(PQerrorMessage) X(PQsetNoticeProcessor) \
    X(PQsetClientEncoding) X(PQserverVersion) X(PQtransactionStatus) X(PQconninfoParse) \
    X(PQconninfoFree) X(PQfreemem) X(PQexec) X(PQprepare) X(PQexecPrepared) X(PQclear) \
    X(PQresultStatus) X(PQresultErrorField) X(PQresultErrorMessage) X(PQcmdStatus) \
    X(PQcmdTuples) X(PQntuples) X(PQnfields) X(PQfname) X(PQftype) X(PQgetvalue) \
    X(PQgetlength) X(PQgetisnull) X(PQputCopyData) X(PQputCopyEnd) X(PQgetResult) X(PQsendQuery)

// Pipeline mode (libpq 14 and later): statements sent one after another and their answers read
// after, one round trip for all. Optional: an older libpq loads all the same, and the adapter
// runs the statements one by one (workshop_libpq_has_pipeline).
#define OPTIONAL_FUNCTIONS(X) \
    X(PQenterPipelineMode) X(PQexitPipelineMode) X(PQpipelineSync) X(PQsendQueryPrepared)

// One pointer per function, named real_<function>, typed from libpq's own declaration.
#define POINTER(name) static __typeof__(&name) real_##name;
FUNCTIONS(POINTER)
OPTIONAL_FUNCTIONS(POINTER)

static void load(void) {
    library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        load_error = dlerror();
        if (load_error == NULL) load_error = "libpq.so.5 could not be loaded";
        return;
    }
    // dlsym on the library's handle finds the library's own definition, never these forwarders.
#define RESOLVE(name) \
    real_##name = (__typeof__(&name))dlsym(library, #name); \
    if (real_##name == NULL) { load_error = "libpq.so.5 lacks " #name; return; }
    FUNCTIONS(RESOLVE)
#undef RESOLVE
#define RESOLVE_OPTIONAL(name) real_##name = (__typeof__(&name))dlsym(library, #name);
    OPTIONAL_FUNCTIONS(RESOLVE_OPTIONAL)
#undef RESOLVE_OPTIONAL
}

int workshop_libpq_has_pipeline(void) {
    return real_PQenterPipelineMode != NULL && real_PQexitPipelineMode != NULL && real_PQpipelineSync != NULL
        && real_PQsendQueryPrepared != NULL;
}

const char *workshop_libpq_load(void) {
    pthread_once(&load_once, load);
    return load_error;
}

PGconn *PQconnectdb(const char *conninfo) { return real_PQconnectdb(conninfo); }
void PQfinish(PGconn *conn) { real_PQfinish(conn); }
ConnStatusType PQstatus(const PGconn *conn) { return real_PQstatus(conn); }
char *PQerrorMessage(const PGconn *conn) { return real_PQerrorMessage(conn); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg) {
    return real_PQsetNoticeProcessor(conn, proc, arg);
}
int PQsetClientEncoding(PGconn *conn, const char *encoding) { return real_PQsetClientEncoding(conn, encoding); }
int PQserverVersion(const PGconn *conn) { return real_PQserverVersion(conn); }
PGTransactionStatusType PQtransactionStatus(const PGconn *conn) { return real_PQtransactionStatus(conn); }
PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg) { return real_PQconninfoParse(conninfo, errmsg); }
void PQconninfoFree(PQconninfoOption *connOptions) { real_PQconninfoFree(connOptions); }
void PQfreemem(void *ptr) { real_PQfreemem(ptr); }
PGresult *PQexec(PGconn *conn, const char *query) { return real_PQexec(conn, query); }
PGresult *PQprepare(PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes) {
    return real_PQprepare(conn, stmtName, query, nParams, paramTypes);
}
PGresult *PQexecPrepared(PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues,
                         const int *paramLengths, const int *paramFormats, int resultFormat) {
    return real_PQexecPrepared(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat);
}
void PQclear(PGresult *res) { real_PQclear(res); }
ExecStatusType PQresultStatus(const PGresult *res) { return real_PQresultStatus(res); }
char *PQresultErrorField(const PGresult *res, int fieldcode) { return real_PQresultErrorField(res, fieldcode); }
char *PQresultErrorMessage(const PGresult *res) { return real_PQresultErrorMessage(res); }
char *PQcmdStatus(PGresult *res) { return real_PQcmdStatus(res); }
char *PQcmdTuples(PGresult *res) { return real_PQcmdTuples(res); }
int PQntuples(const PGresult *res) { return real_PQntuples(res); }
int PQnfields(const PGresult *res) { return real_PQnfields(res); }
char *PQfname(const PGresult *res, int field_num) { return real_PQfname(res, field_num); }
Oid PQftype(const PGresult *res, int field_num) { return real_PQftype(res, field_num); }
char *PQgetvalue(const PGresult *res, int tup_num, int field_num) { return real_PQgetvalue(res, tup_num, field_num); }
int PQgetlength(const PGresult *res, int tup_num, int field_num) { return real_PQgetlength(res, tup_num, field_num); }
int PQgetisnull(const PGresult *res, int tup_num, int field_num) { return real_PQgetisnull(res, tup_num, field_num); }
int PQputCopyData(PGconn *conn, const char *buffer, int nbytes) { return real_PQputCopyData(conn, buffer, nbytes); }
int PQputCopyEnd(PGconn *conn, const char *errormsg) { return real_PQputCopyEnd(conn, errormsg); }
PGresult *PQgetResult(PGconn *conn) { return real_PQgetResult(conn); }
int PQsendQuery(PGconn *conn, const char *query) { return real_PQsendQuery(conn, query); }
int PQenterPipelineMode(PGconn *conn) { return real_PQenterPipelineMode ? real_PQenterPipelineMode(conn) : 0; }
int PQexitPipelineMode(PGconn *conn) { return real_PQexitPipelineMode ? real_PQexitPipelineMode(conn) : 0; }
int PQpipelineSync(PGconn *conn) { return real_PQpipelineSync ? real_PQpipelineSync(conn) : 0; }
int PQsendQueryPrepared(PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues,
                        const int *paramLengths, const int *paramFormats, int resultFormat) {
    return real_PQsendQueryPrepared
        ? real_PQsendQueryPrepared(conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat) : 0;
}
