import NIOConcurrencyHelpers
import NIOCore

/// The server's open connections, so ``SimulatorServer/shutdown()`` can close in-flight streams.
///
/// Channels register themselves when accepted and leave when closed; once ``closeAll()`` has
/// run, a late arrival is closed on registration.
final class ConnectionTracker: Sendable {
    private struct Connections {
        var open: [ObjectIdentifier: any Channel] = [:]
        var closing = false
    }

    private let connections = NIOLockedValueBox(Connections())

    /// An empty tracker.
    init() {}

    /// Tracks `channel` until it closes; closes it at once if shutdown has begun.
    func register(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let accepted = connections.withLockedValue { connections in
            guard !connections.closing else { return false }
            connections.open[key] = channel
            return true
        }
        guard accepted else {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { _ in
            self.connections.withLockedValue { _ = $0.open.removeValue(forKey: key) }
        }
    }

    /// Closes every tracked connection and refuses new ones; returns when all have closed.
    func closeAll() async {
        let channels = connections.withLockedValue { connections in
            connections.closing = true
            return Array(connections.open.values)
        }
        for channel in channels {
            channel.close(promise: nil)
        }
        for channel in channels {
            try? await channel.closeFuture.get()
        }
    }
}
