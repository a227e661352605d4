import Foundation

/// The submit script `repat deploy slurm` prints: an `sbatch --array` job running one shard per
/// task (`repat run --shard auto`, all starting together at a barrier in the shared results
/// folder), and a merge job that runs once every task has succeeded (`--dependency=afterok:`).
///
/// Secrets are never written into it: the tasks inherit the submitting shell's environment
/// (`--export=ALL`), where the scenario's key variables must be set.
public struct SlurmLauncher: Sendable {
    /// Absolute path of the scenario file, as the compute nodes see it.
    public var scenario: String
    /// Scenario name, for job names and the run id.
    public var scenarioName: String
    /// Number of shards (array tasks).
    public var shards: Int
    /// Absolute path of the shared results folder.
    public var resultsDir: String
    /// Absolute path of the `repat` executable on the compute nodes.
    public var repat: String
    /// Slurm partition, when given.
    public var partition: String?
    /// Slurm time limit (`--time`), when given.
    public var timeLimit: String?
    /// Seconds a shard waits at the barrier for the others.
    public var barrierTimeoutS: Int
    /// Environment variables the scenario reads (API keys, `${VAR}` references), by name only.
    public var secretVariables: [String]

    /// Creates a launcher.
    public init(
        scenario: String, scenarioName: String, shards: Int, resultsDir: String, repat: String, partition: String?, timeLimit: String?,
        barrierTimeoutS: Int, secretVariables: [String]
    ) {
        self.scenario = scenario
        self.scenarioName = scenarioName
        self.shards = shards
        self.resultsDir = resultsDir
        self.repat = repat
        self.partition = partition
        self.timeLimit = timeLimit
        self.barrierTimeoutS = barrierTimeoutS
        self.secretVariables = secretVariables
    }

    /// The script: run it with `bash` on a submit host; it prints the two job ids and the run folder.
    public var script: String {
        var options = ["--parsable", "--export=ALL"]
        if let partition { options.append("--partition=\(ShellQuote.word(partition))") }
        if let timeLimit { options.append("--time=\(ShellQuote.word(timeLimit))") }
        let common = options.joined(separator: " ")
        let name = ShellQuote.word("repat-\(scenarioName)")
        var lines = [
            "#!/usr/bin/env bash",
            "# repat: \(shards) shards of \(scenarioName) as a Slurm array job, then a merge job once every shard has succeeded.",
            "# Submit from a host whose file system the compute nodes share: bash THIS_FILE",
            "set -euo pipefail",
        ]
        if !secretVariables.isEmpty {
            lines.append("# The shards read these from the environment sbatch passes on (--export=ALL); set them before submitting:")
            for variable in secretVariables {
                lines.append(": \"${\(variable):?set \(variable) in this shell before submitting}\"")
            }
        }
        lines += [
            "export REPAT_BIN=\(ShellQuote.word(repat))",
            "export REPAT_SCENARIO=\(ShellQuote.word(scenario))",
            "export REPAT_RESULTS=\(ShellQuote.word(resultsDir))",
            "export REPAT_RUN_ID=\"${REPAT_RUN_ID:-\(scenarioName)-$(date -u +%Y%m%dT%H%M%SZ)}\"",
            "export REPAT_BARRIER_TIMEOUT=\(barrierTimeoutS)",
            "mkdir -p \"$REPAT_RESULTS/$REPAT_RUN_ID\"",
            "",
            "# One shard per array task; --shard auto reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN.",
            "shards=$(sbatch \(common) --array=0-\(shards - 1) --ntasks=1 --job-name=\(name) \\",
            "  --output=\"$REPAT_RESULTS/$REPAT_RUN_ID/slurm-shard-%a.log\" <<'SHARD'",
            "#!/usr/bin/env bash",
            "exec \"$REPAT_BIN\" run \"$REPAT_SCENARIO\" --shard auto --run-id \"$REPAT_RUN_ID\" --results-dir \"$REPAT_RESULTS\" \\",
            "  --barrier \"$REPAT_RESULTS/$REPAT_RUN_ID/barrier\" --barrier-timeout \"$REPAT_BARRIER_TIMEOUT\" --quiet",
            "SHARD",
            ")",
            "",
            "# The merge, once every shard has exited 0.",
            "merge=$(sbatch \(common) --dependency=afterok:\"${shards%%;*}\" --ntasks=1 --job-name=\(ShellQuote.word("repat-\(scenarioName)-merge")) \\",
            "  --output=\"$REPAT_RESULTS/$REPAT_RUN_ID/slurm-merge.log\" <<'MERGE'",
            "#!/usr/bin/env bash",
            "exec \"$REPAT_BIN\" merge \"$REPAT_RESULTS/$REPAT_RUN_ID\"",
            "MERGE",
            ")",
            "echo \"shards job: ${shards%%;*}\"",
            "echo \"merge job: ${merge%%;*}\"",
            "echo \"run folder: $REPAT_RESULTS/$REPAT_RUN_ID\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Single-quoting for POSIX shells.
enum ShellQuote {
    /// `text` as one shell word: bare when it holds only safe characters, else single-quoted.
    static func word(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:=@%+,".contains($0)) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
