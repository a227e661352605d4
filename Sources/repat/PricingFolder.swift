import Foundation
import ROI

/// Where the shipped price tables are, for `repat roi`, `repat report --roi`, `repat run` and `repat targets`.
enum PricingFolder {
    /// `override` (`--pricing-dir`), else `./pricing`, else the shipped `pricing/` found from the
    /// binary (``ShippedFiles``: an installed package or tarball, or the checkout it was built in).
    /// - Throws: ``ROIError`` when none is found.
    static func locate(_ override: String?) throws(ROIError) -> String {
        if let override { return override }
        if FileManager.default.fileExists(atPath: "pricing/defaults.yaml") { return "pricing" }
        if let shipped = ShippedFiles.folder("pricing", holding: "defaults.yaml") { return shipped }
        throw ROIError("no pricing/ folder here, beside the repat binary (share/repat/pricing) or above it: pass --pricing-dir DIR")
    }
}
