// A libFuzzer entry point over the whole per-document pipeline: raw bytes in (text, markdown,
// HTML or PDF: ingest knows a PDF by its header, whatever the name), a record or a refusal out,
// never a crash or a hang; the record reads back as written, and the bytes read as
// a record's JSON are refused or read, never a crash. `scripts/fuzz.sh` builds it with
// `-sanitize=fuzzer,address -DLEXPIPE_FUZZING`; built without those flags it only says so.
import Foundation
import LexpipePipeline
import LexpipeRecord

let processor = DocumentProcessor(configuration: Configuration())

/// One input: the bytes of a document.
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var times = StageTimes()
    if case let .record(record) = processor.process(bytes: bytes, source: "fuzz.txt", times: &times) {
        // Serializing exercises every field of the record as `lexpipe extract` would.
        _ = record.json.pretty()
        // A record reads back as written, as the next run reusing it reads it.
        var line = JSONWriter()
        record.write(to: &line)
        precondition((try? DocumentRecord(json: line.bytes)) == record, "the record did not read back as written")
    }
    // The same bytes as a record's JSON: refused or read, never a crash.
    _ = try? DocumentRecord(json: bytes)
    return 0
}

#if LEXPIPE_FUZZING
/// The symbol libFuzzer calls for each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data, size)
}

// SwiftPM makes this file's top level the program's entry in place of libFuzzer's `main`;
// it hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
#else
print("LexpipeFuzz was built without libFuzzer; run scripts/fuzz.sh")
exit(2)
#endif
