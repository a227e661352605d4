import Foundation
import Simulator
import Testing

@Suite("the simulator tells which model it serves, as Ollama's /api/show and llama.cpp's /props do")
struct ModelInformationTests {
    @Test("POST /api/show gives the served model's details; its :latest tag counts; another name is 404 in Ollama's shape")
    func show() async throws {
        try await withServer({ $0.modelName = "llama3.3:70b" }) { server in
            let shown = try await TestHTTPClient.post(port: server.port, "/api/show", #"{"model":"llama3.3:70b"}"#)
            #expect(shown.status == 200)
            let details = try #require(shown.json?["details"] as? [String: Any])
            #expect(details["family"] as? String == "simulated")
            #expect(details.keys.contains("parameter_size") && details.keys.contains("quantization_level"))
            #expect((shown.json?["model_info"] as? [String: Any])?["general.basename"] as? String == "llama3.3:70b")
            let tagged = try await TestHTTPClient.post(port: server.port, "/api/show", #"{"model":"llama3.3:70b:latest"}"#)
            #expect(tagged.status == 200)
            let other = try await TestHTTPClient.post(port: server.port, "/api/show", #"{"model":"mistral:7b"}"#)
            #expect(other.status == 404)
            #expect((other.json?["error"] as? String)?.contains("'mistral:7b' not found") == true)
            let malformed = try await TestHTTPClient.post(port: server.port, "/api/show", #"{"name":1}"#)
            #expect(malformed.status == 400)
        }
    }

    @Test("GET /props names the model file in model_path and in default_generation_settings.model, with the slots")
    func props() async throws {
        try await withServer({ $0.modelName = "SmolLM2-135M-Instruct.Q4_1.gguf"; $0.maxNumSeqs = 4 }) { server in
            let props = try await TestHTTPClient.send(port: server.port, .init(method: "GET", path: "/props"))
            #expect(props.status == 200)
            #expect(props.json?["model_path"] as? String == "SmolLM2-135M-Instruct.Q4_1.gguf")
            #expect(props.json?["total_slots"] as? Int == 4)
            #expect((props.json?["default_generation_settings"] as? [String: Any])?["model"] as? String == "SmolLM2-135M-Instruct.Q4_1.gguf")
        }
    }
}
