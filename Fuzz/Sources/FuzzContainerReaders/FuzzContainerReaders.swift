import ArchiveStream

/// The container readers written by hand: node-tar's header rules (`NodeTarShadow`) fed whole and split at a point
/// the input chooses (both must agree), and the zip central-directory check over a spool of the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContainerReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let whole = NodeTarShadow()
    whole.consume(bytes)
    let split = NodeTarShadow()
    let cut = size == 0 ? 0 : Int(bytes[0]) * size / 256
    split.consume(UnsafeRawBufferPointer(rebasing: bytes[..<cut]))
    split.consume(UnsafeRawBufferPointer(rebasing: bytes[cut...]))
    let wholeEnd = whole.finish()
    let splitEnd = split.finish()
    if wholeEnd != splitEnd || whole.isActive != split.isActive { fatalError("node-tar shadow depends on the split at \(cut)") }

    let spool = RandomAccessSpool(memoryLimit: 1 << 12)
    do {
        try spool.append(bytes)
        _ = try ZipDirectoryCheck.run(on: spool)
    } catch {}
    return 0
}
