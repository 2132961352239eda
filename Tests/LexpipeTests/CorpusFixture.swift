import Foundation
import LexpipePipeline

/// Small corpora written into temporary folders for pipeline tests.
enum CorpusFixture {
    /// A statute summary of `state` in the CWIG text form.
    static func statuteSummary(state: String, code: String, date: String = "March 2020") -> String {
        """
        Responding to Child Victims of Human Trafficking - \(state)

        Date: \(date)

        State Agency Responsibilities

        Citation: \(code) § 12-34-56; \(code) §§ 12-34-60 through 12-34-64

        The department shall screen every child for trafficking and refer "victims" to services,
        including specialized shelters.

        Training Requirement

        No training specific to human or sex trafficking is described in the statutes and regulations reviewed.
        """
    }

    /// Writes the two real documents and `count` synthetic summaries into `folder/corpus`.
    static func write(into folder: TemporaryFolder, synthetic count: Int, extra: [String: Data] = [:]) throws {
        for name in ["ms-2018-responding-to-child-victims-of-human-trafficking.txt", "ms-2021-report-card.md"] {
            try folder.write("corpus/" + name, try Data(contentsOf: Package.corpus.appendingPathComponent(name)))
        }
        let states = ["Mississippi", "Ohio", "Texas", "Oregon", "Maine", "Vermont", "Iowa", "Utah"]
        for index in 0..<count {
            let state = states[index % states.count]
            let name = String(format: "summaries/%@-%03d.txt", state.lowercased(), index)
            try folder.write("corpus/" + name, statuteSummary(state: state, code: "Ann. Code", date: "May \(2000 + index % 20)"))
        }
        for (name, data) in extra { try folder.write("corpus/" + name, data) }
    }

    /// A configuration reading `folder/corpus` and writing `folder/output`.
    static func configuration(_ folder: TemporaryFolder, jobs: Int, output: String = "output") -> LexpipePipeline.Configuration {
        var configuration = LexpipePipeline.Configuration()
        configuration.corpusRoot = folder.path + "/corpus"
        configuration.outputDirectory = folder.path + "/" + output
        configuration.jobs = jobs
        return configuration
    }

    /// Every file of an output folder: name to bytes, with the manifest's timings removed.
    static func snapshot(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            var data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            if name == "manifest.json" {
                var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
                object.removeValue(forKey: "run")
                data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            }
            files[name] = data
        }
        return files
    }
}
