@testable import LexpipePipeline
import Testing

@Suite("Previous inputs")
struct PreviousInputsTests {
    private func digest(_ byte: Character) -> InputDigest {
        InputDigest(hex: String(repeating: byte, count: 64))!
    }

    @Test func findsEverySourceAndNoOther() {
        let sources = ["tx/2020.md", "ak/2015.html", "ca/é-2019.txt", "ak/2015.htm", "b", "", "ca/e-2019.txt"]
        let inputs = PreviousInputs(sources.enumerated().map { ($1, digest(Character(String($0)))) })
        #expect(inputs.count == sources.count)
        for (offset, source) in sources.enumerated() {
            let index = inputs.index(of: source)
            #expect(index != nil, "\(source) not found")
            #expect(index.map(inputs.source(at:)) == source)
            #expect(index.map(inputs.digest(at:)) == digest(Character(String(offset))))
        }
        for absent in ["ak/2015", "ak/2015.html ", "tx/2020.mdx", "a", "c", "zz"] {
            #expect(inputs.index(of: absent) == nil, "\(absent) found")
        }
    }

    @Test func keepsSourcesInByteOrder() {
        let inputs = PreviousInputs([("b/x", digest("1")), ("a/é", digest("2")), ("a/z", digest("3")), ("B", digest("4"))])
        #expect((0..<inputs.count).map(inputs.source(at:)) == ["B", "a/z", "a/é", "b/x"])
    }

    @Test func theLaterDigestOfARepeatedSourceCounts() {
        let inputs = PreviousInputs([("a", digest("1")), ("b", digest("2")), ("a", digest("3"))])
        #expect(inputs.count == 2)
        #expect(inputs.index(of: "a").map(inputs.digest(at:)) == digest("3"))
    }

    @Test func emptyWhenThePreviousRunHadNoInputs() {
        let inputs = PreviousInputs([])
        #expect(inputs.count == 0)
        #expect(inputs.index(of: "a") == nil)
    }
}
