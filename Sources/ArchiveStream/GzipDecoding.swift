/// The gzip decoder of this build: ISA-L with the `ISAL` package trait (the default, 2–3× faster than zlib),
/// zlib without it (macOS, or where ISA-L is not installed).
enum GzipDecoding {
    static func decoder(input: any ByteSource) -> any BlockProducer {
        #if ISAL
            GzipInflater(input: input)
        #else
            ZlibInflater(input: input)
        #endif
    }
}
