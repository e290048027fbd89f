/// Name, version and home of the tool, as JSON and SARIF name it.
public enum ToolInfo {
    public static let name = "leak-scan"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/leak-scan/leak-scan"
}
