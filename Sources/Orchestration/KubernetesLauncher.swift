import Foundation

/// The manifests `repat deploy kubernetes` prints: a ConfigMap holding the scenario, a
/// ReadWriteMany PersistentVolumeClaim for results, an Indexed Job running one shard per pod
/// (`completionMode: Indexed`, `JOB_COMPLETION_INDEX` of `REPAT_SHARD_COUNT`, all starting at a
/// barrier on the shared volume), and a merge Job that waits on the volume for every shard to
/// finish, then merges.
///
/// Secrets are never written in: each key variable the scenario reads comes from a Kubernetes
/// Secret (`secretKeyRef`), created beforehand by whoever holds the keys.
public struct KubernetesLauncher: Sendable {
    /// The scenario file's text, put in the ConfigMap.
    public var scenarioText: String
    /// Scenario name, for object names and the run id.
    public var scenarioName: String
    /// Number of shards (completions and parallelism).
    public var shards: Int
    /// Container image with `repat` on its PATH.
    public var image: String
    /// Namespace, when given.
    public var namespace: String?
    /// The run id the shards share.
    public var runID: String
    /// Seconds a shard waits at the barrier for the others.
    public var barrierTimeoutS: Int
    /// Environment variables the scenario reads (API keys, `${VAR}` references), by name only.
    public var secretVariables: [String]
    /// Size asked for the results volume.
    public var storage: String

    /// Creates a launcher.
    public init(
        scenarioText: String, scenarioName: String, shards: Int, image: String, namespace: String?, runID: String, barrierTimeoutS: Int,
        secretVariables: [String], storage: String = "1Gi"
    ) {
        self.scenarioText = scenarioText
        self.scenarioName = scenarioName
        self.shards = shards
        self.image = image
        self.namespace = namespace
        self.runID = runID
        self.barrierTimeoutS = barrierTimeoutS
        self.secretVariables = secretVariables
        self.storage = storage
    }

    /// Object names: lower-case letters, digits and dashes, at most 40 characters before a suffix.
    var baseName: String {
        let lowered = "repat-" + scenarioName.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        return String(lowered.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// The Secret the key variables are read from.
    public var secretName: String { "\(baseName)-keys" }

    /// Every manifest, as one multi-document YAML stream.
    public var manifests: String {
        [configMap, volumeClaim, shardJob, mergeJob].joined(separator: "---\n")
    }

    private var metadataLines: [String] {
        namespace.map { ["  namespace: \(Self.quoted($0))"] } ?? []
    }

    private var configMap: String {
        var lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: \(baseName)-scenario"] + metadataLines
        lines += ["data:", "  scenario.yaml: |"]
        lines += scenarioText.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    \($0)" }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    private var volumeClaim: String {
        (["apiVersion: v1", "kind: PersistentVolumeClaim", "metadata:", "  name: \(baseName)-results"] + metadataLines + [
            "spec:", "  accessModes: [ReadWriteMany]", "  resources:", "    requests:", "      storage: \(Self.quoted(storage))",
        ]).joined(separator: "\n") + "\n"
    }

    private func job(name: String, indexed: Bool, command: [String], environment: [String]) -> String {
        var lines = ["apiVersion: batch/v1", "kind: Job", "metadata:", "  name: \(name)"] + metadataLines + ["spec:"]
        if indexed {
            lines += ["  completionMode: Indexed", "  completions: \(shards)", "  parallelism: \(shards)"]
        }
        lines += [
            "  backoffLimit: 0", "  template:", "    spec:", "      restartPolicy: Never", "      containers:", "        - name: repat",
            "          image: \(Self.quoted(image))", "          command:",
        ]
        lines += command.map { "            - \(Self.quoted($0))" }
        if !environment.isEmpty { lines += ["          env:"] + environment }
        lines += [
            "          volumeMounts:", "            - name: scenario", "              mountPath: /scenario", "              readOnly: true",
            "            - name: results", "              mountPath: /results", "      volumes:", "        - name: scenario", "          configMap:",
            "            name: \(baseName)-scenario", "        - name: results", "          persistentVolumeClaim:", "            claimName: \(baseName)-results",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private var shardJob: String {
        var environment = ["            - name: REPAT_SHARD_COUNT", "              value: \"\(shards)\""]
        for variable in secretVariables {
            environment += [
                "            - name: \(variable)", "              valueFrom:", "                secretKeyRef:",
                "                  name: \(secretName)", "                  key: \(variable)",
            ]
        }
        return job(
            name: "\(baseName)-shards", indexed: true,
            command: [
                "repat", "run", "/scenario/scenario.yaml", "--shard", "auto", "--run-id", runID, "--results-dir", "/results",
                "--barrier", "/results/\(runID)/barrier", "--barrier-timeout", String(barrierTimeoutS), "--quiet",
            ],
            environment: environment
        )
    }

    private var mergeJob: String {
        job(
            name: "\(baseName)-merge", indexed: false,
            command: ["repat", "merge", "/results/\(runID)", "--wait", "86400"], environment: []
        )
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
