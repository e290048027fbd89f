#ifndef LEAK_SCAN_CBROTLI_SHIM_H
#define LEAK_SCAN_CBROTLI_SHIM_H
#include <brotli/decode.h>
#endif
