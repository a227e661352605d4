import ArgumentParser
import Foundation
import LoadGen
import Orchestration
import Results
import Workload

/// `repat deploy slurm|kubernetes`: prints what a scheduler runs to split a scenario into shards
/// and merge them (docs/scale-out.md).
struct Deploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what Slurm or Kubernetes runs to split a scenario into shards and merge them.",
        discussion: """
        Nothing is submitted: the script or manifests go to standard output. API keys are never \
        written in: Slurm tasks inherit the submitting shell's environment; Kubernetes pods read \
        each key from a Secret. See docs/scale-out.md. Exit codes: 0 printed, 2 bad input.
        """,
        subcommands: [DeploySlurm.self, DeployKubernetes.self]
    )
}

/// The options both launchers share.
struct DeployArguments: ParsableArguments {
    @Argument(help: "Scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Number of shards (array tasks or pods).")
    var shards: Int

    @Option(name: .customLong("barrier-timeout"), help: "Seconds a shard waits for the others at the start of each level.")
    var barrierTimeout = 600

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be 1 or more") }
        guard barrierTimeout > 0 else { throw ValidationError("--barrier-timeout must be more than zero seconds") }
    }

    /// The scenario read (unset key variables allowed) and checked for splitting into ``shards``.
    /// - Throws: `ExitCode(2)` after printing every problem.
    func read() throws -> LaunchScenario {
        let launch: LaunchScenario
        do {
            launch = try LaunchScenario(path: scenario, environment: ProcessInfo.processInfo.environment)
        } catch {
            for problem in error.problems { FileHandleOutput.error(problem.description) }
            throw ExitCode(2)
        }
        let problems = ShardSetup(shard: Shard(index: 0, count: shards)!, runID: "-", start: .immediately).problems(launch.plan)
        guard problems.isEmpty else {
            for problem in problems { FileHandleOutput.error(problem.replacingOccurrences(of: "--shard", with: "--shards \(shards)")) }
            throw ExitCode(2)
        }
        return launch
    }
}

/// `repat deploy slurm SCENARIO --shards N`: an sbatch array job and a dependent merge job.
struct DeploySlurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Print a script submitting an sbatch --array job of N shards and a merge job that runs when all succeed.",
        discussion: "Run the printed script with bash on a submit host; paths are made absolute, so the compute nodes must see them (a shared file system)."
    )

    @OptionGroup var deploy: DeployArguments

    @Option(name: .long, help: "Slurm partition.")
    var partition: String?

    @Option(name: .long, help: "Slurm time limit of each job (sbatch --time, e.g. 30:00).")
    var time: String?

    @Option(name: .customLong("results-dir"), help: "Shared folder that receives the run folder.")
    var resultsDir = "results"

    @Option(name: .long, help: "The repat executable on the compute nodes (default: this one).")
    var repat: String?

    func run() throws {
        let launch = try deploy.read()
        let launcher = SlurmLauncher(
            scenario: Self.absolute(deploy.scenario), scenarioName: launch.plan.scenario.name, shards: deploy.shards,
            resultsDir: Self.absolute(resultsDir), repat: repat ?? Self.absolute("/proc/self/exe"),
            partition: partition, timeLimit: time, barrierTimeoutS: deploy.barrierTimeout, secretVariables: launch.variables
        )
        print(launcher.script, terminator: "")
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// `repat deploy kubernetes SCENARIO --shards N --image IMAGE`: a ConfigMap, a results volume, an
/// Indexed Job and a merge Job.
struct DeployKubernetes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "Print a ConfigMap (the scenario), a ReadWriteMany volume, an Indexed Job of N shards and a merge Job.",
        discussion: "Apply with kubectl apply -f -. Create the Secret the printed manifests name first, one key per variable the scenario reads."
    )

    @OptionGroup var deploy: DeployArguments

    @Option(name: .long, help: "Container image with repat on its PATH.")
    var image: String

    @Option(name: .long, help: "Namespace of every object.")
    var namespace: String?

    @Option(name: .customLong("run-id"), help: "Run id the shards share (default: the scenario name and the current UTC time).")
    var runID: String?

    @Option(name: .long, help: "Size of the results volume.")
    var storage = "1Gi"

    func run() throws {
        let launch = try deploy.read()
        let name = launch.plan.scenario.name
        let launcher = KubernetesLauncher(
            scenarioText: launch.text, scenarioName: name, shards: deploy.shards, image: image, namespace: namespace,
            runID: runID ?? ShardSetup.runID(startingAt: Date(), scenarioName: name), barrierTimeoutS: deploy.barrierTimeout,
            secretVariables: launch.variables, storage: storage
        )
        if !launch.variables.isEmpty {
            let keys = launch.variables.map { "--from-literal=\($0)=…" }.joined(separator: " ")
            FileHandleOutput.error("note: create the Secret first: kubectl create secret generic \(launcher.secretName) \(keys)")
        }
        print(launcher.manifests, terminator: "")
    }
}
