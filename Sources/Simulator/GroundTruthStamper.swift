/// Rewrites one request's tokens to carry their write times (see ``GroundTruth``), logging each
/// to the engine's ``GroundTruthLog`` when there is one. Used on the request's event loop only.
struct GroundTruthStamper {
    /// The request's arrival number, the log's `request` column.
    let request: UInt64
    /// Where each stamp is also recorded, if anywhere.
    let log: GroundTruthLog?

    /// Token `index` with its text replaced by the time now; its finish reason and reasoning mark
    /// are kept. Call just
    /// before the token's event is encoded and written.
    func stamp(_ token: SampledToken, index: Int) -> SampledToken {
        let now = GroundTruth.now()
        log?.record(request: request, token: index, writtenAt: now)
        var stamped = token
        stamped.text = GroundTruth.tokenText(writtenAt: now)
        return stamped
    }
}
