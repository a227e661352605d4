import ArgumentParser
import Foundation
import ROI
import Results

extension UsageFormat: ExpressibleByArgument {}

/// `repat usage import FILE… [--format F] [--model M] [--output PROFILE]`.
struct UsageImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Sum usage exports (OpenAI Usage API completions pages, or the generic CSV) into a usage profile.",
        discussion: """
        The profile holds the monthly volume per model, the input/output/cached mix, the requests in \
        each hour of the week, the busiest hour and its peak-to-average ratio, in the keys of a repat \
        roi --config file (deployment.volume, deployment.mix, cache_hit_share, traffic). Hourly figures \
        need buckets of an hour or less (the Usage API's bucket_width=1h). Exit codes: 0 written, 1 \
        the profile could not be written, 2 bad input (file:line and field named).
        """
    )

    @Argument(help: "Usage files: Usage API pages (JSON, a list of pages, or a page per line) or CSV.")
    var files: [String]

    @Option(name: .long, help: "File format (default: JSON for .json/.jsonl or a leading { or [, else csv).")
    var format: UsageFormat?

    @Option(name: .long, help: "Keep only this model (repeatable; default: every model).")
    var model: [String] = []

    @Option(name: .long, help: "Profile file to write (default: standard output).")
    var output: String?

    func run() throws {
        let today = String(Timestamp.iso8601(Date()).prefix(10))
        var usedFormat: UsageFormat = .csv
        let text = try badInputExits { () throws(ROIError) in
            var buckets: [UsageBucket] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { throw ROIError("\(file): cannot read") }
                let kind = format ?? UsageFormat.guess(file: file, firstByte: data.first(where: { $0 > 0x20 }))
                usedFormat = kind
                switch kind {
                case .openAIUsage: buckets += try OpenAIUsageExport.buckets(from: data, file: file)
                case .csv: buckets += try UsageCSV.buckets(from: String(decoding: data, as: UTF8.self), file: file)
                }
            }
            let profile = try UsageProfile.of(buckets, models: model)
            return profile.yaml(sources: files.map { ($0 as NSString).lastPathComponent }, format: usedFormat, today: today)
        }
        try writeOutput(text, to: output)
        if let output { FileHandleOutput.error("usage profile: \(output)") }
    }
}
