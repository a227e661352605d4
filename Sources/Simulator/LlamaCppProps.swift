/// llama.cpp's `GET /props` as the simulator answers it: the model it serves (`model_path`, here
/// the model name, as a server started with `-m NAME` reports it) and its parallel slots.
enum LlamaCppProps {
    /// `{"model_path":…,"total_slots":…,"default_generation_settings":{"model":…}}`: newer servers
    /// name the file in `model_path`, older ones in `default_generation_settings.model`.
    static func body(profile: EngineProfile) -> String {
        var out = JSONWriter()
        out.raw(#"{"model_path":"#)
        out.string(profile.modelName)
        out.raw(#","total_slots":\#(profile.maxNumSeqs),"default_generation_settings":{"model":"#)
        out.string(profile.modelName)
        out.raw("}}")
        return out.text
    }
}
