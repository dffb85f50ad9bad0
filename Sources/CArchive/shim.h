#ifndef BEVARA_CARCHIVE_SHIM_H
#define BEVARA_CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
// Cast macros such as AE_IFREG are not imported into Swift; re-export them as constants.
static const unsigned int CArchive_AE_IFREG = AE_IFREG;
static const unsigned int CArchive_AE_IFDIR = AE_IFDIR;
static const unsigned int CArchive_AE_IFLNK = AE_IFLNK;
static const unsigned int CArchive_AE_IFMT = AE_IFMT;
#endif
