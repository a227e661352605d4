import Foundation
import Metrics

/// Where the last `repat selfbench` leaves its client ceiling for later runs to compare against:
/// `~/.cache/repat/selfbench.json` (under `$XDG_CACHE_HOME` when set).
public enum ClientCeilingCache {
    /// The cache file's path.
    public static var path: String {
        let environment = ProcessInfo.processInfo.environment
        let root = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".cache")
        return ((root as NSString).appendingPathComponent("repat") as NSString).appendingPathComponent("selfbench.json")
    }

    /// The cached ceiling, or nil when there is none or it does not parse.
    public static func load(from path: String = ClientCeilingCache.path) -> ClientCeiling? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(ClientCeiling.self, from: data)
    }

    /// Stores `ceiling`, creating the folder when needed.
    /// - Throws: ``ResultsError`` when the file cannot be written.
    public static func save(_ ceiling: ClientCeiling, to path: String = ClientCeilingCache.path) throws(ResultsError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ResultsError("cannot create \(folder): \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        do {
            data = try encoder.encode(ceiling)
        } catch {
            throw ResultsError("cannot encode the client ceiling: \(error)")
        }
        try AtomicFile.write(data + Data("\n".utf8), to: path)
    }
}
