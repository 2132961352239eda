import LexpipeRecord

/// A block of a statute summary section, before it is laid out in a format.
enum SummaryBlock {
    /// The citations of a `Citation:` line, without the label.
    case citation(String)
    case paragraph(String)
    /// A bulleted list; each item without bullet.
    case list([String])
}

/// One headed section and how many citations the extractor should find in it.
struct SummarySection {
    var heading: String
    var blocks: [SummaryBlock]
    var citations: Int
    /// The citations of its `Citation:` lines, in order.
    var lineCitations: [Citation] = []
    /// The citations its prose names, in order.
    var proseCitations: [Citation] = []
}

/// A statute summary's content, independent of its format.
struct StatuteSummary {
    var jurisdiction: GeneratedJurisdiction
    var year: Int
    var month: String
    var sections: [SummarySection]
    var typography: Typography
    /// Some `§` signs are followed by a no-break space.
    var noBreakSpaces = false

    var headline: String { "\(Vocabulary.summaryTitle) - \(jurisdiction.name)" }
    var dateLine: String { "Date: \(month) \(year)" }

    /// Content bytes a summary aims at: mostly 5-60 KB (spread evenly over a logarithmic
    /// scale, by fixed buckets), a few smaller, a long tail to 175 KB.
    static func targetSize(_ rng: inout SplitMix64) -> Int {
        let common = [5000, 5840, 6821, 7967, 9306, 10870, 12696, 14829, 17321, 20231, 23630, 27600, 32237, 37653, 43980, 51369, 60000]
        let tail = [60000, 68590, 78410, 89636, 102470, 117140, 133911, 153083, 175000]
        let buckets: [Int]
        switch rng.weighted([6, 89, 5]) {
        case 0: return rng.int(2600...5000)
        case 1: buckets = common
        default: buckets = tail
        }
        let bucket = rng.below(buckets.count - 1)
        return rng.int(buckets[bucket]...buckets[bucket + 1])
    }

    /// A summary of `jurisdiction` dated `year`, of about `target` bytes of text; `stateNamed`
    /// says whether the document names its state, `content` what its `Citation:` lines cite
    /// beyond the state's codes, `proseForm` how its prose names laws.
    static func generate(
        jurisdiction: GeneratedJurisdiction, year: Int, target: Int, stateNamed: Bool = true,
        content: CitationContentForm = .stateLeftOut, proseForm: ProseCitationForm = .sectionSign, rng: inout SplitMix64
    ) -> StatuteSummary {
        let typography = Typography.random(&rng)
        let prose = ProseWriter(typography: typography)
        var citations = CitationWriter(jurisdiction: jurisdiction, noBreakSpaces: rng.chance(0.2))
        citations.stateNamed = stateNamed
        citations.statePrefixed = content == .stateWritten
        let most = min(40, max(3, target / 700))
        let least = max(3, min(most, target / 5000))
        let count = rng.int(least...most)
        let headings = rng.sample(Vocabulary.headings, count: count)
        let budget = target / count
        var usedFixed = Set<Int>()
        var usedAbsences = Set<Int>()
        var sections: [SummarySection] = []
        sections.reserveCapacity(count)
        for (index, heading) in headings.enumerated() {
            // Every summary has a Citation: line, as the classifier expects of one.
            let describesNothing = index > 0 && rng.chance(0.12)
            var section = SummarySection(heading: heading, blocks: [], citations: 0)
            if describesNothing {
                section.blocks.append(.paragraph(absence(&rng, used: &usedAbsences)))
                if rng.chance(0.2) {
                    var paragraph = ""
                    prose.fill(Frame.sentences[rng.below(12)], into: &paragraph, rng: &rng)
                    section.blocks.append(.paragraph(paragraph))
                }
                sections.append(section)
                continue
            }
            var size = heading.utf8.count
            var firstLine: CitationWriter.Written?
            for _ in 0..<(rng.chance(0.15) ? 2 : 1) {
                let line = citations.line(&rng)
                if firstLine == nil { firstLine = line }
                section.blocks.append(.citation(line.text))
                section.citations += line.count
                section.lineCitations += line.citations
                size += line.text.utf8.count + 12
            }
            repeat {
                let remaining = budget - size
                if rng.chance(0.08) {
                    let intro = rng.pick([
                        "The services shall include the following:", "Such services may include:",
                        "The protocol must address the following:", "Training must cover:",
                    ])
                    let pool = intro.hasPrefix("Training") ? Vocabulary.topics : Vocabulary.services
                    let items = rng.sample(pool, count: rng.int(3...6)).map(\.capitalizedFirst)
                    section.blocks.append(.paragraph(intro))
                    section.blocks.append(.list(items))
                    size += intro.utf8.count + items.reduce(0) { $0 + $1.utf8.count + 4 }
                    continue
                }
                var paragraph = ""
                if rng.chance(0.07) { paragraph += "In regulation: " }
                let sentences = 1 + rng.weighted([15, 25, 25, 18, 10, 7])
                for number in 0..<sentences {
                    if number > 0 { paragraph += " " }
                    if rng.chance(0.12) {
                        var cited = citations.write(&rng, inLine: false)
                        if proseForm != .sectionSign, rng.chance(0.6),
                            let other = citations.prose(proseForm, first: firstLine, &rng)
                        {
                            cited = other
                        }
                        prose.fill(rng.pick(Frame.citing), into: &paragraph, rng: &rng, citation: cited.text)
                        section.citations += cited.count
                        section.proseCitations += cited.citations
                    } else {
                        var choice = rng.below(Frame.sentences.count)
                        var tries = 0
                        while Frame.sentences[choice].isFixed, usedFixed.contains(choice), tries < 8 {
                            choice = rng.below(Frame.sentences.count)
                            tries += 1
                        }
                        if Frame.sentences[choice].isFixed { usedFixed.insert(choice) }
                        prose.fill(Frame.sentences[choice], into: &paragraph, rng: &rng)
                    }
                    if paragraph.utf8.count > remaining + 200 { break }
                }
                section.blocks.append(.paragraph(paragraph))
                size += paragraph.utf8.count + 4
            } while size < budget
            if rng.chance(0.08) {
                section.blocks.append(.paragraph(absence(&rng, used: &usedAbsences)))
            }
            sections.append(section)
        }
        if let extra = citations.extra(content, &rng) {
            // After the first section's `Citation:` lines, so that the section's first citation stays.
            let at = sections[0].blocks.prefix { if case .citation = $0 { true } else { false } }.count
            sections[0].blocks.insert(.citation(extra.text), at: at)
            sections[0].citations += extra.count
            sections[0].lineCitations += extra.citations
        }
        // Sections that describe nothing leave their share of a small target unspent; the first
        // section always describes something, so it takes up what keeps the file above 2 KB.
        // Sentences with slots only: a fixed one twice reads as a duplicated fragment.
        while contentBytes(sections) < minimumContentBytes {
            var paragraph = ""
            prose.fill(rng.pick(Frame.varying), into: &paragraph, rng: &rng)
            sections[0].blocks.append(.paragraph(paragraph))
        }
        return StatuteSummary(
            jurisdiction: jurisdiction, year: year, month: rng.pick(Vocabulary.months), sections: sections,
            typography: typography, noBreakSpaces: citations.noBreakSpaces
        )
    }

    /// Content every summary holds at least: its layout in any format only adds to it, so the
    /// file is at least 2 KB.
    static let minimumContentBytes = 2200

    /// Bytes of the sections' headings and text, without layout.
    static func contentBytes(_ sections: [SummarySection]) -> Int {
        sections.reduce(0) { total, section in
            section.blocks.reduce(total + section.heading.utf8.count) { total, block in
                switch block {
                case let .citation(text), let .paragraph(text): total + text.utf8.count
                case let .list(items): items.reduce(total) { $0 + $1.utf8.count }
                }
            }
        }
    }

    /// "No training specific to ... is described in the statutes and regulations reviewed.",
    /// never twice the same in one summary.
    private static func absence(_ rng: inout SplitMix64, used: inout Set<Int>) -> String {
        let combinations = Vocabulary.absentThings.count * Vocabulary.absentSubjects.count
        var choice = rng.below(combinations)
        var tries = 0
        while used.contains(choice), tries < 16 {
            choice = rng.below(combinations)
            tries += 1
        }
        used.insert(choice)
        let thing = Vocabulary.absentThings[choice % Vocabulary.absentThings.count]
        let subject = Vocabulary.absentSubjects[choice / Vocabulary.absentThings.count]
        let ending = rng.chance(0.85) ? "described in the statutes and regulations reviewed" : "found in the statutes reviewed"
        return "No \(thing.noun) specific to \(subject) \(thing.verb) \(ending)."
    }
}
