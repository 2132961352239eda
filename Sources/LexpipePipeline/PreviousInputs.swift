import Foundation

/// The previous run's input digest of each source, for the change report. One entry per
/// document of the previous run, so it is kept small: the sources' UTF-8 in one buffer and a
/// 48-byte entry each, sorted by source bytes and found by binary search, instead of a
/// dictionary holding a string allocation per source.
struct PreviousInputs: Sendable {
    private struct Entry: Sendable {
        var start: Int
        var count: UInt32
        var digest: InputDigest
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []

    /// `inputs` in any order; where a source occurs twice the later digest counts.
    init(_ inputs: some Sequence<(source: String, digest: InputDigest)>) {
        var unsorted: [Entry] = []
        for (source, digest) in inputs {
            let start = bytes.count
            bytes.append(contentsOf: source.utf8)
            unsorted.append(Entry(start: start, count: UInt32(bytes.count - start), digest: digest))
        }
        // Sorted by source, later inputs first among equal sources, so the first of a run wins.
        let order = unsorted.indices.sorted { left, right in
            let order = compare(unsorted[left], unsorted[right])
            return order == 0 ? left > right : order < 0
        }
        entries.reserveCapacity(order.count)
        for index in order where entries.last.map({ compare($0, unsorted[index]) != 0 }) ?? true {
            entries.append(unsorted[index])
        }
    }

    var count: Int { entries.count }

    /// The position of `source` among the previous inputs, if it was one.
    func index(of source: String) -> Int? {
        var source = source
        return source.withUTF8 { key in
            bytes.withUnsafeBufferPointer { buffer in
                var low = 0
                var high = entries.count
                while low < high {
                    let middle = (low + high) / 2
                    let order = PreviousInputs.compare(bytes: buffer, entries[middle], key)
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    func digest(at index: Int) -> InputDigest { entries[index].digest }

    func source(at index: Int) -> String {
        let entry = entries[index]
        return String(decoding: bytes[entry.start..<(entry.start + Int(entry.count))], as: UTF8.self)
    }

    private func compare(_ left: Entry, _ right: Entry) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            PreviousInputs.compare(
                bytes: buffer, left,
                UnsafeBufferPointer(rebasing: buffer[right.start..<(right.start + Int(right.count))])
            )
        }
    }

    /// Byte order of `entry`'s source against `key`: negative, zero or positive.
    private static func compare(bytes: UnsafeBufferPointer<UInt8>, _ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let count = Int(entry.count)
        let common = min(count, key.count)
        if common > 0 {
            let order = memcmp(bytes.baseAddress! + entry.start, key.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return count - key.count
    }
}
