#define _GNU_SOURCE
#include "CSystemShims.h"
#include <fcntl.h>
#if defined(__linux__)
int lexpipe_start_writeback(int descriptor, long long offset, long long count) {
    return sync_file_range(descriptor, offset, count, SYNC_FILE_RANGE_WRITE);
}
#else
int lexpipe_start_writeback(int descriptor, long long offset, long long count) {
    (void)descriptor; (void)offset; (void)count;
    return 0;
}
#endif
