import Crypto
import Foundation
import LexpipeDatasets
import LexpipeJurisdictions
import LexpipeNormalization
import LexpipeRecord
import Yams

/// Walks the YAML node tree of `pipeline.yml`, so every unknown key and wrong type is reported
/// with the line and column where it stands.
struct ConfigurationReader {
    let file: String

    func read(_ yaml: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        configuration.digest = SHA256.hash(data: Data(yaml.utf8)).map { String(format: "%02x", $0) }.joined()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, yaml: yaml)
        } catch {
            throw .syntax(file: file, line: 0, column: 0, problem: String(describing: error))
        }
        guard let root else { return configuration }
        let top = try mapping(root, key: "(top level)", known: [
            "version", "corpus", "output", "jobs", "ingest", "markup", "normalization", "datasets", "limits",
        ])
        if let node = top["version"] {
            let version = try integer(node.value, key: "version")
            guard version == 1 else {
                throw invalid(node.value, key: "version", reason: "unsupported version \(version); this lexpipe reads version 1")
            }
        }
        if let corpus = top["corpus"] {
            let fields = try mapping(corpus.value, key: "corpus", known: ["root", "include", "exclude", "follow_symlinks"])
            if let node = fields["follow_symlinks"] { configuration.followSymbolicLinks = try boolean(node.value, key: "corpus.follow_symlinks") }
            if let node = fields["root"] { configuration.corpusRoot = try string(node.value, key: "corpus.root") }
            if let node = fields["include"] { configuration.include = try strings(node.value, key: "corpus.include") }
            if let node = fields["exclude"] { configuration.exclude = try strings(node.value, key: "corpus.exclude") }
        }
        if let node = top["output"] {
            configuration.outputDirectory = try string(node.value, key: "output")
            guard !configuration.outputDirectory.isEmpty else { throw invalid(node.value, key: "output", reason: "must name a folder") }
        }
        if let limits = top["limits"] {
            let fields = try mapping(limits.value, key: "limits", known: [
                "max_citations_per_document", "max_warnings_per_document", "max_record_bytes",
            ])
            func positive(_ name: String) throws(ConfigurationError) -> Int? {
                guard let node = fields[name] else { return nil }
                let value = try integer(node.value, key: "limits." + name)
                guard value > 0 else { throw invalid(node.value, key: "limits." + name, reason: "must be positive") }
                return value
            }
            if let value = try positive("max_citations_per_document") { configuration.limits.maxCitationsPerDocument = value }
            if let value = try positive("max_warnings_per_document") { configuration.limits.maxWarningsPerDocument = value }
            if let value = try positive("max_record_bytes") { configuration.limits.maxRecordBytes = value }
        }
        if let node = top["jobs"] {
            if node.value.string == "auto" {
                configuration.jobs = nil
            } else {
                let jobs = try integer(node.value, key: "jobs")
                guard (1...1024).contains(jobs) else { throw invalid(node.value, key: "jobs", reason: "must be from 1 to 1024, or auto") }
                configuration.jobs = jobs
            }
        }
        if let ingest = top["ingest"] {
            let fields = try mapping(ingest.value, key: "ingest", known: ["max_document_bytes", "max_pdf_pages"])
            if let node = fields["max_document_bytes"] {
                let limit = try integer(node.value, key: "ingest.max_document_bytes")
                guard limit > 0 else { throw invalid(node.value, key: "ingest.max_document_bytes", reason: "must be positive") }
                configuration.maxDocumentBytes = limit
            }
            if let node = fields["max_pdf_pages"] {
                let limit = try integer(node.value, key: "ingest.max_pdf_pages")
                guard limit > 0 else { throw invalid(node.value, key: "ingest.max_pdf_pages", reason: "must be positive") }
                configuration.maxPDFPages = limit
            }
        }
        if let markup = top["markup"] {
            let fields = try mapping(markup.value, key: "markup", known: ["drop_page_furniture"])
            if let node = fields["drop_page_furniture"] {
                configuration.dropPageFurniture = try boolean(node.value, key: "markup.drop_page_furniture")
            }
        }
        if let normalization = top["normalization"] {
            let fields = try mapping(normalization.value, key: "normalization", known: ["grading_scales", "code_names"])
            if let node = fields["grading_scales"] {
                configuration.gradingScales = try gradingScales(node.value)
            }
            if let node = fields["code_names"] {
                configuration.codeNames = try codeNames(node.value)
            }
        }
        if let datasets = top["datasets"] {
            let fields = try mapping(datasets.value, key: "datasets", known: ["formats"])
            if let node = fields["formats"] {
                let names = try strings(node.value, key: "datasets.formats")
                guard !names.isEmpty else {
                    throw invalid(node.value, key: "datasets.formats", reason: "names no format; give at least one of jsonl, csv, sqlite")
                }
                configuration.formats = try names.map { name throws(ConfigurationError) in
                    guard let format = DatasetFormat(rawValue: name) else {
                        throw invalid(node.value, key: "datasets.formats", reason: "unknown format '\(name)' (expected jsonl, csv or sqlite)")
                    }
                    return format
                }
            }
        }
        return configuration
    }

    // MARK: Sections

    private func gradingScales(_ node: Node) throws(ConfigurationError) -> [GradingScale] {
        guard case let .sequence(sequence) = node else {
            throw wrongType(node, key: "normalization.grading_scales", expected: "a list of scales")
        }
        var scales: [GradingScale] = []
        for (index, item) in sequence.enumerated() {
            let key = "normalization.grading_scales[\(index)]"
            let fields = try mapping(item, key: key, known: ["framework", "years", "minimums", "overall_out_of"])
            var scale = GradingScale(framework: nil, fromYear: nil, toYear: nil, minimums: [:])
            if let node = fields["framework"] { scale.framework = try string(node.value, key: key + ".framework") }
            if let node = fields["years"] {
                let text = try string(node.value, key: key + ".years")
                let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil }) else {
                    throw invalid(node.value, key: key + ".years", reason: "expected a year or a range like 2021-2023, got '\(text)'")
                }
                scale.fromYear = parts[0]
                scale.toYear = parts.count == 2 ? parts[1] : parts[0]
                if let from = scale.fromYear, let to = scale.toYear, from > to {
                    throw invalid(node.value, key: key + ".years", reason: "the range \(text) ends before it starts; write \(to)-\(from)")
                }
            }
            guard let minimumsNode = fields["minimums"] else {
                throw invalid(item, key: key, reason: "a scale needs 'minimums' (percentages for A, B, C, D)")
            }
            let minimums = try mapping(minimumsNode.value, key: key + ".minimums", known: ["A", "B", "C", "D"])
            for (letter, entry) in minimums {
                let percent = try number(entry.value, key: key + ".minimums." + letter)
                guard (0...100).contains(percent) else {
                    throw invalid(entry.value, key: key + ".minimums." + letter, reason: "a percentage from 0 to 100")
                }
                scale.minimums[Grade(rawValue: letter)!] = percent
            }
            if let node = fields["overall_out_of"] {
                let points = try number(node.value, key: key + ".overall_out_of")
                guard points > 0 else {
                    throw invalid(node.value, key: key + ".overall_out_of", reason: "the points the overall score is graded out of, above 0")
                }
                scale.overallOutOf = points
            }
            scales.append(scale)
        }
        return scales
    }

    private func codeNames(_ node: Node) throws(ConfigurationError) -> [String: [CodeName]] {
        let states = JurisdictionTable.standard.jurisdictions.map(\.usps)
        let byState = try mapping(node, key: "normalization.code_names", known: states)
        var result: [String: [CodeName]] = [:]
        for (usps, entry) in byState {
            let key = "normalization.code_names.\(usps)"
            guard case let .sequence(sequence) = entry.value else { throw wrongType(entry.value, key: key, expected: "a list of codes") }
            for (index, item) in sequence.enumerated() {
                let itemKey = "\(key)[\(index)]"
                let fields = try mapping(item, key: itemKey, known: ["names", "body", "cited_by", "title_first", "bluebook", "source"])
                func required(_ name: String) throws(ConfigurationError) -> Node {
                    guard let node = fields[name]?.value else { throw invalid(item, key: itemKey, reason: "missing '\(name)'") }
                    return node
                }
                let bodyNode = try required("body")
                guard let body = LawBody(rawValue: try string(bodyNode, key: itemKey + ".body")) else {
                    throw invalid(bodyNode, key: itemKey + ".body", reason: "expected one of \(LawBody.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                var citedBy = CitedBy.section
                if let node = fields["cited_by"]?.value {
                    guard let value = CitedBy(rawValue: try string(node, key: itemKey + ".cited_by")) else {
                        throw invalid(node, key: itemKey + ".cited_by", reason: "expected section, title, chapter or article")
                    }
                    citedBy = value
                }
                let code = CodeName(
                    names: try strings(try required("names"), key: itemKey + ".names"), body: body, citedBy: citedBy,
                    titleFirst: try fields["title_first"].map { (node) throws(ConfigurationError) in try boolean(node.value, key: itemKey + ".title_first") } ?? false,
                    bluebook: try string(try required("bluebook"), key: itemKey + ".bluebook"),
                    source: try fields["source"].map { (node) throws(ConfigurationError) in try string(node.value, key: itemKey + ".source") } ?? "pipeline.yml"
                )
                result[usps, default: []].append(code)
            }
        }
        return result
    }

    // MARK: Typed accessors

    private func mapping(_ node: Node, key: String, known: [String]) throws(ConfigurationError) -> [String: (keyNode: Node, value: Node)] {
        guard case let .mapping(mapping) = node else { throw wrongType(node, key: key, expected: "a mapping") }
        var result: [String: (Node, Node)] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { throw wrongType(keyNode, key: key, expected: "a mapping with string keys") }
            let path = key == "(top level)" ? name : "\(key).\(name)"
            guard known.contains(name) else {
                let mark = keyNode.mark
                throw .unknownKey(file: file, key: path, line: mark?.line ?? 0, column: mark?.column ?? 0, known: known)
            }
            guard result[name] == nil else { throw invalid(keyNode, key: path, reason: "given twice") }
            result[name] = (keyNode, value)
        }
        return result
    }

    /// Where `key` stands again in block style after its first occurrence at `first`: the next
    /// line with only spaces before the same column, then `key` and a colon.
    static func repeatedKey(_ key: String, in yaml: String, after first: Mark) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.column >= 1, first.line < lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix(while: { $0 == " " }).count
            if leading < indent, !line.allSatisfy({ $0 == " " }), !line.hasPrefix("#") { return nil }
            guard leading == indent else { continue }
            let rest = line.dropFirst(indent)
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                if rest.dropFirst(written.count).drop(while: { $0 == " " }).first == ":" { return (index + 1, first.column) }
            }
        }
        return nil
    }

    private func string(_ node: Node, key: String) throws(ConfigurationError) -> String {
        guard case let .scalar(scalar) = node else { throw wrongType(node, key: key, expected: "a string") }
        return scalar.string
    }

    private func strings(_ node: Node, key: String) throws(ConfigurationError) -> [String] {
        if case .scalar = node { return [try string(node, key: key)] }
        guard case let .sequence(sequence) = node else { throw wrongType(node, key: key, expected: "a list of strings") }
        var result: [String] = []
        for item in sequence { result.append(try string(item, key: key)) }
        return result
    }

    private func integer(_ node: Node, key: String) throws(ConfigurationError) -> Int {
        guard case .scalar = node, let value = node.int else { throw wrongType(node, key: key, expected: "a whole number") }
        return value
    }

    private func number(_ node: Node, key: String) throws(ConfigurationError) -> Double {
        guard case .scalar = node, let value = node.float else { throw wrongType(node, key: key, expected: "a number") }
        return value
    }

    private func boolean(_ node: Node, key: String) throws(ConfigurationError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw wrongType(node, key: key, expected: "true or false") }
        return value
    }

    private func wrongType(_ node: Node, key: String, expected: String) -> ConfigurationError {
        .wrongType(file: file, key: key, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, expected: expected)
    }

    private func invalid(_ node: Node, key: String, reason: String) -> ConfigurationError {
        .invalidValue(file: file, key: key, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, reason: reason)
    }

    private func syntaxError(_ error: YamlError, yaml: String) -> ConfigurationError {
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the key's first occurrence; the error is where it is given again.
            let key = duplicates.first ?? "?"
            let first = context.mark
            let again = ConfigurationReader.repeatedKey(key, in: yaml, after: first)
            return .invalidValue(
                file: file, key: key, line: again?.line ?? first.line, column: again?.column ?? first.column,
                reason: "given twice (first at line \(first.line))"
            )
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .syntax(file: file, line: mark.line, column: mark.column, problem: problem)
        default:
            return .syntax(file: file, line: 0, column: 0, problem: String(describing: error))
        }
    }
}
