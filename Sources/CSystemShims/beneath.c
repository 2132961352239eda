#define _GNU_SOURCE
#include "CSystemShims.h"
#include <errno.h>
#if defined(__linux__)
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
/* Linux's struct open_how and resolve flags (linux/openat2.h), spelled out so the headers of an
   older distribution still build. */
struct lexpipe_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};
#define LEXPIPE_RESOLVE_NO_SYMLINKS 0x04
#define LEXPIPE_RESOLVE_BENEATH 0x08
#ifndef SYS_openat2
#define SYS_openat2 437
#endif
int lexpipe_open_beneath(int directory, const char *path, int flags, int noSymbolicLinks) {
    struct lexpipe_open_how how = {
        .flags = (uint64_t)flags,
        .mode = 0,
        .resolve = LEXPIPE_RESOLVE_BENEATH | (noSymbolicLinks ? LEXPIPE_RESOLVE_NO_SYMLINKS : 0),
    };
    return (int)syscall(SYS_openat2, directory, path, &how, sizeof how);
}
#else
int lexpipe_open_beneath(int directory, const char *path, int flags, int noSymbolicLinks) {
    (void)directory;
    (void)path;
    (void)flags;
    (void)noSymbolicLinks;
    errno = ENOSYS;
    return -1;
}
#endif
