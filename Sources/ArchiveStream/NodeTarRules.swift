/// The parser rules of one node-tar release line, as far as they decide which files it writes: npm 10 runs node-tar 6,
/// npm 11 runs node-tar 7, whose rules changed inside 7.5 (7.5.16–7.5.18, security fixes against smuggled members).
///
/// Each flag names the source it comes from (node-tar's `src/` at the tag named); `NodeTarShadow` follows a stream
/// once per rule set wherever they can disagree.
public struct NodeTarRules: Sendable, Equatable {
    /// How a report names this reader.
    public let consumer: String
    /// `parse.ts` (7.0.0+): `!/^(Global)?ExtendedHeader$/.test(type) && header.linkpath` — a link name on an `x` or
    /// `g` header is allowed; node-tar 6 warns "linkpath forbidden", skips the header and reads its body as headers.
    let linkNameAllowedOnPaxHeaders: Bool
    /// `header.ts` (7.0.0+): "Apply global before local, so it overrides" — a pending `size` of an extended header wins
    /// over the global one; node-tar 6 slurps the global header last, so the global `size` wins.
    let localOverridesGlobal: Bool
    /// `header.ts` (7.5.16+): `exForFields = isNormalFS ? ex : undefined` — pending extended and global fields apply
    /// only to file-system entries (`normalFsTypes`: 0–7, D), not to metadata or unknown headers.
    let extendedAppliesOnlyToFileSystemEntries: Bool
    /// `pax.ts` (7.0.0+): the `Pax` constructor copies values as they are (`this.path = obj.path`), so an empty path or
    /// a zero size applies; node-tar 6 drops them (`obj.path || null`).
    let paxKeepsEmptyValues: Bool
    /// `pax.ts` (7.5.17+): `kv.join('=').replace(/\0.*/, '')` — a value ends at its first NUL.
    let paxValuesEndAtNul: Bool
    /// `pax.ts` (7.5.18+): values parsed by key (`path` stays a string, `size` is `+v` kept when `>= 0`); before, every
    /// all-digit value became a number, so an all-digit `path` made `this.path.slice` throw on a file header.
    let paxValuesTypedByKey: Bool
    /// `header.ts` (7.5.18+): `notNegative(…)` — a negative size reads as no size (an empty body).
    let negativeSizeReadsAsEmpty: Bool

    /// node-tar 6.2 (`lib/`), what npm 10 bundles.
    public static let nodeTar6 = NodeTarRules(
        consumer: "node-tar 6 (npm 10)", linkNameAllowedOnPaxHeaders: false, localOverridesGlobal: false,
        extendedAppliesOnlyToFileSystemEntries: false, paxKeepsEmptyValues: false, paxValuesEndAtNul: false,
        paxValuesTypedByKey: false, negativeSizeReadsAsEmpty: false)

    /// node-tar 7.0.1 to 7.5.15, what npm 11 bundled until its 7.5.16 update.
    public static let nodeTar7Early = NodeTarRules(
        consumer: "node-tar 7.0–7.5.15 (npm 11)", linkNameAllowedOnPaxHeaders: true, localOverridesGlobal: true,
        extendedAppliesOnlyToFileSystemEntries: false, paxKeepsEmptyValues: true, paxValuesEndAtNul: false,
        paxValuesTypedByKey: false, negativeSizeReadsAsEmpty: false)

    /// node-tar 7.5.18 and later (read at 7.5.21), what current npm 11 bundles.
    public static let nodeTar7 = NodeTarRules(
        consumer: "node-tar 7.5.18+ (npm 11)", linkNameAllowedOnPaxHeaders: true, localOverridesGlobal: true,
        extendedAppliesOnlyToFileSystemEntries: true, paxKeepsEmptyValues: true, paxValuesEndAtNul: true,
        paxValuesTypedByKey: true, negativeSizeReadsAsEmpty: true)

    /// The rule sets followed next to node-tar 6 once a stream holds a header where they can differ.
    static let followers = [nodeTar7Early, nodeTar7]
}
