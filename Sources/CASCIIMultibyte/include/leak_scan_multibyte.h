#ifndef LEAK_SCAN_MULTIBYTE_H
#define LEAK_SCAN_MULTIBYTE_H

#include <stddef.h>
#include <wchar.h>

/// The C library's own `mbrtowc`, bypassing the ASCII fast path this target puts in front of it (for tests that
/// compare the two). Returns (size_t)-3 where the fast path is not built (not glibc).
size_t leak_scan_libc_mbrtowc(wchar_t *wide, const char *bytes, size_t count, mbstate_t *state);

/// 1 when this build's `mbrtowc` takes the ASCII fast path, 0 otherwise.
int leak_scan_ascii_mbrtowc_active(void);

#endif
