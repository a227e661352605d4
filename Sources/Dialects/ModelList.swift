/// Reads model identifiers from the model-listing bodies APIs return: an object whose `arrayKey`
/// member is an array of objects, each naming a model in its `idKey` member (`data[].id` for
/// OpenAI and Anthropic, `models[].name` for Ollama and Gemini).
enum ModelList {
    /// The identifiers, in the body's order, or `nil` when the body is not such an object.
    static func ids(in body: [UInt8], arrayKey: String, idKey: String) -> [String]? {
        body.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return try? read(&reader, arrayKey: arrayKey, idKey: idKey)
        }
    }

    private static func read(_ reader: inout JSONReader, arrayKey: String, idKey: String) throws(JSONReaderError) -> [String]? {
        var ids: [String]?
        try reader.beginObject()
        var isFirst = true
        while let key = try reader.nextKey(&isFirst) {
            guard key.elementsEqual(arrayKey.utf8), reader.peek() == .array else {
                try reader.skipValue()
                continue
            }
            var found: [String] = []
            try reader.beginArray()
            var isFirstElement = true
            while try reader.nextElement(&isFirstElement) {
                guard reader.peek() == .object else {
                    try reader.skipValue()
                    continue
                }
                try reader.beginObject()
                var isFirstMember = true
                while let member = try reader.nextKey(&isFirstMember) {
                    if member.elementsEqual(idKey.utf8), reader.peek() == .string {
                        found.append(try reader.readString())
                    } else {
                        try reader.skipValue()
                    }
                }
            }
            ids = found
        }
        try reader.expectEnd()
        return ids
    }
}
