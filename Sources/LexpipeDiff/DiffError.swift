public import LexpipeRecord

/// Why two datasets could not be compared.
public enum DiffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--from-year` or `--to-year` names a year in which the dataset holds no document: there
    /// is nothing to compare, which is not the same as no differences.
    case noDocuments(year: Int, dataset: String, years: [Int])

    public var description: String {
        switch self {
        case let .noDocuments(year, dataset, years):
            "no document of \(year) in \(dataset)"
                + (years.isEmpty ? " (it holds no document with a year)" : " (years present: \(years.map(String.init).joined(separator: ", ")))")
        }
    }
}

extension DatasetDiff {
    /// The documents of year `from` and those of year `to` in one dataset, to compare with each
    /// other; throws when either year has none.
    public static func years(
        _ records: [DocumentRecord], from: Int, to: Int, dataset: String
    ) throws(DiffError) -> (old: [DocumentRecord], new: [DocumentRecord]) {
        let present = Set(records.compactMap(\.year)).sorted()
        let old = records.filter { $0.year == from }
        let new = records.filter { $0.year == to }
        if old.isEmpty { throw .noDocuments(year: from, dataset: dataset, years: present) }
        if new.isEmpty { throw .noDocuments(year: to, dataset: dataset, years: present) }
        return (old, new)
    }
}
