import ArgumentParser
import LoadGen
import Metrics
import Orchestration
import ROI
import Workload

/// The lines `repat run` and `repat targets` print before sending anything: per paid API target,
/// the tokens the plan sends, what they cost and where the data is processed; and the refusal of
/// targets outside the scenario's `data.allowed_jurisdictions` (unless `allow_transfer: true`).
enum DataPlan {
    /// Prints the lines through `log`; refusals go to standard error. Without readable price
    /// tables it says so and goes on, unless the scenario restricts where its data may go.
    /// - Throws: `ExitCode(2)` when a target is refused, or the price tables cannot be read for a
    ///   scenario whose data may not go anywhere.
    static func check(_ plan: RunPlan, log: (String) -> Void) throws {
        let policy = plan.scenario.data
        let book: PriceBook
        do {
            book = try PriceBook.load(directory: try PricingFolder.locate(nil))
        } catch {
            guard policy?.allowedJurisdictions.isEmpty ?? true else {
                FileHandleOutput.error("repat: error: data.allowed_jurisdictions: cannot tell where targets send data: \(error.description)")
                throw ExitCode(2)
            }
            log("no API cost estimate or data location before the run: \(error.description)")
            return
        }
        let estimate = RunCostEstimate(PlanTokens(plan))
        var refusals: [String] = []
        for target in plan.targets {
            let spec = target.spec
            let destination = DataDestination(target: spec.name, baseURL: spec.baseURL, model: spec.model, standsFor: spec.standsFor, book: book)
            if let line = estimate.line(for: destination) { log(line) }
            guard let policy, !destination.isAllowed(in: policy.allowedJurisdictions) else { continue }
            let classification = policy.classification.rawValue
            if spec.allowTransfer {
                log(destination.allowedTransfer(classification: classification, allowed: policy.allowedJurisdictions))
            } else {
                refusals.append("repat: error: \(destination.refusal(classification: classification, allowed: policy.allowedJurisdictions))")
            }
        }
        guard refusals.isEmpty else {
            for line in refusals { FileHandleOutput.error(line) }
            throw ExitCode(2)
        }
    }
}
