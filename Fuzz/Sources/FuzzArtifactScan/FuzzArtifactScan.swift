import Glibc
import ArtifactScanning

/// Scans arbitrary bytes as an artifact: libarchive's format detection, ISA-L inflate, nesting and every detector.
/// The bytes go to a file in /dev/shm because the scanner reads artifacts by path, as the command line does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArtifactScan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = "/dev/shm/leak-scan-fuzz-\(getpid()).bin"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return 0 }
    _ = write(descriptor, data, size)
    close(descriptor)
    var limits = ScanLimits()
    limits.maxTotalBytes = 1 << 26
    limits.maxEntries = 10_000
    _ = ArtifactScanner(limits: limits).scan(.path(path))
    return 0
}
