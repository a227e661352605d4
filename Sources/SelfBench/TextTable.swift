/// An aligned plain-text table: the first `leftColumns` columns left-aligned, the rest right-aligned.
struct TextTable {
    var headings: [String]
    var rows: [[String]] = []
    var leftColumns = 1

    /// The table as lines, two spaces between columns, each line ending in a newline.
    func render() -> String {
        let all = [headings] + rows
        let widths = headings.indices.map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            headings.indices.map { column in
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < leftColumns ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// The string without the spaces at its end (the padding of a left-aligned last column).
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
