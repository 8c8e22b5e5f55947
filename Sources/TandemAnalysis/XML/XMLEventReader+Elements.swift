import Foundation

extension XMLEventReader {
    /// Reads the children of `start` (just returned by `next()`) up to its end tag. Direct children
    /// named in `skipping` are left out (their events are read but no tree is built).
    func readElement(_ start: XMLElement, isEmpty: Bool, skipping: Set<String> = []) throws -> XMLElement {
        if isEmpty { return start }
        var stack: [XMLElement] = []
        var current = start
        while let event = try next() {
            switch event {
            case .start(let e, let empty):
                if stack.isEmpty, !skipping.isEmpty, skipping.contains(e.name) {
                    try skipElement(isEmpty: empty)
                    continue
                }
                if empty {
                    current.children.append(.element(e))
                } else {
                    stack.append(current)
                    current = e
                }
            case .text(let t):
                current.children.append(.text(t))
            case .end:
                guard let parent = stack.popLast() else { return current }
                parent.children.append(.element(current))
                current = parent
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
            case .end:
                depth -= 1
                if depth == 0 { return }
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
