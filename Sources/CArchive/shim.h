#ifndef LEAK_SCAN_CARCHIVE_SHIM_H
#define LEAK_SCAN_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#endif
