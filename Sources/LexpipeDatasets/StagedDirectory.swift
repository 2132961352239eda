import CSystemShims
import Foundation
import Synchronization

/// A folder written beside the output folder and swapped in whole when complete, so readers
/// see either the previous output or the new one, never a mix, and a run killed at any
/// moment leaves the previous output intact.
public struct StagedDirectory: Sendable {
    /// The folder being replaced (`output`).
    public let target: String
    /// The folder being written (`.output.staging-PID-N` beside it).
    public let staging: String

    /// Creates an empty staging folder beside `target`, first removing stagings left by runs
    /// that no longer exist. The folder that holds `target` must exist: it is not created, so
    /// that a mistyped path or an unmounted disk does not get a tree of new folders.
    public init(replacing target: String) throws(DatasetError) {
        let standardized = (target as NSString).standardizingPath
        self.target = standardized
        let parent = (standardized as NSString).deletingLastPathComponent
        let name = (standardized as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            throw .cannotStage(path: target, reason: "not a folder name lexpipe can publish under")
        }
        StagedDirectory.removeAbandoned(in: parent.isEmpty ? "." : parent, name: name)
        let unique = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).staging-\(unique)"
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotStage(path: standardized, reason: StagedDirectory.reason(error))
        }
        StagedDirectory.active.withLock { _ = $0.insert(staging) }
    }

    /// Staging folders of this process not yet published or discarded, for `removeActive`.
    private static let active = Mutex<Set<String>>([])

    /// Removes every staging folder this process is writing. For a signal handler that is about
    /// to end the process: a run stopped by `SIGTERM` or `SIGINT` leaves nothing behind.
    public static func removeActive() {
        for staging in active.withLock({ $0 }) {
            // A job may still create a file in it meanwhile: tried again until it is gone.
            for _ in 0..<10 {
                do {
                    try FileManager.default.removeItem(atPath: staging)
                    break
                } catch {
                    if !FileManager.default.fileExists(atPath: staging) { break }
                }
            }
        }
    }

    /// A path inside the staging folder.
    public func path(_ file: String) -> String {
        staging + "/" + file
    }

    /// Makes the staged folder the target. Hidden files the previous output held (`.gitignore`)
    /// are carried over. The exchange is one atomic rename.
    public func publish() throws(DatasetError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            for name in (try? manager.contentsOfDirectory(atPath: target)) ?? [] where name.hasPrefix(".") {
                try? manager.copyItem(atPath: target + "/" + name, toPath: staging + "/" + name)
            }
        }
        StagedDirectory.syncDirectory(staging)
        if exists {
            guard lexpipe_exchange_paths(staging, target) == 0 else {
                throw .cannotPublish(path: target, reason: String(cString: strerror(errno)))
            }
            // `staging` now holds the previous output.
            try? manager.removeItem(atPath: staging)
        } else {
            guard rename(staging, target) == 0 else {
                throw .cannotPublish(path: target, reason: String(cString: strerror(errno)))
            }
        }
        StagedDirectory.active.withLock { _ = $0.remove(staging) }
        StagedDirectory.syncDirectory((target as NSString).deletingLastPathComponent)
    }

    /// Removes the staging folder after a failed run.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        StagedDirectory.active.withLock { _ = $0.remove(staging) }
    }

    private static func removeAbandoned(in parent: String, name: String) {
        let prefix = ".\(name).staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix(while: { $0 != "-" })
            if let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            if let pid = pid_t(pidText), pid == getpid() { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    static func syncDirectory(_ path: String) {
        let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}

/// A file written through a buffer; bytes reach the disk on `close`, which also fsyncs.
final class BufferedFile {
    let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isClosed = false
    /// Bytes written to the file so far.
    private var fileSize = 0
    /// Bytes gathered before one `write(2)`.
    private static let chunk = 1 << 18

    init(path: String) throws(DatasetError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(BufferedFile.chunk + BufferedFile.chunk / 4)
    }

    func write(_ text: String) throws(DatasetError) {
        try write { $0.append(contentsOf: text.utf8) }
    }

    func write(_ bytes: [UInt8]) throws(DatasetError) {
        try write { $0.append(contentsOf: bytes) }
    }

    /// Lets `body` append to the buffer, then writes the buffer out once it holds a chunk.
    func write(_ body: (inout [UInt8]) -> Void) throws(DatasetError) {
        body(&buffer)
        if buffer.count >= BufferedFile.chunk { try flush() }
    }

    func flush() throws(DatasetError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        // The disk starts on each chunk now rather than on all of them in `close`'s fsync,
        // which would otherwise wait for the whole file at the end of the run. Advisory: a
        // failure here shows in the fsync.
        _ = lexpipe_start_writeback(descriptor, Int64(fileSize), Int64(offset))
        fileSize += offset
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws(DatasetError) {
        try flush()
        isClosed = true
        if fsync(descriptor) != 0 && errno != EINVAL {
            let reason = String(cString: strerror(errno))
            Foundation.close(descriptor)
            throw .writeFailed(path: path, reason: reason)
        }
        guard Foundation.close(descriptor) == 0 else {
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    deinit {
        if !isClosed { Foundation.close(descriptor) }
    }
}
