/* Boxes: C buffers owned by the Lua stack, freed when the C function returns or unwinds. */
#include <stdlib.h>
#include <lauxlib.h>
#include "kh_box.h"
#include "kh_sandbox.h"

#define BOX_META "kh.box"

typedef struct {
    void *p;
    kh_box_free_fn free_fn;
    size_t charged;
    int holding;          /* kh_box_hold_charges: the budget's charges since MARK are ours */
    size_t mark;
} box;

static void release(lua_State *L, box *b)
{
    if (b->p && b->holding) {
        size_t now = kh_sandbox_charged(L);
        if (now > b->mark)
            kh_sandbox_uncharge(L, now - b->mark);
    }
    b->holding = 0;
    if (b->p)
        (b->free_fn ? b->free_fn : free)(b->p);
    b->p = NULL;
    if (b->charged)
        kh_sandbox_uncharge(L, b->charged);
    b->charged = 0;
}

/* __close when the function returns or an error unwinds it; __gc in case a box is ever left
   open (it never runs Lua code: kehoach's own finalizer, outside the sandbox's reach). */
static int box_close(lua_State *L)
{
    release(L, luaL_checkudata(L, 1, BOX_META));
    return 0;
}

int kh_box_push(lua_State *L)
{
    box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->p = NULL;
    b->free_fn = NULL;
    b->charged = 0;
    b->holding = 0;
    b->mark = 0;
    if (luaL_newmetatable(L, BOX_META)) {
        lua_pushcfunction(L, box_close);
        lua_setfield(L, -2, "__close");
        lua_pushcfunction(L, box_close);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    lua_toclose(L, -1);
    return lua_gettop(L);
}

static box *at(lua_State *L, int idx)
{
    return luaL_checkudata(L, idx, BOX_META);
}

void kh_box_put(lua_State *L, int idx, void *p, kh_box_free_fn free_fn)
{
    box *b = at(L, idx);
    release(L, b);
    b->p = p;
    b->free_fn = free_fn;
}

void kh_box_charge(lua_State *L, int idx, size_t bytes)
{
    box *b = at(L, idx);
    kh_sandbox_charge(L, bytes);   /* raises when over: the box frees what it holds */
    b->charged += bytes;
}

void kh_box_hold_charges(lua_State *L, int idx)
{
    box *b = at(L, idx);
    b->holding = 1;
    b->mark = kh_sandbox_charged(L);
}

void *kh_box_get(lua_State *L, int idx)
{
    return at(L, idx)->p;
}

void *kh_box_take(lua_State *L, int idx)
{
    box *b = at(L, idx);
    void *p = b->p;
    b->p = NULL;
    b->charged = 0;   /* the charge goes with the pointer (into the document model, say) */
    b->holding = 0;
    return p;
}

void kh_box_free(lua_State *L, int idx)
{
    release(L, at(L, idx));
}
