#include "CByteScan.h"
#include <string.h>

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

#else

size_t lexpipe_first_of(const uint8_t *text, size_t count, size_t start, const uint8_t *bytes, int byte_count, int controls) {
    for (size_t index = start; index < count; index++) {
        for (int i = 0; i < byte_count; i++) {
            if (text[index] == bytes[i]) return index;
        }
        if (controls && text[index] < 0x20) return index;
    }
    return count;
}

#endif
