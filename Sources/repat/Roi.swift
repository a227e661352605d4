import ArgumentParser
import Foundation
import ROI
import Results

extension ROIFormatKind: ExpressibleByArgument {}

/// `repat roi RUN …`: what a token and a task cost on-prem, rented and on each API, from measured
/// runs; or `repat roi --import-litellm FILE`: a dated price table from LiteLLM's price map.
struct Roi: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Price measured runs: cost per 1M tokens and per task on-prem, rented and on each API; break-even, payback, TCO.",
        discussion: """
        On a terminal the table is a summary that fits its width (COLUMNS, else 100 columns): the \
        three-number headline (cost per 1M tokens against the reference API, break-even utilisation, \
        payback within the hardware's life) with the models compared and the Monte Carlo spread, then \
        buying and renting against the APIs grouped as same model, measured in this run and different \
        model; --format table --all prints the full report. --format html without --output writes \
        roi.html into the first run folder; --format csv and json hold plain numbers. \
        The reference API serves the on-prem model (pricing/models.yaml) unless --api names one or \
        the run measured one; without such an API there is no automatic verdict. When the run scored \
        answers (expected answers, or a quality.reference_target), every option with a pass rate \
        gets its cost per correct task. \
        The on-prem target is priced at the highest completed load level that met the scenario's SLOs \
        (interrupted levels only with --allow-partial), with its \
        measured token rates and, when telemetry recorded them, its measured load and idle power. \
        Without --servers, whole servers are bought for the peak hour of the volume (traffic: in \
        --config, flat by default). --usage PROFILE (written by repat usage import from your API bills) \
        sets the volume, token mix, cache-hit share and traffic peak; the on-prem throughput is then \
        re-blended for that mix from the measured prefill and decode rates. Every report opens with the assumptions to check and the warnings. \
        Targets whose base URL is a known API host, or whose scenario entry says stands_for: PROVIDER/MODEL, \
        are priced as that API with their own token counts (a role under targets: in --config wins over both). \
        Every format has a table of where each option's data goes (pricing/providers.yaml; on-prem is \
        own_jurisdiction of --config, default FR); --require keeps only compliant options in every table \
        and states the price of sovereignty (cheapest compliant option minus cheapest option overall). \
        Prices, hardware, rent offers and defaults come from pricing/ (sourced and dated); --config \
        overrides any of them. Model and formulas: docs/roi.md. \
        Exit codes: 0 success, 1 the output could not be written, 2 bad input (runs, price files, \
        options, no level meeting the SLOs without --allow-slo-miss).
        """
    )

    @Argument(help: "Run folders (results/<run-id>) or requests.csv files.")
    var runs: [String] = []

    @Option(name: .long, help: "Hardware profile id from pricing/hardware.yaml (h100-sxm, h100-pcie, h200, a100-80gb, l40s, l4, cpu-server).")
    var hardware: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Servers carrying load (default: sized for the peak of the volume, see traffic: in pricing/README.md).", valueName: "N"))
    var servers: OptionText?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("GPUs (units of the profile) per server (default 1).", valueName: "N"))
    var gpusPerServer: OptionText?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("GPUs behind the measured target (default: --gpus-per-server, i.e. the run measured one server).", valueName: "N"))
    var measuredGpus: OptionText?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Monthly volume, input + output tokens (e.g. 2e9); at least one request's worth.", valueName: "TOKENS_PER_MONTH"))
    var volume: OptionText?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Expected share of capacity used (above 0, at most 1), when no --volume is given.", valueName: "SHARE"))
    var utilisation: OptionText?

    @Option(name: .long, help: "The on-prem target to price (default: the first on-prem target).")
    var target: String?

    @Option(name: .long, help: "Price id of an API to compare with (repeatable; the first is the verdict's reference, even for another model; default: all, the reference then being a measured API target, else the cheapest API serving the same model, else none: no automatic verdict).")
    var api: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Keep only options meeting this (repeatable): eu-jurisdiction (provider and parent in the EU, outside the US CLOUD Act), eu-processing (data processed in the EU, priced at that offer's price), secnumcloud (the offer is SecNumCloud-qualified; on-prem needs none). States the price of sovereignty.",
        valueName: "REQUIREMENT"
    ))
    var require: [String] = []

    @Option(name: .long, help: "Your YAML file overriding any default, hardware, rent or price (see pricing/README.md).")
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Usage profile from repat usage import: prices its volume, token mix, cache-hit share and traffic peak (--config and options override it).", valueName: "PROFILE"))
    var usage: String?

    @Option(name: .long, help: "Extra API price table (a prices: list, e.g. written by --import-litellm); same ids replace.")
    var prices: String?

    @Option(name: .long, help: "Folder of the shipped price tables (default: ./pricing, else the one shipped with repat: share/repat/pricing beside its bin/, or the checkout's pricing/).")
    var pricingDir: String?

    @Flag(name: .long, help: "Price the fastest level when no level met the SLOs, instead of failing.")
    var allowSloMiss = false

    @Flag(name: .long, help: "Let an interrupted level (the run was stopped during it) be the operating point, judged on the requests it measured; the verdict says so.")
    var allowPartial = false

    @Option(name: .long, help: "Output form; table is a summary that fits the terminal (the full report with --all).")
    var format: ROIFormatKind = .table

    @Flag(name: .long, help: "With --format table: the full report (every API, break-even, TCO, sensitivity, sources) instead of the summary.")
    var all = false

    @Option(name: .long, help: "File to write (default: standard output; for html, roi.html in the first run folder; with --import-litellm, litellm-prices-DATE.yaml).")
    var output: String?

    @Option(name: .long, help: "Monte Carlo draws over the uncertain inputs (default 10000).")
    var draws: Int = MonteCarlo.defaultDraws

    @Option(name: .long, help: "Seed of the Monte Carlo (default 17): the same seed gives the same percentiles.")
    var seed: UInt64 = MonteCarlo.defaultSeed

    @Option(name: .long, help: ArgumentHelp("Convert LiteLLM's model_prices_and_context_window.json into a dated price table and exit.", valueName: "FILE"))
    var importLitellm: String?

    /// Bad input exits 2 with one line naming the option (ArgumentParser's own validation errors
    /// exit 64 with the help text, which `--help` does not promise).
    /// The first bad option, in one line; nil when all are usable.
    private func optionProblem() -> String? {
        if importLitellm == nil, runs.isEmpty { return "give at least one run folder or requests.csv (or --import-litellm FILE)" }
        for (name, value) in [("--servers", servers), ("--gpus-per-server", gpusPerServer), ("--measured-gpus", measuredGpus)] {
            if let value, !(value.integer.map { $0 >= 1 } ?? false) { return "\(name) \(value.text): expected a whole number, 1 or more" }
        }
        if let volume, !(volume.number.map { $0 >= 1 } ?? false) {
            return "--volume \(volume.text): expected a number of tokens a month, at least one request's worth (e.g. 2e9)"
        }
        if let utilisation, !(utilisation.number.map { $0 > 0 && $0 <= 1 } ?? false) {
            return "--utilisation \(utilisation.text): expected a share above 0 and at most 1 (e.g. 0.3)"
        }
        if !(1...10_000_000).contains(draws) { return "--draws \(draws): expected 1 to 10000000" }
        return nil
    }

    func run() throws {
        // Checked here, not in validate(), which ArgumentParser also calls to print --help.
        if let problem = optionProblem() {
            FileHandleOutput.error("repat: error: \(problem)")
            throw ExitCode(2)
        }
        if let importLitellm {
            try importTable(importLitellm)
            return
        }
        let text = try badInputExits { () throws(ROIError) in
            let requirements = try require.map { text throws(ROIError) in try SovereigntyRequirement.parse(text) }
            var book = try PriceBook.load(directory: try PricingFolder.locate(pricingDir))
            if let usage { try book.apply(usage: usage) }
            if let config { try book.apply(config: config) }
            if let prices { try book.addPrices(file: prices) }
            if let hardware { book.deployment.hardware = hardware }
            if let servers = servers?.integer { book.deployment.servers = servers }
            if let units = gpusPerServer?.integer { book.deployment.unitsPerServer = units }
            if let units = measuredGpus?.integer { book.deployment.measuredUnits = units }
            if let volume = volume?.number { book.deployment.volume = volume }
            if let utilisation = utilisation?.number { book.deployment.utilisation = utilisation }
            if let target { book.deployment.target = target }
            if !api.isEmpty { book.deployment.apis = api }
            let targets = try RunReader.read(runs)
            let today = String(Timestamp.iso8601(Date()).prefix(10))
            var scenario = try ROIPlanner.scenario(book: book, targets: targets, allowSLOMiss: allowSloMiss, allowPartial: allowPartial, today: today)
            scenario.monteCarloDraws = draws
            scenario.monteCarloSeed = seed
            let result = try SovereignAnalysis.run(scenario, sovereignty: book.sovereigntyInputs, requirements: requirements)
            return format == .table && !all ? ROISummary.text(result, width: Self.terminalWidth()) : format.render(result)
        }
        if format == .html, output == nil, let first = runs.first {
            let destination = (RunReader.folder(of: first) as NSString).appendingPathComponent("roi.html")
            try writeOutput(text, to: destination)
            print("report: \(destination)")
            return
        }
        try writeOutput(text, to: output)
    }

    /// The width the summary fits: `COLUMNS` when it is a positive number, else 100.
    private static func terminalWidth() -> Int {
        ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 100
    }

    /// `--import-litellm`: reads the JSON, writes the table, prints where.
    private func importTable(_ file: String) throws {
        let today = Timestamp.iso8601(Date()).prefix(10)
        let table = try badInputExits { () throws(ROIError) in
            guard let data = FileManager.default.contents(atPath: file) else { throw ROIError("\(file): cannot read") }
            let prices = try LiteLLMImporter.prices(from: data, file: file, read: String(today))
            guard !prices.isEmpty else { throw ROIError("\(file): no text-generation entry with input and output prices") }
            return LiteLLMImporter.yaml(prices, importedFrom: file, at: String(today))
        }
        let destination = output ?? "litellm-prices-\(today).yaml"
        try writeOutput(table, to: destination)
        print("prices: \(destination)")
    }
}
