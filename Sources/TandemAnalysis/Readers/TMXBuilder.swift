import CLibXML2
import Foundation
import TandemDomain

/// TMX read straight from libxml2's SAX2 events (see `XLIFF12Builder` for the approach and the
/// order in which errors surface). Follows the tree-based rules of `TMXReader`: `tuv` direct
/// children of `tu` (language from `xml:lang`, else `lang`), the first `seg` of each, codes
/// `bpt`/`ept`/`it`/`ph`/`ut` without their content, `sub` left out, other elements transparent.
///
/// Its state is only touched from the parser's callbacks on one thread, one callback at a time,
/// hence `@exclusivity(unchecked)` on the hot properties.
final class TMXBuilder: XMLDirectHandler, RecordReader {
    enum Name: UInt8 {
        case other, header, tu, tuv, seg, prop, note, bpt, ept, it, ph, ut, sub
        case srclang, lang, tuid, pos

        init(_ s: String) {
            switch s {
            case "header": self = .header
            case "tu": self = .tu
            case "tuv": self = .tuv
            case "seg": self = .seg
            case "prop": self = .prop
            case "note": self = .note
            case "bpt": self = .bpt
            case "ept": self = .ept
            case "it": self = .it
            case "ph": self = .ph
            case "ut": self = .ut
            case "sub": self = .sub
            case "srclang": self = .srclang
            case "lang": self = .lang
            case "tuid": self = .tuid
            case "pos": self = .pos
            default: self = .other
            }
        }
    }

    enum Frame: UInt8 { case plain, tuv, seg }

    unowned let reader: XMLEventReader
    private let each: (TMXUnit) throws -> Void

    @exclusivity(unchecked) var error: Error?
    var failure: Error? { error }
    @exclusivity(unchecked) var pending: AnalysisError?
    @exclusivity(unchecked) var recordMode = false
    @exclusivity(unchecked) var sourceLanguage: LanguageTag?

    @exclusivity(unchecked) private var outsideSkip = 0
    @exclusivity(unchecked) private var index = 0
    @exclusivity(unchecked) private var languages: [String: LanguageTag?] = [:]

    // Current tu.
    @exclusivity(unchecked) private var inUnit = false
    @exclusivity(unchecked) private var unitId: String?
    @exclusivity(unchecked) private var unitError: AnalysisError?
    @exclusivity(unchecked) private var variants: [TMXUnit.Variant] = []
    @exclusivity(unchecked) private var variantLanguage: LanguageTag?
    @exclusivity(unchecked) private var haveSeg = false
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var ignore = 0
    @exclusivity(unchecked) private var capturing = false
    @exclusivity(unchecked) private var content = SegmentContent()
    @exclusivity(unchecked) private var names = InternedNames<Name>(slots: 256, placeholder: .other)

    init(reader: XMLEventReader, each: @escaping (TMXUnit) throws -> Void) {
        self.reader = reader
        self.each = each
        frames.reserveCapacity(16)
        super.init()
    }

    @inline(__always) private func name(_ p: UnsafePointer<xmlChar>?) -> Name {
        guard let p else { return .other }
        return names.value(p, make: Name.init)
    }

    // MARK: libxml2 callbacks

    override func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        if error != nil { return }
        start(name(localname)) { wanted, inXML in
            guard count > 0, let attributes else { return nil }
            for i in 0..<Int(count) {
                let base = attributes + i * 5
                let matches =
                    inXML ? base[2].map { String(cString: $0) == TMXReader.xmlNamespace } ?? false : base[2] == nil
                if matches, name(base[0]) == wanted { return XMLEventReader.Sink.attributeValue(base) }
            }
            return nil
        }
    }

    override func endElement(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {
        if error != nil { return }
        end()
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if error != nil { return }
        if inUnit {
            if ignore == 0, capturing { content.append(bytes) }
            return
        }
        event()
    }

    func replay(_ event: XMLEventReader.Event) {
        if error != nil { return }
        switch event {
        case .start(let e, let isEmpty):
            start(Name(e.name), line: e.line, column: e.column) { wanted, inXML in
                e.attributes.first { $0.namespace == (inXML ? TMXReader.xmlNamespace : "") && Name($0.name) == wanted }?
                    .value
            }
            if isEmpty, error == nil { end() }
        case .end:
            end()
        case .text(let t):
            if inUnit {
                if ignore == 0, capturing { content.append(t) }
            } else {
                self.event()
            }
        }
    }

    // MARK: State machine

    @inline(__always) private func event() {
        if let p = pending {
            error = p
            pending = nil
        }
    }

    private func start(_ n: Name, line: Int? = nil, column: Int? = nil, attribute: (Name, Bool) -> String?) {
        if inUnit {
            unitStart(n, line: line, column: column, attribute: attribute)
            return
        }
        if outsideSkip > 0 {
            event()
            outsideSkip += 1
            return
        }
        if n != .tu || !recordMode {
            event()
            if error != nil { return }
        }
        switch n {
        case .header:
            let (l, c) = line.map { ($0, column ?? 0) } ?? position
            do {
                sourceLanguage = try parseLanguage(
                    attribute(.srclang, false), file: reader.fileName, line: l, column: c, what: "srclang")
            } catch let e as AnalysisError {
                pending = e
            } catch {
                pending = AnalysisError(file: reader.fileName, kind: .invalid, message: "\(error)")
            }
            outsideSkip = 1
        case .tu:
            inUnit = true
            unitId = attribute(.tuid, false)
            unitError = nil
            variants = []
            frames.removeAll(keepingCapacity: true)
            ignore = 0
            capturing = false
        default:
            break
        }
    }

    private func end() {
        if inUnit {
            if ignore > 0 {
                ignore -= 1
                return
            }
            if let frame = frames.popLast() {
                unitEnd(frame)
                return
            }
            inUnit = false
            event()
            if error == nil { finishUnit() }
            return
        }
        event()
        if outsideSkip > 0 { outsideSkip -= 1 }
    }

    private func unitStart(_ n: Name, line: Int?, column: Int?, attribute: (Name, Bool) -> String?) {
        if ignore > 0 {
            ignore += 1
            return
        }
        if capturing {
            // Inline content (TMXReader.inline).
            switch n {
            case .bpt:
                content.code(.open)
                ignore = 1
            case .ept:
                content.code(.close)
                ignore = 1
            case .it:
                content.code(attribute(.pos, false) == "end" ? .close : .open)
                ignore = 1
            case .ph, .ut:
                content.code(.standalone)
                ignore = 1
            case .sub: ignore = 1
            default: frames.append(.plain)
            }
            return
        }
        guard let top = frames.last else {
            // A direct child of the tu.
            if n == .tuv {
                let lang = attribute(.lang, true) ?? attribute(.lang, false)
                if let lang, let cached = languages[lang] {
                    variantLanguage = cached
                } else {
                    do {
                        let (l, c) = line.map { ($0, column ?? 0) } ?? position
                        variantLanguage = try parseLanguage(
                            lang, file: reader.fileName, line: l, column: c, what: "xml:lang")
                        if let lang { languages[lang] = variantLanguage }
                    } catch {
                        if unitError == nil {
                            unitError =
                                error as? AnalysisError
                                ?? AnalysisError(file: reader.fileName, kind: .invalid, message: "\(error)")
                        }
                        variantLanguage = nil
                    }
                }
                haveSeg = false
                frames.append(.tuv)
            } else {
                ignore = 1
            }
            return
        }
        if top == .tuv, n == .seg, !haveSeg {
            haveSeg = true
            capturing = true
            content.reset()
            frames.append(.seg)
        } else {
            ignore = 1
        }
    }

    private func unitEnd(_ frame: Frame) {
        switch frame {
        case .seg:
            variants.append(.init(language: variantLanguage, content: content.take()))
            capturing = false
        case .plain, .tuv: break
        }
    }

    private func finishUnit() {
        if let unitError {
            error = unitError
            return
        }
        do {
            try each(TMXUnit(id: unitId, index: index, variants: variants))
            index += 1
        } catch {
            self.error = error
        }
    }
}
