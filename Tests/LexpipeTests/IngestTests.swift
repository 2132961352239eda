import Foundation
import LexpipeIngest
import LexpipeRecord
import Testing

@Suite("Ingest")
struct IngestTests {
    let ingestor = Ingestor(maxDocumentBytes: 1024)

    @Test(arguments: [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", DocumentFormat.html),
        ("  <html lang=\"en\"><head></head><body>x</body></html>", "a", .html),
        ("<div><p>One</p><p>Two</p><table><tr><td>x</td></tr></table></div>", "page", .html),
        ("## **MISSISSIPPI**\n\n2021 Report Card", "card.txt", .markdown),
        ("Title\n\n**Bold** and [a link](http://x)\n", "notes", .markdown),
        ("Plain text\n\nCitation: Ann. Code § 1-2-3\n", "summary.md", .markdown),
        ("Plain text\n\nCitation: Ann. Code § 1-2-3\n", "summary.txt", .text),
        ("A <b>bold</b> word in text.\n", "summary.txt", .text),
        ("Issue\tGrade\n1. Crim\tF\n", "table.txt", .text),
        // Line breaks inside a markdown pipe table's cells make no HTML page; block tags do.
        ("## KANSAS\n\n| Issue | Highlights |\n|---|---|\n| 1. A | x<br>y<br>z<br>w |\n", "card", .markdown),
        ("Issue | Highlights\n--- | ---\n**1. A** | x<br>y<br>z<br>w\n", "card", .markdown),
        ("## KANSAS\n\n<div><p>One</p><p>Two</p><br><table><tr><td>x</td></tr></table></div>", "page", .html),
        ("Line one<br>Line two<br>Line three<br>", "page", .html),
    ])
    func detectsFormatFromContent(text: String, name: String, expected: DocumentFormat) {
        #expect(FormatDetector.detect(text, fileName: name) == expected)
    }

    /// A page saved whole as one MIME file (`.mhtml`): the `text/html` part is the document,
    /// its quoted-printable (`=3D`, `=C2=A7`, a soft break inside a word) or base64 undone; the
    /// other parts (styles) are not read.
    @Test(arguments: ["quoted-printable", "base64"])
    func aPageSavedWholeAsMIMEIsReadAsItsPage(encoding: String) throws {
        let page = "<!DOCTYPE html><html><head><title>Page</title></head><body><p class=\"x\">Ann. Code \u{00A7} 1-2-3 applies.</p></body></html>"
        let body = encoding == "base64"
            ? Data(page.utf8).base64EncodedString(options: .lineLength76Characters)
            : "<!DOCTYPE html><html><head><title>Page</title></head><body><p class=3D\"x\">Ann. Co=\r\nde =C2=A7 1-2-3 applies.</p></body></html>"
        let boundary = "----MultipartBoundary--abc123----"
        let file = """
            From: <Saved by Blink>\r
            Snapshot-Content-Location: https://example.org/page\r
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
            \ttype="text/html";\r
            \tboundary="\(boundary)"\r
            \r
            --\(boundary)\r
            Content-Type: text/html\r
            Content-Transfer-Encoding: \(encoding)\r
            \r
            \(body)\r
            --\(boundary)\r
            Content-Type: text/css\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            p { color: red; }\r
            --\(boundary)--\r

            """
        let document = try Ingestor(maxDocumentBytes: 1 << 20).ingest(bytes: Array(file.utf8), source: "page.mhtml")
        #expect(document.format == .html)
        #expect(document.text == page)
    }

    /// An e-mail's header block without a multipart body is a text document as before.
    @Test func aMessageWithoutAPageIsText() throws {
        let file = "From: A Person <a@example.org>\nSubject: Summary\n\nCitation: Ann. Code § 1-2-3\n"
        let document = try Ingestor(maxDocumentBytes: 1 << 20).ingest(bytes: Array(file.utf8), source: "mail.txt")
        #expect(document.format == .text)
        #expect(document.text == file)
    }

    @Test func decodesWindows1252WithAWarning() throws {
        // "Section § 12 – “quoted”" in Windows-1252: § is A7, – is 96, quotes 93/94.
        let bytes: [UInt8] = Array("Section ".utf8) + [0xA7] + Array(" 12 ".utf8) + [0x96, 0x20, 0x93] + Array("quoted".utf8) + [0x94]
        let document = try ingestor.ingest(bytes: bytes, source: "legacy.txt")
        #expect(document.text == "Section § 12 – “quoted”")
        #expect(document.warnings.map(\.text) == ["not valid UTF-8 (first invalid byte at offset 8); decoded as Windows-1252"])
        #expect(document.warnings.map(\.code) == [.encoding])
        #expect(document.format == .text)
    }

    @Test func keepsUTF8AndDropsByteOrderMark() throws {
        let document = try ingestor.ingest(bytes: [0xEF, 0xBB, 0xBF] + Array("Title – § 1".utf8), source: "a.txt")
        #expect(document.text == "Title – § 1")
        #expect(document.warnings.isEmpty)
        #expect(document.byteCount == 17)
    }

    /// A read-ahead hint never waits: not on a FIFO nobody writes to, a missing file, a folder
    /// or a file too large to read; and a hinted file reads back the same.
    @Test func prefetchNeverBlocksAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.txt", "Some text")
        try folder.write("large.txt", String(repeating: "x", count: 4096))
        let fifo = folder.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        for name in ["fifo", "missing.txt", ".", "large.txt", "a.txt"] {
            // On a thread of its own, so that a hint that blocks fails the test instead of
            // hanging it.
            let done = DispatchSemaphore(value: 0)
            let ingestor = self.ingestor
            let path = folder.path + "/" + name
            Thread {
                ingestor.prefetch(path: path)
                done.signal()
            }.start()
            #expect(done.wait(timeout: .now() + 10) == .success, "\(name)")
        }
        #expect(try ingestor.readBytes(path: folder.path + "/a.txt") == Array("Some text".utf8))
        // Reading the FIFO is refused at once too, not left waiting for a writer.
        let refused = DispatchSemaphore(value: 0)
        let ingestor = self.ingestor
        Thread {
            do {
                _ = try ingestor.readBytes(path: fifo)
            } catch IngestError.unreadable("not a regular file") {
                refused.signal()
            } catch {}
        }.start()
        #expect(refused.wait(timeout: .now() + 10) == .success)
    }

    @Test func digestIsSHA256OfTheBytes() throws {
        let document = try ingestor.ingest(bytes: Array("abc".utf8), source: "a.txt")
        #expect(document.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [
        ([0x41, 0x00, 0x42] as [UInt8], IngestError.binary("NUL byte at offset 1")),
        (Array("%PDF-1.7\n...".utf8), .pdf(.damaged("PDF document is damaged"))),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], .binary("a PNG image")),
        ([], .empty),
        (Array(" \n\t \r\n".utf8), .empty),
        (Array(repeating: 0x41, count: 2000), .tooLarge(size: 2000, limit: 1024)),
    ])
    func refusesWhatIsNotText(bytes: [UInt8], expected: IngestError) {
        #expect(throws: expected) { try ingestor.ingest(bytes: bytes, source: "bad") }
    }

    @Test func refusesOverLimitFilesBeforeReadingThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("big.txt", String(repeating: "x", count: 5000))
        #expect(throws: IngestError.tooLarge(size: 5000, limit: 1024)) {
            try ingestor.readBytes(path: folder.path + "/big.txt")
        }
        #expect(throws: IngestError.unreadable("No such file or directory")) {
            try ingestor.readBytes(path: folder.path + "/missing.txt")
        }
    }

    @Test(arguments: [
        ("**/*.txt", "a.txt", true), ("**/*.txt", "x/y/a.txt", true), ("*.txt", "x/a.txt", false),
        ("states/*/2021-*.md", "states/ms/2021-card.md", true), ("states/*/2021-*.md", "states/ms/2022-card.md", false),
        ("**/drafts/**", "a/drafts/b/c.txt", true), ("report-[0-9].txt", "report-7.txt", true),
        ("report-[0-9].txt", "report-x.txt", false), ("?.md", "a.md", true), ("?.md", "ab.md", false),
        ("**", "a/b.txt", true), ("**/*.txt", "x//y/a.txt", true), ("x/**/a.txt", "x/a.txt", true),
        ("x/**/a.txt", "y/x/a.txt", false), ("**/drafts/**", "a/drafts", true), ("**/*.md", "a.md/b.txt", false),
    ])
    func matchesGlobs(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    /// Case-blind prefix tests agree with lower-casing the text's ASCII first, on strings and
    /// substrings.
    @Test(arguments: ["Citation: Ann. Code", "CITATIONS:", "citatio", "", "Extra Credit", "ÉXTRA credit", "extra  credit", "Cıtation"])
    func prefixesAreFoundAsLowerCasingFindsThem(text: String) {
        for needle: StaticString in ["citation", "citations:", "extra credit", "c"] {
            let byteLower = String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            #expect(ASCIIText.hasPrefix(text, needle) == byteLower.hasPrefix(needle.description), "\(text) / \(needle)")
            #expect(ASCIIText.hasPrefix(text.dropFirst(0), needle) == byteLower.hasPrefix(needle.description), "\(text) / \(needle)")
        }
        let framed = "xx" + text
        #expect(ASCIIText.hasPrefix(framed.dropFirst(2), "citation") == ASCIIText.hasPrefix(text, "citation"))
    }

    @Test func walksTheCorpusInByteOrderWithIncludeAndExclude() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["b.txt", "a.md", "Z.html", "sub/c.txt", "sub/skip/d.txt", ".hidden.txt", "image.png"] {
            try folder.write(name, "x")
        }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.txt", withDestinationPath: "/etc/hostname")
        let walker = CorpusWalker(
            root: folder.path, include: [Glob("**/*.txt"), Glob("**/*.md"), Glob("**/*.html")],
            exclude: [Glob("**/skip")]
        )
        let entries = try walker.entries()
        #expect(entries.map(\.source) == ["Z.html", "a.md", "b.txt", "link.txt", "sub/c.txt"])
        #expect(entries.first { $0.source == "link.txt" }?.refusal == "symbolic link, not followed (corpus.follow_symlinks is false)")
        #expect(throws: CorpusError.notADirectory(folder.path + "/nope")) {
            try CorpusWalker(root: folder.path + "/nope", include: [], exclude: []).entries()
        }
    }

    @Test func fileNamesThatAreNotUTF8AreRefusedByName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("fine.txt", "x")
        // "bad", then a byte no UTF-8 text holds, then ".txt".
        let rawPath = Array(folder.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8) + [0]
        let descriptor = rawPath.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(descriptor >= 0)
        close(descriptor)
        let entries = try CorpusWalker(root: folder.path, include: [Glob("**/*.txt")], exclude: []).entries()
        #expect(entries.map(\.source) == ["bad\u{FFFD}.txt", "fine.txt"])
        #expect(entries.map(\.refusal) == ["file name is not valid UTF-8", nil])
    }
}

@Suite("Ingest encodings")
struct EncodingTests {
    @Test func mixedEncodingsKeepUTF8AndReadStrayBytesAsWindows1252() throws {
        // "§ 12 – " in UTF-8, then “quoted” pasted from a Windows-1252 source.
        let bytes: [UInt8] = Array("§ 12 – ".utf8) + [0x93] + Array("quoted".utf8) + [0x94]
        let document = try Ingestor(maxDocumentBytes: 1000).ingest(bytes: bytes, source: "mixed.txt")
        #expect(document.text == "§ 12 – “quoted”")
        #expect(document.warnings.map(\.text) == ["mixed encodings: 2 byte(s) that are not UTF-8 (first at offset 10) decoded as Windows-1252, the rest as UTF-8"])
    }
}

/// A file swapped for a symbolic link after the corpus walk is still confined when it is read.
@Suite("Reading confined to the corpus")
struct ConfinedReadingTests {
    @Test func aLinkOutOfTheCorpusIsNotRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("secret.txt", "secret")
        try folder.write("corpus/a.txt", "inside")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/corpus/b.txt", withDestinationPath: folder.path + "/secret.txt")
        let ingestor = Ingestor(maxDocumentBytes: 1 << 20)
        let root = folder.url.resolvingSymlinksInPath().path + "/corpus"
        #expect(try ingestor.readBytes(path: folder.path + "/corpus/a.txt", inside: root) == Array("inside".utf8))
        #expect(throws: IngestError.unreadable("the file now resolves outside the corpus folder, to \(folder.url.resolvingSymlinksInPath().path)/secret.txt; not read")) {
            try ingestor.readBytes(path: folder.path + "/corpus/b.txt", inside: root)
        }
        #expect(throws: IngestError.unreadable("symbolic link, not followed (corpus.follow_symlinks is false)")) {
            try ingestor.readBytes(path: folder.path + "/corpus/b.txt", followingLinks: false)
        }
    }
}
