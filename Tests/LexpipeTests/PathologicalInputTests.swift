import Foundation
import LexpipePipeline
import LexpipeRecord
import Testing

/// Every stage is linear in its input: adversarial text runs at a rate (bytes per second)
/// comparable to a normal document's, measured in the same test so machine speed cancels out.
@Suite("Pathological inputs", .serialized)
struct PathologicalInputTests {
    static let processor: DocumentProcessor = {
        var configuration = LexpipePipeline.Configuration()
        configuration.maxDocumentBytes = 64 << 20
        return DocumentProcessor(configuration: configuration)
    }()

    /// Bytes per second of one run through every stage (the best of `repeats`).
    static func rate(_ bytes: [UInt8], repeats: Int = 1) -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            var times = StageTimes()
            let start = ContinuousClock.now
            _ = processor.process(bytes: bytes, source: "input.txt", times: &times)
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return Double(bytes.count) / max(best, 1e-6)
    }

    /// A realistic statute summary of about a megabyte: many sections, citations and paragraphs.
    static let normal: [UInt8] = {
        var text = "Responding to Child Victims of Human Trafficking - Ohio\n\nDate: May 2020\n\n"
        var index = 0
        while text.utf8.count < 1 << 20 {
            index += 1
            text += "Section Heading Number \(index)\n\nCitation: Rev. Code § 2151.\(index); Admin. Code § 5101:2-1-\(index)\n\n"
            text += "The agency shall provide services to children who are victims of trafficking, including shelter, "
                + "counseling and legal assistance, as defined in Rev. Code § 2905.32, within 30 days of identifica-\ntion.\n\n"
        }
        return Array(text.utf8)
    }()

    static let pathological: [(name: String, bytes: @Sendable () -> [UInt8])] = [
        ("10 MB of §", { Array(String(repeating: "§", count: 5 << 20).utf8) }),
        ("a citation line of 10 MB of § signs", { Array(("Statute summary\n\nTopic\n\nCitation: " + String(repeating: "§", count: 5 << 20)).utf8) }),
        ("a citation with a million commas", { Array(("Citation: Rev. Code § 1" + String(repeating: ",", count: 1 << 20) + "\n\nText").utf8) }),
        ("100,000 nested tags", { Array(("<html><body>" + String(repeating: "<div><b>", count: 100_000) + "text").utf8) }),
        ("one 20 MB line", { Array(String(repeating: "word and other word ", count: 1 << 20).utf8) }),
        ("200,000 wrapped lines in one paragraph", { Array(String(repeating: "line of text-\nfollowing ", count: 200_000).utf8) }),
        ("a markdown flood of brackets", { Array(("# Title\n\n" + String(repeating: "[**x*_", count: 200_000)).utf8) }),
        ("a report card of 50,000 rows", { Array(("OHIO\n\n2022 Report Card on Child & Youth Sex Trafficking\n\nOVERALL GRADE\n\n" + String(repeating: "1. A F 1 2 Gap remains related to x. ", count: 50_000)).utf8) }),
    ]

    static let normalRate = rate(normal, repeats: 2)

    @Test(arguments: 0..<pathological.count)
    func runsAtABoundedRate(index: Int) {
        let (name, make) = PathologicalInputTests.pathological[index]
        let normalRate = PathologicalInputTests.normalRate
        let bytes = make()
        let rate = PathologicalInputTests.rate(bytes)
        // Linear stages keep the rate within a small factor of a normal document's whatever the
        // size; a quadratic one falls by orders of magnitude on inputs this large.
        #expect(rate * 10 >= normalRate, "\(name): \(Int(rate / 1000)) KB/s against \(Int(normalRate / 1000)) KB/s for a normal document")
    }
}
