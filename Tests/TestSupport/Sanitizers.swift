#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the test process was built with. The suite and the binary it runs are built together, so this also says how
/// the binary was built: under AddressSanitizer its shadow memory and quarantine make resident-set bounds meaningless.
public enum Sanitizers {
    /// True when AddressSanitizer's runtime is in the process (its entry point is visible to the dynamic linker).
    public static let addressSanitizerIsActive = dlsym(nil, "__asan_init") != nil
}
