import Foundation

/// Writes lines to standard error (progress, problems), leaving standard output to results.
enum FileHandleOutput {
    /// One line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Ends the process with `code`, after output is flushed.
func exitProcess(_ code: Int32) -> Never {
    fflush(nil)
    exit(code)
}
