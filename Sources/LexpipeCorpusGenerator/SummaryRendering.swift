/// Lays a statute summary out as a PDF-to-text conversion, a markdown conversion, or a CWIG
/// web page.
extension StatuteSummary {
    // MARK: Text

    /// Pages separated by form feeds, each after the first under a running header, each ending
    /// with the Gateway's footer and a page number; paragraphs wrapped near 80 columns with
    /// some words hyphenated at the wrap, some with Windows line ends. A page breaks only
    /// between blocks, as a layout engine keeps short blocks whole. The layout forms it uses
    /// that a reader may trip on are added to `forms` (`CRLF line ends`, `series label`).
    func text(_ rng: inout SplitMix64, forms: inout [String]) -> [UInt8] {
        let layout = TextLayout(width: rng.int(74...84), hyphenation: rng.chance(0.7) ? 0.35 : 0)
        let furniture = rng.chance(0.85)
        let crlf = rng.chance(StatuteSummary.crlfShare)
        let lineEnd = crlf ? "\r\n" : "\n"
        if crlf { forms.append("CRLF line ends") }
        let bullet = rng.pick(["\u{2022} ", "\u{2022} ", "- ", "\u{25AA} "])

        // Units: runs of lines kept together, a blank line between units.
        var units: [[[UInt8]]] = [[Array(headline.utf8)]]
        if rng.chance(StatuteSummary.seriesLabelShare) {
            units.append([Array("State Statutes Series".utf8)])
            forms.append("series label")
        }
        units.append([Array(dateLine.utf8)])
        for section in sections {
            units.append([Array(section.heading.utf8)])
            for block in section.blocks {
                var lines: [[UInt8]] = []
                switch block {
                case let .citation(text):
                    layout.wrap("Citation: " + text, hyphenate: false, rng: &rng, into: &lines)
                case let .paragraph(text):
                    layout.wrap(text, hyphenate: true, rng: &rng, into: &lines)
                case let .list(items):
                    for item in items {
                        layout.wrap(item, first: bullet, rest: "  ", hyphenate: true, rng: &rng, into: &lines)
                    }
                }
                units.append(lines)
            }
        }

        var pages: [[[UInt8]]] = [[]]
        let capacity = furniture ? rng.int(44...54) : Int.max
        for unit in units {
            let current = pages[pages.count - 1]
            let needed = unit.count + (current.isEmpty ? 0 : 1)
            if !current.isEmpty, current.count + needed > capacity {
                pages.append(unit)
            } else {
                if !current.isEmpty { pages[pages.count - 1].append([]) }
                pages[pages.count - 1] += unit
            }
        }

        var out: [UInt8] = []
        out.reserveCapacity(units.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count + 1 } + 1 } + pages.count * 160)
        let numbered = rng.chance(0.5)
        // A text with `&` or `<` is read through the markup cleaner, a harder case for furniture.
        if furniture, pages.count > 1,
            units.contains(where: { $0.contains { $0.contains(UInt8(ascii: "&")) || $0.contains(UInt8(ascii: "<")) } })
        {
            forms.append("page furniture in text with & or <")
        }
        for (index, page) in pages.enumerated() {
            if index > 0 { out.write("\u{0C}") }
            if furniture, pages.count >= 3, index > 0 {
                out.line(Vocabulary.summaryTitle, lineEnd)
                out.line("", lineEnd)
            }
            for line in page {
                out += line
                out.write(lineEnd)
            }
            guard furniture else { continue }
            out.line("", lineEnd)
            if index == pages.count - 1 {
                out.line("This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway.", lineEnd)
            }
            out.line("Child Welfare Information Gateway", lineEnd)
            out.line("https://www.childwelfare.gov", lineEnd)
            out.line(numbered && pages.count > 1 ? String(index + 1) : "Page \(index + 1) of \(pages.count)", lineEnd)
        }
        return out
    }

    /// Share of text conversions with Windows line ends.
    static let crlfShare = 0.15

    /// Share of summaries with CWIG's "State Statutes Series" label between title and date.
    static let seriesLabelShare = 0.2

    // MARK: Markdown

    /// `#` title, `##` section headings, `**Citation:**` lines, `-` lists; paragraphs unwrapped.
    func markdown(_ rng: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sections.count * 2048)
        let marks = rng.chance(0.7) ? "## " : "### "
        let label = rng.chance(0.6) ? "**Citation:** " : "Citation: "
        out.line("# " + headline)
        out.line()
        out.line(dateLine)
        out.line()
        for section in sections {
            out.line(marks + section.heading)
            out.line()
            for block in section.blocks {
                switch block {
                case let .citation(text): out.line(label + text)
                case let .paragraph(text): out.line(text)
                case let .list(items): for item in items { out.line("- " + item) }
                }
                out.line()
            }
        }
        return out
    }

    // MARK: HTML

    /// A full Child Welfare Information Gateway page: head with scripts, site header, menus,
    /// breadcrumb, the article, footer and trailing scripts.
    func html(_ rng: inout SplitMix64, forms: inout [String]) -> [UInt8] {
        let escaper = HTMLEscaper(entities: rng.chance(0.6), numeric: rng.chance(0.3))
        let headingTag = rng.pick(["h2", "h2", "h3"])
        let strongHeadings = rng.chance(0.1)
        let citationStyle = rng.below(3)
        var out: [UInt8] = []
        out.reserveCapacity(sections.count * 2300 + 6000)
        func text(_ value: String) { escaper.escape(value, into: &out) }

        out.line("<!DOCTYPE html>")
        out.line("<html lang=\"en\" dir=\"ltr\">")
        out.line("<head>")
        out.line("<meta charset=\"utf-8\">")
        out.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">")
        out.write("<title>")
        text(headline)
        out.line(" | Child Welfare Information Gateway</title>")
        out.line("<link rel=\"stylesheet\" media=\"all\" href=\"/themes/custom/cwig/css/style.css?s\(rng.below(1_000_000))\">")
        out.line(HTMLChrome.analytics)
        out.line("</head>")
        out.line("<body class=\"path-node page-node-type-state-statute\">")
        out.line(HTMLChrome.gatewayHeader)
        out.line(HTMLChrome.gatewayMenu)
        out.line("<nav aria-label=\"Breadcrumb\" class=\"breadcrumb\"><ol><li><a href=\"/\">Home</a></li><li><a href=\"/topics/systemwide/laws-policies/state\">State Statutes</a></li><li>\(jurisdiction.name)</li></ol></nav>")
        out.line("<main id=\"main-content\" role=\"main\">")
        out.line("<article class=\"node node--type-state-statute\">")
        out.write("<h1 class=\"page-title\">")
        text(headline)
        out.line("</h1>")
        if rng.chance(StatuteSummary.seriesLabelShare) {
            out.line("<p class=\"series\">State Statutes Series</p>")
            forms.append("series label")
        }
        out.write("<p class=\"date\">")
        text(dateLine)
        out.line("</p>")
        out.line("<div class=\"field field--name-body\">")
        for section in sections {
            if strongHeadings {
                out.write("<p><strong>")
                text(section.heading)
                out.line("</strong></p>")
            } else {
                out.write("<\(headingTag)>")
                text(section.heading)
                out.line("</\(headingTag)>")
            }
            for block in section.blocks {
                switch block {
                case let .citation(citation):
                    switch citationStyle {
                    case 0: out.write("<p><strong>Citation:</strong> ")
                    case 1: out.write("<p class=\"citation\">Citation: ")
                    default: out.write("<p><em>Citation:</em>&nbsp;")
                    }
                    text(citation)
                    out.line("</p>")
                case let .paragraph(paragraph):
                    out.write("<p>")
                    text(paragraph)
                    out.line("</p>")
                case let .list(items):
                    out.line("<ul>")
                    for item in items {
                        out.write("<li>")
                        text(item)
                        out.line("</li>")
                    }
                    out.line("</ul>")
                }
            }
        }
        out.line("</div>")
        out.line("</article>")
        out.line("</main>")
        out.line(HTMLChrome.gatewayFooter)
        out.line(HTMLChrome.trailingScripts)
        out.line("</body>")
        out.line("</html>")
        return out
    }
}

/// The parts of the web pages around the content, which cleanup drops.
enum HTMLChrome {
    static let analytics = """
        <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-CWIG0000');</script>
        <script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"\\/","currentLanguage":"en"},"ajaxTrustedUrl":{"\\/search":true}}</script>
        """

    static let gatewayHeader = """
        <header role="banner" class="site-header">
        <a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
        <div class="usa-banner">An official website of the United States government. Here's how you know.</div>
        <div class="site-branding"><a href="/" rel="home"><img src="/themes/custom/cwig/logo.svg" alt="Child Welfare Information Gateway"></a>
        <p class="site-slogan">Child Welfare Information Gateway</p></div>
        <form action="/search" method="get" class="search-form"><label for="edit-keys">Search</label><input type="search" id="edit-keys" name="keys"><button type="submit">Search</button></form>
        </header>
        """

    static let gatewayMenu = """
        <nav role="navigation" aria-label="Main navigation" class="menu--main">
        <ul class="menu">
        <li><a href="/topics">Topics</a><ul><li><a href="/topics/preventing">Prevention</a></li><li><a href="/topics/can">Child Abuse &amp; Neglect</a></li><li><a href="/topics/systemwide/laws-policies">Laws &amp; Policies</a></li></ul></li>
        <li><a href="/resources">Resources</a></li>
        <li><a href="/training">Training</a></li>
        <li><a href="/about">About Us</a></li>
        <li><a href="/spanish">En Espa&ntilde;ol</a></li>
        </ul>
        </nav>
        """

    static let gatewayFooter = """
        <footer role="contentinfo" class="site-footer">
        <div class="footer-about"><p>Child Welfare Information Gateway is a service of the Children's Bureau, Administration for Children and Families, U.S. Department of Health and Human Services.</p>
        <p>This material may be freely reproduced and distributed. However, when doing so, please credit Child Welfare Information Gateway.</p></div>
        <ul class="footer-links"><li><a href="/accessibility">Accessibility</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/foia">FOIA</a></li><li><a href="/contact">Contact Us</a></li></ul>
        <p class="phone">800.394.3366 | info@childwelfare.gov</p>
        </footer>
        """

    static let trailingScripts = """
        <script src="/core/assets/vendor/jquery/jquery.min.js?v=3.7.1"></script>
        <script src="/core/misc/drupal.js?v=10.2.4"></script>
        <script>(function ($, Drupal) { Drupal.behaviors.cwigMenu = { attach: function (context) { if (context.querySelectorAll('li').length < 2 && window.innerWidth > 768) { $('.menu--main').addClass('is-collapsed'); } } }; })(jQuery, Drupal);</script>
        """

    static let sharedHopeHead = """
        <script async src="https://www.googletagmanager.com/gtag/js?id=UA-0000000-1"></script>
        <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-0000000-1');</script>
        <style>.grades td, .grades th { padding: 4px 8px; border-bottom: 1px solid #ddd; } .overall .score { font-size: 3em; }</style>
        """

    static let sharedHopeHeader = """
        <header class="site-header"><a class="logo" href="https://sharedhope.org">Shared Hope International</a>
        <p class="tagline">Prevent. Restore. Bring Justice.</p><a class="donate button" href="/donate">Donate</a></header>
        """

    static let sharedHopeMenu = """
        <nav class="primary"><ul><li><a href="/">Home</a></li><li><a href="/report-cards">Report Cards</a></li><li><a href="/toolkit">Toolkit</a></li><li><a href="/issue-briefs">Issue Briefs</a></li><li><a href="/methodology">Methodology</a></li><li><a href="/about">About</a></li></ul></nav>
        """

    static let sharedHopeFooter = """
        <footer class="site-footer"><p>A project of Shared Hope International. Report Card grades reflect laws enacted as of the close of each legislative session.</p>
        <p>&copy; Shared Hope International. All rights reserved. Page 1 of 1</p>
        <ul><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul></footer>
        """

    static let sharedHopeScripts = """
        <script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>
        <script>document.querySelectorAll('.grades tr').forEach(function (row, index) { if (index % 2 === 1 && row.cells.length > 3) { row.classList.add('odd'); } });</script>
        """
}
