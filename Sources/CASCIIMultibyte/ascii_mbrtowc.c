// An ASCII fast path in front of glibc's mbrtowc.
//
// libarchive's tar reader calls archive_entry_pathname_w() on every regular file (to see whether the name ends in a
// slash), which converts the name to wide characters with one mbrtowc() call per byte; glibc runs each call through
// its gconv machinery (~90 instructions). On a 20,000-member npm tarball that is 15% of the scan thread. libarchive
// offers no option to skip it, so this definition of mbrtowc, linked into the executable, takes precedence over
// libc's for libarchive (the shared library binds to the executable's symbol; the static release build links it
// directly) and answers the one case that needs no locale: an ASCII byte in the initial shift state, which every
// locale glibc supports maps to itself. Everything else goes to glibc's own implementation.
#include "leak_scan_multibyte.h"

#if defined(__GLIBC__)

extern size_t __mbrtowc(wchar_t *wide, const char *bytes, size_t count, mbstate_t *state);

size_t mbrtowc(wchar_t *wide, const char *bytes, size_t count, mbstate_t *state) {
    // `__count == 0` is glibc's mbsinit(state), read in place: this runs once per byte of every member name.
    if (bytes != NULL && count > 0 && state != NULL && (unsigned char)bytes[0] < 0x80 && state->__count == 0) {
        if (wide != NULL) *wide = (wchar_t)(unsigned char)bytes[0];
        return bytes[0] == 0 ? 0 : 1;
    }
    return __mbrtowc(wide, bytes, count, state);
}

size_t leak_scan_libc_mbrtowc(wchar_t *wide, const char *bytes, size_t count, mbstate_t *state) {
    return __mbrtowc(wide, bytes, count, state);
}

int leak_scan_ascii_mbrtowc_active(void) { return 1; }

#else

size_t leak_scan_libc_mbrtowc(wchar_t *wide, const char *bytes, size_t count, mbstate_t *state) {
    (void)wide;
    (void)bytes;
    (void)count;
    (void)state;
    return (size_t)-3;
}

int leak_scan_ascii_mbrtowc_active(void) { return 0; }

#endif
