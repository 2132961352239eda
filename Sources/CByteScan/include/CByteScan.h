#ifndef LEXPIPE_CBYTESCAN_H
#define LEXPIPE_CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// The offset of the first byte of `text[start..<count]` that equals one of `bytes[0..<byte_count]`
/// (one to four bytes) or, when `controls` is nonzero, is below 0x20; `count` if there is none.
/// Sixteen bytes at a time with SSE2 on x86-64, one at a time elsewhere.
size_t lexpipe_first_of(const uint8_t *text, size_t count, size_t start, const uint8_t *bytes, int byte_count, int controls);

#endif
