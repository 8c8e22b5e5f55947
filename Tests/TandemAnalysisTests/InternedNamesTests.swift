import Foundation
import Testing

@testable import TandemAnalysis

@Suite("Names interned by libxml2, decoded once")
struct InternedNamesTests {
    @Test("Each pointer's value is made once and found again, however many pointers share a slot")
    func madeOnce() {
        var names = InternedNames<String>(slots: 2, placeholder: "")
        let words = ["file", "unit", "segment", "source", "target"]
        let pointers = words.map { strdup($0)! }
        defer { pointers.forEach { free($0) } }
        var made = 0
        for _ in 0..<3 {
            for (pointer, word) in zip(pointers, words) {
                let value = pointer.withMemoryRebound(to: UInt8.self, capacity: word.utf8.count + 1) {
                    names.value($0) { name in
                        made += 1
                        return name.uppercased()
                    }
                }
                #expect(value == word.uppercased())
            }
        }
        #expect(made == words.count)
    }
}
