// A libFuzzer entry point over the whole per-document pipeline: raw bytes in, a record or a
// refusal out, never a crash or a hang. Build and run it with `scripts/fuzz.sh`; built without
// the fuzzer flags it is an executable that does nothing.
import LexpipePipeline
import LexpipeRecord

let processor = DocumentProcessor(configuration: Configuration())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var times = StageTimes()
    if case let .record(record) = processor.process(bytes: bytes, source: "fuzz.txt", times: &times) {
        // Serializing exercises every field of the record as `lexpipe extract` would.
        _ = record.json.pretty()
    }
    return 0
}
