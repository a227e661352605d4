/// Reads RFC 4180 CSV text: quoted cells may hold commas, doubled quotes and line breaks.
public struct CSVTable: Sendable {
    /// The first row.
    public var header: [String]
    /// The other rows, each with as many cells as the header (shorter or longer rows are
    /// rejected by ``parse(_:)``).
    public var rows: [[String]]

    /// Why text is not a valid table, naming the 1-based line.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// One line.
        public var description: String
    }

    /// Parses `text`. A last row without its line ending (a file cut mid-write) is dropped; any
    /// other malformed row is an error.
    public static func parse(_ text: String) throws(ParseError) -> CSVTable {
        var records: [[String]] = []
        var row: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var afterQuote = false
        var line = 1
        let bytes = Array(text.utf8)
        var index = 0
        func endCell() {
            row.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard cell.isEmpty && !afterQuote else { throw ParseError(description: "line \(line): stray quote inside a cell") }
                quoted = true
            case UInt8(ascii: ","):
                endCell()
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                endCell()
                records.append(row)
                row = []
                line += 1
            default:
                guard !afterQuote else { throw ParseError(description: "line \(line): text after a closing quote") }
                cell.append(byte)
            }
        }
        // Whatever follows the last line ending is an unfinished row: dropped.
        guard let header = records.first else { throw ParseError(description: "no header line") }
        var rows: [[String]] = []
        for (offset, record) in records.dropFirst().enumerated() {
            guard record.count == header.count else {
                throw ParseError(description: "row \(offset + 2): \(record.count) cells, the header has \(header.count)")
            }
            rows.append(record)
        }
        return CSVTable(header: header, rows: rows)
    }
}
