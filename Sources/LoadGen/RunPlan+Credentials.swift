import Dialects
import Workload

extension RunPlan {
    /// Credentials a SigV4-signing target (Bedrock) signs with: the standard AWS environment
    /// variables for the target's region; for a `sim://` target without them, a fixed simulator
    /// identity (the built-in simulator checks that requests are signed, not by whom). `nil` when a
    /// real target has none (it may still carry a Bedrock API key as a bearer token).
    static func awsCredentials(for spec: TargetSpec, environment: [String: String]) -> AWSCredentials? {
        let region = spec.region ?? "eu-central-1"
        if let credentials = AWSCredentials.fromEnvironment(environment, region: region) {
            return credentials
        }
        guard spec.isSimulated else { return nil }
        return AWSCredentials(accessKeyID: "AKIDREPATSIMULATOR", secretAccessKey: "repat-simulator-secret", region: region)
    }
}
