public import LeakScanCore

/// The words shown for each rule in SARIF and documentation; ids themselves live in `Rule`.
extension Rule {
    public var title: String {
        switch self {
        case .firstPartySourceExposed: "First-party source exposed"
        case .thirdPartySourceExposed: "Third-party source exposed"
        case .sourceNamesExposed: "Source names exposed"
        case .missingMapReference: "Missing source map reference"
        case .remoteMapReference: "Remote source map reference"
        case .scanIncomplete: "Scan incomplete"
        }
    }

    public var explanation: String {
        switch self {
        case .firstPartySourceExposed:
            "A source map shipped in the artifact embeds the text of first-party source files in sourcesContent; anyone who downloads the release can read the original code."
        case .thirdPartySourceExposed:
            "A source map embeds only node_modules sources: no first-party code, but the map still ships source text."
        case .sourceNamesExposed:
            "A source map names the original source files without their content, revealing the project layout."
        case .missingMapReference:
            "A sourceMappingURL comment points at a map that is not in the artifact (it may have been published elsewhere)."
        case .remoteMapReference:
            "A sourceMappingURL comment points at a remote URL; the map may be publicly downloadable from that host."
        case .scanIncomplete:
            "Part of the artifact could not be read (damaged, encrypted or over a limit), so a clean result cannot be claimed."
        }
    }

    public var helpURI: String { "\(ToolInfo.informationURI)#rule-\(rawValue)" }
}
