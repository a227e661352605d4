import Foundation

/// The folders shipped with repat (`pricing/`, `scenarios/`), found from the running binary so that
/// an installed `repat` works from any folder.
enum ShippedFiles {
    /// Where `name` (`pricing`, `scenarios`) is, the first holding `marker` among: `share/repat/NAME`
    /// beside the binary's folder (the Debian package's `/usr/bin/repat` and `/usr/share/repat`, or
    /// an unpacked tarball's `bin/` and `share/`), `NAME/` in a folder above the binary (a checkout's
    /// `.build/…/repat`), and `/usr/share/repat/NAME`; nil when none holds it.
    static func folder(_ name: String, holding marker: String) -> String? {
        let binaryFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [binaryFolder.deletingLastPathComponent().appendingPathComponent("share/repat/\(name)").path]
        var folder = binaryFolder
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent(name).path)
            folder.deleteLastPathComponent()
        }
        candidates.append("/usr/share/repat/\(name)")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + marker) }
    }
}
