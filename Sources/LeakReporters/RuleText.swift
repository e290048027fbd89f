package import LeakScanCore

/// The words shown for each rule in SARIF and documentation; ids themselves live in `Rule`.
extension Rule {
    package var title: String {
        switch self {
        case .firstPartySourceExposed: "First-party source exposed"
        case .thirdPartySourceExposed: "Third-party source exposed"
        case .sourceNamesExposed: "Source names exposed"
        case .missingMapReference: "Missing source map reference"
        case .remoteMapReference: "Remote source map reference"
        case .scanIncomplete: "Scan incomplete"
        case .secretExposed: "Secret exposed"
        case .sensitiveTermExposed: "Sensitive term exposed"
        }
    }

    package var explanation: String {
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
        case .secretExposed:
            "The text of a source a map exposes holds a credential in a vendor's token format (or a private key); anyone who downloads the release can read it. Not verified against the vendor (no network)."
        case .sensitiveTermExposed:
            "The text of a source a map exposes holds a term listed as sensitive (policy \"terms\" or --terms): a codename, an internal host."
        }
    }

    /// How to make the finding go away, for the SARIF `help` and the text report.
    package var fix: String {
        switch self {
        case .firstPartySourceExposed, .thirdPartySourceExposed:
            "Ship no source maps in the release, or build them without sourcesContent (esbuild `--sources-content=false`, "
                + "webpack `devtool: 'nosources-source-map'`, Vite `build.sourcemap: false`, tsc without `inlineSources`), "
                + "or keep the maps out of the package (`files` in package.json, `.npmignore`, `MANIFEST.in`)."
        case .sourceNamesExposed:
            "Leave the map out of the package if the file layout is private (`files` in package.json, `.npmignore`)."
        case .missingMapReference:
            "Strip the sourceMappingURL comment from shipped files, or ship the map if it is meant to be public."
        case .remoteMapReference:
            "Check that the map at that URL is not publicly downloadable, or strip the comment from shipped files."
        case .scanIncomplete:
            "Fix or remove the damaged member, or raise the limit named in the message; until then a clean result cannot be claimed."
        case .secretExposed:
            "Revoke and rotate the credential at its issuer (it is public once released), then ship no sourcesContent."
        case .sensitiveTermExposed:
            "Remove the term from shipped sources, or ship no sourcesContent."
        }
    }

    /// GitHub's 0.0–10.0 score: above 7 is high, 4–7 medium, below 4 low.
    package var securitySeverity: String {
        switch self {
        case .secretExposed: "9.0"
        case .firstPartySourceExposed: "8.0"
        case .scanIncomplete, .sensitiveTermExposed: "7.0"
        case .thirdPartySourceExposed, .remoteMapReference: "5.0"
        case .sourceNamesExposed, .missingMapReference: "3.0"
        }
    }

    /// The rule's section in `Docs/rules.md` (its heading is the rule id, so the anchor is too).
    package var helpURI: String { "\(ToolInfo.informationURI)/blob/main/Docs/rules.md#\(rawValue)" }
}
