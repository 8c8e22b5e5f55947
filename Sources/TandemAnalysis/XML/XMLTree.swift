/// A small element tree read from one XML subtree (a unit, a `tu`, a `file`): the readers collect
/// one record at a time, so large documents stream while each record can be inspected as a whole.
struct XMLAttribute: Sendable, Equatable {
    var name: String
    var namespace: String
    var prefix: String
    var value: String
}

enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}

/// A start tag: the element's name, attributes and position, without its content. Streaming
/// readers judge most rules on tags alone.
struct XMLTag: Sendable {
    var name: String
    var namespace: String
    var attributes: [XMLAttribute]
    var line: Int
    var column: Int

    /// The value of the attribute `name` with no namespace (or in `namespace` when given).
    func attribute(_ name: String, namespace: String = "") -> String? {
        // Lengths first: comparing two different strings is a slow call, comparing lengths is not.
        let length = name.utf8.count
        for a in attributes where a.name.utf8.count == length && a.name == name && a.namespace == namespace {
            return a.value
        }
        return nil
    }
}

/// A class: validators walk and pass subtrees around a lot, and a reference costs one retain
/// where a copied struct cost one per field. Children are appended only while one reader builds
/// the tree; afterwards it is read only, which is why it can be handed across threads.
final class XMLElement: @unchecked Sendable {
    let tag: XMLTag
    var children: [XMLNode] = []

    init(_ tag: XMLTag, children: [XMLNode] = []) {
        self.tag = tag
        self.children = children
    }

    var name: String { tag.name }
    var namespace: String { tag.namespace }
    var attributes: [XMLAttribute] { tag.attributes }
    var line: Int { tag.line }
    var column: Int { tag.column }

    func attribute(_ name: String, namespace: String = "") -> String? { tag.attribute(name, namespace: namespace) }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    func elements(named name: String) -> [XMLElement] {
        children.compactMap { if case .element(let e) = $0, e.name == name { return e } else { return nil } }
    }

    func firstElement(named name: String) -> XMLElement? {
        for child in children { if case .element(let e) = child, e.name == name { return e } }
        return nil
    }

    /// All descendant text, concatenated.
    var text: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): e.appendText(to: &out)
            }
        }
    }

    /// Every descendant element, depth first, this element first.
    func forEachDescendant(_ body: (XMLElement) throws -> Void) rethrows {
        try body(self)
        for e in elements { try e.forEachDescendant(body) }
    }
}
