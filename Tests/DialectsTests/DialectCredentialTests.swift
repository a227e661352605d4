import Dialects
import Testing
import Workload

@Suite("Dialect credentials and traits")
struct DialectCredentialTests {
    private static func target(_ baseURL: String, region: String? = nil) -> TargetSpec {
        var spec = TargetSpec(name: "t", dialect: BedrockDialect.converse.id, baseURL: baseURL, model: "m")
        spec.region = region
        return spec
    }

    @Test("Bedrock signs with the AWS environment for the target's region, eu-central-1 by default")
    func bedrockFromEnvironment() {
        let environment = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token", "AWS_REGION": "us-east-1"]
        let signed = BedrockDialect.converse.signingCredentials(for: Self.target("https://h", region: "eu-west-3"), environment: environment)
        #expect(signed == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token", region: "eu-west-3"))
        #expect(BedrockDialect.converse.signingCredentials(for: Self.target("https://h"), environment: environment)?.region == "eu-central-1")
    }

    @Test("a simulated Bedrock target without AWS keys signs as the simulator; a real one has no credentials")
    func bedrockWithoutKeys() {
        let simulated = BedrockDialect.converse.signingCredentials(for: Self.target("sim://b"), environment: [:])
        #expect(simulated?.accessKeyID == "AKIDREPATSIMULATOR")
        #expect(BedrockDialect.converse.signingCredentials(for: Self.target("https://h"), environment: [:]) == nil)
    }

    @Test("only Bedrock signs or needs a region or credentials; the catalog holds every dialect's traits and every preset")
    func otherDialects() {
        let keys = ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret"]
        for dialect in DialectRegistry.all where dialect.id != BedrockDialect.converse.id {
            #expect(dialect.signingCredentials(for: Self.target("https://h"), environment: keys) == nil, "\(dialect.id)")
            #expect(dialect.traits.region == nil && dialect.traits.credentials == nil, "\(dialect.id)")
            #expect(DialectRegistry.catalog.traits(of: dialect.id) == dialect.traits, "\(dialect.id)")
        }
        let bedrock = DialectRegistry.catalog.traits(of: BedrockDialect.converse.id)
        #expect(bedrock.region?.environmentVariables == ["AWS_REGION", "AWS_DEFAULT_REGION"])
        #expect(bedrock.credentials?.environmentVariables == ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
        #expect(DialectRegistry.catalog.presetNames == DialectRegistry.presets.map(\.name))
        #expect(DialectRegistry.presets.allSatisfy { DialectRegistry.named($0.dialect) != nil })
    }
}
