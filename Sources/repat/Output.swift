import ArgumentParser
import Foundation
import Results

/// Writes lines to standard error (progress, problems), leaving standard output to results.
enum FileHandleOutput {
    /// One line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Runs `body`; a bad-input error becomes one line on standard error and exit code 2.
func badInputExits<Value, Failure: Error & CustomStringConvertible>(_ body: () throws(Failure) -> Value) throws -> Value {
    do {
        return try body()
    } catch {
        FileHandleOutput.error("repat: error: \(error.description)")
        throw ExitCode(2)
    }
}

/// Writes `text` to `path` atomically, or to standard output without one; a file that cannot be
/// written is one line on standard error and exit code 1.
func writeOutput(_ text: String, to path: String?) throws {
    guard let path else {
        print(text, terminator: "")
        return
    }
    do {
        try AtomicFile.write(Data(text.utf8), to: path)
    } catch {
        FileHandleOutput.error("repat: error: \(error.description)")
        throw ExitCode(1)
    }
}

/// Ends the process with `code`, after output is flushed.
func exitProcess(_ code: Int32) -> Never {
    fflush(nil)
    exit(code)
}
