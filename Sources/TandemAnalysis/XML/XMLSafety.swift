import Foundation

/// Guards applied before any XML parsing: documents that declare entities (the vehicle of XXE
/// and "billion laughs" attacks) are refused outright; DTDs are never loaded.
enum XMLSafety {
    /// Refuses `<!ENTITY` declarations in the prolog (internal DTD subset).
    static func checkProlog(_ data: Data, fileName: String) throws {
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
                throw AnalysisError(file: fileName, line: line, column: column, kind: .unsafe,
                                    message: "the document declares entities (<!ENTITY>); entity declarations are refused because they enable external-entity (XXE) and entity-expansion attacks. Remove the DOCTYPE internal subset.")
            }
        }
    }

    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for ch in text[..<index] {
            if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
