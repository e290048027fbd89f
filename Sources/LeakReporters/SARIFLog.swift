/// The subset of SARIF 2.1.0 leak-scan writes, as Codable types so output is typed and keys are sorted.
struct SARIFLog: Codable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
    }

    struct Run: Codable {
        var tool: Tool
        var artifacts: [Artifact]
        var results: [Result]
    }

    struct Tool: Codable {
        var driver: Driver
    }

    struct Driver: Codable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Codable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var helpUri: String
        var defaultConfiguration: Configuration
    }

    struct Configuration: Codable {
        var level: String
    }

    struct Text: Codable {
        var text: String
    }

    struct Artifact: Codable {
        var location: ArtifactLocation
        var parentIndex: Int?
    }

    struct ArtifactLocation: Codable {
        var uri: String
        var index: Int?
    }

    struct Result: Codable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [ResultLocation]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
    }

    struct ResultLocation: Codable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Codable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    /// Where in the member: the byte offset of an inline map's or a reference's `sourceMappingURL=`.
    struct Region: Codable {
        var byteOffset: Int
    }

    struct Suppression: Codable {
        var kind: String
        var justification: String
    }
}
