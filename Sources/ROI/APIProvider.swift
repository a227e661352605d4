/// A cloud API provider and the hosts its API answers on (`pricing/apis.yaml`, `providers:`).
public struct APIProvider: Sendable, Equatable {
    /// Key used by price entries (`openai`).
    public var id: String
    /// Display name.
    public var name: String
    /// Host names (or their endings) of its API.
    public var hosts: [String]

    /// Creates a provider.
    public init(id: String, name: String, hosts: [String]) {
        self.id = id
        self.name = name
        self.hosts = hosts
    }

    /// Whether `host` is one of this provider's (equal, or ending with `.` + one of them).
    public func serves(host: String) -> Bool {
        let host = host.lowercased()
        return hosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
