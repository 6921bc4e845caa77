#ifndef WORKSHOP_CLIBPQ_H
#define WORKSHOP_CLIBPQ_H

// libpq's own declarations: the types, constants and functions the Postgres adapter uses.
#include <postgresql/libpq-fe.h>

// libpq is not linked into the program: a shop on a SQLite file never loads it (with its dozen
// dependencies, Kerberos, LDAP, TLS, it cost the start-up 6 ms). The functions the adapter calls
// are defined in loader.c and forward to the library, loaded on the first connection to a server.
//
// Loads libpq.so.5 once; returns NULL when it is there, else why it is not (dlerror's text).
// Call before any other PQ function: they assume the library is loaded.
const char *workshop_libpq_load(void);

// 1 when the library has pipeline mode (libpq 14 and later), else 0. After workshop_libpq_load.
int workshop_libpq_has_pipeline(void);

#endif
