import CurlTransport
import Dispatch
import Synchronization

/// A GET through ``CurlTransport`` for a sampler's own thread: the transfer runs on the
/// transport's thread, a small task collects its bytes, and the calling thread waits for the
/// answer. The transfer's own timeout bounds the wait.
enum BlockingFetch {
    /// What came back.
    struct Response: Sendable {
        /// HTTP status.
        var status: Int
        /// Body, cut at the size limit.
        var body: [UInt8]
    }

    /// Why nothing came back: the transport's error, one line.
    struct Failure: Error, Sendable {
        let reason: String
    }

    private final class Outcome: Sendable {
        let value = Mutex<Result<Response, Failure>?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    /// Fetches `request`, keeping at most `limit` body bytes; blocks the calling thread.
    static func fetch(_ request: HTTPRequest, transport: CurlTransport, options: TransferOptions, limit: Int = 16 << 20) -> Result<Response, Failure> {
        let outcome = Outcome()
        Task {
            var response = Response(status: 0, body: [])
            var result: Result<Response, Failure>
            do {
                for try await event in transport.stream(request, options: options) {
                    switch event {
                    case .head(let head): response.status = head.status
                    case .body(let chunk): response.body += chunk.bytes.prefix(max(0, limit - response.body.count))
                    case .finished: break
                    }
                }
                result = .success(response)
            } catch let failure as TransferFailure {
                result = .failure(Failure(reason: failure.description))
            } catch {
                result = .failure(Failure(reason: "\(error)"))
            }
            outcome.value.withLock { $0 = result }
            outcome.done.signal()
        }
        outcome.done.wait()
        return outcome.value.withLock { $0 } ?? .failure(Failure(reason: "no answer"))
    }
}
