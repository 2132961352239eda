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

/// The first offset where one of `word_count` words (one to eight, each of at least two bytes,
/// in lower case) stands whole, the text lower-cased. The words are `words` cut at `ends` (word
/// `w` is `words[ends[w - 1]..<ends[w]]`, the first from 0). Each is looked for by the two bytes
/// at its `anchors[w]` (at most four different pairs among the words): a pair that is rare in
/// text passes few places on to be compared.
size_t lexpipe_first_word(const uint8_t *text, size_t count, size_t start, const uint8_t *words, const size_t *ends,
                          const size_t *anchors, int word_count);

/// The end of the run from `start` of bytes 0x20 to 0x7F in which no two spaces stand together
/// and that does not end in a space: text that folding white space leaves as it is.
size_t lexpipe_fold_free_end(const uint8_t *text, size_t count, size_t start);

/// The phrases that stand whole in the text, the text lower-cased: bit `p` for phrase `p`. Each
/// phrase (lower case, at most sixteen of them) is `phrases[ends[p - 1]..<ends[p]]`, the first
/// from 0, and has a space at `spaces[p]`, with a byte before and after it. `around[(before &
/// 0x1F) << 5 | (after & 0x1F)]` holds the bits of the phrases whose space at `spaces[p]` stands
/// between the bytes `before` and `after` (1024 entries): only the spaces of the text are looked
/// at, and only the phrases that entry names are compared.
uint32_t lexpipe_spaced_phrases(const uint8_t *text, size_t count, const uint16_t *around, const uint8_t *phrases,
                                const size_t *ends, const size_t *spaces);

#endif
