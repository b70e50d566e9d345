/*
 * pq_load.h — libpq, loaded when a PostgreSQL database is opened rather
 * than linked into okr.
 *
 * Linked, libpq brings some twenty shared libraries with it (TLS, Kerberos,
 * LDAP, SASL…) that the dynamic loader maps at every start: 5 ms of every
 * `okr status` and `okr checkin` on SQLite, which never uses them.  So the
 * engine calls libpq through a table of function pointers filled by dlsym
 * the first time a connection is made (pq_load.c); the names below turn the
 * engine's ordinary calls (PQexec(…)) into calls through the table, and
 * libpq-fe.h still gives the types and the prototypes the table is made
 * from.  Every .c file of the engine includes this through pg_int.h.
 */
#ifndef OKR_STORE_PG_PQ_LOAD_H
#define OKR_STORE_PG_PQ_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

/* Every libpq function the engine calls. */
#define PQ_FUNCS(X) \
	X(PQbackendPID) \
	X(PQcancel) \
	X(PQclear) \
	X(PQcmdStatus) \
	X(PQcmdTuples) \
	X(PQconnectdbParams) \
	X(PQconsumeInput) \
	X(PQenterPipelineMode) \
	X(PQerrorMessage) \
	X(PQexec) \
	X(PQexecParams) \
	X(PQexitPipelineMode) \
	X(PQfformat) \
	X(PQfinish) \
	X(PQfname) \
	X(PQfreeCancel) \
	X(PQfreemem) \
	X(PQftype) \
	X(PQgetCancel) \
	X(PQgetResult) \
	X(PQgetisnull) \
	X(PQgetlength) \
	X(PQgetvalue) \
	X(PQisBusy) \
	X(PQnfields) \
	X(PQnotifies) \
	X(PQntuples) \
	X(PQpipelineSync) \
	X(PQreset) \
	X(PQresultErrorField) \
	X(PQresultStatus) \
	X(PQsendQuery) \
	X(PQsendQueryParams) \
	X(PQsetNoticeProcessor) \
	X(PQsocket) \
	X(PQstatus) \
	X(PQtransactionStatus) \
	X(PQunescapeBytea)

typedef struct {
#define PQ_MEMBER(f) __typeof__(&f) p_##f;
	PQ_FUNCS(PQ_MEMBER)
#undef PQ_MEMBER
} pq_api;

extern pq_api pq;

/* Load libpq once; false (and why, for the person) if it is not there.
 * The members are p_ and the name (## keeps the names below from being
 * replaced where the table is made and filled). */
bool pq_load(char *err, size_t len);
/* The same on a thread of its own, which pq_load then waits for. */
void pq_preload(void);

#define PQbackendPID (pq.p_PQbackendPID)
#define PQcancel (pq.p_PQcancel)
#define PQclear (pq.p_PQclear)
#define PQcmdStatus (pq.p_PQcmdStatus)
#define PQcmdTuples (pq.p_PQcmdTuples)
#define PQconnectdbParams (pq.p_PQconnectdbParams)
#define PQconsumeInput (pq.p_PQconsumeInput)
#define PQenterPipelineMode (pq.p_PQenterPipelineMode)
#define PQerrorMessage (pq.p_PQerrorMessage)
#define PQexec (pq.p_PQexec)
#define PQexecParams (pq.p_PQexecParams)
#define PQexitPipelineMode (pq.p_PQexitPipelineMode)
#define PQfformat (pq.p_PQfformat)
#define PQfinish (pq.p_PQfinish)
#define PQfname (pq.p_PQfname)
#define PQfreeCancel (pq.p_PQfreeCancel)
#define PQfreemem (pq.p_PQfreemem)
#define PQftype (pq.p_PQftype)
#define PQgetCancel (pq.p_PQgetCancel)
#define PQgetResult (pq.p_PQgetResult)
#define PQgetisnull (pq.p_PQgetisnull)
#define PQgetlength (pq.p_PQgetlength)
#define PQgetvalue (pq.p_PQgetvalue)
#define PQisBusy (pq.p_PQisBusy)
#define PQnfields (pq.p_PQnfields)
#define PQnotifies (pq.p_PQnotifies)
#define PQntuples (pq.p_PQntuples)
#define PQpipelineSync (pq.p_PQpipelineSync)
#define PQreset (pq.p_PQreset)
#define PQresultErrorField (pq.p_PQresultErrorField)
#define PQresultStatus (pq.p_PQresultStatus)
#define PQsendQuery (pq.p_PQsendQuery)
#define PQsendQueryParams (pq.p_PQsendQueryParams)
#define PQsetNoticeProcessor (pq.p_PQsetNoticeProcessor)
#define PQsocket (pq.p_PQsocket)
#define PQstatus (pq.p_PQstatus)
#define PQtransactionStatus (pq.p_PQtransactionStatus)
#define PQunescapeBytea (pq.p_PQunescapeBytea)

#endif
