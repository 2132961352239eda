#ifndef LEXPIPE_CSYSTEMSHIMS_H
#define LEXPIPE_CSYSTEMSHIMS_H

/// Atomically exchanges two existing paths (Linux renameat2 RENAME_EXCHANGE, macOS
/// renamex_np RENAME_SWAP). Returns 0, or -1 with errno set.
int lexpipe_exchange_paths(const char *first, const char *second);

/// Fixes glibc's mmap threshold at `bytes`: larger blocks are mapped and unmapped rather than
/// carved from the heap. glibc otherwise raises the threshold each time a mapped block is freed.
/// Does nothing on other C libraries.
void lexpipe_fix_mmap_threshold(unsigned long bytes);

/// Starts writing `count` bytes of the file from `offset` (0 for the rest of the file) back to
/// the disk without waiting for it (Linux sync_file_range SYNC_FILE_RANGE_WRITE), so a later
/// fsync has little left to do. Returns 0, or -1 with errno set; does nothing elsewhere.
int lexpipe_start_writeback(int descriptor, long long offset, long long count);

/// Opens `path`, relative to the folder open as `directory`, only if it resolves inside that
/// folder (Linux openat2 RESOLVE_BENEATH): no `..`, absolute path or symbolic link leads out of
/// it, and with `noSymbolicLinks` none is followed at all. The kernel checks every component as
/// it resolves it. Returns the descriptor, or -1 with errno set (ENOSYS where openat2 is missing,
/// EXDEV for a way out, ELOOP for a link refused).
int lexpipe_open_beneath(int directory, const char *path, int flags, int noSymbolicLinks);

#endif
