#include "CBuildStamp.h"
#include <stddef.h>

// packaging/build-package replaces NULL with the commit, as a string literal, in its own copy of the
// sources (never in the checkout). A C file, so that a new stamp recompiles this file alone and
// relinks, where a Swift constant would recompile every module above the one holding it.
#define REPAT_PACKAGED_COMMIT NULL

const char *repat_packaged_commit(void) {
    return REPAT_PACKAGED_COMMIT;
}
