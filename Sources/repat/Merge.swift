import ArgumentParser
import Orchestration
import Results

/// `repat merge SHARD_FOLDER… --output FOLDER`: the shards of a split run as one run folder.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shards of a split run (repat run --shard) into one run folder.",
        discussion: """
        Give the shard folders (shard-i-of-N) and --output, or the one run folder holding them \
        (the merged files are then written beside them). Writes requests.csv (every row, ordered \
        by scheduled time on the earliest shard's clock), summary.csv from the shards' \
        HdrHistograms added bucket by bucket (so percentiles are those of one process measuring \
        every request), and run.json with each shard's host, clock state, client health and send \
        lag. compare, report and roi read the result like any run. Refuses shards of different \
        scenario files, seeds, repat versions or shard counts, and a missing or duplicated shard. \
        Exit codes: 0 merged, 2 shards that cannot be merged.
        """
    )

    @Argument(help: "Shard folders, or the one run folder holding them.")
    var shards: [String] = []

    @Option(name: .long, help: "Folder that receives the merged run (default: the one run folder given).")
    var output: String?

    @Option(name: .long, help: "Wait up to this many seconds for every shard in the one run folder given to finish before merging (a merge job started beside the shards).")
    var wait: Double?

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the shard folders, or the run folder holding them") }
        if wait != nil, shards.count != 1 { throw ValidationError("--wait needs the one run folder holding the shards") }
    }

    func run() throws {
        let result: ShardMerge.Result
        do {
            if let wait { try ShardMerge.waitForShards(in: shards[0], timeoutS: wait) }
            result = try ShardMerge.merge(shards, output: output)
        } catch {
            FileHandleOutput.error("repat merge: \(error.description)")
            throw ExitCode(2)
        }
        for note in result.notes { FileHandleOutput.error("note: \(note)") }
        print(SummaryTable.render(result.levels, slo: result.slo), terminator: "")
        print("results: \(result.directory.path)")
    }
}
