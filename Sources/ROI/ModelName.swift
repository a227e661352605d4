import Foundation

/// The normalisation rule that lets the many spellings of one model's name meet in the catalogue
/// (`docs/roi.md`, "Which API is compared"). Both the catalogue's aliases and the names to look up
/// go through ``key(_:)``; two names match only when their keys are equal — never by similarity.
public enum ModelName {
    /// Quantisation and precision tags that GGUF files, Ollama tags and Hugging Face repos append
    /// to a model's name (`Q4_K_M`, `IQ3_XS`, `f16`, `AWQ` …), lowercased.
    private static let precisionTags: Set<String> = ["f16", "bf16", "f32", "fp16", "fp8", "int4", "int8", "awq", "gptq", "qat"]

    /// Bedrock's cross-region inference-profile prefixes (`eu.meta.llama3-3-70b-instruct-v1:0`).
    private static let regionPrefixes = ["eu.", "us.", "apac.", "global."]

    /// The comparison key of `name`:
    /// 1. trimmed and lowercased;
    /// 2. only the part after the last `/` (Hugging Face organisation, file path, `models/`);
    /// 3. a `.gguf` extension and a `-00001-of-00003` shard suffix removed;
    /// 4. Bedrock's region prefix (`eu.`) and version suffix (`-v1:0`) removed;
    /// 5. Ollama's `:latest` tag removed;
    /// 6. a trailing quantisation tag removed when it follows `-`, `.` or `_` (`-Q4_K_M`, `.Q4_1`,
    ///    `-q8_0`, `-IQ3_XS`, `-f16`, `-AWQ`);
    /// 7. `_` and spaces turned into `-` (OVH writes `Meta-Llama-3_3-70B-Instruct`).
    public static func key(_ name: String) -> String {
        var text = Substring(name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
        if text.hasSuffix(".gguf") { text = text.dropLast(5) }
        text = dropShardSuffix(text)
        if let prefix = regionPrefixes.first(where: { text.hasPrefix($0) }), text.dropFirst(prefix.count).contains(".") {
            text = text.dropFirst(prefix.count)
        }
        text = dropVersionSuffix(text)
        if text.hasSuffix(":latest") { text = text.dropLast(7) }
        text = dropPrecisionTag(text)
        return String(text).replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
    }

    /// `name` without a trailing `-NNNNN-of-NNNNN` (split GGUF files).
    private static func dropShardSuffix(_ name: Substring) -> Substring {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count > 3, parts[parts.count - 2] == "of", isDigits(parts[parts.count - 1]), isDigits(parts[parts.count - 3]) else { return name }
        return name.dropLast(parts[parts.count - 3].count + parts[parts.count - 1].count + 4 + 1)
    }

    /// `name` without Bedrock's trailing `-v1:0` / `-v2`.
    private static func dropVersionSuffix(_ name: Substring) -> Substring {
        guard let dash = name.lastIndex(of: "-") else { return name }
        let tail = name[name.index(after: dash)...]
        guard tail.first == "v" else { return name }
        let version = tail.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(version.count), version.allSatisfy(isDigits) else { return name }
        return name[..<dash]
    }

    /// `name` without a trailing quantisation tag after `-`, `.` or `_`.
    private static func dropPrecisionTag(_ name: Substring) -> Substring {
        for separator in ["-", ".", ":"] as [Character] {
            guard let index = name.lastIndex(of: separator) else { continue }
            let tag = name[name.index(after: index)...]
            if isQuantisation(tag) { return name[..<index] }
        }
        return name
    }

    /// Whether `tag` is a quantisation or precision tag: `q4`, `q4_k_m`, `q8_0`, `iq3_xs`, `f16`, `awq` ….
    static func isQuantisation(_ tag: Substring) -> Bool {
        if precisionTags.contains(String(tag)) { return true }
        let parts = tag.split(separator: "_", omittingEmptySubsequences: false)
        guard let head = parts.first else { return false }
        let digits = head.hasPrefix("iq") ? head.dropFirst(2) : head.hasPrefix("q") ? head.dropFirst() : ""
        guard !digits.isEmpty, isDigits(digits) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }
}
