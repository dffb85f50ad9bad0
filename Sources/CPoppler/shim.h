#ifndef BEVARA_CPOPPLER_SHIM_H
#define BEVARA_CPOPPLER_SHIM_H
// poppler-glib (Debian libpoppler-glib-dev): PDF text in the `bevara-pdftext` worker only, so the
// main `bevara` binary does not load poppler, cairo and glib at every start.
#include <poppler.h>
#endif
