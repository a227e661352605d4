import Foundation
@testable import LoadGen
import LoopbackSupport
import Metrics
import Orchestration
import Results
import Testing

@Suite("served model: what the server says it serves reaches repat targets and run.json")
struct ServedModelProbeTests {
    @Test("repat targets reports the simulator's model file from /props, even when the scenario names another model")
    func targetCheck() async throws {
        CurlSetup.ensure()
        let target = simulatedTarget("llama", options: ["model_name": "SmolLM2-135M-Instruct.Q4_1.gguf"])
        let plan = try makePlan(scenarioYAML(targets: target, load: ["concurrency: 1", "requests: 1"]))
        let result = try #require(try await TargetCheck.run(plan).first)
        #expect(result.servedModel == ServedModel(name: "SmolLM2-135M-Instruct.Q4_1.gguf", reportedBy: "GET /props"))
        #expect(result.servedModel?.description == "SmolLM2-135M-Instruct.Q4_1.gguf (from GET /props)")
    }

    @Test("a run records the served model of each target in run.json")
    func runJSON() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repat-served-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = simulatedTarget("llama", options: ["model_name": "llama3.3:70b"])
        let (report, _) = try await runBenchmark(scenarioYAML(targets: target, load: ["concurrency: 1", "requests: 2"]), in: folder)
        let directory = report.directory
        let targets = try #require(try readRunJSON(directory)["targets"] as? [[String: Any]])
        let served = try #require(targets.first?["served_model"] as? [String: Any], "\(targets)")
        #expect(served["name"] as? String == "llama3.3:70b")
        #expect(served["reported_by"] as? String == "GET /props")
        let metadata = try RunMetadata.read(from: directory.runJSON)
        #expect(metadata.targets.first?.servedModel?.name == "llama3.3:70b")
    }

    @Test("llama.cpp's /props: the file of model_path, else of default_generation_settings.model; the folder is not recorded")
    func props() {
        #expect(ServedModelProbe.fromProps(["model_path": "/srv/models/Llama-3.3-70B-Instruct-Q4_K_M.gguf"])?.name == "Llama-3.3-70B-Instruct-Q4_K_M.gguf")
        #expect(ServedModelProbe.fromProps(["default_generation_settings": ["model": "models\\smollm2.gguf", "n_ctx": 4096]])?.name == "smollm2.gguf")
        #expect(ServedModelProbe.fromProps(["build_info": "b5000"]) == nil)
        #expect(ServedModelProbe.fromProps(["model_path": ""]) == nil)
    }

    @Test("Ollama's /api/show: family, parameter size and quantisation as the server writes them; empty ones left out")
    func show() {
        let shown = ServedModelProbe.fromShow(
            ["details": ["family": "llama", "parameter_size": "70.6B", "quantization_level": "Q4_K_M", "format": "gguf"]], model: "llama3.3:70b")
        #expect(shown == ServedModel(name: "llama3.3:70b", family: "llama", parameterSize: "70.6B", quantization: "Q4_K_M", reportedBy: "POST /api/show"))
        #expect(shown?.description == "llama3.3:70b (llama, 70.6B, Q4_K_M; from POST /api/show)")
        #expect(ServedModelProbe.fromShow(["details": ["family": "", "parameter_size": ""]], model: "m")?.family == nil)
        #expect(ServedModelProbe.fromShow(["error": "model 'm' not found"], model: "m") == nil)
    }

    @Test("a model listing: the model asked for, Ollama's :latest, the only model listed; several others give nothing")
    func listing() {
        #expect(ServedModelProbe.fromListing(["a", "b"], model: "b", reportedBy: "GET /v1/models")?.name == "b")
        #expect(ServedModelProbe.fromListing(["llama3:latest"], model: "llama3", reportedBy: "GET /api/tags")?.name == "llama3:latest")
        #expect(ServedModelProbe.fromListing(["meta-llama/Llama-3.3-70B-Instruct"], model: "llama", reportedBy: "GET /v1/models")?.name == "meta-llama/Llama-3.3-70B-Instruct")
        #expect(ServedModelProbe.fromListing(["a", "b"], model: "c", reportedBy: "GET /v1/models") == nil)
        #expect(ServedModelProbe.fromListing([], model: "c", reportedBy: "GET /v1/models") == nil)
    }
}
