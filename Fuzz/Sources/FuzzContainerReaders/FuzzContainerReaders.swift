import ArchiveStream

/// The container readers written by hand: node-tar's header rules (`NodeTarShadow`) fed whole and split at a point
/// the input chooses (both must agree), the zip central-directory check over a spool of the same bytes, and the
/// squashfs reader (libsquashfs) over that spool: every member and every block.
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
    let squashfs = SquashfsReader(input: spool)
    while true {
        do {
            guard try squashfs.nextEntry() != nil else { break }
            while try !squashfs.readBlock().isEmpty {}
        } catch  where error.code == .fatal {
            break
        } catch {}
    }
    return 0
}
