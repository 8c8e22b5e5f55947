import Foundation

/// Guards applied before any XML parsing: documents that declare entities (the vehicle of XXE
/// and "billion laughs" attacks) are refused outright; DTDs are never loaded.
enum XMLSafety {
    /// Refuses `<!ENTITY` declarations in the prolog (internal DTD subset).
    static func checkProlog(_ data: Data, fileName: String) throws {
        if !mayHaveDoctype(data) { return }
        let head = data.prefix(1 << 20)
        let text: String
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            let even = head.prefix(head.count & ~1)
            text = String(data: Data(even), encoding: .utf16) ?? ""
        } else {
            text = String(decoding: head, as: UTF8.self)
        }
        guard let doctype = text.range(of: "<!DOCTYPE") else { return }
        // Only the prolog matters: stop at the first element start after the DOCTYPE's subset.
        let rest = text[doctype.lowerBound...]
        if let entity = rest.range(of: "<!ENTITY") {
            // Make sure it is inside the DOCTYPE (before the root element starts).
            let beforeEntity = text[doctype.upperBound..<entity.lowerBound]
            if !beforeEntity.contains("]>") {
                let (line, column) = position(of: entity.lowerBound, in: text)
                throw AnalysisError(
                    file: fileName, line: line, column: column, kind: .unsafe,
                    message:
                        "the document declares entities (<!ENTITY>); entity declarations are refused because they enable external-entity (XXE) and entity-expansion attacks. Remove the DOCTYPE internal subset."
                )
            }
        }
    }

    /// Fast byte scan of an 8-bit encoded prolog: false when the root element starts before any
    /// `<!DOCTYPE`. UTF-16 documents always get the full check.
    static func mayHaveDoctype(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.first == 0
            || data.dropFirst().first == 0
        {
            return true
        }
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i + 1 < bytes.count {
                if bytes[i] == UInt8(ascii: "<") {
                    let next = bytes[i + 1]
                    if next == UInt8(ascii: "!") { return true }  // DOCTYPE or comment: check properly
                    if next != UInt8(ascii: "?") { return false }  // the root element
                }
                i += 1
            }
            return false
        }
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for ch in text[..<index] {
            if ch == "\n" || ch == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
