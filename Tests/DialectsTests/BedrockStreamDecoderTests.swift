import Dialects
import Metrics
import EventStream
import Testing

/// One ConverseStream event frame, with the headers Bedrock sends.
func bedrockEvent(_ type: String, _ json: String) -> [UInt8] {
    EventStreamMessage(
        headers: [
            EventStreamHeader(":event-type", .string(type)),
            EventStreamHeader(":content-type", .string("application/json")),
            EventStreamHeader(":message-type", .string("event")),
        ],
        payload: Array(json.utf8)
    ).encoded()
}

/// One ConverseStream exception frame.
func bedrockException(_ type: String, _ json: String) -> [UInt8] {
    EventStreamMessage(
        headers: [
            EventStreamHeader(":exception-type", .string(type)),
            EventStreamHeader(":content-type", .string("application/json")),
            EventStreamHeader(":message-type", .string("exception")),
        ],
        payload: Array(json.utf8)
    ).encoded()
}

/// A stream with thinking: start, a reasoning delta, two text deltas and an empty one, stop
/// (`max_tokens`), metadata (12 in, 4 out, 321 ms). Three deltas bear tokens.
let bedrockFrames: [[UInt8]] = [
    bedrockEvent("messageStart", #"{"p":"abcd","role":"assistant"}"#),
    bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"Think."}},"p":"ab"}"#),
    bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"c2ln"}},"p":"ab"}"#),
    bedrockEvent("contentBlockStop", #"{"contentBlockIndex":0,"p":"abcdef"}"#),
    bedrockEvent("contentBlockStart", #"{"contentBlockIndex":1,"start":{},"p":"a"}"#),
    bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":1,"delta":{"text":"Hello"},"p":"abcdefgh"}"#),
    bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":1,"delta":{"text":""},"p":"abc"}"#),
    bedrockEvent("contentBlockDelta", #"{"contentBlockIndex":1,"delta":{"text":" world"},"p":"ab"}"#),
    bedrockEvent("contentBlockStop", #"{"contentBlockIndex":1,"p":"abcdefghij"}"#),
    bedrockEvent("messageStop", #"{"p":"abcdefghijklm","stopReason":"max_tokens"}"#),
    bedrockEvent("metadata", #"{"metrics":{"latencyMs":321},"p":"abc","usage":{"inputTokens":12,"outputTokens":4,"totalTokens":16}}"#),
]

/// Indexes of the frames that bear tokens.
private let tokenFrames = [1, 5, 7]

private func decode(_ feeds: [[UInt8]]) -> ResponseObservation {
    Fixtures.decode(BedrockDialect.converse.makeDecoder(streaming: true), feeds: feeds)
}

@Suite("Bedrock ConverseStream decoder")
struct BedrockStreamDecoderTests {
    @Test("a complete stream: token deltas (reasoning included), stop reason, usage, server latency, end marker")
    func completeStream() {
        let observation = decode(bedrockFrames)
        #expect(observation.tokens.kept == tokenFrames.map { UInt64($0 + 1) * 1000 })
        #expect(observation.deltaCount == 3)
        #expect(observation.usage == TokenUsage(promptTokens: 12, completionTokens: 4))
        #expect(observation.outputTokens == 4)
        #expect(observation.finishReason == "max_tokens")
        #expect(observation.sawEndMarker)
        #expect(observation.serverTimings == ServerTimings(totalMs: 321))
        #expect(observation.streamError == nil)
        #expect(observation.parseErrors == 0)
    }

    @Test("split at every byte boundary, each event is stamped with the read that completed it")
    func everySplitPoint() {
        // Every kind of frame once (token and non-token deltas, stop, metadata), to keep the
        // quadratic work small.
        let chosen = [0, 1, 2, 4, 5, 6, 9, 10]
        let frames = chosen.map { bedrockFrames[$0] }
        let tokenPositions = chosen.indices.filter { tokenFrames.contains(chosen[$0]) }
        let stream = frames.flatMap { $0 }
        let frameEnds = frames.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.count) }
        let whole = decode([stream])
        #expect(whole.deltaCount == 2 && whole.sawEndMarker && whole.usage != nil)
        for cut in 0...stream.count {
            let observation = decode([Array(stream[..<cut]), Array(stream[cut...])])
            let expectedTimes = tokenPositions.map { frameEnds[$0] <= cut ? UInt64(1000) : 2000 }
            #expect(observation.tokens.kept == expectedTimes, "cut at \(cut)")
            var untimed = observation
            untimed.tokens = whole.tokens
            untimed.firstAnswerAt = whole.firstAnswerAt
            #expect(untimed == whole, "cut at \(cut)")
        }
    }

    @Test("fed one byte at a time, hasToken and sawEndMarker turn true on the completing byte")
    func liveFlags() {
        let stream = bedrockFrames.flatMap { $0 }
        let frameEnds = bedrockFrames.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.count) }
        var decoder = BedrockDialect.converse.makeDecoder(streaming: true)
        for (index, byte) in stream.enumerated() {
            decoder.consume([byte], receivedAt: UInt64(index))
            #expect(decoder.hasToken == (index + 1 >= frameEnds[tokenFrames[0]]))
            #expect(decoder.sawEndMarker == (index + 1 >= frameEnds[9]))
        }
        #expect(decoder.finish(at: 1).tokens.kept == tokenFrames.map { UInt64(frameEnds[$0] - 1) })
    }

    @Test("a throttling exception mid-stream is the stream error, with its type and message")
    func throttling() {
        let observation = decode(Array(bedrockFrames[0..<6]) + [
            bedrockException("throttlingException", #"{"message":"Too many requests, please wait before trying again."}"#),
        ])
        #expect(observation.streamError == "throttlingException: Too many requests, please wait before trying again.")
        #expect(observation.deltaCount == 2)
        #expect(!observation.sawEndMarker)
    }

    @Test("exceptions: model stream error with extra fields, a message on several lines, a bare type")
    func exceptionShapes() {
        let modelError = decode([bedrockException(
            "modelStreamErrorException", #"{"message":"Model failed.","originalStatusCode":500,"originalMessage":"boom"}"#
        )])
        #expect(modelError.streamError == "modelStreamErrorException: Model failed.")
        #expect(decode([bedrockException("validationException", #"{"Message":"bad\n  input"}"#)]).streamError
            == "validationException: bad input")
        #expect(decode([bedrockException("internalServerException", "{}")]).streamError == "internalServerException")
    }

    @Test("an error message carries its code and text in headers")
    func errorMessage() {
        let frame = EventStreamMessage(headers: [
            EventStreamHeader(":message-type", .string("error")),
            EventStreamHeader(":error-code", .string("InternalFailure")),
            EventStreamHeader(":error-message", .string("Something broke")),
        ], payload: []).encoded()
        #expect(decode([frame]).streamError == "InternalFailure: Something broke")
    }

    @Test("a corrupted CRC counts one parse error and stops parsing; earlier tokens are kept")
    func corruptedCRC() {
        var frames = bedrockFrames
        frames[6][frames[6].count - 1] ^= 0x01
        let observation = decode(frames)
        #expect(observation.parseErrors == 1)
        #expect(observation.deltaCount == 2)
        #expect(observation.usage == nil)
        #expect(!observation.sawEndMarker)
    }

    @Test("a corrupted prelude in one read with later frames counts once")
    func corruptedPrelude() {
        var stream = bedrockFrames.flatMap { $0 }
        stream[bedrockFrames[0].count + 1] ^= 0x20
        let observation = decode([stream])
        #expect(observation.parseErrors == 1)
        #expect(observation.tokens.isEmpty)
    }

    @Test("a stream cut inside a frame is one parse error and has no end marker")
    func truncated() {
        let stream = bedrockFrames.dropLast(2).flatMap { $0 }
        let observation = decode([Array(stream), Array(bedrockFrames[9].prefix(20))])
        #expect(observation.parseErrors == 1)
        #expect(!observation.sawEndMarker)
        #expect(observation.deltaCount == 3)
    }

    @Test("an event whose payload is not JSON counts a parse error and the stream goes on")
    func badPayload() {
        let observation = decode([bedrockFrames[5], bedrockEvent("contentBlockDelta", "{not json"), bedrockFrames[9]])
        #expect(observation.parseErrors == 1)
        #expect(observation.deltaCount == 1)
        #expect(observation.sawEndMarker)
    }

    @Test("unknown event types are ignored; a message without a known message type is a parse error")
    func unknownMessages() {
        let untyped = EventStreamMessage(headers: [EventStreamHeader(":event-type", .string("contentBlockDelta"))],
                                         payload: Array(#"{"delta":{"text":"x"}}"#.utf8)).encoded()
        let observation = decode([bedrockEvent("futureEvent", #"{"delta":{"text":"x"}}"#), untyped, bedrockFrames[9]])
        #expect(observation.parseErrors == 1)
        #expect(observation.deltaCount == 0)
        #expect(observation.sawEndMarker)
    }
}
