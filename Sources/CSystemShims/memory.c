#include "CSystemShims.h"
#if defined(__GLIBC__)
#include <malloc.h>
void lexpipe_fix_mmap_threshold(unsigned long bytes) {
    mallopt(M_MMAP_THRESHOLD, (int)bytes);
}
#else
void lexpipe_fix_mmap_threshold(unsigned long bytes) {
    (void)bytes;
}
#endif
