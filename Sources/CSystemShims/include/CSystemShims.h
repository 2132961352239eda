#ifndef LEXPIPE_CSYSTEMSHIMS_H
#define LEXPIPE_CSYSTEMSHIMS_H

/// Atomically exchanges two existing paths (Linux renameat2 RENAME_EXCHANGE, macOS
/// renamex_np RENAME_SWAP). Returns 0, or -1 with errno set.
int lexpipe_exchange_paths(const char *first, const char *second);

#endif
