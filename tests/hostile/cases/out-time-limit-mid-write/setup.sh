cat > "$W/slow-fsync.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <unistd.h>
int fsync(int fd)
{
    sleep(5);
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    return real(fd);
}
C
cc -shared -fPIC -o "$W/slow-fsync.so" "$W/slow-fsync.c" -ldl
