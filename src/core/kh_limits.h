/* kh_limits.h — the budgets a render runs under (the Lua sandbox enforces them, kh_sandbox.h). */
#ifndef KH_LIMITS_H
#define KH_LIMITS_H
#include <stddef.h>

typedef struct {
    size_t max_memory;          /* bytes the Lua state may hold */
    long long max_instructions; /* VM instructions, counted in steps of 1000 */
} kh_limits;

#define KH_DEFAULT_MAX_MEMORY ((size_t)1 << 30)
#define KH_DEFAULT_MAX_INSTRUCTIONS 4000000000LL
#endif
