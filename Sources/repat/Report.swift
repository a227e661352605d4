import ArgumentParser
import Foundation
import ROI
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
        Several runs: --output is required. \
        With --roi CONFIG the document opens with the decision of `repat roi` for the same runs \
        (the three-number headline, monthly cost against volume, cumulative cash, the tornado and \
        the grouped cost tables); CONFIG is a roi config file (deployment: hardware, servers, volume \
        or utilisation …, see pricing/README.md). Exit 2 for bad input.
        """
    )

    @Argument(help: "Run folders (results/<run-id>) or requests.csv files.")
    var runs: [String] = []

    @Option(name: .long, help: "File to write (default: RUN/report.html or RUN/report.md for one run).")
    var output: String?

    @Option(name: .long, help: "Report format.")
    var format: ReportFormat = .html

    @Option(name: .long, help: ArgumentHelp("Add the ROI decision priced with this roi config (deployment: hardware, volume …).", valueName: "CONFIG"))
    var roi: String?

    @Option(name: .long, help: "With --roi: folder of the shipped price tables (default: ./pricing, else the one shipped with repat: share/repat/pricing beside its bin/, or the checkout's pricing/).")
    var pricingDir: String?

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
        let text = format.render(ReportData(runs: loaded), insert: try roi.map(decision))
        do {
            try AtomicFile.write(Data(text.utf8), to: destination)
        } catch {
            FileHandleOutput.error("repat: error: \(error.description)")
            throw ExitCode(1)
        }
        print("report: \(destination)")
    }

    /// The ROI decision for the runs, priced with `config`; bad input exits 2 with its one line.
    private func decision(_ config: String) throws -> ReportInsert {
        do {
            var book = try PriceBook.load(directory: try PricingFolder.locate(pricingDir))
            try book.apply(config: config)
            let scenario = try ROIPlanner.scenario(book: book, targets: try RunReader.read(runs), allowSLOMiss: false)
            return ROIEmbed.insert(try ROIAnalysis.run(scenario))
        } catch {
            FileHandleOutput.error("repat: error: \(error.description)")
            throw ExitCode(2)
        }
    }

    /// `RUN/report.html` for a run folder; beside the file for a `requests.csv`.
    private func defaultPath(for run: String) -> String {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: run, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? run : (run as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(format.defaultFileName)
    }
}
