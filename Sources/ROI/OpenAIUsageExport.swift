import Foundation

/// Reads the OpenAI Usage API's completions export (`GET /v1/organization/usage/completions`):
/// one page (`{"object": "page", "data": [buckets], ...}`), a JSON list of pages, or one page per
/// line, as a paginating script saves them. Each bucket has `start_time` and `end_time` (Unix
/// seconds) and `results`, whose entries carry `input_tokens` (cached ones included),
/// `input_cached_tokens`, `output_tokens`, `num_model_requests` and, with `group_by=model`, `model`.
public enum OpenAIUsageExport {
    /// The buckets of `data`, one per result entry.
    /// - Throws: ``ROIError`` naming `file` (and the line, for one page per line) and the field.
    public static func buckets(from data: Data, file: String) throws(ROIError) -> [UsageBucket] {
        let text = String(decoding: data, as: UTF8.self)
        if let whole = try? JSONSerialization.jsonObject(with: data) {
            let pages = (whole as? [Any]) ?? [whole]
            var buckets: [UsageBucket] = []
            for (index, page) in pages.enumerated() {
                buckets += try pageBuckets(page, where: pages.count == 1 ? file : "\(file): page \(index + 1)")
            }
            return buckets
        }
        var buckets: [UsageBucket] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let page = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) else {
                throw ROIError("\(file):\(index + 1): not valid JSON (expected a Usage API page, or one page per line)")
            }
            buckets += try pageBuckets(page, where: "\(file):\(index + 1)")
        }
        guard !buckets.isEmpty || !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ROIError("\(file): empty file")
        }
        return buckets
    }

    private static func pageBuckets(_ page: Any, where place: String) throws(ROIError) -> [UsageBucket] {
        guard let object = page as? [String: Any], let data = object["data"] as? [Any] else {
            throw ROIError("\(place): expected a Usage API page with a data: list of buckets (GET /v1/organization/usage/completions)")
        }
        var buckets: [UsageBucket] = []
        for (index, item) in data.enumerated() {
            let path = "data[\(index)]"
            guard let bucket = item as? [String: Any] else { throw ROIError("\(place): \(path): expected a bucket object") }
            let start = try integer(bucket["start_time"], "\(place): \(path).start_time")
            let end = try integer(bucket["end_time"], "\(place): \(path).end_time")
            guard end > start else { throw ROIError("\(place): \(path): end_time \(end) is not after start_time \(start)") }
            guard let results = bucket["results"] as? [Any] else { throw ROIError("\(place): \(path).results: expected a list") }
            if results.isEmpty {
                // An hour without traffic still belongs to the period the export covers.
                buckets.append(UsageBucket(start: start, seconds: end - start, model: "", inputTokens: 0, cachedTokens: 0, outputTokens: 0, requests: 0))
            }
            for (resultIndex, entry) in results.enumerated() {
                let resultPath = "\(place): \(path).results[\(resultIndex)]"
                guard let result = entry as? [String: Any] else { throw ROIError("\(resultPath): expected an object") }
                let input = try count(result["input_tokens"], "\(resultPath).input_tokens")
                let cached = result["input_cached_tokens"] is NSNull || result["input_cached_tokens"] == nil
                    ? 0 : try count(result["input_cached_tokens"], "\(resultPath).input_cached_tokens")
                guard cached <= input else {
                    throw ROIError("\(resultPath): input_cached_tokens \(Int(cached)) exceeds input_tokens \(Int(input)) (the export counts cached tokens inside input_tokens)")
                }
                buckets.append(UsageBucket(
                    start: start, seconds: end - start, model: result["model"] as? String ?? "",
                    inputTokens: input, cachedTokens: cached, outputTokens: try count(result["output_tokens"], "\(resultPath).output_tokens"),
                    requests: try count(result["num_model_requests"], "\(resultPath).num_model_requests")
                ))
            }
        }
        return buckets
    }

    private static func integer(_ value: Any?, _ place: String) throws(ROIError) -> Int {
        guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
            throw ROIError("\(place): expected Unix seconds")
        }
        return number.intValue
    }

    private static func count(_ value: Any?, _ place: String) throws(ROIError) -> Double {
        guard let number = value as? NSNumber, number.doubleValue >= 0, number.doubleValue.isFinite else {
            throw ROIError("\(place): expected a count of 0 or more")
        }
        return number.doubleValue
    }
}
