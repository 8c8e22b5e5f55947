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

struct XMLElement: Sendable {
    var name: String
    var namespace: String
    var attributes: [XMLAttribute]
    var children: [XMLNode] = []
    var line: Int
    var column: Int

    /// The value of the attribute `name` with no namespace (or in `namespace` when given).
    func attribute(_ name: String, namespace: String = "") -> String? {
        for a in attributes where a.name == name && a.namespace == namespace { return a.value }
        return nil
    }

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
