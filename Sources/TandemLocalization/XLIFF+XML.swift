import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

// MARK: XML reading

extension XLIFF {
    /// Parses with Foundation's XMLParser: namespaces on, external entities never resolved, and
    /// any DOCTYPE refused outright (XLIFF has none; entity tricks have no place in a translation).
    static func parseDocument(_ data: Data, file: String) throws -> XMLNode.Element {
        let text = String(decoding: data, as: UTF8.self)
        for marker in ["<!DOCTYPE", "<!ENTITY"] {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
                throw XLIFFError([
                    "\(file):\(line): a DOCTYPE or ENTITY declaration is not allowed in an XLIFF file (entities are never resolved)"
                ])
            }
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        let builder = TreeBuilder()
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.root == nil || builder.errorLine != nil {
            let line = builder.errorLine ?? parser.lineNumber
            let reason =
                builder.errorDescription ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed"
            throw XLIFFError(["\(file):\(max(line, 1)): malformed XML: \(reason)"])
        }
        return builder.root!
    }
}

/// All problems of a refused XLIFF file, one per line as `FILE:LINE: unit "ID": problem`.
public struct XLIFFError: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}

enum XMLNode {
    final class Element {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        let line: Int
        var children: [XMLNode] = []
        init(name: String, namespace: String?, attributes: [String: String], line: Int) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.line = line
        }
    }
    case element(Element)
    case text(String)
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode.Element?
    var stack: [XMLNode.Element] = []
    var errorLine: Int?
    var errorDescription: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        // Attributes: local names (xml:space etc. keep their prefix-less name).
        var attributes: [String: String] = [:]
        for (name, value) in attributeDict {
            attributes[String(name.split(separator: ":").last ?? Substring(name))] = value
        }
        let element = XMLNode.Element(
            name: elementName, namespace: namespaceURI, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(.element(element)) } else if root == nil { root = element }
        stack.append(element)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { appendText(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if errorLine == nil {
            errorLine = parser.lineNumber
            errorDescription = XMLErrorText.describe(parseError)
        }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

    private func appendText(_ string: String) {
        guard let parent = stack.last else { return }
        if case .text(let previous)? = parent.children.last {
            parent.children[parent.children.count - 1] = .text(previous + string)
        } else {
            parent.children.append(.text(string))
        }
    }
}

enum XMLErrorText {
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        // libxml2's xmlParserErrors codes, as Foundation's XMLParser reports them on Linux.
        let known: [Int: String] = [
            4: "the document is empty", 5: "extra content after the end of the document",
            9: "a character that XML does not allow", 23: "an entity reference lacks its “;”",
            26: "an entity is not declared (write & as &amp; and < as &lt;)", 27: "an entity is not declared",
            38: "“<” inside an attribute value", 41: "an attribute has no value", 42: "an attribute appears twice",
            73: "“>” expected", 76: "an opening and a closing tag do not match", 77: "a tag is not closed",
        ]
        if let text = known[ns.code] { return "\(text) (XML error \(ns.code))" }
        if let text = ns.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty,
            !text.contains("NSXMLParserErrorDomain")
        {
            return text
        }
        return "XML error \(ns.code)"
    }
}
