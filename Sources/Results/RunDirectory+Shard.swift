import Foundation

extension RunDirectory {
    /// Creates the folder of one shard, `root/<runID>/<folderName>` (`shard-i-of-N`), the run
    /// folder being created when it is the first shard there. Its files have the usual names.
    /// - Throws: ``ResultsError`` when it cannot be created or already exists (the same shard
    ///   run twice under one run id).
    public static func createShard(root: String, runID: String, folderName: String) throws(ResultsError) -> RunDirectory {
        let runFolder = (root as NSString).appendingPathComponent(runID)
        do {
            try FileManager.default.createDirectory(atPath: runFolder, withIntermediateDirectories: true)
        } catch {
            throw ResultsError("cannot create run folder \(runFolder): \(error.localizedDescription)")
        }
        let path = (runFolder as NSString).appendingPathComponent(folderName)
        guard mkdir(path, 0o755) == 0 else {
            if errno == EEXIST { throw ResultsError("\(path) already exists: this shard of run \(runID) has already run (give another --run-id)") }
            throw ResultsError("cannot create shard folder \(path): \(String(cString: strerror(errno)))")
        }
        return RunDirectory(runID: runID, path: path)
    }
}

extension RunDirectory {
    /// An existing folder as a run folder, its id being the folder's name (`repat merge --output`).
    public init(existing path: String) {
        self.init(runID: (path as NSString).lastPathComponent, path: path)
    }
}
