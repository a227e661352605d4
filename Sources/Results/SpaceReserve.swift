import Foundation

/// Disk space held back in the run folder for the files written when a run ends, so a disk that
/// fills up during the run still gets `summary.csv` and a `run.json` saying the run failed and why.
///
/// The reserve is a file of zeros (`.space-reserve`, 256 KiB) written when the run folder is made;
/// ``release()`` deletes it just before the final files are written. A run killed outright
/// (`kill -9`) leaves it behind; nothing reads it.
public final class SpaceReserve: Sendable {
    /// The reserve file's name in the run folder.
    public static let fileName = ".space-reserve"
    /// Bytes held back: room for the final `summary.csv` and `run.json` of a large run.
    public static let size = 256 << 10

    /// The reserve file's path.
    public let path: String

    /// Writes the reserve into `directory`; nil when it cannot be written (the disk is already
    /// short of room: the run goes on without one, and no partial reserve is left).
    public init?(in directory: RunDirectory) {
        path = (directory.path as NSString).appendingPathComponent(Self.fileName)
        do throws(ResultsError) {
            try AtomicFile.write(Data(count: Self.size), to: path)
        } catch {
            return nil
        }
    }

    /// Deletes the reserve, giving its space back. Idempotent.
    public func release() {
        unlink(path)
    }
}
