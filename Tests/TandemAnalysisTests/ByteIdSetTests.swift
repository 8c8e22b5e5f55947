import Foundation
import Testing

@testable import TandemAnalysis

private extension ByteIdSet {
    func insert(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { insert($0) }
    }
}

@Suite("Id sets on UTF-8 bytes")
struct ByteIdSetTests {
    @Test("Agrees with Set<String> through growth, clearing (also after growth) and non-ASCII ids")
    func agreesWithSet() {
        let ids = ByteIdSet()
        var reference = Set<String>()
        // Enough ids to grow the table several times; every third one repeats an earlier id.
        for i in 0..<5_000 {
            let id = i % 3 == 2 ? "u\(i / 2)" : (i % 7 == 0 ? "é-\(i)" : "u\(i)")
            let inserted = ids.insert(id)
            let expected = reference.insert(id).inserted
            #expect(inserted == expected, "insert \(id)")
        }
        for probe in ["u0", "u1", "é-7", "é-8", "", "u4999", "u100000"] {
            #expect(ids.contains(probe) == reference.contains(probe), "contains \(probe)")
        }
        let first = ids.insert("")
        let second = ids.insert("")
        #expect(first && !second)
        ids.removeAll()
        #expect(ids.isEmpty)
        #expect(!ids.contains("u1"))
        let again = ids.insert("u1")
        #expect(again)
        // A cleared set fills and grows again, and still finds duplicates.
        for i in 0..<1_000 { _ = ids.insert("v\(i)") }
        #expect(ids.contains("v999") && ids.contains("u1") && !ids.contains("u2"))
        let duplicate = ids.insert("v500")
        #expect(!duplicate)
        #expect((0..<1_000).allSatisfy { ids.contains("v\($0)") } && ids.contains("u1"))
    }

    @Test("Bytes and strings name the same ids")
    func bytesAndStrings() {
        let ids = ByteIdSet()
        let bytes = Array("unité-1".utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { ids.insert($0) }
        let fromString = ids.insert("unité-1")
        #expect(fromBytes && !fromString)
        #expect(ids.contains("unité-1"))
        #expect(!ids.contains("unite-1"))
    }
}
