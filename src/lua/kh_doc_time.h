/* kh_doc_time.h — the date a document carries (core.xml, meta.xml, every zip entry), so that the
   same inputs give the same bytes:
   - SOURCE_DATE_EPOCH, when set (seconds since 1970-01-01 UTC, as reproducible builds define it);
   - else the plan's date at 00:00 UTC (the 1st of the month for a draft "YYYY-MM"; in a bundle,
     the first document's date);
   - else, for a plan without a date, the current time. */
#ifndef KH_DOC_TIME_H
#define KH_DOC_TIME_H
#include "kh_error.h"
#include "kh_sandbox.h"

/* PLAN is the stack index of the checked plan table. */
int kh_doc_time(kh_sandbox *sb, int plan, long long *time, kh_error *err);

/* Seconds since 1970-01-01 UTC of 00:00 on that day (proleptic Gregorian calendar). */
long long kh_days_to_epoch(int year, int month, int day);
#endif
