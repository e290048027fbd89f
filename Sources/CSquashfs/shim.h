#ifndef LEAK_SCAN_CSQUASHFS_SHIM_H
#define LEAK_SCAN_CSQUASHFS_SHIM_H
#include <stdlib.h>
#include <sqfs/predef.h>
#include <sqfs/error.h>
#include <sqfs/io.h>
#include <sqfs/super.h>
#include <sqfs/compressor.h>
#include <sqfs/id_table.h>
#include <sqfs/inode.h>
#include <sqfs/dir.h>
#include <sqfs/dir_reader.h>
#include <sqfs/data_reader.h>

/* A read-only sqfs_file_t over a caller's read callback, so libsquashfs reads a file or a spooled member through the
   same random-access input as the rest of leak-scan. `read` returns 0 or a negative SQFS_ERROR value. */
typedef int (*leak_scan_sqfs_read)(void *context, sqfs_u64 offset, void *buffer, size_t size);

typedef struct {
    sqfs_file_t file;
    void *context;
    leak_scan_sqfs_read read;
    sqfs_u64 size;
} leak_scan_sqfs_input;

static void leak_scan_sqfs_input_destroy(sqfs_object_t *object) { free(object); }

static int leak_scan_sqfs_input_read_at(sqfs_file_t *file, sqfs_u64 offset, void *buffer, size_t size) {
    leak_scan_sqfs_input *input = (leak_scan_sqfs_input *)file;
    if (offset > input->size || size > input->size - offset) return SQFS_ERROR_OUT_OF_BOUNDS;
    return size == 0 ? 0 : input->read(input->context, offset, buffer, size);
}

static int leak_scan_sqfs_input_write_at(sqfs_file_t *file, sqfs_u64 offset, const void *buffer, size_t size) {
    (void)file; (void)offset; (void)buffer; (void)size;
    return SQFS_ERROR_IO;
}

static sqfs_u64 leak_scan_sqfs_input_get_size(const sqfs_file_t *file) {
    return ((const leak_scan_sqfs_input *)file)->size;
}

static int leak_scan_sqfs_input_truncate(sqfs_file_t *file, sqfs_u64 size) {
    (void)file; (void)size;
    return SQFS_ERROR_IO;
}

/* NULL when out of memory; released with sqfs_destroy. */
static inline sqfs_file_t *leak_scan_sqfs_input_create(void *context, leak_scan_sqfs_read read, sqfs_u64 size) {
    leak_scan_sqfs_input *input = calloc(1, sizeof(*input));
    if (input == NULL) return NULL;
    input->file.base.destroy = leak_scan_sqfs_input_destroy;
    input->file.base.copy = NULL;
    input->file.read_at = leak_scan_sqfs_input_read_at;
    input->file.write_at = leak_scan_sqfs_input_write_at;
    input->file.get_size = leak_scan_sqfs_input_get_size;
    input->file.truncate = leak_scan_sqfs_input_truncate;
    input->context = context;
    input->read = read;
    input->size = size;
    return &input->file;
}

/* The compressor options stored after the super block (xz filters, lzo level…), read into `cmp`. */
static inline int leak_scan_sqfs_read_compressor_options(sqfs_compressor_t *cmp, sqfs_file_t *file) {
    return cmp->read_options(cmp, file);
}

/* The name of a directory entry read by sqfs_dir_reader_read (not NUL-terminated) and its length in bytes. */
static inline const char *leak_scan_sqfs_dir_entry_name(const sqfs_dir_entry_t *entry, size_t *length) {
    *length = (size_t)entry->size + 1;
    return (const char *)entry->name;
}

static inline void leak_scan_sqfs_destroy(void *object) { sqfs_destroy(object); }
#endif
