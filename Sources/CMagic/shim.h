#ifndef BEVARA_CMAGIC_SHIM_H
#define BEVARA_CMAGIC_SHIM_H
#include <magic.h>
static const int CMagic_MIME_TYPE = MAGIC_MIME_TYPE;
static const int CMagic_NONE = MAGIC_NONE;
static const int CMagic_NO_CHECK_COMPRESS = MAGIC_NO_CHECK_COMPRESS;
static const int CMagic_NO_CHECK_ELF = MAGIC_NO_CHECK_ELF;
static const int CMagic_NO_CHECK_TAR = MAGIC_NO_CHECK_TAR;
#endif
