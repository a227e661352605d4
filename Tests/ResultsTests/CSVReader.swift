/// A small RFC 4180 reader for checking what the writers produce: quoted cells may hold commas,
/// doubled quotes and line breaks. Returns nil for malformed text (a quote inside an unquoted cell,
/// an unterminated quoted cell, or text after a closing quote).
func parseCSV(_ text: String) -> [[String]]? {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var characters = Array(text)[...]
    var quoted = false
    var cellStarted = false
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" {
                    cell.append("\"")
                    characters.removeFirst()
                } else {
                    quoted = false
                    guard let next = characters.first, next == "," || next == "\n" || next == "\r\n" else {
                        if characters.isEmpty { continue }
                        return nil
                    }
                }
            } else {
                cell.append(character)
            }
            continue
        }
        switch character {
        case "\"":
            guard !cellStarted else { return nil }
            quoted = true
            cellStarted = true
        case ",":
            row.append(cell)
            cell = ""
            cellStarted = false
        case "\n", "\r\n":
            row.append(cell)
            rows.append(row)
            row = []
            cell = ""
            cellStarted = false
        default:
            cell.append(character)
            cellStarted = true
        }
    }
    guard !quoted else { return nil }
    if cellStarted || !row.isEmpty {
        row.append(cell)
        rows.append(row)
    }
    return rows
}
