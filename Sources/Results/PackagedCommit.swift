/// The commit a packaged binary was built from, for ``RepatVersion/gitCommit()``.
///
/// `packaging/build-package` rewrites this file in its own copy of the sources (never in the
/// checkout) with the commit it packages; a build from a checkout keeps nil and asks git.
enum PackagedCommit {
    /// The stamped commit (40 hex digits, `-dirty` appended when the tree had uncommitted changes), or nil.
    static let value: String? = nil
}
