#ifndef REPAT_BUILD_STAMP_H
#define REPAT_BUILD_STAMP_H

/// The commit a packaged binary was built from (40 hex digits, `-dirty` appended when the tree had
/// uncommitted changes), or NULL for a build from a checkout.
const char *_Nullable repat_packaged_commit(void);

#endif
