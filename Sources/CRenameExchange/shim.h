// The one system call podium makes that Swift cannot make itself: glibc declares renameat2 only
// under _GNU_SOURCE, and syscall(2) is variadic, which Swift does not import.
#if defined(__linux__)
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Swaps what two paths name, in one step (renameat2 with RENAME_EXCHANGE = 2): 0, or -1 and errno.
static inline int podium_exchange_paths(const char *a, const char *b) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2u);
}
#elif defined(__APPLE__)
#include <stdio.h>

static inline int podium_exchange_paths(const char *a, const char *b) {
    return renamex_np(a, b, RENAME_SWAP);
}
#endif
