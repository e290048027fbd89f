public import ArchiveStream

/// Runs a `BlockProducer` (an inflater, a decoder) to its end with an output buffer of `outputSize` bytes: the bytes it
/// produced and the error that stopped it (bytes before an error are kept).
public enum ProducerDrain {
    public static func drain(_ producer: any BlockProducer, outputSize: Int = 4096) -> ([UInt8], ArchiveError?) {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: outputSize)
        while true {
            let result = buffer.withUnsafeMutableBytes { raw in Result { () throws(ArchiveError) in try producer.fill(raw) } }
            switch result {
            case .success(0): return (output, nil)
            case .success(let count): output += buffer[0..<count]
            case .failure(let error): return (output, error)
            }
        }
    }
}
