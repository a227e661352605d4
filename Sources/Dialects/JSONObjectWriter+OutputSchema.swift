import Workload

extension JSONObjectWriter {
    /// Adds OpenAI's structured-output member, as the chat API (OpenAI, Azure, vLLM) takes it:
    /// `"response_format":{"type":"json_schema","json_schema":{"name":…,"schema":…,"strict":true}}`.
    mutating func addResponseFormat(_ schema: OutputSchema) {
        var inner = JSONObjectWriter()
        inner.add("name", schema.name)
        inner.add("schema", json: schema.schemaJSON)
        inner.add("strict", true)
        var format = JSONObjectWriter()
        format.add("type", "json_schema")
        format.add("json_schema", inner)
        add("response_format", format)
    }
}
