/// Whether the model is loaded, as Ollama's `keep_alive` decides: it stays in memory for the
/// keep-alive of the last request after that request, then leaves. The simulator's model starts
/// resident (loading costs nothing), for the default keep-alive.
struct ModelResidency: Sendable, Equatable {
    /// When the model was last used, in Unix seconds.
    private(set) var lastUsedAt: Double
    /// How long it stays after ``lastUsedAt``.
    private(set) var keepAlive: KeepAlive = .default

    /// A model loaded at `loadedAt` (Unix seconds).
    init(loadedAt: Double) {
        lastUsedAt = loadedAt
    }

    /// The model served a request at `unixSeconds` that asked it to stay for `keepAlive`.
    mutating func touch(at unixSeconds: Double, keepAlive: KeepAlive) {
        lastUsedAt = max(lastUsedAt, unixSeconds)
        self.keepAlive = keepAlive
    }

    /// When the model leaves memory, in Unix seconds; nil when it stays forever.
    var expiresAt: Double? {
        keepAlive.seconds.map { lastUsedAt + $0 }
    }
}
