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

/// What a corpus walk found: the documents, and the files it left out because no include
/// pattern matched them.
public struct CorpusListing: Sendable, Equatable {
    /// The documents, sorted by `source`.
    public var entries: [CorpusEntry]
    /// Files (not hidden, not excluded) that matched no include pattern.
    public var unmatchedCount = 0
    /// Those of them that look like documents in another format (`.pdf`, `.docx`, ...), by
    /// path relative to the root, sorted; at most `CorpusListing.namedLimit`.
    public var unmatchedDocuments: [String] = []

    /// How many unmatched documents are named.
    public static let namedLimit = 100

    /// Extensions of documents worth naming when no include pattern takes them: office files
    /// and tables to convert, and PDFs left out of a `corpus.include` that does not list them.
    static let documentExtensions: Set<String> = [
        "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "tsv", "ppt", "pptx", "xml", "json", "epub",
    ]
}

/// Walks a corpus folder in a stable order (byte order of relative paths), keeping the files
/// that an include pattern matches and no exclude pattern does. Hidden files and folders are
/// skipped; symbolic links are reported, not followed, unless `followSymbolicLinks` (then a
/// folder reached twice, as through a link loop, is reported instead of walked again, and a
/// link whose target lies outside the corpus root is reported, not followed). Named pipes,
/// devices and sockets are reported without being opened.
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
        try listing().entries
    }

    /// The corpus's documents, sorted by `source`, and the files no include pattern matched.
    public func listing() throws(CorpusError) -> CorpusListing {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notADirectory(root)
        }
        var listing = CorpusListing(entries: [])
        var visited: Set<FileID> = []
        var status = stat()
        if stat(root, &status) == 0 { visited.insert(FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))) }
        let realRoot = realpath(root, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? root
        try walk(directory: root, relative: "", realRoot: realRoot, visited: &visited, into: &listing)
        listing.entries.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
        listing.unmatchedDocuments.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return listing
    }

    private func walk(
        directory: String, relative: String, realRoot: String, visited: inout Set<FileID>, into listing: inout CorpusListing
    ) throws(CorpusError) {
        func report(_ source: String, _ refusal: String? = nil) {
            if selected(source) {
                listing.entries.append(CorpusEntry(source: source, root: root, refusal: refusal))
            } else if !exclude.contains(where: { $0.matches(source) }) {
                listing.unmatchedCount += 1
                let fileExtension = (source as NSString).pathExtension.lowercased()
                if CorpusListing.documentExtensions.contains(fileExtension), listing.unmatchedDocuments.count < CorpusListing.namedLimit {
                    listing.unmatchedDocuments.append(source)
                }
            }
        }
        for (name, type, isUTF8) in try CorpusWalker.list(directory) where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let source = relative.isEmpty ? name : relative + "/" + name
            guard isUTF8 else {
                // Its path cannot be written back from the name shown, nor opened with it.
                if selected(source) { listing.entries.append(CorpusEntry(source: source, root: root, refusal: "file name is not valid UTF-8")) }
                continue
            }
            // The listing tells a plain file from anything else on most file systems: then
            // no `lstat` is needed.
            if type == CorpusWalker.regularFile {
                report(source)
                continue
            }
            var status = stat()
            guard lstat(path, &status) == 0 else {
                if selected(source) {
                    listing.entries.append(CorpusEntry(source: source, root: root, refusal: "unreadable: \(String(cString: strerror(errno)))"))
                }
                continue
            }
            var kind = status.st_mode & S_IFMT
            var throughLink = false
            if kind == S_IFLNK {
                guard followSymbolicLinks else {
                    if selected(source) {
                        listing.entries.append(CorpusEntry(
                            source: source, root: root, refusal: "symbolic link, not followed (corpus.follow_symlinks is false)"
                        ))
                    }
                    continue
                }
                guard stat(path, &status) == 0 else {
                    let reason = errno == ELOOP ? "symbolic link loop" : "broken symbolic link: \(String(cString: strerror(errno)))"
                    if selected(source) { listing.entries.append(CorpusEntry(source: source, root: root, refusal: reason)) }
                    continue
                }
                kind = status.st_mode & S_IFMT
                throughLink = true
                // A link is followed only into the corpus: one to /etc/shadow must not be read.
                guard let target = realpath(path, nil).map({ pointer in
                    defer { free(pointer) }
                    return String(cString: pointer)
                }), target == realRoot || target.hasPrefix(realRoot == "/" ? "/" : realRoot + "/") else {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                    let refusal = "symbolic link to \(target), outside the corpus folder, not followed"
                    if kind == S_IFDIR {
                        if include.contains(where: { $0.matches(source + "/x.txt") }) { listing.entries.append(CorpusEntry(source: source, root: root, refusal: refusal)) }
                    } else {
                        report(source, refusal)
                    }
                    continue
                }
            }
            switch kind {
            case S_IFDIR:
                guard !exclude.contains(where: { $0.matches(source) }) else { continue }
                guard visited.insert(FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))).inserted else {
                    if include.contains(where: { $0.matches(source + "/x.txt") }) {
                        listing.entries.append(CorpusEntry(source: source, root: root, refusal: "symbolic link loop: folder already walked"))
                    }
                    continue
                }
                try walk(directory: path, relative: source, realRoot: realRoot, visited: &visited, into: &listing)
            case S_IFREG:
                report(source)
            default:
                // Never opened: reading a named pipe waits for a writer, a device never ends.
                let what = CorpusWalker.specialFileName(kind)
                report(source, (throughLink ? "symbolic link to \(what)" : what) + ", not a document; not read")
            }
        }
    }

    /// What a file that is neither a plain file, a folder nor a link is, for a reason.
    static func specialFileName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
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
