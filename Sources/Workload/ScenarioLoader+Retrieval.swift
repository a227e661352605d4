import Metrics
import Yams

/// Reading what retrieval scenarios add: `workload.embeddings` (generated queries and document
/// batches), `pipelines:`, and the check that each target's dialect suits the workload.
extension ScenarioLoader {
    /// Fields allowed under `workload.embeddings`.
    static let embeddingFields = ["batch_size", "input_tokens", "query_tokens"]
    /// Fields allowed in a pipeline.
    static let pipelineFields = ["name", "steps", "top_k"]

    /// `workload.embeddings`: `batch_size` (required), `input_tokens` (required) and
    /// `query_tokens` (default 16), lengths as `prompt_tokens` takes them.
    func embeddingSource(_ workload: YAMLFields, into report: inout ProblemReport) -> WorkloadSpec.Source? {
        guard let node = workload.node("embeddings"),
              let fields = YAMLFields(node, path: workload.field("embeddings"), allowed: Self.embeddingFields, into: &report)
        else { return nil }
        let batchSize = fields.int("batch_size", required: true, range: 1...EmbeddingWorkload.maxBatchSize, into: &report)
        let inputTokens = length("input_tokens", in: fields, required: true, into: &report)
        let queryTokens = length("query_tokens", in: fields, into: &report) ?? .fixed(16)
        guard let batchSize, let inputTokens else { return nil }
        return .embeddings(EmbeddingWorkload(batchSize: batchSize, inputTokens: inputTokens, queryTokens: queryTokens))
    }

    /// `pipelines:`: each a unique name, 2 or 3 steps naming targets of this scenario (each used
    /// once, in the order embedding, rerank, generation; the generation last) and `top_k`; the
    /// workload must be `embeddings:`, whose items carry the query and documents.
    func readPipelines(
        _ root: YAMLFields, targets: [ScenarioReading.Target], source: WorkloadSpec.Source?, into report: inout ProblemReport
    ) -> [PipelineSpec] {
        guard let node = root.node("pipelines") else { return [] }
        guard case .sequence(let items) = node, !items.isEmpty else {
            report.add("pipelines", line: node.mark?.line, "expected a list of pipelines, each with name and steps")
            return []
        }
        if let source, !Self.mayCarryDocuments(source) {
            report.add("pipelines", line: node.mark?.line, "a pipeline needs each item's query and documents: workload.embeddings, or a dataset whose lines carry documents")
        }
        var names = Set(targets.map(\.spec.name))
        var used: Set<String> = []
        var pipelines: [PipelineSpec] = []
        for (index, item) in items.enumerated() {
            guard let fields = YAMLFields(item, path: "pipelines[\(index)]", allowed: Self.pipelineFields, into: &report) else { continue }
            let name = fields.string("name", required: true, into: &report) ?? ""
            if !name.isEmpty && !name.allSatisfy(Self.isNameCharacter) {
                report.add(fields.field("name"), line: fields.node("name")?.mark?.line, "use only letters, digits, '-', '_' and '.'")
            } else if !name.isEmpty && !names.insert(name).inserted {
                report.add(fields.field("name"), line: fields.node("name")?.mark?.line, "name '\(name)' is already used by a target or pipeline")
            }
            let steps = pipelineSteps(fields, targets: targets, used: &used, into: &report)
            let topK = fields.int("top_k", range: 1...EmbeddingWorkload.maxBatchSize, into: &report) ?? 3
            if let source, case .embeddings(let workload) = source, topK > workload.batchSize {
                report.add(fields.field("top_k"), line: fields.node("top_k")?.mark?.line, "must not exceed workload.embeddings.batch_size (\(workload.batchSize))")
            }
            if let steps { pipelines.append(PipelineSpec(name: name, steps: steps, topK: topK)) }
        }
        return pipelines
    }

    /// A pipeline's `steps`: known target names, none used twice in the scenario's pipelines,
    /// in the order of their request kinds (where the catalog knows their dialects).
    private func pipelineSteps(
        _ fields: YAMLFields, targets: [ScenarioReading.Target], used: inout Set<String>, into report: inout ProblemReport
    ) -> [String]? {
        let field = fields.field("steps")
        guard let node = fields.node("steps") else {
            report.add(field, line: fields.line, "required field is missing: 2 or 3 target names (embedding, rerank, generation)")
            return nil
        }
        guard case .sequence(let items) = node, (2...3).contains(items.count) else {
            report.add(field, line: node.mark?.line, "expected a list of 2 or 3 target names: [embedding target, rerank target, generation target], the first or second left out")
            return nil
        }
        var steps: [String] = []
        var kinds: [RequestKind] = []
        for (position, item) in items.enumerated() {
            let stepField = "\(field)[\(position)]"
            guard let name = item.string, let target = targets.first(where: { $0.spec.name == name }) else {
                let names = targets.map(\.spec.name)
                report.add(stepField, line: item.mark?.line, "no target named \(Self.quoted(item.string ?? "", among: names)) (targets: \(names.joined(separator: ", ")))")
                return nil
            }
            guard used.insert(name).inserted else {
                report.add(stepField, line: item.mark?.line, "target '\(name)' is already a step of a pipeline")
                return nil
            }
            steps.append(name)
            if let kind = catalog.requestKind(of: target.spec.dialect) { kinds.append(kind) }
        }
        if kinds.count == steps.count, !Self.isPipelineOrder(kinds) {
            let described = zip(steps, kinds).map { "\($0) (\($1.rawValue))" }.joined(separator: ", ")
            report.add(field, line: node.mark?.line, "steps must be an embedding target, a rerank target and a generation target, in that order, the first or second left out; got \(described)")
            return nil
        }
        return steps
    }

    /// Whether `kinds` are an optional embedding, an optional rerank and a generation, in order.
    static func isPipelineOrder(_ kinds: [RequestKind]) -> Bool {
        let order: [RequestKind] = [.embedding, .rerank, .generation]
        let positions = kinds.compactMap { order.firstIndex(of: $0) }
        return kinds.last == .generation && zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Each target driven on its own (in no pipeline) must suit the workload: embedding and
    /// rerank targets need `workload.embeddings`, generation targets a prompt source. Targets of
    /// a dialect the catalog does not know are left to the dialect check.
    func checkRequestKinds(
        targets: [ScenarioReading.Target], pipelines: [PipelineSpec], source: WorkloadSpec.Source?, into report: inout ProblemReport
    ) {
        guard let source else { return }
        let members = Set(pipelines.flatMap(\.steps))
        let retrieval = Self.isRetrieval(source)
        let documents = Self.mayCarryDocuments(source)
        for target in targets where !members.contains(target.spec.name) {
            guard let kind = catalog.requestKind(of: target.spec.dialect) else { continue }
            let field = "targets[\(target.index)].dialect"
            let line = report.locations.line(of: field) ?? report.locations.line(of: "targets[\(target.index)]")
            if kind == .generation && retrieval {
                report.add(field, line: line, "target '\(target.spec.name)' generates text (\(target.spec.dialect)) but workload.embeddings gives it no prompt: make it the last step of a pipeline, or measure it in a scenario of its own")
            } else if kind != .generation && !documents {
                report.add(field, line: line, "target '\(target.spec.name)' asks for \(kind == .rerank ? "reranks" : "embeddings") (\(target.spec.dialect)): the workload needs embeddings: (batch_size, input_tokens), or a dataset whose lines carry documents, instead of prompt_tokens or trace")
            }
        }
    }

    /// Whether a workload's items may carry documents: `embeddings:` always, a dataset when its
    /// lines do (checked once it is read).
    static func mayCarryDocuments(_ source: WorkloadSpec.Source) -> Bool {
        if case .dataset = source { return true }
        return isRetrieval(source)
    }

    /// Whether a workload source is a retrieval one (`embeddings:`).
    static func isRetrieval(_ source: WorkloadSpec.Source) -> Bool {
        if case .embeddings = source { return true }
        return false
    }
}
