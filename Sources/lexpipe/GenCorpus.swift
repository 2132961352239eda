import ArgumentParser
import Foundation
import LexpipeCorpusGenerator

extension Lexpipe {
    /// `lexpipe gen-corpus --docs N --seed S --out DIR`: a deterministic synthetic corpus.
    struct GenCorpus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gen-corpus",
            abstract: "Write a deterministic synthetic corpus of statute summaries and report cards.",
            discussion: """
                Writes N documents (text, markdown and HTML; about 40% HTML) of all states, DC and \
                the territories, years 2015-2024, one folder per state. The same seed gives \
                byte-identical files on every machine. Prints one line: documents, bytes, share of HTML.
                With --layouts zoo, writes the layout zoo instead: each document in a layout drawn \
                from every form documents are known to come in (header order, date forms, heading syntax, \
                citation labels, web chrome, page furniture, grade tables, CRLF, entities), with \
                its expected record beside it as NAME.json, ready for `lexpipe check DIR`.
                """
        )

        @Option(help: "How many documents to write.")
        var docs: Int

        @Option(help: "The seed; the same seed gives the same corpus.")
        var seed: UInt64 = 1

        @Option(help: "The folder to write into (created if missing).")
        var out: String

        @Option(help: "Which layouts: corpus (the benchmark corpus) or zoo (every layout, gold records beside).")
        var layouts: Layouts = .corpus

        enum Layouts: String, ExpressibleByArgument {
            case corpus, zoo
        }

        func validate() throws {
            guard docs >= 0 else { throw ValidationError("--docs must be 0 or more.") }
        }

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            if layouts == .zoo {
                do {
                    try LayoutZoo(seed: seed).write(count: docs, to: out)
                } catch {
                    printError("cannot write the zoo into \(out): \(error.localizedDescription)")
                    throw ExitStatus.cannotWrite.exitCode
                }
                print("\(docs) documents with their expected records, seed \(seed), into \(out)")
                return
            }
            let summary: CorpusSummary
            do {
                summary = try CorpusGenerator(seed: seed).write(count: docs, to: out)
            } catch {
                printError("cannot write the corpus into \(out): \(error.localizedDescription)")
                throw ExitStatus.cannotWrite.exitCode
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let share = Int((summary.htmlShare * 100).rounded())
            print("\(summary.documents) documents, \(summary.bytes) bytes, \(share)% HTML, seed \(seed), into \(out) in \(String(format: "%.2f", seconds)) s")
        }
    }
}
