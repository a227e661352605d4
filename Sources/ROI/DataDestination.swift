import Foundation

/// Where a benchmark target sends the scenario's prompts: the API provider behind its host (or,
/// for a simulated target, the provider its `stands_for` names), with that provider's row of
/// `providers.yaml`; any other target is a server of your own.
public struct DataDestination: Sendable, Equatable {
    /// Target name.
    public var target: String
    /// The provider key (`openai`), nil for a server of your own.
    public var providerID: String?
    /// Its row of `providers.yaml`; nil for your own server or a provider without a row.
    public var facts: ProviderFacts?
    /// The price entry the target is billed at (`stands_for`, else the provider's entry for the
    /// target's model); nil when the price table has none.
    public var price: APIPrice?
    /// Whether the target is simulated (`sim://`): nothing is sent to the provider it stands for.
    public var simulated: Bool

    /// The destination of a target with this base URL, model and `stands_for`.
    public init(target: String, baseURL: String, model: String, standsFor: String?, book: PriceBook) {
        self.target = target
        simulated = baseURL.hasPrefix("sim://")
        let host = URL(string: baseURL)?.host?.lowercased()
        if simulated {
            providerID = standsFor.flatMap { $0.split(separator: "/").first.map(String.init) }
        } else {
            providerID = host.flatMap { host in book.providers.first { $0.serves(host: host) }?.id }
        }
        facts = providerID.flatMap { book.sovereigntyInputs.facts(for: $0) }
        if let standsFor, let entry = book.apis.first(where: { $0.id == standsFor }) {
            price = entry
        } else if let providerID {
            price = book.apis.first { $0.provider == providerID && $0.model.lowercased() == model.lowercased() }
        } else {
            price = nil
        }
    }

    /// Whether the provider and its parent are under one of `allowed` (two-letter codes, `EU` for
    /// any member state); always true for your own server or an empty list.
    public func isAllowed(in allowed: [String]) -> Bool {
        guard providerID != nil, !allowed.isEmpty else { return true }
        guard let facts else { return false }
        func permitted(_ code: String) -> Bool {
            allowed.contains { $0 == code || ($0 == "EU" && Jurisdiction.isEU(code)) }
        }
        return permitted(facts.jurisdiction) && permitted(facts.parentJurisdiction)
    }

    /// `OpenAI (US, parent OpenAI (US), CLOUD Act: yes; EU processing: conditional)`, or `your own server`.
    public var providerText: String {
        guard let providerID else { return "your own server (not a known API host)" }
        guard let facts else { return "\(providerID) (no row in providers.yaml: jurisdiction not stated)" }
        return "\(facts.name) (\(Jurisdiction.text(facts.jurisdiction)), parent \(facts.parent), CLOUD Act: \(facts.cloudAct ? "yes" : "no"); EU processing: \(facts.euProcessing.rawValue))"
    }

    /// The one-line refusal of a target outside `allowed` for data of `classification`.
    public func refusal(classification: String, allowed: [String]) -> String {
        transfer(classification: classification, allowed: allowed) + "; set allow_transfer: true on the target to send it anyway"
    }

    /// The line for a target sent data outside `allowed` because it says `allow_transfer: true`.
    public func allowedTransfer(classification: String, allowed: [String]) -> String {
        transfer(classification: classification, allowed: allowed) + ": sent anyway, allow_transfer: true (recorded in run.json)"
    }

    private func transfer(classification: String, allowed: [String]) -> String {
        let standing = simulated ? " (simulated, standing for \(price?.id ?? providerID ?? ""))" : ""
        return "target \(target)\(standing): its data goes to \(providerText), outside the jurisdictions allowed for \(classification) data (\(allowed.joined(separator: ", ")), data: in the scenario)"
    }
}
