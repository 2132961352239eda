import LexpipeDatasets
import LexpipeJurisdictions
import LexpipeNormalization
import LexpipePipeline
import LexpipeRecord
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test func readsEveryKey() throws {
        let yaml = """
            version: 1
            corpus:
              root: documents
              include: ["**/*.txt"]
              exclude: [drafts/**]
            output: datasets
            jobs: 3
            ingest:
              max_document_bytes: 1000
              max_pdf_pages: 40
            markup:
              drop_page_furniture: false
            normalization:
              grading_scales:
                - framework: Another Card
                  years: 2019-2020
                  minimums: {A: 85, B: 75, C: 65, D: 55}
                  overall_out_of: 120
              code_names:
                TX:
                  - names: ["Fam. Code"]
                    body: statute
                    bluebook: Tex. Fam. Code Ann.
                    source: Bluebook T1
            datasets:
              formats: [jsonl, sqlite]
            """
        let configuration = try Configuration.parse(yaml: yaml, file: "pipeline.yml")
        #expect(configuration.corpusRoot == "documents")
        #expect(configuration.include == ["**/*.txt"])
        #expect(configuration.exclude == ["drafts/**"])
        #expect(configuration.outputDirectory == "datasets")
        #expect(configuration.jobs == 3)
        #expect(configuration.maxDocumentBytes == 1000)
        #expect(configuration.maxPDFPages == 40)
        #expect(configuration.dropPageFurniture == false)
        #expect(configuration.gradingScales == [
            GradingScale(
                framework: "Another Card", fromYear: 2019, toYear: 2020, minimums: [.a: 85, .b: 75, .c: 65, .d: 55], overallOutOf: 120
            )
        ])
        #expect(configuration.codeNames["TX"]?.first?.bluebook == "Tex. Fam. Code Ann.")
        #expect(configuration.codeNames["TX"]?.first?.citedBy == .section)
        #expect(configuration.formats == [.jsonl, .sqlite])
        #expect(configuration.digest.count == 64)
    }

    @Test func theShippedPipelineFileIsValid() throws {
        let configuration = try Configuration.load(path: Package.root.appendingPathComponent("pipeline.yml").path)
        #expect(configuration.corpusRoot == "corpus")
        #expect(configuration.outputDirectory == "output")
        #expect(configuration.gradingScales == GradingScale.builtIn)
        #expect(configuration.formats == [.jsonl, .csv, .sqlite])
        #expect(configuration.include.contains("**/*.pdf"))
        // Pages saved whole (`.mhtml`) and XHTML (an e-book's chapter) are documents too.
        #expect(["**/*.mhtml", "**/*.mht", "**/*.xhtml"].allSatisfy(configuration.include.contains))
        // Plain-text markup other than markdown (a converter's reStructuredText or AsciiDoc).
        #expect(["**/*.rst", "**/*.adoc", "**/*.asciidoc"].allSatisfy(configuration.include.contains))
        #expect(configuration.include == Configuration().include)
        #expect(configuration.maxPDFPages == Configuration().maxPDFPages)
        #expect(configuration.limits == DocumentLimits(), "the shipped file states the defaults")
    }

    @Test(arguments: [
        ("version: 1\ncorpus:\n  roots: x\n", "pipeline.yml:3:3: unknown key 'corpus.roots' (expected one of: root, include, exclude, follow_symlinks)"),
        ("version: 1\nworkers: 4\n", "pipeline.yml:2:1: unknown key 'workers' (expected one of: version, corpus, output, jobs, ingest, markup, normalization, datasets, limits)"),
        ("jobs: many\n", "pipeline.yml:1:7: 'jobs' must be a whole number"),
        ("jobs: 0\n", "pipeline.yml:1:7: 'jobs': must be from 1 to 1024, or auto"),
        ("version: 2\n", "pipeline.yml:1:10: 'version': unsupported version 2; this lexpipe reads version 1"),
        ("corpus: [a, b]\n", "pipeline.yml:1:9: 'corpus' must be a mapping"),
        ("markup:\n  drop_page_furniture: maybe\n", "pipeline.yml:2:24: 'markup.drop_page_furniture' must be true or false"),
        ("ingest:\n  max_document_bytes: -5\n", "pipeline.yml:2:23: 'ingest.max_document_bytes': must be positive"),
        ("ingest:\n  max_pdf_pages: 0\n", "pipeline.yml:2:18: 'ingest.max_pdf_pages': must be positive"),
        ("datasets:\n  formats: [jsonl, parquet]\n", "pipeline.yml:2:12: 'datasets.formats': unknown format 'parquet' (expected jsonl, csv or sqlite)"),
        ("normalization:\n  grading_scales:\n    - years: soon\n      minimums: {A: 90}\n", "pipeline.yml:3:14: 'normalization.grading_scales[0].years': expected a year or a range like 2021-2023, got 'soon'"),
        ("normalization:\n  grading_scales:\n    - minimums: {A: 90, E: 50}\n", "pipeline.yml:3:25: unknown key 'normalization.grading_scales[0].minimums.E' (expected one of: A, B, C, D)"),
        ("normalization:\n  grading_scales:\n    - minimums: {A: 90}\n      overall_out_of: 0\n", "pipeline.yml:4:23: 'normalization.grading_scales[0].overall_out_of': the points the overall score is graded out of, above 0"),
        ("normalization:\n  code_names:\n    XX: []\n", "pipeline.yml:3:5: unknown key 'normalization.code_names.XX' (expected one of: \(JurisdictionTable.standard.jurisdictions.map(\.usps).joined(separator: ", ")))"),
        ("corpus:\n  root: [unclosed\n", "pipeline.yml:3:1: malformed YAML: did not find expected ',' or ']'"),
    ])
    func rejectsBadConfigurationWithKeyAndLine(yaml: String, message: String) {
        do {
            _ = try Configuration.parse(yaml: yaml, file: "pipeline.yml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: ConfigurationError.unreadable(file: "/nonexistent/pipeline.yml", reason: "no such file")) {
            try Configuration.load(path: "/nonexistent/pipeline.yml")
        }
    }
}
