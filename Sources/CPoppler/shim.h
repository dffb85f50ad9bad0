#ifndef BEVARA_CPOPPLER_SHIM_H
#define BEVARA_CPOPPLER_SHIM_H
// poppler-glib (Debian libpoppler-glib-dev): PDF text in the `bevara-pdftext` worker only, so the
// main `bevara` binary does not load poppler, cairo and glib at every start.
#include <poppler.h>

#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
// The worker dies with the process that started it, even while stuck in a hostile PDF (it would
// otherwise never see its stdin close). prctl is variadic, which Swift cannot call directly.
static inline int bevara_die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL); }
#endif
#endif
