#ifndef LEAK_SCAN_CZLIB_SHIM_H
#define LEAK_SCAN_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro Swift cannot call: gzip wrapper only (windowBits 15 + 16).
static inline int leak_scan_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
