import Foundation

/// One file the corpus walk found, or a path it refused to enter.
public struct CorpusEntry: Sendable, Equatable {
    /// Path relative to the corpus root, `/`-separated.
    public var source: String
    /// Absolute or root-joined path to open.
    public var path: String
    /// Set when the walk itself refuses the entry (a symbolic link, say); ingest is then skipped.
    public var refusal: String?

    public init(source: String, path: String, refusal: String? = nil) {
        self.source = source
        self.path = path
        self.refusal = refusal
    }
}

/// Walks a corpus folder in a stable order (byte order of relative paths), keeping the files
/// that an include pattern matches and no exclude pattern does. Hidden files and folders are
/// skipped; symbolic links are reported, not followed.
public struct CorpusWalker: Sendable {
    public var root: String
    public var include: [Glob]
    public var exclude: [Glob]

    public init(root: String, include: [Glob], exclude: [Glob]) {
        self.root = root
        self.include = include
        self.exclude = exclude
    }

    /// The corpus's documents, sorted by `source`.
    public func entries() throws(CorpusError) -> [CorpusEntry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(root)
        }
        var found: [CorpusEntry] = []
        try walk(directory: root, relative: "", into: &found)
        found.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
        return found
    }

    private func walk(directory: String, relative: String, into found: inout [CorpusEntry]) throws(CorpusError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unlistable(path: directory, reason: (error as NSError).localizedDescription)
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let source = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else {
                if selected(source) {
                    found.append(CorpusEntry(source: source, path: path, refusal: "unreadable: \(String(cString: strerror(errno)))"))
                }
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                if !exclude.contains(where: { $0.matches(source) }) {
                    try walk(directory: path, relative: source, into: &found)
                }
            case S_IFLNK:
                if selected(source) {
                    found.append(CorpusEntry(source: source, path: path, refusal: "symbolic link, not followed"))
                }
            case S_IFREG:
                if selected(source) { found.append(CorpusEntry(source: source, path: path)) }
            default:
                continue
            }
        }
    }

    private func selected(_ source: String) -> Bool {
        include.contains { $0.matches(source) } && !exclude.contains { $0.matches(source) }
    }
}
