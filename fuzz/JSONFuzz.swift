// libFuzzer target `json-fuzz`: hostile bytes straight into the hand-written JSON reader
// (`JSONReader`, `OpenAIChunk.parse`) and the whole-body decoder, without the SSE framing.
// Built by `.ci/fuzz` with `@testable import Dialects` (the module is compiled with -enable-testing).
@testable import Dialects
import Metrics

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: data, count: size)

    // Generic structure check: skip one value, then require the end.
    var reader = JSONReader(buffer)
    if (try? reader.skipValue()) != nil {
        _ = try? reader.expectEnd()
    }

    // Typed reads at the start, whatever the input is.
    var typed = JSONReader(buffer)
    switch typed.peek() {
    case .string: _ = try? typed.readString()
    case .number: _ = try? typed.readInt()
    case .object, .array, .literal, .end: _ = typed.consumeNull()
    }

    // The OpenAI chunk reader.
    if let chunk = try? OpenAIChunk.parse(buffer), min(chunk.deltas.answer, chunk.deltas.reasoning, chunk.deltas.toolArguments) < 0 {
        fatalError("negative choice count")
    }

    // A whole body read by the non-streaming decoder.
    let observation = OpenAIBodyDecoder.observe(body: Array(buffer), at: 1)
    guard observation.parseErrors <= 1, observation.tokens.count <= 1 else {
        fatalError("a body counts at most one parse error and one token time")
    }
    return 0
}
