import Foundation

/// Creates symbolic links for directory-walk tests.
public enum FileManagerLink {
    public static func create(at path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }
}
