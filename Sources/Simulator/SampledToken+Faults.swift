extension SampledToken {
    /// The token with its text repeated and cut to exactly `bytes` UTF-8 bytes (the vocabulary is
    /// ASCII, so no character is split and JSON needs no escapes); the finish reason and the
    /// reasoning mark are kept.
    func enlarged(toBytes bytes: Int) -> SampledToken {
        let unit = Array(text.utf8)
        guard !unit.isEmpty, bytes > 0 else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes)
        while out.count < bytes {
            out.append(contentsOf: unit.prefix(bytes - out.count))
        }
        var enlarged = self
        enlarged.text = String(decoding: out, as: UTF8.self)
        return enlarged
    }
}

extension FaultPlan {
    /// Token `index` as the response carries it: enlarged when a large-event fault hits it.
    func carried(_ token: SampledToken, index: Int) -> SampledToken {
        guard let bytes = largeEventBytes, Self.isCorrupted(index: index, isLast: token.finishReason != nil) else {
            return token
        }
        return token.enlarged(toBytes: bytes)
    }

    /// Token `index`'s stream event from `encoder`, with this plan's large-event or malformed
    /// fault applied when `index` is the altered one (``isCorrupted(index:isLast:)``): a malformed
    /// event is cut just before the token's text.
    func tokenEvent(_ token: SampledToken, index: Int, encoder: any ResponseEncoding) -> StreamEvent {
        let carried = carried(token, index: index)
        let event = encoder.tokenEvent(carried, index: index)
        guard malformed, Self.isCorrupted(index: index, isLast: token.finishReason != nil) else { return event }
        return event.truncated(before: carried.text)
    }

    /// A non-streaming body made invalid JSON when the plan says malformed: `body` cut in half.
    func deliveredBody(_ body: String) -> String {
        guard malformed else { return body }
        return String(decoding: body.utf8.prefix(body.utf8.count / 2), as: UTF8.self)
    }
}
