#ifndef LEAK_SCAN_CARCHIVE_SHIM_H
#define LEAK_SCAN_CARCHIVE_SHIM_H
#include <errno.h>
#include <fcntl.h>
#include <archive.h>
#include <archive_entry.h>

/// Opens an unnamed temporary file in `directory` (`O_TMPFILE`: it never has a name, and vanishes when closed);
/// -1 with errno when the filesystem cannot (the caller then opens and unlinks a file of its own name).
/// glibc spells the flag `__O_TMPFILE` outside `_GNU_SOURCE`, which this module must not define.
static inline int leak_scan_open_unnamed_file(const char *directory) {
#ifdef __O_TMPFILE
    return open(directory, __O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
#else
    (void)directory;
    errno = EOPNOTSUPP;
    return -1;
#endif
}
#endif
