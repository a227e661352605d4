import CBuildStamp
import Foundation

/// repat's own version and the commit it was built from, recorded in every run and printed by
/// `repat --version`.
public enum RepatVersion {
    /// Semantic version of this build: the one place it is set (the packages take theirs from
    /// `repat --version`).
    public static let current = "0.1.0"

    /// The commit this binary was built from: the one `packaging/build-package` stamped into a
    /// packaged build (`CBuildStamp`), else the commit of the git checkout holding the running
    /// binary (`.build/…/repat` inside a clone), else nil (a copied binary, or git missing). `git`
    /// runs off the task pool.
    public static func gitCommit() async -> String? {
        if let stamped = repat_packaged_commit() { return String(cString: stamped) }
        return await HostCommand.offPool(checkoutCommit)
    }

    private static func checkoutCommit() -> String? {
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
                return HostCommand.output("git", ["-C", folder.path, "rev-parse", "HEAD"])
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
