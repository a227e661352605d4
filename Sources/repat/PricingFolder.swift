import Foundation
import ROI

/// Where the shipped price tables are, for `repat roi`, `repat report --roi`, `repat run` and `repat targets`.
enum PricingFolder {
    /// `override` (`--pricing-dir`), else `./pricing`, else `pricing/` in a folder above the executable.
    /// - Throws: ``ROIError`` when none is found.
    static func locate(_ override: String?) throws(ROIError) -> String {
        if let override { return override }
        let manager = FileManager.default
        if manager.fileExists(atPath: "pricing/defaults.yaml") { return "pricing" }
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("pricing")
            if manager.fileExists(atPath: candidate.appendingPathComponent("defaults.yaml").path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        throw ROIError("no pricing/ folder here or above the repat binary: pass --pricing-dir DIR")
    }
}
