#ifndef BEVARA_CPOSIX_SHIM_H
#define BEVARA_CPOSIX_SHIM_H
// Linux calls that Swift's Glibc module hides behind _GNU_SOURCE.
// syncfs(2): flush one file system, so a package of 100,000 files costs one call, not 100,000 fsyncs.
extern int syncfs(int fd);
// memmem(3): byte-string search (format identification scans file heads).
#include <stddef.h>
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
// sync_file_range(2): start writing a range of a file to disk now, without waiting for it, so a
// large package's closing fsync waits for its tail only.
#include <stdint.h>
extern int sync_file_range(int fd, int64_t offset, int64_t nbytes, unsigned int flags);
static const unsigned int BEVARA_SYNC_FILE_RANGE_WRITE = 2;
// Wait for any write-back of the range in progress, start it, and wait for it to finish
// (SYNC_FILE_RANGE_WAIT_BEFORE | WRITE | WAIT_AFTER): the range is then clean and can be dropped.
static const unsigned int BEVARA_SYNC_FILE_RANGE_WAIT_ALL = 1 | 2 | 4;
#endif
