/// How long a model stays loaded after a request: Ollama's `keep_alive`.
struct KeepAlive: Sendable, Equatable {
    /// Seconds after the request; nil when the model stays loaded forever.
    var seconds: Double?

    /// Ollama's default: five minutes.
    static let `default` = KeepAlive(seconds: 300)

    /// The model is never unloaded.
    static let forever = KeepAlive(seconds: nil)

    /// A keep-alive of `seconds`; any negative value means forever, as in Ollama.
    init(seconds: Double?) {
        if let seconds, seconds < 0 {
            self.seconds = nil
        } else {
            self.seconds = seconds
        }
    }

    /// Parses a Go duration string as Ollama takes it (`"5m"`, `"1h30m"`, `"250ms"`, `"0"`,
    /// `"-1m"`): an optional sign, then one or more decimal numbers each followed by a unit
    /// (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`). Nil when `text` is not one.
    init?(goDuration text: String) {
        var rest = Substring(text)
        var sign = 1.0
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        if rest == "0" {
            self.init(seconds: 0)
            return
        }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let scale = Self.unitSeconds[String(unit)] else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        self.init(seconds: sign * total)
    }

    private static let unitSeconds: [String: Double] = [
        "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600,
    ]
}
