#ifndef LEAK_SCAN_CISAL_SHIM_H
#define LEAK_SCAN_CISAL_SHIM_H
#include <isa-l/igzip_lib.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

/// True when the CPU has AVX, so `vzeroupper` exists.
static inline int leak_scan_cpu_has_avx(void) {
#if defined(__x86_64__)
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_AVX) != 0;
#else
    return 0;
#endif
}

/// ISA-L's AVX code leaves the upper vector halves dirty, which makes later SSE code on the thread ~4x slower.
static inline void leak_scan_clear_upper_vector_state(void) {
#if defined(__x86_64__)
    __asm__ volatile("vzeroupper" ::: "memory");
#endif
}
#endif
