import NIOCore
import NIOHTTP1

extension HTTPHandler {
    /// Starts a generation: answers an injected rejection, or hands the request to a
    /// ``GenerationSession`` carrying its faults, streaming or buffering its response through the
    /// dialect's encoder.
    func generate(
        context: ChannelHandlerContext, _ reply: Reply, request: InferenceRequest, ticket: Engine.ArrivalTicket
    ) {
        if let rejection = ticket.faults.rejection {
            respond(context: context, reply, error: rejectionError(rejection))
            return
        }
        let now = WallClock.now()
        let keepAlive = request.keepAlive ?? .default
        engine.touchModel(at: now, keepAlive: keepAlive)
        let encoding = EncoderContext(
            defaultModel: engine.profile.modelName, receivedAt: now, idSeed: engine.idSeed(ordinal: ticket.ordinal))
        let outputSeed = engine.outputSeed(requestSeed: request.seed, ordinal: ticket.ordinal)
        var request = request
        // A tool call's tokens are its argument pieces, which the encoder sends as argument deltas.
        request.toolCall = ToolCallPlan.decide(for: request, options: engine.profile.toolCalls, seed: outputSeed)
        let encoder = reply.dialect.wire.encoder(for: request, context: encoding)
        let sampler = OutputSampler(
            maxTokens: request.maxTokens, minTokens: request.minTokens, ignoreEOS: request.ignoreEOS,
            eosProbability: engine.profile.eosProbability, seed: outputSeed,
            script: request.toolCall.map { reply.dialect.wire.streamsToolArguments ? $0.argumentPieces : [$0.argumentsJSON] }
                ?? engine.profile.answer(to: request, outputSeed: outputSeed).map(KnownAnswer.tokens),
            reasoningTokens: request.reasoningTokens)
        let engine = engine
        let finished = { engine.touchModel(at: WallClock.now(), keepAlive: keepAlive) }
        let session =
            request.stream
            ? streamingSession(
                context: context, reply, encoder: encoder, sampler: sampler, faults: ticket.faults, finished: finished,
                groundTruth: engine.profile.groundTruth.enabled
                    ? GroundTruthStamper(request: ticket.ordinal, log: engine.groundTruthLog) : nil)
            : bufferedSession(
                context: context, reply, encoder: encoder, sampler: sampler, faults: ticket.faults, finished: finished)
        state = .responding(session: session)
        session.start(promptTokens: request.promptTokens, promptBlocks: request.promptBlocks)
    }

    /// A session that streams: the head and opening events now, then an event per token (flushed
    /// per token, or once per zero-latency burst; the answer preamble before the first answer
    /// token after reasoning), then the closing events; an injected abort cuts the connection or
    /// ends with failure events.
    /// `finished` runs when the last token is out. With `groundTruth`, each token's text is replaced
    /// by its write time just before its event is encoded and written.
    private func streamingSession(
        context: ChannelHandlerContext, _ reply: Reply, encoder: any ResponseEncoding, sampler: OutputSampler,
        faults: FaultPlan, finished: @escaping () -> Void, groundTruth: GroundTruthStamper?
    ) -> GenerationSession {
        let framing = encoder.framing
        writeStreamHead(context: context, reply, contentType: framing.contentType)
        writeEvents(context: context, encoder.openingEvents(), framing: framing, flush: true)
        return GenerationSession(
            engine: engine, eventLoop: context.eventLoop, sampler: sampler, faults: faults,
            reasoningInterval: reasoningInterval,
            onToken: { token, index, flush in
                var events = encoder.eventsBefore(token, index: index)
                if !token.isReasoning, index > 0, index == sampler.reasoningTokens {
                    events += encoder.answerPreamble()
                }
                let token = groundTruth?.stamp(token, index: index) ?? token
                events.append(faults.tokenEvent(token, index: index, encoder: encoder))
                // A stamped token goes out at once, so its stamp is its write time.
                self.writeEvents(context: context, events, framing: framing, flush: flush || groundTruth != nil)
            },
            onFinish: { outcome in
                finished()
                self.state = .idle
                self.writeEvents(context: context, encoder.closingEvents(outcome), framing: framing, flush: false)
                self.endResponse(context: context, keepAlive: reply.keepAlive)
            },
            onAbort: { kind in
                switch kind {
                case .disconnect:
                    self.disconnect(context: context, streaming: true)
                case .streamError:
                    self.state = .idle
                    let events = encoder.failureEvents(.generationFailed)
                    self.writeEvents(context: context, events, framing: framing, flush: false)
                    self.endResponse(context: context, keepAlive: reply.keepAlive)
                }
            },
            onFlush: { context.flush() })
    }

    /// A session that answers once, with the whole body; an injected abort closes the connection
    /// without a response or answers the failure as an error. `finished` runs when the last token
    /// is out.
    private func bufferedSession(
        context: ChannelHandlerContext, _ reply: Reply, encoder: any ResponseEncoding, sampler: OutputSampler,
        faults: FaultPlan, finished: @escaping () -> Void
    ) -> GenerationSession {
        var text = ""
        var reasoning = ""
        return GenerationSession(
            engine: engine, eventLoop: context.eventLoop, sampler: sampler, faults: faults,
            reasoningInterval: reasoningInterval,
            onToken: { token, index, _ in
                if token.isReasoning {
                    reasoning += faults.carried(token, index: index).text
                } else {
                    text += faults.carried(token, index: index).text
                }
            },
            onFinish: { outcome in
                finished()
                self.state = .idle
                let body = faults.deliveredBody(encoder.fullBody(text: text, reasoning: reasoning, outcome: outcome))
                self.respond(context: context, reply, status: .ok, body: body)
            },
            onAbort: { kind in
                switch kind {
                case .disconnect:
                    self.disconnect(context: context, streaming: false)
                case .streamError:
                    self.state = .idle
                    self.respond(context: context, reply, error: .generationFailed)
                }
            })
    }

    /// The gap after each reasoning token, from ``EngineProfile/ReasoningOptions/interTokenMs``;
    /// nil to reason at the engine's decode pace.
    private var reasoningInterval: TimeAmount? {
        engine.profile.reasoning.interTokenMs.map { .nanoseconds(Int64(($0 * 1e6).rounded())) }
    }

    /// An injected disconnect: once what was written is out, the connection closes without
    /// ending the response (no terminating chunk), so the client sees a cut stream. Without a
    /// response head (`streaming` false) there is nothing to wait for: it closes at once.
    private func disconnect(context: ChannelHandlerContext, streaming: Bool) {
        state = .closing
        guard streaming else { return context.close(promise: nil) }
        // An empty body part is not framed as a chunk; its promise tells when earlier writes are
        // out, so closing does not discard them.
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer()))), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// The error an injected rejection is answered with: 500, 503, or 429 with a retry time of
    /// ``EngineProfile/FaultOptions/retryAfterSeconds`` (as an HTTP-date when
    /// ``EngineProfile/FaultOptions/retryAfterDate`` is set).
    func rejectionError(_ rejection: FaultPlan.Rejection) -> APIError {
        let faults = engine.profile.faults
        switch rejection {
        case .serverError:
            return .injected
        case .unavailable:
            return .unavailable
        case .rateLimited:
            let header = faults.retryAfterDate
                ? HTTPDate.format(unixSeconds: Int(WallClock.now()) + faults.retryAfterSeconds)
                : String(faults.retryAfterSeconds)
            return .rateLimited(RetryAfter(seconds: faults.retryAfterSeconds, headerValue: header))
        }
    }
}
