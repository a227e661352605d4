/// An error as one API answers it over HTTP: status, body and any headers it adds.
struct ErrorResponse: Sendable {
    /// The HTTP status code.
    var status: Int
    /// The body text (JSON for every dialect).
    var body: String
    /// Headers the API adds to errors (`Retry-After`, `x-amzn-ErrorType`), as (name, value).
    var headers: [(String, String)] = []
}
