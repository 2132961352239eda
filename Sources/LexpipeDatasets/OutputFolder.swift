import Foundation
import LexpipeRecord

/// Why a run refused its output folder before doing any work. Nothing was written, the folder
/// and everything in it are as they were.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output was given as an empty string.
    case emptyPath
    /// The folder is one a run must never replace: `/`, the home folder, the current folder,
    /// the corpus, or a folder holding one of them or inside the corpus.
    case forbidden(path: String, reason: String)
    /// Something other than a folder stands at the path.
    case notAFolder(path: String)
    /// The folder that would hold the output does not exist.
    case missingParent(path: String, parent: String)
    /// What would hold the output is a file.
    case parentNotAFolder(path: String, parent: String)
    /// The folder holds files lexpipe did not write (`marked`: it has lexpipe's
    /// `manifest.json`, so only these are foreign; else no file in it is known to be lexpipe's).
    case notLexpipeOutput(path: String, files: [String], marked: Bool)
    /// Another run holds the output's lock.
    case locked(path: String, lockFile: String)
    /// The output's lock file could not be opened.
    case cannotLock(path: String, lockFile: String, reason: String)

    public var description: String {
        switch self {
        case .emptyPath:
            "the output folder is an empty path; name a folder for the datasets"
        case let .forbidden(path, reason):
            "refusing to publish into \(path): it is \(reason); choose a folder of its own for the datasets"
        case let .notAFolder(path):
            "refusing to publish into \(path): a file, not a folder, is in the way; choose another output folder"
        case let .missingParent(path, parent):
            "cannot publish into \(path): the folder \(parent) that would hold it does not exist; create it first"
        case let .parentNotAFolder(path, parent):
            "cannot publish into \(path): \(parent), which would hold it, is a file, not a folder"
        case let .notLexpipeOutput(path, files, marked):
            "refusing to publish into \(path): it holds files lexpipe did not write (" + OutputError.list(files) + ")"
                + (marked ? "" : " and no manifest.json of a lexpipe output")
                + "; give an empty folder, a new one, or a previous lexpipe output"
        case let .locked(path, lockFile):
            "another lexpipe run is publishing into \(path) (it holds \(lockFile)); try again when it has finished"
        case let .cannotLock(path, lockFile, reason):
            "cannot lock \(path) (\(lockFile)): \(reason)"
        }
    }

    private static func list(_ files: [String]) -> String {
        let shown = files.prefix(5).joined(separator: ", ")
        return files.count > 5 ? shown + " and \(files.count - 5) more" : shown
    }
}

/// The rules for where a run may publish. The output folder is lexpipe's only if lexpipe made
/// it: a run publishes into a folder that does not exist yet (its parent must), an empty
/// folder (hidden files aside), or a previous lexpipe output (its `manifest.json` says so, and
/// it holds nothing else but the files lexpipe writes and hidden files, which publishing
/// carries over). The path is resolved, symbolic links and `..` included, before it is checked.
public enum OutputFolder {
    /// The value of the `generator` member that marks a `manifest.json` as lexpipe's.
    public static let generator = "lexpipe"

    /// The names lexpipe writes into an output folder.
    public static var datasetFiles: Set<String> {
        var names: Set<String> = ["manifest.json", "documents.jsonl", "errors.jsonl", "lexpipe.sqlite"]
        names.formUnion(["lexpipe.sqlite-journal", "lexpipe.sqlite-wal", "lexpipe.sqlite-shm"])
        names.formUnion(Tables.all.map { $0.name + ".csv" })
        return names
    }

    /// The folder a run may publish into, as an absolute path with every symbolic link and `..`
    /// resolved, or why it may not. `path` is the output as given (relative paths resolve
    /// against `base`); `corpus` is the corpus folder, `currentDirectory` and `home` the
    /// process's.
    public static func check(
        _ path: String, base: String, corpus: String, currentDirectory: String, home: String?
    ) throws(OutputError) -> String {
        guard !path.isEmpty else { throw .emptyPath }
        let absoluteBase = base.hasPrefix("/") ? base : currentDirectory + "/" + base
        let resolved = resolve(path.hasPrefix("/") ? path : absoluteBase + "/" + path)
        let shown = resolved == path ? path : "\(path) (\(resolved))"
        var protected = [("/", "the root folder"), (resolve(currentDirectory), "the current folder")]
        if let home, !home.isEmpty { protected.append((resolve(home), "your home folder")) }
        for (folder, name) in protected where contains(resolved, folder) {
            throw .forbidden(path: shown, reason: resolved == folder ? name : "a folder holding \(name) \(folder)")
        }
        let corpusFolder = resolve(corpus.hasPrefix("/") ? corpus : absoluteBase + "/" + corpus)
        if contains(resolved, corpusFolder) {
            throw .forbidden(
                path: shown, reason: resolved == corpusFolder ? "the corpus folder" : "a folder holding the corpus folder \(corpusFolder)"
            )
        }
        if contains(corpusFolder, resolved) {
            throw .forbidden(path: shown, reason: "inside the corpus folder \(corpusFolder)")
        }
        var status = stat()
        guard lstat(resolved, &status) == 0 else {
            let parent = (resolved as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) else {
                throw .missingParent(path: shown, parent: parent)
            }
            guard isDirectory.boolValue else { throw .parentNotAFolder(path: shown, parent: parent) }
            return resolved
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path: shown) }
        return resolved
    }

    /// Checks that the folder at `path` (resolved) is absent, empty or a previous lexpipe
    /// output. Called with the output's lock held, so no other run changes it meanwhile.
    public static func checkContents(_ path: String) throws(OutputError) {
        // Hidden files (`.gitkeep`) are carried over into the new output: a folder of them
        // alone counts as empty.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path),
            names.contains(where: { !$0.hasPrefix(".") })
        else { return }
        guard isLexpipeManifest(path + "/manifest.json") else {
            throw .notLexpipeOutput(path: path, files: names.filter { !$0.hasPrefix(".") }.sorted(), marked: false)
        }
        let known = datasetFiles
        let foreign = names.filter { !$0.hasPrefix(".") && !known.contains($0) }.sorted()
        guard foreign.isEmpty else { throw .notLexpipeOutput(path: path, files: foreign, marked: true) }
    }

    /// Whether the file is a `manifest.json` lexpipe wrote: a JSON object whose `generator` is
    /// `lexpipe`, or, from versions before that member, one with `lexpipe_version` and
    /// `extraction_digest`.
    static func isLexpipeManifest(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            let data = FileManager.default.contents(atPath: path)
        else { return false }
        var generator: String?
        var version: String?
        var digest: String?
        let read: Void? = try? [UInt8](data).withUnsafeBufferPointer { bytes throws(JSONReadError) in
            try JSONReader.read(bytes) { reader throws(JSONReadError) in
                try reader.object { reader, key throws(JSONReadError) in
                    switch key {
                    case "generator": generator = try reader.optionalString()
                    case "lexpipe_version": version = try reader.optionalString()
                    case "extraction_digest": digest = try reader.optionalString()
                    default: try reader.skipValue()
                    }
                }
            }
        }
        guard read != nil else { return false }
        return generator == OutputFolder.generator || (generator == nil && version != nil && digest != nil)
    }

    /// Whether `folder` is `path` or holds it.
    static func contains(_ folder: String, _ path: String) -> Bool {
        folder == path || folder == "/" || path.hasPrefix(folder + "/")
    }

    /// `path` (absolute) with every symbolic link followed and every `.` and `..` taken away.
    /// Components that do not exist are kept as written (a `..` after one removes it).
    public static func resolve(_ path: String) -> String {
        var resolved: [String] = []
        var pending = Array(path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
        var links = 0
        while let component = pending.popLast() {
            switch component {
            case ".": continue
            case "..": _ = resolved.popLast()
            default:
                let candidate = "/" + (resolved + [component]).joined(separator: "/")
                var status = stat()
                // Past 40 links (the kernel's own limit) the path is a loop; it is kept as written.
                if links < 40, lstat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
                    let target = try? FileManager.default.destinationOfSymbolicLink(atPath: candidate)
                {
                    links += 1
                    if target.hasPrefix("/") { resolved = [] }
                    pending += target.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed()
                } else {
                    resolved.append(component)
                }
            }
        }
        return "/" + resolved.joined(separator: "/")
    }
}

/// An exclusive lock on an output folder, held while a run prepares and publishes it: a lock
/// file `.NAME.lock` beside the folder, locked with `flock`. A second run on the same output
/// refuses at once instead of mixing its files with the first's. The kernel releases the lock
/// when the process ends, however it ends; the file itself stays (removing it could let two
/// runs lock different files of one name).
public final class OutputLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Locks the output folder `output` (an absolute, resolved path whose parent exists).
    public init(output: String) throws(OutputError) {
        let parent = (output as NSString).deletingLastPathComponent
        path = (parent == "/" ? "" : parent) + "/." + (output as NSString).lastPathComponent + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw .cannotLock(path: output, lockFile: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK { throw .locked(path: output, lockFile: path) }
            throw .cannotLock(path: output, lockFile: path, reason: String(cString: strerror(failure)))
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
