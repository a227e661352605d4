import Foundation
import Testing
@testable import ROI

@Suite("model catalogue: names providers use meet in one family, unknown names match nothing")
struct ModelCatalogTests {
    private func catalog() throws -> ModelCatalog {
        try PriceBook.load(directory: packageRoot + "/pricing").models
    }

    @Test(
        "every kind of alias of Llama 3.3 70B finds its family",
        arguments: [
            "meta-llama/Llama-3.3-70B-Instruct",  // Hugging Face id
            "llama3.3:70b",  // Ollama tag
            "llama3.3:70b-instruct-q4_K_M",  // Ollama tag with quantisation
            "llama3.3:latest",  // Ollama's implicit tag
            "Meta-Llama-3_3-70B-Instruct",  // OVHcloud
            "meta.llama3-3-70b-instruct-v1:0",  // Bedrock model id
            "eu.meta.llama3-3-70b-instruct-v1:0",  // Bedrock EU inference profile
            "llama-3.3-70b-instruct",  // Scaleway
            "Llama-3.3-70B-Instruct-Q4_K_M.gguf",  // GGUF file
            "/models/Llama-3.3-70B-Instruct-Q8_0-00001-of-00002.gguf",  // split GGUF in a folder
        ])
    func llamaAliases(name: String) throws {
        #expect(try catalog().family(named: name)?.id == "llama-3.3-70b")
    }

    @Test("the CI llama.cpp model, its GGUF file and the scenario's name are SmolLM2-135M")
    func smolLM() throws {
        let catalog = try catalog()
        for name in ["SmolLM2-135M-Instruct.Q4_1.gguf", "smollm2-135m", "HuggingFaceTB/SmolLM2-135M-Instruct"] {
            #expect(catalog.family(named: name)?.id == "smollm2-135m", "\(name)")
        }
    }

    @Test("an unknown name, a neighbouring size and an empty name match nothing: the catalogue never guesses")
    func unknownNames() throws {
        let catalog = try catalog()
        for name in ["my-finetune-v2", "llama3.3:8b", "Llama-3.3-71B-Instruct", "llama-3.3", "", "gpt-4o-turbo"] {
            #expect(catalog.family(named: name) == nil, "'\(name)' must not match")
        }
        #expect(catalog.family(named: nil) == nil)
    }

    @Test("every shipped API price maps to a family, and open families carry parameters and licence")
    func shippedPricesMap() throws {
        let book = try PriceBook.load(directory: packageRoot + "/pricing")
        let families = ROIPlanner.apiFamilies(book.apis, catalog: book.models)
        for price in book.apis { #expect(families[price.id] != nil, "\(price.id) (\(price.model)) has no family") }
        #expect(families["ovhcloud/mistral-small-3.2"]?.id == "mistral-small-3.2")
        #expect(families["scaleway/mistral-small-3.2"]?.id == "mistral-small-3.2")
        #expect(families["openai/gpt-4o"]?.weights == .closed)
        #expect(families["mistral/mistral-small-latest"]?.weights == .alias)
        for family in book.models.families where family.weights == .open {
            #expect(family.parametersB != nil && family.licence != nil, "\(family.id)")
        }
        let oss = try #require(book.models.family(id: "gpt-oss-120b"))
        #expect(oss.parametersText == "117B parameters, 5.1B active")
    }

    @Test("two families claiming one name after normalisation are refused, naming both")
    func ambiguousName() {
        let family = { (id: String, alias: String) in
            ModelFamily(id: id, name: id, weights: .open, parametersB: 1, activeParametersB: nil, licence: "MIT", aliases: [alias], source: "s", read: "r")
        }
        #expect(throws: ROIError.self) { try ModelCatalog(families: [family("a", "Org/Model-1B"), family("b", "model-1b-Q4_K_M.gguf")]) }
        do {
            _ = try ModelCatalog(families: [family("a", "Org/Model-1B"), family("b", "model-1b-Q4_K_M.gguf")])
        } catch {
            #expect(error.description == "model family b: the name 'model-1b-Q4_K_M.gguf' already belongs to a")
        }
    }

    @Test("a bad catalogue entry is one line naming the file, line and field")
    func badEntry() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try write("families:\n  x:\n    name: X\n    weights: half-open\n    source: s\n    read: r\n", "models.yaml", in: folder)
        #expect(throws: ROIError.self) { try ModelCatalogParser.load(file: file) }
        do {
            _ = try ModelCatalogParser.load(file: file)
        } catch {
            #expect(error.description.hasPrefix("\(file):"))
            #expect(error.description.contains("families.x: weights: 'half-open' is not one of open, closed, alias"))
        }
    }

    @Test("the normalisation rule: quantisation tags are dropped, name parts that look alike are kept")
    func normalisation() {
        #expect(ModelName.key("Qwen2.5-7B-Instruct-AWQ") == "qwen2.5-7b-instruct")
        #expect(ModelName.key("mistral-small3.2:24b-instruct-2506-q8_0") == "mistral-small3.2:24b-instruct-2506")
        #expect(ModelName.key("Mistral-7B-Instruct-v0.3") == "mistral-7b-instruct-v0.3")
        #expect(ModelName.key("gpt-4.1") == "gpt-4.1")
        #expect(ModelName.key("models/gemini-2.5-pro") == "gemini-2.5-pro")
    }
}
