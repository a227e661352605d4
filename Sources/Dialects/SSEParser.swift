/// Incremental parser for a `text/event-stream` body, following the WHATWG HTML "server-sent
/// events" interpretation rules.
///
/// Feed it arbitrary byte slices as they arrive; it calls back once per complete event. Lines end in
/// `\r\n`, `\n` or `\r` (a `\r` ending one feed and a `\n` starting the next are one line ending).
/// Lines starting with `:` are comments. `field: value` loses one leading space of its value. `data`
/// lines accumulate, joined with `\n`; `event`, `id` and `retry` are honoured and other fields
/// ignored. A blank line dispatches the event; an event without any `data` line is not dispatched.
/// A leading UTF-8 byte-order mark is skipped.
///
/// Work is linear in the bytes fed: complete lines are parsed in place and only a line split across
/// feeds is copied into a carry-over buffer. Bytes are never required to be valid UTF-8.
public struct SSEParser: Sendable {
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let colon = UInt8(ascii: ":")
    private static let space = UInt8(ascii: " ")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Carry-over buffers larger than this (bytes) are released after use rather than kept.
    private static let keptCapacity = 64 * 1024

    /// The start of a line that has not ended yet (bytes received in earlier feeds).
    private var pendingLine: [UInt8] = []
    /// The current event's data lines, joined with `\n`.
    private var dataBuffer: [UInt8] = []
    /// Whether the current event has seen a `data` line (a single empty one counts).
    private var hasData = false
    /// The current event's `event` field.
    private var eventType: String?
    /// The previous feed ended in `\r`: a `\n` starting the next feed belongs to that line ending.
    private var skipLeadingLineFeed = false
    /// How many bytes of the byte-order mark have matched at the start of the stream.
    private var byteOrderMarkMatched = 0
    /// The start of the stream has been checked for a byte-order mark.
    private var byteOrderMarkChecked = false

    /// The last event ID (`id` field); persists across events, as the spec says.
    public private(set) var lastEventID: String?
    /// The reconnection time the server asked for (`retry` field), in milliseconds.
    public private(set) var retryMilliseconds: Int?

    /// Bytes held for the event being built: its data lines so far and the unfinished line.
    public var pendingBytes: Int { pendingLine.count + dataBuffer.count }

    /// Creates a parser at the start of a stream.
    public init() {}

    /// Feeds the next bytes of the stream; `onEvent` is called for each event they complete, in order.
    public mutating func feed(_ bytes: [UInt8], onEvent: (SSEEvent) -> Void) {
        bytes.withUnsafeBufferPointer { feed($0, onEvent: onEvent) }
    }

    /// Feeds the next bytes of the stream; `onEvent` is called for each event they complete, in order.
    public mutating func feed(_ bytes: ArraySlice<UInt8>, onEvent: (SSEEvent) -> Void) {
        bytes.withUnsafeBufferPointer { feed($0, onEvent: onEvent) }
    }

    /// Feeds the next bytes of the stream; `onEvent` is called for each event they complete, in order.
    /// The buffer is only read during the call.
    public mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, onEvent: (SSEEvent) -> Void) {
        var rest = buffer
        if !byteOrderMarkChecked {
            var index = 0
            while !byteOrderMarkChecked, index < buffer.count {
                if buffer[index] == Self.byteOrderMark[byteOrderMarkMatched] {
                    byteOrderMarkMatched += 1
                    index += 1
                    if byteOrderMarkMatched == Self.byteOrderMark.count {
                        byteOrderMarkChecked = true
                    }
                } else {
                    replayPartialByteOrderMark(onEvent: onEvent)
                }
            }
            rest = UnsafeBufferPointer(rebasing: buffer[index...])
        }
        scan(rest, onEvent: onEvent)
    }

    /// Ends the stream and resets the parser for a new one.
    ///
    /// - Parameter dispatchingIncomplete: the spec discards an event that the stream ends before its
    ///   blank line (`false`, the default). Pass `true` to parse the unterminated last line and
    ///   dispatch that event anyway, for servers that omit the final blank line.
    public mutating func finish(dispatchingIncomplete: Bool = false, onEvent: (SSEEvent) -> Void) {
        if !byteOrderMarkChecked {
            replayPartialByteOrderMark(onEvent: onEvent)
        }
        if dispatchingIncomplete {
            if !pendingLine.isEmpty {
                let line = pendingLine
                pendingLine = []
                line.withUnsafeBufferPointer { processLine($0, onEvent: onEvent) }
            }
            dispatch(onEvent: onEvent)
        }
        self = SSEParser()
    }

    /// The stream began with part of a byte-order mark followed by something else: those bytes are
    /// content after all.
    private mutating func replayPartialByteOrderMark(onEvent: (SSEEvent) -> Void) {
        byteOrderMarkChecked = true
        let matched = Array(Self.byteOrderMark.prefix(byteOrderMarkMatched))
        byteOrderMarkMatched = 0
        matched.withUnsafeBufferPointer { scan($0, onEvent: onEvent) }
    }

    /// Splits `buffer` into lines, completing the carried-over line first.
    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, onEvent: (SSEEvent) -> Void) {
        let count = buffer.count
        guard count > 0 else { return }
        var index = 0
        if skipLeadingLineFeed {
            skipLeadingLineFeed = false
            if buffer[0] == Self.lf {
                index = 1
            }
        }
        var lineStart = index
        while index < count {
            let byte = buffer[index]
            guard byte == Self.lf || byte == Self.cr else {
                index += 1
                continue
            }
            endLine(UnsafeBufferPointer(rebasing: buffer[lineStart..<index]), onEvent: onEvent)
            if byte == Self.cr {
                if index + 1 < count {
                    if buffer[index + 1] == Self.lf {
                        index += 1
                    }
                } else {
                    skipLeadingLineFeed = true
                }
            }
            index += 1
            lineStart = index
        }
        if lineStart < count {
            pendingLine.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<count]))
        }
    }

    /// A line ending was found; `tail` is the part of the line in the current feed.
    private mutating func endLine(_ tail: UnsafeBufferPointer<UInt8>, onEvent: (SSEEvent) -> Void) {
        guard !pendingLine.isEmpty else {
            processLine(tail, onEvent: onEvent)
            return
        }
        var line = pendingLine
        pendingLine = []
        line.append(contentsOf: tail)
        line.withUnsafeBufferPointer { processLine($0, onEvent: onEvent) }
        if line.capacity <= Self.keptCapacity {
            line.removeAll(keepingCapacity: true)
            pendingLine = line
        }
    }

    /// Interprets one complete line (without its line ending).
    private mutating func processLine(_ line: UnsafeBufferPointer<UInt8>, onEvent: (SSEEvent) -> Void) {
        guard let first = line.first else {
            dispatch(onEvent: onEvent)
            return
        }
        if first == Self.colon {
            return
        }
        let name: UnsafeBufferPointer<UInt8>
        let value: UnsafeBufferPointer<UInt8>
        if let colonIndex = line.firstIndex(of: Self.colon) {
            name = UnsafeBufferPointer(rebasing: line[..<colonIndex])
            var valueStart = colonIndex + 1
            if valueStart < line.count, line[valueStart] == Self.space {
                valueStart += 1
            }
            value = UnsafeBufferPointer(rebasing: line[valueStart...])
        } else {
            name = line
            value = UnsafeBufferPointer(rebasing: line[line.count...])
        }
        if name.equals("data") {
            if hasData {
                dataBuffer.append(Self.lf)
            }
            dataBuffer.append(contentsOf: value)
            hasData = true
        } else if name.equals("event") {
            eventType = value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        } else if name.equals("id") {
            if !value.contains(0) {
                lastEventID = value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
            }
        } else if name.equals("retry") {
            if !value.isEmpty, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
               let milliseconds = Int(String(decoding: value, as: UTF8.self)) {
                retryMilliseconds = milliseconds
            }
        }
    }

    /// A blank line: hands over the event being built, if it has data, and starts a new one.
    private mutating func dispatch(onEvent: (SSEEvent) -> Void) {
        defer { eventType = nil }
        guard hasData else { return }
        let event = SSEEvent(event: eventType, data: dataBuffer, id: lastEventID)
        dataBuffer = []
        hasData = false
        onEvent(event)
    }
}
