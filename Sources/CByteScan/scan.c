#include "CByteScan.h"
#include <string.h>

static inline uint8_t lower_byte(uint8_t byte) {
    return byte >= 0x41 && byte <= 0x5A ? (uint8_t)(byte | 0x20) : byte;
}

/// Whether `word` (lower case) stands whole at `index`, the text lower-cased.
static inline int word_at(const uint8_t *text, size_t count, size_t index, const uint8_t *word, size_t length) {
    if (index + length > count) return 0;
    for (size_t k = 0; k < length; k++) {
        if (lower_byte(text[index + k]) != word[k]) return 0;
    }
    return 1;
}

/// `found` with the phrases added whose space could be the one at `index` (with a byte on
/// either side) and that stand there.
static inline uint32_t phrases_around(const uint8_t *text, size_t count, size_t index, uint32_t found, const uint16_t *around,
                                      const uint8_t *phrases, const size_t *ends, const size_t *spaces) {
    uint32_t candidates = around[(text[index - 1] & 0x1F) << 5 | (text[index + 1] & 0x1F)] & ~found;
    for (; candidates != 0; candidates &= candidates - 1) {
        const int p = __builtin_ctz(candidates);
        if (index < spaces[p]) continue;
        const size_t phrase_start = p == 0 ? 0 : ends[p - 1];
        if (word_at(text, count, index - spaces[p], phrases + phrase_start, ends[p] - phrase_start)) found |= 1u << p;
    }
    return found;
}

#if defined(__SSE2__)
#include <emmintrin.h>

typedef struct {
    __m128i first, second, third, fourth;
    int controls;
} byte_set;

/// One bit per byte of `bytes`, set where the byte is special.
static inline unsigned special_mask(__m128i bytes, const byte_set *set) {
    __m128i found = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, set->first), _mm_cmpeq_epi8(bytes, set->second)),
        _mm_or_si128(_mm_cmpeq_epi8(bytes, set->third), _mm_cmpeq_epi8(bytes, set->fourth)));
    if (set->controls) {
        // A byte is at most 0x1F exactly when its unsigned minimum with 0x1F is the byte.
        const __m128i highest_control = _mm_set1_epi8(0x1F);
        found = _mm_or_si128(found, _mm_cmpeq_epi8(_mm_min_epu8(bytes, highest_control), bytes));
    }
    return (unsigned)_mm_movemask_epi8(found);
}

size_t lexpipe_first_of(const uint8_t *text, size_t count, size_t start, const uint8_t *bytes, int byte_count, int controls) {
    if (start >= count) return count;
    byte_set set;
    // Unused places repeat the first byte, which changes nothing.
    set.first = _mm_set1_epi8((char)bytes[0]);
    set.second = byte_count > 1 ? _mm_set1_epi8((char)bytes[1]) : set.first;
    set.third = byte_count > 2 ? _mm_set1_epi8((char)bytes[2]) : set.first;
    set.fourth = byte_count > 3 ? _mm_set1_epi8((char)bytes[3]) : set.first;
    set.controls = controls;
    size_t index = start;
    while (index + 16 <= count) {
        const unsigned mask = special_mask(_mm_loadu_si128((const __m128i *)(text + index)), &set);
        if (mask != 0) return index + (size_t)__builtin_ctz(mask);
        index += 16;
    }
    const size_t remaining = count - index;
    if (remaining == 0) return count;
    unsigned mask;
    if (count >= 16) {
        // The last sixteen bytes of the text, of which the first 16 - remaining were seen.
        mask = special_mask(_mm_loadu_si128((const __m128i *)(text + count - 16)), &set) >> (16 - remaining);
    } else {
        // Never read past the text: a copy, its padding masked off.
        uint8_t block[16] = {0};
        memcpy(block, text + index, remaining);
        mask = special_mask(_mm_loadu_si128((const __m128i *)block), &set) & ((1u << remaining) - 1);
    }
    return mask != 0 ? index + (size_t)__builtin_ctz(mask) : count;
}

/// `bytes` with ASCII A-Z lower-cased. Signed comparisons: bytes from 0x80 are negative,
/// so never taken for capitals.
static inline __m128i lower_cased(__m128i bytes) {
    const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x40)), _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x5B)));
    return _mm_or_si128(bytes, _mm_and_si128(capital, _mm_set1_epi8(0x20)));
}

/// One bit per starting offset `index + k` (k < 16) where the lower-cased bytes at `k` and
/// `k + 1` are one of the pairs; reads `text[index..<(index + 17)]`.
static inline unsigned pair_mask(const uint8_t *text, size_t index, const __m128i *firsts, const __m128i *seconds, int pair_count) {
    const __m128i here = lower_cased(_mm_loadu_si128((const __m128i *)(text + index)));
    const __m128i next = lower_cased(_mm_loadu_si128((const __m128i *)(text + index + 1)));
    __m128i found = _mm_and_si128(_mm_cmpeq_epi8(here, firsts[0]), _mm_cmpeq_epi8(next, seconds[0]));
    for (int k = 1; k < pair_count; k++) {
        found = _mm_or_si128(found, _mm_and_si128(_mm_cmpeq_epi8(here, firsts[k]), _mm_cmpeq_epi8(next, seconds[k])));
    }
    return (unsigned)_mm_movemask_epi8(found);
}

/// The start of the earliest word whose anchor pair stands at `position`, if it lies at or
/// after `start` and before `best`; else `best`.
static inline size_t word_from_anchor(const uint8_t *text, size_t count, size_t start, size_t position, size_t best,
                                      const uint8_t *words, const size_t *ends, const size_t *anchors, int word_count) {
    for (int w = 0; w < word_count; w++) {
        if (position < anchors[w] || position - anchors[w] < start) continue;
        const size_t candidate = position - anchors[w];
        const size_t word_start = w == 0 ? 0 : ends[w - 1];
        if (candidate < best && word_at(text, count, candidate, words + word_start, ends[w] - word_start)) best = candidate;
    }
    return best;
}

size_t lexpipe_first_word(const uint8_t *text, size_t count, size_t start, const uint8_t *words, const size_t *ends,
                          const size_t *anchors, int word_count) {
    if (count < 2 || start + 1 >= count) return count;
    // The words' different anchor pairs, looked for sixteen offsets at a time.
    uint8_t firsts[4], seconds[4];
    int pair_count = 0;
    size_t farthest = 0;
    for (int w = 0; w < word_count; w++) {
        const uint8_t *word = words + (w == 0 ? 0 : ends[w - 1]);
        const uint8_t first = word[anchors[w]], second = word[anchors[w] + 1];
        int known = 0;
        for (int k = 0; k < pair_count; k++) {
            if (firsts[k] == first && seconds[k] == second) known = 1;
        }
        if (!known && pair_count < 4) {
            firsts[pair_count] = first;
            seconds[pair_count] = second;
            pair_count++;
        }
        if (anchors[w] > farthest) farthest = anchors[w];
    }
    __m128i first[4], second[4];
    for (int k = 0; k < pair_count; k++) {
        first[k] = _mm_set1_epi8((char)firsts[k]);
        second[k] = _mm_set1_epi8((char)seconds[k]);
    }
    const size_t last = count - 2;
    size_t best = count;
    if (count < 17) {
        // A short text's pairs are found in a copy, its padding masked off; the words are
        // compared in the text.
        uint8_t block[32] = {0};
        memcpy(block, text, count);
        unsigned mask = pair_mask(block, 0, first, second, pair_count) & ((1u << (last + 1)) - 1) & ~((1u << start) - 1);
        for (; mask != 0; mask &= mask - 1) {
            best = word_from_anchor(text, count, start, (size_t)__builtin_ctz(mask), best, words, ends, anchors, word_count);
        }
        return best;
    }
    size_t index = start;
    // A word found starts at `best`; another can start earlier only with its anchor less than
    // `farthest` bytes after that.
    while (index <= last && (best == count || index < best + farthest)) {
        // Sixteen offsets from `index`, or the last sixteen, of which those before `index`
        // were seen.
        const size_t block = index + 15 <= last ? index : last - 15;
        unsigned mask = pair_mask(text, block, first, second, pair_count) >> (index - block);
        for (; mask != 0; mask &= mask - 1) {
            best = word_from_anchor(text, count, start, index + (size_t)__builtin_ctz(mask), best, words, ends, anchors, word_count);
        }
        index += 16 - (index - block);
    }
    return best;
}

/// One bit per byte of `text[index..<(index + 16)]` where a run that folding leaves alone
/// stops: a byte below 0x20 or from 0x80, or a space before a space. Reads one byte more.
static inline unsigned fold_stops(const uint8_t *text, size_t index) {
    const __m128i here = _mm_loadu_si128((const __m128i *)(text + index));
    const __m128i next = _mm_loadu_si128((const __m128i *)(text + index + 1));
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i stops = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_min_epu8(here, _mm_set1_epi8(0x1F)), here),
        _mm_and_si128(_mm_cmpeq_epi8(here, space), _mm_cmpeq_epi8(next, space)));
    return (unsigned)(_mm_movemask_epi8(stops) | _mm_movemask_epi8(here));
}

size_t lexpipe_fold_free_end(const uint8_t *text, size_t count, size_t start) {
    size_t index = start;
    int stopped = 0;
    // Sixteen bytes while the byte after them is in the text, to tell a space before a space.
    while (index + 17 <= count) {
        const unsigned mask = fold_stops(text, index);
        if (mask != 0) {
            index += (size_t)__builtin_ctz(mask);
            stopped = 1;
            break;
        }
        index += 16;
    }
    if (!stopped && index < count) {
        // The last sixteen bytes or fewer, in a copy whose padding (a NUL) stops the run as the
        // text's end does.
        uint8_t block[32] = {0};
        const size_t rest = count - index;
        memcpy(block, text + index, rest);
        unsigned mask = fold_stops(block, 0);
        // A space right before the end stops too: nothing follows to keep it single.
        if (block[rest - 1] == 0x20) mask |= 1u << (rest - 1);
        index += (size_t)__builtin_ctz(mask | (1u << rest));
    }
    // A space that ends the run may start a run of white space to fold.
    if (index > start && text[index - 1] == 0x20) index--;
    return index;
}

uint32_t lexpipe_spaced_phrases(const uint8_t *text, size_t count, const uint16_t *around, const uint8_t *phrases,
                                const size_t *ends, const size_t *spaces) {
    uint32_t found = 0;
    if (count < 3) return found;
    // Spaces at offsets 1 up to count - 2: sixteen at a time while a block fits before the
    // last byte, then one by one.
    const size_t end = count - 1;
    const __m128i space = _mm_set1_epi8(0x20);
    size_t index = 1;
    for (; index + 16 <= end; index += 16) {
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(text + index)), space));
        for (; mask != 0; mask &= mask - 1) {
            found = phrases_around(text, count, index + (size_t)__builtin_ctz(mask), found, around, phrases, ends, spaces);
        }
    }
    for (; index < end; index++) {
        if (text[index] == 0x20) found = phrases_around(text, count, index, found, around, phrases, ends, spaces);
    }
    return found;
}

#else

uint32_t lexpipe_spaced_phrases(const uint8_t *text, size_t count, const uint16_t *around, const uint8_t *phrases,
                                const size_t *ends, const size_t *spaces) {
    uint32_t found = 0;
    for (size_t index = 1; index + 1 < count; index++) {
        if (text[index] == 0x20) found = phrases_around(text, count, index, found, around, phrases, ends, spaces);
    }
    return found;
}

size_t lexpipe_first_of(const uint8_t *text, size_t count, size_t start, const uint8_t *bytes, int byte_count, int controls) {
    for (size_t index = start; index < count; index++) {
        for (int i = 0; i < byte_count; i++) {
            if (text[index] == bytes[i]) return index;
        }
        if (controls && text[index] < 0x20) return index;
    }
    return count;
}

size_t lexpipe_first_word(const uint8_t *text, size_t count, size_t start, const uint8_t *words, const size_t *ends,
                          const size_t *anchors, int word_count) {
    (void)anchors;
    for (size_t index = start; index + 1 < count; index++) {
        for (int w = 0; w < word_count; w++) {
            const size_t word_start = w == 0 ? 0 : ends[w - 1];
            if (word_at(text, count, index, words + word_start, ends[w] - word_start)) return index;
        }
    }
    return count;
}

size_t lexpipe_fold_free_end(const uint8_t *text, size_t count, size_t start) {
    size_t index = start;
    while (index < count && text[index] >= 0x20 && text[index] < 0x80
           && !(text[index] == 0x20 && (index + 1 == count || text[index + 1] == 0x20))) {
        index++;
    }
    if (index > start && text[index - 1] == 0x20) index--;
    return index;
}

#endif
