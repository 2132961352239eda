/// A rectangle on a page, in points, measured from the page's top-left corner (y grows
/// downwards, as text is read).
public struct PDFBox: Sendable, Equatable, Hashable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    /// A box from its edges.
    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public var width: Double { right - left }
    public var height: Double { bottom - top }
    /// The vertical middle, where the words of one line meet whatever their size.
    public var middle: Double { (top + bottom) / 2 }

    /// The smallest box holding both.
    public func union(_ other: PDFBox) -> PDFBox {
        PDFBox(left: min(left, other.left), top: min(top, other.top), right: max(right, other.right), bottom: max(bottom, other.bottom))
    }
}

/// A word of a page's text layer: its text as the PDF maps it to Unicode (ligatures and soft
/// hyphens as they are), where it stands and the font it is set in.
public struct PDFWord: Sendable, Equatable {
    public var text: String
    public var box: PDFBox
    /// The font size in points.
    public var fontSize: Double
    /// Whether the font is a bold (or heavier) face, by its name.
    public var isBold: Bool

    /// A word from its parts.
    public init(text: String, box: PDFBox, fontSize: Double, isBold: Bool) {
        self.text = text
        self.box = box
        self.fontSize = fontSize
        self.isBold = isBold
    }
}

/// One page of a PDF's text layer.
public struct PDFPage: Sendable, Equatable {
    /// 1-based page number.
    public var number: Int
    /// The page's size in points.
    public var width: Double
    public var height: Double
    /// The page's words, in the order poppler reads them.
    public var words: [PDFWord]

    /// A page from its parts.
    public init(number: Int, width: Double, height: Double, words: [PDFWord]) {
        self.number = number
        self.width = width
        self.height = height
        self.words = words
    }
}

/// A PDF's text layer, copied out of poppler: every page with its words.
public struct PDFText: Sendable, Equatable {
    public var pages: [PDFPage]

    /// A text layer from its pages.
    public init(pages: [PDFPage]) {
        self.pages = pages
    }
}

/// Why a PDF could not be read. Each is a per-document error: the batch goes on.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The PDF needs a password to be opened.
    case encrypted
    /// poppler could not open the file (truncated, corrupt); its message is kept.
    case damaged(String)
    /// The PDF opens but holds no page.
    case noPages
    /// More pages than the configured limit; refused before any page is read.
    case tooManyPages(count: Int, limit: Int)
    /// No page has any text (a scan): there is nothing to read without OCR.
    case noTextLayer(pages: Int)

    public var description: String {
        switch self {
        case .encrypted: "PDF is password-protected; remove the password first"
        case let .damaged(message): "PDF is damaged: \(message)"
        case .noPages: "PDF has no pages"
        case let .tooManyPages(count, limit): "PDF has \(count) pages, over the limit of \(limit) pages (max_pdf_pages)"
        case let .noTextLayer(pages): "PDF has no text layer; OCR it first (\(pages) page(s), none with text)"
        }
    }
}
