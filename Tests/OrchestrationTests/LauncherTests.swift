import Foundation
import LoadGen
import LoopbackSupport
import Orchestration
import Testing
import Workload

/// `kubernetes-validate` (PyPI), where the CI step or a developer installed it: on PATH or in
/// the venv under ~/.cache/repat.
private let kubernetesValidate: String? = {
    let venv = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/repat/venv/bin/kubernetes-validate").path
    if FileManager.default.isExecutableFile(atPath: venv) { return venv }
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(folder)/kubernetes-validate"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}()

@Suite("what repat deploy prints for Slurm and Kubernetes")
struct LauncherTests {
    private let scenarioText = """
        name: chat-eval
        seed: 3
        targets:
          - name: api
            dialect: openai-chat
            base_url: https://api.example.com/v1
            api_key_env: EXAMPLE_API_KEY
            model: m
        load:
          rate: [4]
          requests: 8
        workload:
          prompt_tokens: 8
          max_tokens: 4

        """

    private func kubernetes(shards: Int = 4) -> KubernetesLauncher {
        KubernetesLauncher(
            scenarioText: scenarioText, scenarioName: "Chat Eval", shards: shards, image: "registry.example/repat:1", namespace: "bench",
            runID: "chat-eval-1", barrierTimeoutS: 300, secretVariables: ["EXAMPLE_API_KEY"]
        )
    }

    @Test("the Indexed Job runs N pods at once with the shard count and each key from a Secret; the merge Job waits on the shared volume")
    func kubernetesManifests() {
        let text = kubernetes().manifests
        #expect(text.components(separatedBy: "\n---\n").count == 4)
        for line in ["kind: ConfigMap", "kind: PersistentVolumeClaim", "accessModes: [ReadWriteMany]", "completionMode: Indexed", "completions: 4", "parallelism: 4",
                     "- name: REPAT_SHARD_COUNT", "value: \"4\"", "secretKeyRef:", "name: repat-chat-eval-keys", "key: EXAMPLE_API_KEY",
                     "- \"--shard\"", "- \"auto\"", "- \"merge\"", "- \"--wait\"", "namespace: \"bench\"", "    api_key_env: EXAMPLE_API_KEY"] {
            #expect(text.contains(line), "\(line)")
        }
    }

    @Test("the Slurm script submits an array of N tasks and a merge job depending on their success, with keys passed by name only")
    func slurmScript() {
        let script = SlurmLauncher(
            scenario: "/shared/chat eval.yaml", scenarioName: "chat", shards: 3, resultsDir: "/shared/results", repat: "/opt/repat/bin/repat",
            partition: "gpu", timeLimit: "30:00", barrierTimeoutS: 900, secretVariables: ["EXAMPLE_API_KEY"]
        ).script
        for line in ["--array=0-2", "--dependency=afterok:\"${shards%%;*}\"", "--partition=gpu", "--time=30:00", "--shard auto", "--export=ALL",
                     "export REPAT_SCENARIO='/shared/chat eval.yaml'", ": \"${EXAMPLE_API_KEY:?", "merge \"$REPAT_RESULTS/$REPAT_RUN_ID\""] {
            #expect(script.contains(line), "\(line)")
        }
    }

    @Test(
        "the Kubernetes manifests pass the Kubernetes API schemas (kubernetes-validate --strict, offline)",
        .enabled(if: kubernetesValidate != nil, "kubernetes-validate is not installed: python3 -m venv ~/.cache/repat/venv && ~/.cache/repat/venv/bin/pip install kubernetes-validate (CI installs it)")
    )
    func kubernetesSchemas() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let file = folder + "/manifests.yaml"
        try kubernetes(shards: 2).manifests.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(kubernetesValidate))
        process.arguments = ["--strict", "--quiet", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    @Test("a scenario read for deploy names its key and ${VAR} variables without needing them set, and they never appear in what is printed")
    func variablesWithoutValues() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let file = folder + "/s.yaml"
        try scenarioText.replacingOccurrences(of: "model: m", with: "model: m\n    headers: {X-Team: \"${TEAM_TOKEN}\"}")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let launch = try LaunchScenario(path: file, environment: ["EXAMPLE_API_KEY": "sk-very-secret"])
        #expect(launch.variables == ["EXAMPLE_API_KEY", "TEAM_TOKEN"])
        let printed = KubernetesLauncher(
            scenarioText: launch.text, scenarioName: launch.plan.scenario.name, shards: 2, image: "i", namespace: nil, runID: "r",
            barrierTimeoutS: 60, secretVariables: launch.variables
        ).manifests
        #expect(!printed.contains("sk-very-secret") && printed.contains("key: TEAM_TOKEN"))
    }
}
