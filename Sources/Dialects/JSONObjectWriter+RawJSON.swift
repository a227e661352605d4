extension JSONObjectWriter {
    /// Adds a member whose value is `json`, JSON text written as it is (a schema the scenario
    /// loader already parsed and wrote compactly): never built from unchecked input.
    mutating func add(_ key: String, json: String) {
        addRaw(key, Array(json.utf8))
    }
}
