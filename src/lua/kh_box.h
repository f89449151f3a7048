/* kh_box.h — C memory owned by the Lua stack across Lua calls.
   A C function that holds a malloc'ed buffer while it calls into Lua (pushing a value can raise
   "not enough memory", a budget can be exceeded) keeps the buffer in a box: a to-be-closed
   userdata that frees it when the function returns or a Lua error unwinds it. Whatever a box
   holds can be charged to the memory budget; the charge is given back when the box frees it. */
#ifndef KH_BOX_H
#define KH_BOX_H
#include <stddef.h>
#include <lua.h>

typedef void (*kh_box_free_fn)(void *);

/* Push an empty box at the top of the stack and mark it to be closed. Call it before anything
   else is pushed above the function's arguments' working values that must outlive it, and
   remove it only by returning, lua_settop or lua_pop. Returns the box's index. */
int kh_box_push(lua_State *L);

/* Put P in the box at IDX, to be freed with FREE_FN (free when NULL). Call it right after P is
   allocated, before any other Lua call. */
void kh_box_put(lua_State *L, int idx, void *p, kh_box_free_fn free_fn);

/* Charge BYTES for what the box holds to the memory budget (raises when it would go over: the
   box, and what it holds, are then freed as the error unwinds). */
void kh_box_charge(lua_State *L, int idx, size_t bytes);

/* From now on, what is charged to the budget (kh_sandbox_charge) belongs with what the box
   holds: given back when the box frees it (a call that failed half way), kept when it is taken
   (the element moved into the document). For an element built apart, charged as it grows. */
void kh_box_hold_charges(lua_State *L, int idx);

/* What the box holds; kh_box_take also empties it: the caller owns the pointer from then on,
   and the charge stays counted with it (for what moves into the document model). */
void *kh_box_get(lua_State *L, int idx);
void *kh_box_take(lua_State *L, int idx);

/* Free what the box holds now (and give its charge back). */
void kh_box_free(lua_State *L, int idx);
#endif
