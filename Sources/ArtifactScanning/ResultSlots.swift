import Synchronization
import LeakScanCore

/// Fixed slots filled by concurrent workers, read back in input order.
final class ResultSlots: Sendable {
    private let slots: Mutex<[ArtifactReport?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ report: ArtifactReport, at index: Int) {
        slots.withLock { $0[index] = report }
    }

    var values: [ArtifactReport] {
        slots.withLock { $0.compactMap { $0 } }
    }
}

/// Hands out input indices to workers, each once.
final class NextIndex: Sendable {
    private let counter = Mutex(0)

    func take(below limit: Int) -> Int? {
        counter.withLock { value in
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
