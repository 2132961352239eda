#ifndef LEXPIPE_CBYTESCAN_H
#define LEXPIPE_CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

// Byte scans over UTF-8 text, sixteen bytes at a time with SSE2 on x86-64 and one at a time
// elsewhere. Each returns an offset at or after `start`, or `count` when there is none.
// "Lower-cased" means ASCII A-Z to a-z; every other byte stays as it is.

/// The first byte that equals one of `bytes[0..<byte_count]` (one to four bytes) or, when
/// `controls` is nonzero, is below 0x20.
size_t lexpipe_first_of(const uint8_t *text, size_t count, size_t start, const uint8_t *bytes, int byte_count, int controls);

/// The first offset `i` where the lower-cased bytes `text[i]` and `text[i + 1]` are
/// `firsts[k]` and `seconds[k]` for some `k` below `pair_count` (one to four pairs).
size_t lexpipe_first_pair(const uint8_t *text, size_t count, size_t start, const uint8_t *firsts, const uint8_t *seconds, int pair_count);

/// The end of the run from `start` of bytes 0x20 to 0x7F in which no two spaces stand together
/// and that does not end in a space: text that folding white space leaves as it is.
size_t lexpipe_fold_free_end(const uint8_t *text, size_t count, size_t start);

#endif
