import CSystemShims
import Crypto
import Foundation
import LexpipePDF
import LexpipeRecord

/// A corpus folder held open for a run: its documents are opened relative to it, so that the
/// kernel keeps each inside it as the document's path resolves.
public final class CorpusFolder: Sendable {
    /// The folder's real path, symbolic links resolved.
    public let realPath: String
    /// The folder, open; -1 where it could not be opened.
    let descriptor: Int32

    /// Opens the folder at `realPath`.
    public init(realPath: String) {
        self.realPath = realPath
        descriptor = open(realPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// Stage 1: reads a document's bytes, digests them, refuses what is not text, decodes the
/// rest and detects its format. A PDF (by its `%PDF-` header, whatever its name) is never
/// decoded as text: poppler reads its text layer.
public struct Ingestor: Sendable {
    /// Documents larger than this many bytes are refused before they are read.
    public var maxDocumentBytes: Int
    /// PDFs of more pages are refused before any page is read.
    public var maxPDFPages: Int

    /// The default page limit of a PDF.
    public static let defaultMaxPDFPages = 2000

    public init(maxDocumentBytes: Int, maxPDFPages: Int = Ingestor.defaultMaxPDFPages) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxPDFPages = maxPDFPages
    }

    /// Reads and ingests the file at `path`, reporting it as `source`.
    public func ingest(path: String, source: String) throws(IngestError) -> SourceDocument {
        let bytes = try readBytes(path: path)
        return try ingest(bytes: bytes, source: source)
    }

    /// Asks the kernel to start reading a file into the page cache and returns without waiting,
    /// so that `readBytes` finds it there later: a run hints documents some way ahead of its
    /// jobs, and a corpus not in the page cache is read from the disk while earlier documents
    /// are processed. Files `readBytes` would refuse for their size are left alone; failures
    /// are ignored (reading the file reports them).
    public func prefetch(path: String) {
        guard let (descriptor, _) = try? openDocument(path: path) else { return }
        defer { close(descriptor) }
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_WILLNEED))
    }

    /// Opens a document for reading: a regular file no larger than `maxDocumentBytes`, its
    /// descriptor (the caller closes it) and size. Non-blocking, so that a FIFO in the corpus is
    /// refused rather than waited on for a writer (reads of a regular file are not affected).
    ///
    /// For a corpus, `followingLinks: false` refuses a file that became a symbolic link since
    /// the walk, and `inside` (the corpus folder's real path) one that now resolves outside it:
    /// the walk's checks cannot be undone by swapping a file for a link before it is read.
    private func openDocument(
        path: String, followingLinks: Bool = true, inside root: String? = nil
    ) throws(IngestError) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            if errno == ELOOP, !followingLinks { throw .unreadable("symbolic link, not followed (corpus.follow_symlinks is false)") }
            throw .unreadable(Ingestor.errnoText())
        }
        if let root, let real = Ingestor.realPath(of: descriptor), real != root, !real.hasPrefix(root == "/" ? "/" : root + "/") {
            close(descriptor)
            throw .unreadable("the file now resolves outside the corpus folder, to \(real); not read")
        }
        return (descriptor, try checkedSize(descriptor))
    }

    /// The size of an open document: a regular file no larger than `maxDocumentBytes`, else the
    /// descriptor is closed and the file refused.
    private func checkedSize(_ descriptor: Int32) throws(IngestError) -> Int {
        var status = stat()
        let failure: IngestError? =
            if fstat(descriptor, &status) != 0 { .unreadable(Ingestor.errnoText()) }
            else if (status.st_mode & S_IFMT) != S_IFREG { .unreadable("not a regular file") }
            else if Int(status.st_size) > maxDocumentBytes { .tooLarge(size: Int(status.st_size), limit: maxDocumentBytes) }
            else { nil }
        if let failure {
            close(descriptor)
            throw failure
        }
        return Int(status.st_size)
    }

    /// The path an open file has now (Linux's `/proc/self/fd`); `nil` where that is not known.
    static func realPath(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Reads a file's bytes, refusing it by its size before reading it whole. `followingLinks`
    /// and `inside` confine a corpus's file as `openDocument` says.
    public func readBytes(path: String, followingLinks: Bool = true, inside root: String? = nil) throws(IngestError) -> [UInt8] {
        let (descriptor, size) = try openDocument(path: path, followingLinks: followingLinks, inside: root)
        return try readOpened(descriptor, size: size)
    }

    /// Reads a corpus's file, confined to the corpus folder as `readBytes(path:followingLinks:inside:)`
    /// confines it, but by the kernel as the path resolves: opened relative to the folder, never
    /// through a way out of it, and through no symbolic link unless `followingLinks`. Where the
    /// kernel cannot do that, or refuses the path (a link, an absolute link back into the folder),
    /// the file is opened by its whole path and where it ended up is checked, which also words
    /// the refusal.
    public func readBytes(_ entry: CorpusEntry, in folder: CorpusFolder, followingLinks: Bool) throws(IngestError) -> [UInt8] {
        if folder.descriptor >= 0 {
            let descriptor = lexpipe_open_beneath(
                folder.descriptor, entry.source, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW),
                followingLinks ? 0 : 1
            )
            if descriptor >= 0 { return try readOpened(descriptor, size: checkedSize(descriptor)) }
        }
        return try readBytes(path: entry.path, followingLinks: followingLinks, inside: folder.realPath)
    }

    /// Reads an open document of `size` bytes and closes it.
    private func readOpened(_ descriptor: Int32, size: Int) throws(IngestError) -> [UInt8] {
        defer { close(descriptor) }
        // One byte more than the size, so that a file that grew after fstat is noticed. The
        // buffer is read into without being zeroed first.
        var filled = 0
        var failure: IngestError?
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(Ingestor.errnoText())
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if let failure { throw failure }
        guard filled > size else { return bytes }
        // The file grew: the rest in blocks, up to one byte past the limit.
        bytes.append(contentsOf: repeatElement(0, count: 64 * 1024))
        while true {
            let capacity = min(bytes.count - filled, maxDocumentBytes + 1 - filled)
            if capacity <= 0 {
                if filled > maxDocumentBytes { throw .tooLarge(size: filled, limit: maxDocumentBytes) }
                bytes.append(contentsOf: repeatElement(0, count: 64 * 1024))
                continue
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, capacity)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(Ingestor.errnoText())
            }
            if count == 0 { break }
            filled += count
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 64 * 1024)) }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Ingests bytes already in memory; `sha256` is their digest when the caller has it already.
    public func ingest(bytes: [UInt8], source: String, sha256: String? = nil) throws(IngestError) -> SourceDocument {
        guard bytes.count <= maxDocumentBytes else { throw .tooLarge(size: bytes.count, limit: maxDocumentBytes) }
        let digest = sha256 ?? Ingestor.sha256(bytes)
        if PDFReader.isPDF(bytes) {
            let text: PDFText
            do {
                text = try PDFReader.read(bytes, maxPages: maxPDFPages)
            } catch {
                throw .pdf(error)
            }
            return SourceDocument(source: source, sha256: digest, format: .pdf, text: "", pdf: text, byteCount: bytes.count, warnings: [])
        }
        // A page saved whole with its styles and images (MHTML) is read as its page.
        let archivedPage = WebArchive.page(in: bytes)
        var decoded = try TextDecoder.decode(archivedPage ?? bytes)
        if let text = ConverterBanner.blanked(decoded.text) { decoded.text = text }
        guard decoded.text.contains(where: { !$0.isWhitespace }) else { throw .empty }
        if let table = TableDetector.describe(decoded.text) { throw .notADocument(table) }
        let format = archivedPage != nil ? .html : FormatDetector.detect(decoded.text, fileName: source)
        return SourceDocument(
            source: source, sha256: digest, format: format, text: decoded.text,
            byteCount: bytes.count, warnings: decoded.warnings
        )
    }

    /// The hex SHA-256 of bytes, as records carry it.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
