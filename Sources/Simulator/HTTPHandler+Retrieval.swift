import NIOCore
import NIOHTTP1

extension HTTPHandler {
    /// Answers an embedding or rerank request: parsed in its API's shape, given its faults at
    /// arrival, then answered once its service time on the engine's retrieval slots has passed
    /// (``EngineProfile/RetrievalOptions``). Faults: a rejection answers at once (500, 429, 503);
    /// a stall adds its pause; a disconnect closes without an answer; a stream error answers
    /// 500; a malformed body is cut in half; slow headers delay everything.
    func retrieve(context: ChannelHandlerContext, _ reply: Reply, api: RetrievalAPI, body: [UInt8]) {
        let request: RetrievalRequest
        do throws(APIError) {
            request = try RetrievalRequest.parse(body, api: api)
        } catch {
            respond(context: context, reply, error: error)
            return
        }
        let ticket = engine.registerArrival()
        after(ticket.faults.headerDelay, context: context) {
            self.answerRetrieval(context: context, reply, request: request, faults: ticket.faults)
        }
    }

    private func answerRetrieval(context: ChannelHandlerContext, _ reply: Reply, request: RetrievalRequest, faults: FaultPlan) {
        if let rejection = faults.rejection {
            respond(context: context, reply, error: rejectionError(rejection))
            return
        }
        let options = engine.profile.retrieval
        let serviceNs = options.serviceNs(inputs: request.texts.count, tokens: request.tokens)
        let done = engine.admitRetrieval(serviceNs: serviceNs) + (faults.stall?.duration ?? .zero)
        let model = request.model ?? engine.profile.modelName
        let seed = engine.profile.seed
        after(max(.zero, done - NIODeadline.now()), context: context) {
            switch faults.abort?.kind {
            case .disconnect?:
                self.state = .closing
                context.close(promise: nil)
            case .streamError?:
                self.respond(context: context, reply, error: .generationFailed)
            case nil:
                let body = RetrievalResponse.body(
                    for: request, model: model, dimension: options.embeddingDim, seed: seed, serviceNs: serviceNs)
                self.respond(context: context, reply, status: .ok, body: faults.deliveredBody(body))
            }
        }
    }
}
