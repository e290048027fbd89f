/// Name, version and home of the tool, as JSON and SARIF name it.
package enum ToolInfo {
    package static let name = "leak-scan"
    package static let version = "0.1.0"
    package static let informationURI = "https://github.com/leak-scan/leak-scan"
}
