import Foundation

/// One file the corpus walk found, or a path it refused to enter.
public struct CorpusEntry: Sendable, Equatable {
    /// Path relative to the corpus root, `/`-separated.
    public var source: String
    /// The corpus root, one string shared by every entry: a path per entry would make the
    /// walk's memory grow twice as fast with the corpus.
    public var root: String
    /// Set when the walk itself refuses the entry (a symbolic link, say); ingest is then skipped.
    public var refusal: String?

    public init(source: String, root: String, refusal: String? = nil) {
        self.source = source
        self.root = root
        self.refusal = refusal
    }

    /// The root-joined path to open.
    public var path: String {
        root.hasSuffix("/") ? root + source : root + "/" + source
    }
}

/// Walks a corpus folder in a stable order (byte order of relative paths), keeping the files
/// that an include pattern matches and no exclude pattern does. Hidden files and folders are
/// skipped; symbolic links are reported, not followed, unless `followSymbolicLinks` (then a
/// folder reached twice, as through a link loop, is reported instead of walked again).
public struct CorpusWalker: Sendable {
    public var root: String
    public var include: [Glob]
    public var exclude: [Glob]
    public var followSymbolicLinks: Bool

    public init(root: String, include: [Glob], exclude: [Glob], followSymbolicLinks: Bool = false) {
        self.root = root
        self.include = include
        self.exclude = exclude
        self.followSymbolicLinks = followSymbolicLinks
    }

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The corpus's documents, sorted by `source`.
    public func entries() throws(CorpusError) -> [CorpusEntry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(root)
        }
        var found: [CorpusEntry] = []
        var visited: Set<FileID> = []
        var status = stat()
        if stat(root, &status) == 0 { visited.insert(FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))) }
        try walk(directory: root, relative: "", visited: &visited, into: &found)
        found.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
        return found
    }

    private func walk(directory: String, relative: String, visited: inout Set<FileID>, into found: inout [CorpusEntry]) throws(CorpusError) {
        for (name, type, isUTF8) in try CorpusWalker.list(directory) where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let source = relative.isEmpty ? name : relative + "/" + name
            guard isUTF8 else {
                // Its path cannot be written back from the name shown, nor opened with it.
                if selected(source) { found.append(CorpusEntry(source: source, root: root, refusal: "file name is not valid UTF-8")) }
                continue
            }
            // The listing tells a plain file from anything else on most file systems: then
            // no `lstat` is needed.
            if type == CorpusWalker.regularFile {
                if selected(source) { found.append(CorpusEntry(source: source, root: root)) }
                continue
            }
            var status = stat()
            guard lstat(path, &status) == 0 else {
                if selected(source) {
                    found.append(CorpusEntry(source: source, root: root, refusal: "unreadable: \(String(cString: strerror(errno)))"))
                }
                continue
            }
            var kind = status.st_mode & S_IFMT
            if kind == S_IFLNK {
                guard followSymbolicLinks else {
                    if selected(source) {
                        found.append(CorpusEntry(
                            source: source, root: root, refusal: "symbolic link, not followed (corpus.follow_symlinks is false)"
                        ))
                    }
                    continue
                }
                guard stat(path, &status) == 0 else {
                    let reason = errno == ELOOP ? "symbolic link loop" : "broken symbolic link: \(String(cString: strerror(errno)))"
                    if selected(source) { found.append(CorpusEntry(source: source, root: root, refusal: reason)) }
                    continue
                }
                kind = status.st_mode & S_IFMT
            }
            switch kind {
            case S_IFDIR:
                guard !exclude.contains(where: { $0.matches(source) }) else { continue }
                guard visited.insert(FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))).inserted else {
                    if include.contains(where: { $0.matches(source + "/x.txt") }) {
                        found.append(CorpusEntry(source: source, root: root, refusal: "symbolic link loop: folder already walked"))
                    }
                    continue
                }
                try walk(directory: path, relative: source, visited: &visited, into: &found)
            case S_IFREG:
                if selected(source) { found.append(CorpusEntry(source: source, root: root)) }
            default:
                continue
            }
        }
    }

    /// `DT_REG`: a listing's type of a plain file.
    private static let regularFile = UInt8(DT_REG)

    /// The names in a folder with their types as the listing gives them (`DT_UNKNOWN` where the
    /// file system does not say) and whether they are UTF-8 (if not, invalid bytes show as
    /// U+FFFD), in no particular order.
    private static func list(_ directory: String) throws(CorpusError) -> [(name: String, type: UInt8, isUTF8: Bool)] {
        guard let stream = opendir(directory) else {
            throw .unlistable(path: directory, reason: String(cString: strerror(errno)))
        }
        defer { closedir(stream) }
        var names: [(name: String, type: UInt8, isUTF8: Bool)] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                guard errno == 0 else { throw .unlistable(path: directory, reason: String(cString: strerror(errno))) }
                return names
            }
            let (name, isUTF8) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix(while: { $0 != 0 })
                return (String(decoding: bytes, as: UTF8.self), String(validating: bytes, as: UTF8.self) != nil)
            }
            guard name != ".", name != ".." else { continue }
            names.append((name, entry.pointee.d_type, isUTF8))
        }
    }

    private func selected(_ source: String) -> Bool {
        let path = GlobPath(source)
        return include.contains { $0.matches(path) } && !exclude.contains { $0.matches(path) }
    }
}
