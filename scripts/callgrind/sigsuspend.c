// Preloaded into programs run under valgrind 3.19 (Debian 12). Swift's async main ends in
// libdispatch's `sigsuspend(&mask)` on a `static const` mask, and valgrind's wrapper of the
// system call edits the mask in place: a write to read-only memory that kills valgrind.
// The call goes to the kernel with a writable copy instead.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
