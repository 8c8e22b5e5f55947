import CLibXML2
import Foundation

extension XMLEventReader {
    /// State shared with the C callbacks.
    final class Sink {
        var events: [Event] = []
        var head = 0
        var names = InternedNames<String>(slots: 1024, placeholder: "")
        var context: xmlParserCtxtPtr?
        var errorMessage: String?
        var errorLine = 0
        var errorColumn = 0
        var entityReference: String?
        /// The last queued event is a start tag that may still turn out empty.
        var openStart = false
        /// Record mode: elements with these names are built into trees right here and queued as
        /// one complete `.start(tree, isEmpty: true)` event; direct children named in
        /// `skippedChildren` are left out.
        var recordNames: Set<String> = []
        var skippedChildren: Set<String> = []
        var building: [XMLElement] = []
        var skipDepth = 0
        /// Direct mode: every element and text event goes to this handler instead of the queue.
        /// Unretained and unchecked: the caller of `XMLEventReader.direct(_:)` keeps the handler
        /// alive while it feeds the parser (the only time callbacks run), and only the parser's
        /// thread reads it, one callback at a time; a counted reference costs more than a callback.
        @exclusivity(unchecked) var direct: Unmanaged<XMLDirectHandler>?
        /// Element callbacks (starts and ends) received while events were queued.
        @exclusivity(unchecked) var elementCallbacks = 0
        /// Pull mode: element callbacks still to be skipped, with any text before them (the push
        /// parser delivered them already; the pull parser reads the document from its start).
        @exclusivity(unchecked) var skip = 0

        /// An attribute value from libxml2's SAX2 attribute array (5 pointers per attribute).
        static func attributeValue(_ base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> String {
            let start = base[3]!
            let end = base[4]!
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            let value = String(decoding: bytes, as: UTF8.self)
            // libxml2 keeps `&` as `&#38;` in attribute values when it does not replace entities.
            return bytes.contains(UInt8(ascii: "&")) ? value.replacingOccurrences(of: "&#38;", with: "&") : value
        }

        func element(
            _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
            _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        ) -> XMLElement {
            var list: [XMLAttribute] = []
            if count > 0, let attributes {
                list.reserveCapacity(Int(count))
                for i in 0..<Int(count) {
                    let base = attributes + i * 5
                    list.append(
                        XMLAttribute(
                            name: name(base[0]), namespace: name(base[2]), prefix: name(base[1]),
                            value: Sink.attributeValue(base)))
                }
            }
            return XMLElement(
                XMLTag(name: name(localname), namespace: name(uri), attributes: list, line: line, column: column))
        }

        func start(
            _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
            _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        ) {
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            if !building.isEmpty {
                if building.count == 1, !skippedChildren.isEmpty, skippedChildren.contains(name(localname)) {
                    skipDepth = 1
                    return
                }
                building.append(element(localname, uri, count, attributes))
                return
            }
            let e = element(localname, uri, count, attributes)
            if !recordNames.isEmpty, recordNames.contains(e.name) {
                building.append(e)
                return
            }
            events.append(.start(e, isEmpty: false))
            openStart = true
        }

        func end(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            if let finished = building.popLast() {
                if building.isEmpty {
                    events.append(.start(finished, isEmpty: true))
                    openStart = false
                } else {
                    building[building.count - 1].children.append(.element(finished))
                }
                return
            }
            if openStart, case .start(let e, _) = events[events.count - 1] {
                events[events.count - 1] = .start(e, isEmpty: true)
                openStart = false
                return
            }
            events.append(.end(name: name(localname), namespace: name(uri)))
        }

        func characters(_ text: String) {
            if skipDepth > 0 { return }
            if building.isEmpty {
                appendText(text)
                return
            }
            let top = building.count - 1
            if case .text(let previous)? = building[top].children.last {
                building[top].children[building[top].children.count - 1] = .text(previous + text)
            } else {
                building[top].children.append(.text(text))
            }
        }

        func name(_ p: UnsafePointer<xmlChar>?) -> String {
            guard let p else { return "" }
            return names.value(p) { $0 }
        }

        var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
        var column: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

        func appendText(_ text: String) {
            openStart = false
            if head < events.count, case .text(let previous) = events[events.count - 1] {
                events[events.count - 1] = .text(previous + text)
            } else {
                events.append(.text(text))
            }
        }
    }
}
