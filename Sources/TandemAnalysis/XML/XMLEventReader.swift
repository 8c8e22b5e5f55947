import CLibXML2
import Foundation

/// Pull reader over libxml2's `xmlTextReader`: streams a document event by event without building
/// a whole tree. Never resolves external entities, never loads a DTD, never touches the network;
/// documents that declare entities are refused before parsing (see `XMLSafety`).
final class XMLEventReader {
    enum Event {
        case start(XMLElement, isEmpty: Bool)
        case end(name: String, namespace: String)
        case text(String)
    }

    private final class ErrorBox {
        var message: String?
        var line = 0
        var column = 0
    }

    let fileName: String
    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableRawBufferPointer
    private let errors = ErrorBox()
    private let totalBytes: Int
    private let progress: ((Int, Int) -> Void)?
    private var eventsSinceProgress = 0

    init(data: Data, fileName: String, limits: AnalysisLimits, progress: ((Int, Int) -> Void)? = nil) throws {
        self.fileName = fileName
        self.totalBytes = data.count
        self.progress = progress
        guard data.count <= limits.maxFileBytes else {
            throw AnalysisError(file: fileName, kind: .tooLarge, message: "the file is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes.")
        }
        guard data.count <= Int(Int32.max) else {
            throw AnalysisError(file: fileName, kind: .tooLarge, message: "the file is too large for the XML reader.")
        }
        try XMLSafety.checkProlog(data, fileName: fileName)
        xmlInitParser()
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        data.copyBytes(to: buffer)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        guard let r = xmlReaderForMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(data.count), nil, nil, options) else {
            buffer.deallocate()
            throw AnalysisError(file: fileName, kind: .malformed, message: "the XML reader could not be created.")
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            guard box.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            box.message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "malformed XML"
            box.line = Int(error.pointee.line)
            box.column = Int(error.pointee.int2)
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    func error(_ kind: AnalysisError.Kind = .invalid, _ message: String, line: Int? = nil, column: Int? = nil) -> AnalysisError {
        AnalysisError(file: fileName, line: line ?? self.line, column: column ?? self.column, kind: kind, message: message)
    }

    private func parseError() -> AnalysisError {
        let message = errors.message ?? "malformed XML"
        let kind: AnalysisError.Kind = message.localizedCaseInsensitiveContains("entity") ? .unsafe : .malformed
        return AnalysisError(file: fileName, line: errors.message == nil ? line : errors.line,
                             column: errors.message == nil ? column : max(errors.column, 1), kind: kind, message: message)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    /// The next event, or nil at the end of the document.
    func next() throws -> Event? {
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                if errors.message != nil { throw parseError() }
                progress?(totalBytes, totalBytes)
                return nil
            }
            if status < 0 || errors.message != nil { throw parseError() }
            if let progress {
                eventsSinceProgress += 1
                if eventsSinceProgress >= 4096 {
                    eventsSinceProgress = 0
                    progress(Int(xmlTextReaderByteConsumed(reader)), totalBytes)
                }
            }
            switch xmlTextReaderNodeType(reader) {
            case 1: // element
                let name = Self.string(xmlTextReaderConstLocalName(reader))
                let ns = Self.string(xmlTextReaderConstNamespaceUri(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                let column = Int(xmlTextReaderGetParserColumnNumber(reader))
                var attributes: [XMLAttribute] = []
                if xmlTextReaderHasAttributes(reader) == 1 {
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        let attrNS = Self.string(xmlTextReaderConstNamespaceUri(reader))
                        if attrNS == "http://www.w3.org/2000/xmlns/" { continue }
                        attributes.append(XMLAttribute(
                            name: Self.string(xmlTextReaderConstLocalName(reader)), namespace: attrNS,
                            prefix: Self.string(xmlTextReaderConstPrefix(reader)), value: Self.string(xmlTextReaderConstValue(reader))))
                    }
                    xmlTextReaderMoveToElement(reader)
                }
                return .start(XMLElement(name: name, namespace: ns, attributes: attributes, line: line, column: column), isEmpty: isEmpty)
            case 15: // end element
                return .end(name: Self.string(xmlTextReaderConstLocalName(reader)), namespace: Self.string(xmlTextReaderConstNamespaceUri(reader)))
            case 3, 4, 13, 14: // text, CDATA, whitespace, significant whitespace
                return .text(Self.string(xmlTextReaderConstValue(reader)))
            case 5: // entity reference left unexpanded
                throw error(.unsafe, "entity references are refused (\(Self.string(xmlTextReaderConstName(reader)))).")
            default:
                continue
            }
        }
    }

    /// Reads the children of `start` (just returned by `next()`) up to its end tag.
    func readElement(_ start: XMLElement, isEmpty: Bool) throws -> XMLElement {
        var root = start
        if isEmpty { return root }
        var stack: [XMLElement] = []
        var current = root
        while let event = try next() {
            switch event {
            case .start(let e, let empty):
                if empty { current.children.append(.element(e)) } else { stack.append(current); current = e }
            case .text(let t):
                current.children.append(.text(t))
            case .end:
                if let parent = stack.popLast() {
                    var p = parent
                    p.children.append(.element(current))
                    current = p
                } else {
                    root = current
                    return root
                }
            }
        }
        throw error(.malformed, "the document ends inside <\(start.name)>.")
    }

    /// Skips the rest of the element whose start was just returned.
    func skipElement(isEmpty: Bool) throws {
        if isEmpty { return }
        var depth = 1
        while let event = try next() {
            switch event {
            case .start(_, let empty): if !empty { depth += 1 }
            case .end: depth -= 1; if depth == 0 { return }
            case .text: break
            }
        }
        throw error(.malformed, "the document ends inside an element.")
    }

    /// The root element (its start event), skipping the prolog.
    func root() throws -> (XMLElement, Bool) {
        while let event = try next() {
            if case .start(let e, let empty) = event { return (e, empty) }
        }
        throw error(.malformed, "the document has no root element.", line: 1, column: 1)
    }
}
