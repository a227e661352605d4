import RepatSupport

/// Produces the run's prompt items from the workload spec and the seed.
///
/// Item `i` depends only on the seed, `i` and the spec (plus the dataset file and calibration
/// factor, both fixed before the run), never on generation order — so a duration-bound run draws
/// as many items as it needs, and every target, in every run with the same inputs, gets
/// byte-identical items.
public struct WorkloadGenerator: Sendable {
    /// The workload shape.
    public let spec: WorkloadSpec
    /// The scenario's seed.
    public let seed: UInt64
    /// Prompts from a file, for dataset workloads.
    public let dataset: PromptDataset?
    /// The replayed requests in send order (the trace's window), for trace workloads.
    public let trace: [TraceRequest]
    /// Target tokens per generated word, measured by calibration (1 without). A prompt of N
    /// tokens gets round(N / tokensPerWord) words.
    public let tokensPerWord: Double

    /// A generator. `dataset` must be given for dataset workloads, `trace` for trace workloads.
    public init(spec: WorkloadSpec, seed: UInt64, dataset: PromptDataset? = nil, trace: [TraceRequest] = [], tokensPerWord: Double = 1) {
        self.spec = spec
        self.seed = seed
        self.dataset = dataset
        self.trace = trace
        self.tokensPerWord = tokensPerWord > 0 ? tokensPerWord : 1
    }

    /// The item at position `index` (from 0).
    ///
    /// All system text — the scenario's system prompt, then the shared prefix, then a dataset
    /// entry's own system turn (first turn only) — is joined into one leading system message, so
    /// roles alternate as strict chat templates require.
    public func item(at index: Int) -> PromptItem {
        if case .embeddings(let retrieval) = spec.source {
            return retrievalItem(at: index, retrieval)
        }
        let turns = max(1, spec.turns)
        let session = index / turns
        let turn = index % turns
        var system: [String] = []
        if let prompt = spec.systemPrompt { system.append(prompt) }
        if let prefix = spec.sharedPrefix {
            let group = UInt64(session % prefix.groups)
            var generator = SeededGenerator(seed: seed ^ 0x5348_4152_4544, stream: group)
            system.append(words(tokens: prefix.tokens, &generator))
        }
        var conversation: [ChatMessage] = []
        var maxTokens = 1
        var expected: ExpectedAnswer?
        var retrieval: RetrievalInput?
        for step in 0...turn {
            let (messages, budget, answer) = exchange(session: session, turn: step)
            retrieval = documents(session: session, turn: step)
            for message in messages {
                if message.role == "system" {
                    if step == 0 { system.append(message.content) }
                } else {
                    conversation.append(message)
                }
            }
            maxTokens = budget
            expected = answer
            if step < turn {
                // Earlier turns' answers are synthetic and seeded, so the history is identical on
                // every target whatever each model actually replied.
                var generator = SeededGenerator(seed: seed ^ 0x5245_504C_59, stream: UInt64(session * turns + step))
                conversation.append(ChatMessage(role: "assistant", content: words(tokens: budget, &generator)))
            }
        }
        let head = system.isEmpty ? [] : [ChatMessage(role: "system", content: system.joined(separator: "\n\n"))]
        let tools = itemTools(session: session, turn: turn)
        return PromptItem(
            index: index, messages: head + conversation, maxTokens: maxTokens, expected: expected,
            tools: tools.functions, toolChoice: tools.choice, outputSchema: outputSchema(session: session, turn: turn),
            agent: tools.agent, retrieval: retrieval)
    }

    /// The dataset entry one turn of one session draws, when the workload is a dataset.
    private func entry(session: Int, turn: Int) -> PromptDataset.Entry? {
        guard case .dataset = spec.source, let entries = dataset?.entries, !entries.isEmpty else { return nil }
        let stream = UInt64(session * max(1, spec.turns) + turn)
        return entries[Int(stream % UInt64(entries.count))]
    }

    /// The query and documents a dataset line gives the turn, if it gives any.
    private func documents(session: Int, turn: Int) -> RetrievalInput? {
        entry(session: session, turn: turn)?.retrieval
    }

    /// The output schema of one turn of one session: its dataset entry's, or else the workload's.
    private func outputSchema(session: Int, turn: Int) -> OutputSchema? {
        entry(session: session, turn: turn)?.outputSchema ?? spec.outputSchema
    }

    /// The tools of one turn of one session: its dataset entry's, or else the workload's.
    private func itemTools(session: Int, turn: Int) -> ItemTools {
        if let tools = entry(session: session, turn: turn)?.tools, !tools.isEmpty { return tools }
        return spec.tools
    }

    /// The user message, output budget and expected answer (dataset entries only) of one turn of
    /// one session.
    private func exchange(session: Int, turn: Int) -> ([ChatMessage], Int, ExpectedAnswer?) {
        let stream = UInt64(session * max(1, spec.turns) + turn)
        var generator = SeededGenerator(seed: seed, stream: stream)
        switch spec.source {
        case .synthetic(let promptTokens):
            let length = promptTokens.sample(&generator)
            let budget = spec.maxTokens.sample(&generator)
            return ([ChatMessage(role: "user", content: words(tokens: length, &generator))], budget, nil)
        case .dataset:
            guard let entries = dataset?.entries, !entries.isEmpty else {
                return ([], spec.maxTokens.sample(&generator), nil)
            }
            let entry = entries[Int(stream % UInt64(entries.count))]
            let budget = entry.maxTokens ?? spec.maxTokens.sample(&generator)
            return (entry.messages, max(1, budget), entry.expected)
        case .embeddings:
            // Items of a retrieval workload are made whole by ``retrievalItem(at:_:)``.
            return ([], 1, nil)
        case .trace:
            // One turn per request (the loader refuses turns with a trace), so session is the index.
            guard !trace.isEmpty else { return ([], 1, nil) }
            let request = trace[session % trace.count]
            let text = request.promptText(index: session % trace.count, seed: seed, tokensPerWord: tokensPerWord)
            return ([ChatMessage(role: "user", content: text)], max(1, request.outputTokens), nil)
        }
    }

    /// Item `index` of a retrieval workload: a query of `query_tokens` and `batch_size`
    /// documents of `input_tokens` each, drawn in that order from the item's own stream; its
    /// conversation is the query alone (after the system prompt, if any), as a pipeline's
    /// generation step frames it with the documents it kept.
    private func retrievalItem(at index: Int, _ retrieval: EmbeddingWorkload) -> PromptItem {
        var generator = SeededGenerator(seed: seed, stream: UInt64(index))
        let query = words(tokens: retrieval.queryTokens.sample(&generator), &generator)
        let documents = (0..<retrieval.batchSize).map { _ in
            words(tokens: retrieval.inputTokens.sample(&generator), &generator)
        }
        let maxTokens = spec.maxTokens.sample(&generator)
        var messages = spec.systemPrompt.map { [ChatMessage(role: "system", content: $0)] } ?? []
        messages.append(ChatMessage(role: "user", content: query))
        return PromptItem(
            index: index, messages: messages, maxTokens: maxTokens,
            retrieval: RetrievalInput(query: query, documents: documents))
    }

    private func words(tokens: Int, _ generator: inout SeededGenerator) -> String {
        WordList.text(count: max(1, Int((Double(tokens) / tokensPerWord).rounded())), &generator)
    }

    /// Plain generated text of `count` words (calibration probes), independent of the workload.
    public static func sampleText(words count: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed ^ 0x4341_4C49_42)
        return WordList.text(count: count, &generator)
    }
}
