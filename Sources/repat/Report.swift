import ArgumentParser
import Foundation
import Results

extension ReportFormat: ExpressibleByArgument {}

/// `repat report RUN [RUN …]`: one self-contained HTML page (or Markdown) of one or more runs.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML (or Markdown) report with charts of one or more runs.",
        discussion: """
        The HTML page has inline CSS and SVG charts and fetches nothing: latency CDFs, throughput \
        vs latency, throughput by load level, errors by outcome, run metadata and a summary table. \
        One run: written to RUN/report.html (report.md for Markdown) unless --output is given. \
        Several runs: --output is required.
        """
    )

    @Argument(help: "Run folders (results/<run-id>) or requests.csv files.")
    var runs: [String] = []

    @Option(name: .long, help: "File to write (default: RUN/report.html or RUN/report.md for one run).")
    var output: String?

    @Option(name: .long, help: "Report format.")
    var format: ReportFormat = .html

    func validate() throws {
        guard !runs.isEmpty else { throw ValidationError("give at least one run folder or requests.csv") }
        if runs.count > 1, output == nil {
            throw ValidationError("--output is required with several runs (e.g. --output comparison.html)")
        }
    }

    func run() throws {
        var loaded: [RunResults] = []
        for path in runs {
            do {
                loaded.append(try RunResults.load(path))
            } catch {
                FileHandleOutput.error("repat: error: \(error.description)")
                throw ExitCode(2)
            }
        }
        let destination = output ?? defaultPath(for: runs[0])
        let text = format.render(ReportData(runs: loaded))
        do {
            try AtomicFile.write(Data(text.utf8), to: destination)
        } catch {
            FileHandleOutput.error("repat: error: \(error.description)")
            throw ExitCode(1)
        }
        print("report: \(destination)")
    }

    /// `RUN/report.html` for a run folder; beside the file for a `requests.csv`.
    private func defaultPath(for run: String) -> String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: run, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? run : (run as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(format.defaultFileName)
    }
}
