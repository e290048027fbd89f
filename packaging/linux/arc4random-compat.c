/*
 * arc4random and arc4random_buf for the static release binary, on getrandom(2) (glibc 2.25).
 *
 * glibc added both in 2.36, and the static archives built on Debian 12 call them (expat salts its hash tables with
 * arc4random_buf, libstdc++'s std::random_device uses arc4random). Defined here, the binary does not import them, so it
 * runs on glibc 2.35 (Ubuntu 22.04). Same source of randomness as glibc's: the kernel CSPRNG.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>

void arc4random_buf(void *buffer, size_t count) {
    unsigned char *bytes = buffer;
    while (count > 0) {
        ssize_t got = getrandom(bytes, count, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            abort(); /* as glibc: never return predictable bytes */
        }
        bytes += got;
        count -= (size_t)got;
    }
}

uint32_t arc4random(void) {
    uint32_t value;
    arc4random_buf(&value, sizeof value);
    return value;
}
