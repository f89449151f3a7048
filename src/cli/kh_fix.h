/* kh_fix.h — `kehoach check --fix`: the findings that carry a fix ({from, to} for a line of a
   body file of the plan's own) applied to their files. */
#ifndef KH_FIX_H
#define KH_FIX_H
#include "kh_error.h"
#include "kh_judge.h"

/* Apply the fixes FINDINGS carry, beneath the plan's folder
   (kh_plan_dir()), printing each change as FILE:LINE: "old" → "new" and then how many lines
   changed. A line that is no longer what the rules read is left alone. Returns KH_OK, or an
   exit status with ERR set. */
int kh_fix_apply(const kh_findings *findings, kh_error *err);
#endif
