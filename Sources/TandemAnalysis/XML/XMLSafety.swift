import Foundation

/// Guards applied before any XML parsing: documents that declare entities (the vehicle of XXE
/// and "billion laughs" attacks) are refused outright; DTDs are never loaded.
///
/// Two layers: this scan reads the whole prolog exactly (XML declaration, processing
/// instructions, comments, the DOCTYPE and its internal subset, however long, in UTF-8 or UTF-16
/// with or without a byte-order mark) and refuses any `<!ENTITY` declaration in it. Behind it,
/// the parser has no entity callbacks, so an entity reference that reached it would be refused
/// as `&name;` (`XMLEventReader`'s `reference` handler) rather than expanded.
enum XMLSafety {
    static func checkProlog(_ data: Data, fileName: String) throws {
        let units = try CodeUnits(data, fileName: fileName)
        var scanner = PrologScanner(units: units)
        if let offset = scanner.firstEntityDeclaration() {
            let (line, column) = units.position(of: offset)
            throw AnalysisError(
                file: fileName, line: line, column: column, kind: .unsafe,
                message:
                    "the document declares entities (<!ENTITY>); entity declarations are refused because they enable external-entity (XXE) and entity-expansion attacks. Remove the DOCTYPE internal subset."
            )
        }
    }

    /// The document's text as a sequence of code units (bytes for UTF-8, 16-bit units for UTF-16),
    /// of which only the ASCII ones matter to the prolog's syntax.
    struct CodeUnits {
        let data: Data
        let width: Int
        let bigEndian: Bool
        let start: Int

        init(_ data: Data, fileName: String) throws {
            self.data = data
            let head = Array(data.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - data.count))
            switch (head[0], head[1], head[2], head[3]) {
            case (0x00, 0x00, 0xFE, 0xFF), (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0x00, 0x3C), (0x3C, 0x00, 0x00, 0x00),
                (0x4C, 0x6F, 0xA7, 0x94):
                // UTF-32 and EBCDIC: libxml2 could read them through iconv, this scan could not.
                throw AnalysisError(
                    file: fileName, kind: .unsafe,
                    message: "the document is in UTF-32 or EBCDIC; save it as UTF-8 or UTF-16 and try again.")
            case (0xEF, 0xBB, 0xBF, _): (width, bigEndian, start) = (1, false, 3)
            case (0xFF, 0xFE, _, _): (width, bigEndian, start) = (2, false, 2)
            case (0xFE, 0xFF, _, _): (width, bigEndian, start) = (2, true, 2)
            case (_, 0x00, _, 0x00): (width, bigEndian, start) = (2, false, 0)  // UTF-16LE without a mark
            case (0x00, _, 0x00, _): (width, bigEndian, start) = (2, true, 0)  // UTF-16BE without a mark
            default: (width, bigEndian, start) = (1, false, 0)
            }
        }

        var count: Int { (data.count - start) / width }

        /// The unit at `index`, or nil past the end; units above ASCII read as 0x80.
        subscript(index: Int) -> UInt8? {
            guard index >= 0, index < count else { return nil }
            let offset = data.startIndex + start + index * width
            if width == 1 { return data[offset] }
            let (high, low) = bigEndian ? (data[offset], data[offset + 1]) : (data[offset + 1], data[offset])
            return high == 0 && low < 0x80 ? low : 0x80
        }

        func position(of index: Int) -> (line: Int, column: Int) {
            var line = 1
            var column = 1
            for i in 0..<index {
                if self[i] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return (line, column)
        }
    }

    /// Walks the prolog up to the root element's `<`.
    struct PrologScanner {
        let units: CodeUnits
        var index = 0

        init(units: CodeUnits) { self.units = units }

        /// The position of the first `<!ENTITY` in the DOCTYPE, if any.
        mutating func firstEntityDeclaration() -> Int? {
            while true {
                skipWhiteSpace()
                if starts(with: "<?") {
                    guard skip(past: "?>") else { return nil }
                } else if starts(with: "<!--") {
                    guard skip(past: "-->") else { return nil }
                } else if starts(with: "<!DOCTYPE") {
                    if let entity = scanDoctype() { return entity }
                } else {
                    return nil  // the root element, or text the parser will refuse
                }
            }
        }

        /// Skips the DOCTYPE; inside its internal subset, returns where an entity is declared.
        /// Quoted literals and comments are skipped whole, so a `>` or `]` in them ends nothing.
        mutating func scanDoctype() -> Int? {
            index += "<!DOCTYPE".utf8.count
            var inSubset = false
            while let unit = units[index] {
                if unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "'") {
                    index += 1
                    while let inner = units[index], inner != unit { index += 1 }
                    index += 1
                } else if inSubset && starts(with: "<!--") {
                    guard skip(past: "-->") else { return nil }
                } else if inSubset && starts(with: "<!ENTITY") {
                    return index
                } else if unit == UInt8(ascii: "[") {
                    inSubset = true
                    index += 1
                } else if unit == UInt8(ascii: "]") {
                    inSubset = false
                    index += 1
                } else if unit == UInt8(ascii: ">") && !inSubset {
                    index += 1
                    return nil
                } else {
                    index += 1
                }
            }
            return nil
        }

        func starts(with text: String) -> Bool {
            for (offset, byte) in text.utf8.enumerated() where units[index + offset] != byte { return false }
            return true
        }

        /// Moves past the next `marker`; false when the document ends first.
        mutating func skip(past marker: String) -> Bool {
            while units[index] != nil {
                if starts(with: marker) {
                    index += marker.utf8.count
                    return true
                }
                index += 1
            }
            return false
        }

        mutating func skipWhiteSpace() {
            while let unit = units[index],
                unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D
            {
                index += 1
            }
        }
    }
}
