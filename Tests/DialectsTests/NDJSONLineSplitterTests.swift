import Dialects
import Testing

/// Lines with every case the splitter must keep apart: LF and CRLF endings, a blank line, a lone CR
/// inside a line, multi-byte UTF-8, non-UTF-8 bytes, and a last line without its newline.
private let body: [UInt8] =
    Array("{\"a\":1}\n{\"b\":\"é😀\"}\r\n\n".utf8)
    + Array("x\ry\n".utf8)
    + [0xFF, 0xFE, 0x0A]
    + Array("{\"last\":true}".utf8)

private let expectedLines: [[UInt8]] = [
    Array("{\"a\":1}".utf8),
    Array("{\"b\":\"é😀\"}".utf8),
    [],
    Array("x\ry".utf8),
    [0xFF, 0xFE],
    Array("{\"last\":true}".utf8),
]

/// Every line of `reads`, the one `finish` hands over included.
private func split(_ reads: [ArraySlice<UInt8>]) -> [[UInt8]] {
    var splitter = NDJSONLineSplitter()
    var lines: [[UInt8]] = []
    for read in reads {
        splitter.append(Array(read))
        while let line = splitter.nextLine() {
            lines.append(Array(line))
        }
    }
    if let last = splitter.finish() {
        lines.append(Array(last))
    }
    return lines
}

@Suite("NDJSON line splitter")
struct NDJSONLineSplitterTests {
    @Test("a body read at once gives its lines, CR before LF dropped, the unterminated last one at finish")
    func wholeBody() {
        #expect(split([body[...]]) == expectedLines)
    }

    @Test("a body split into two reads at every byte boundary gives the same lines")
    func everySplit() {
        for cut in 1..<body.count {
            #expect(split([body[..<cut], body[cut...]]) == expectedLines, "cut at \(cut)")
        }
    }

    @Test("a body fed one byte at a time gives the same lines")
    func byteByByte() {
        #expect(split(body.indices.map { body[$0...$0] }) == expectedLines)
    }

    @Test("a line completes only when its newline arrives")
    func lineCompletesAtNewline() {
        var splitter = NDJSONLineSplitter()
        splitter.append(Array("{\"a\":".utf8))
        #expect(splitter.nextLine() == nil)
        splitter.append(Array("1}".utf8))
        #expect(splitter.nextLine() == nil)
        splitter.append(Array("\n{\"b\"".utf8))
        #expect(splitter.nextLine().map(Array.init) == Array("{\"a\":1}".utf8))
        #expect(splitter.nextLine() == nil)
        #expect(splitter.finish().map(Array.init) == Array("{\"b\"".utf8))
    }

    @Test("a body ending in a newline has no last line at finish, and finish resets the splitter")
    func finishResets() {
        var splitter = NDJSONLineSplitter()
        splitter.append(Array("one\n".utf8))
        #expect(splitter.nextLine().map(Array.init) == Array("one".utf8))
        #expect(splitter.nextLine() == nil)
        #expect(splitter.finish() == nil)
        splitter.append(Array("two".utf8))
        #expect(splitter.nextLine() == nil)
        #expect(splitter.finish().map(Array.init) == Array("two".utf8))
        #expect(splitter.finish() == nil)
    }

    @Test("an empty body gives no line")
    func emptyBody() {
        #expect(split([]).isEmpty)
        #expect(split([[][...]]).isEmpty)
    }
}
