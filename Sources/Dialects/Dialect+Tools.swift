import Workload

extension Dialect {
    /// `false`: this API takes no tools (completion-style endpoints).
    public var acceptsTools: Bool { false }

    /// `nil`: calls are not read in this dialect.
    public func toolCalls(of body: [UInt8], streaming: Bool) -> [ToolCall]? {
        nil
    }
}
