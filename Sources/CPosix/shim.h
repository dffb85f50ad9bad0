#ifndef BEVARA_CPOSIX_SHIM_H
#define BEVARA_CPOSIX_SHIM_H
// Linux calls that Swift's Glibc module hides behind _GNU_SOURCE.
// syncfs(2): flush one file system, so a package of 100,000 files costs one call, not 100,000 fsyncs.
extern int syncfs(int fd);
// memmem(3): byte-string search (format identification scans file heads).
#include <stddef.h>
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
#endif
