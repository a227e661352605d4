import Foundation
import LoadGen
import Synchronization

/// Where progress goes: on a terminal, one line per level redrawn in place; otherwise (a log file,
/// CI) a plain line every ten seconds. Event lines always go out whole. Everything goes to
/// standard error, leaving standard output to the results.
final class ProgressDisplay: Sendable {
    private let interactive: Bool
    private let quiet: Bool
    /// Whether a progress line is drawn without its line ending (interactive only); held while
    /// writing, so lines from different tasks never interleave.
    private let lineOpen = Mutex(false)

    /// Seconds between progress snapshots.
    let interval: Double

    init(quiet: Bool) {
        self.quiet = quiet
        interactive = isatty(STDERR_FILENO) == 1
        interval = interactive ? 0.5 : 10
    }

    /// A snapshot of the level in progress.
    func show(_ progress: LevelProgress) {
        guard !quiet else { return }
        lineOpen.withLock { lineOpen in
            if interactive {
                write("\r\u{1B}[2K" + progress.line)
                lineOpen = true
            } else {
                write(progress.line + "\n")
            }
        }
    }

    /// An event line (level started or finished, a warning).
    func log(_ line: String) {
        guard !quiet else { return }
        lineOpen.withLock { lineOpen in
            write((lineOpen ? "\r\u{1B}[2K" : "") + line + "\n")
            lineOpen = false
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
