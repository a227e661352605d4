import Foundation

/// Incremental HTTP/1.1 response parser for tests: status, headers, chunked or Content-Length
/// bodies, several responses back to back on one connection, and SSE events as they complete.
struct ResponseParser {
    private enum Phase {
        case head
        case chunkSize
        case chunkData(remaining: Int)
        case chunkTrailer
        case fixed(remaining: Int)
    }

    private var buffer: [UInt8] = []
    private var phase = Phase.head
    private var current = TestHTTPResponse()
    private var eventStart = 0
    /// Responses read in full, in order.
    private(set) var finished: [TestHTTPResponse] = []

    /// The response being read, if any part of it has arrived.
    var partial: TestHTTPResponse? { current.status == 0 ? nil : current }

    /// Feeds bytes read at `now`.
    mutating func feed(_ bytes: [UInt8], at now: ContinuousClock.Instant) {
        buffer += bytes
        while step(now: now) {}
    }

    /// Parses what it can; returns false when more bytes are needed.
    private mutating func step(now: ContinuousClock.Instant) -> Bool {
        switch phase {
        case .head:
            guard let end = find([13, 10, 13, 10]) else { return false }
            let lines = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            buffer.removeFirst(end + 4)
            current = TestHTTPResponse()
            eventStart = 0
            current.status = Int(lines[0].split(separator: " ")[1]) ?? -1
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                current.headers.append((line[..<colon].lowercased(), value))
            }
            if current.header("transfer-encoding") == "chunked" {
                phase = .chunkSize
            } else {
                phase = .fixed(remaining: Int(current.header("content-length") ?? "0") ?? 0)
            }
            return true
        case .chunkSize:
            guard let end = find([13, 10]) else { return false }
            let size = Int(String(decoding: buffer[..<end], as: UTF8.self), radix: 16) ?? 0
            buffer.removeFirst(end + 2)
            phase = size == 0 ? .chunkTrailer : .chunkData(remaining: size)
            return true
        case .chunkData(let remaining):
            guard buffer.count >= remaining + 2 else { return false }
            appendBody(Array(buffer[..<remaining]), now: now)
            buffer.removeFirst(remaining + 2)
            phase = .chunkSize
            return true
        case .chunkTrailer:
            guard let end = find([13, 10]) else { return false }
            buffer.removeFirst(end + 2)
            if end == 0 { complete() }
            return true
        case .fixed(let remaining):
            guard buffer.count >= remaining else { return false }
            appendBody(Array(buffer[..<remaining]), now: now)
            buffer.removeFirst(remaining)
            complete()
            return true
        }
    }

    private mutating func complete() {
        current.isComplete = true
        finished.append(current)
        current = TestHTTPResponse()
        phase = .head
    }

    private mutating func appendBody(_ bytes: [UInt8], now: ContinuousClock.Instant) {
        current.body += bytes
        guard current.header("content-type") == "text/event-stream" else { return }
        while let end = Self.find([10, 10], in: current.body, from: eventStart) {
            let raw = String(decoding: current.body[eventStart..<end], as: UTF8.self)
            eventStart = end + 2
            if raw.hasPrefix("data: ") {
                current.events.append(TestEvent(data: String(raw.dropFirst(6)), receivedAt: now))
            }
        }
    }

    private func find(_ needle: [UInt8]) -> Int? {
        Self.find(needle, in: buffer, from: 0)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
