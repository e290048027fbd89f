#ifndef LEAK_SCAN_SHA256_H
#define LEAK_SCAN_SHA256_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the x86 SHA extensions (and SSSE3/SSE4.1) that `leak_scan_sha256_blocks_hardware` uses.
int leak_scan_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating `state` (H0…H7), with the
/// SHA-NI instructions. Only call it when `leak_scan_sha256_hardware_available()` returned 1.
void leak_scan_sha256_blocks_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);
#endif
