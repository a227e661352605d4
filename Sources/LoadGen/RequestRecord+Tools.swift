import Foundation
import Metrics
import Workload

extension RequestRecord {
    /// Judges a successful request's tool calls against the functions it offered: ``toolCalls``
    /// is their number (0 when none was called), ``toolArgsValid`` whether every call names an
    /// offered function and its arguments parse as JSON and satisfy that function's schema (nil
    /// without calls). Runs after the request has ended, never on the transport thread.
    mutating func judge(_ calls: [ToolCall], offered: [ToolFunction]) {
        toolCalls = calls.count
        toolArgsValid = calls.isEmpty ? nil : calls.allSatisfy { Self.isValid($0, offered: offered) }
    }

    /// Whether `call` names one of `offered` with arguments its schema accepts.
    static func isValid(_ call: ToolCall, offered: [ToolFunction]) -> Bool {
        guard let function = offered.first(where: { $0.name == call.name }),
              let arguments = try? JSONSerialization.jsonObject(with: Data(call.argumentsJSON.utf8), options: .fragmentsAllowed)
        else { return false }
        return function.parameters.accepts(arguments)
    }
}
