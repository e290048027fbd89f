#ifndef LEAK_SCAN_CVECTORSCAN_SHIM_H
#define LEAK_SCAN_CVECTORSCAN_SHIM_H
#include <hs.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

/// True when Vectorscan can run here. Debian's x86-64 build needs SSE4.2 and, on a CPU without it, passes
/// `hs_valid_platform()` and then dies with SIGILL inside `hs_compile`: the CPU is asked directly.
static inline int leak_scan_cpu_runs_vectorscan(void) {
#if defined(__x86_64__)
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_SSE4_2) != 0 && (ecx & bit_POPCNT) != 0;
#else
    return 1;
#endif
}
#endif
