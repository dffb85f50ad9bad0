#ifndef BEVARA_CLIBXML2_SHIM_H
#define BEVARA_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, and encoding.h would include the system <unicode/ucnv.h>,
// which clashes with the ICU copy inside Foundation (shared/swift-notes.md §4). Without it only
// the layout of xmlCharEncodingHandler changes, which Swift never touches.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
// The SAX2 handler's magic number, as a constant Swift can read.
static const unsigned int CLibXML2_SAX2_MAGIC = XML_SAX2_MAGIC;
#endif
