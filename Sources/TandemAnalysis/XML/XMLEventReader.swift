import CLibXML2
import Foundation

/// Pull reader over libxml2's SAX2 push parser: the document is fed in 1 MiB chunks and the
/// events of each chunk are queued, so large documents stream in bounded memory at the speed of
/// libxml2's SAX parser. A direct handler may instead take the rest of the document from
/// libxml2's pull parser (`direct(_:pull:)`), which does less per byte than the push parser.
/// Never resolves external entities, never loads a DTD, never touches the network; documents
/// that declare entities are refused before parsing (see `XMLSafety`).
final class XMLEventReader {
    enum Event {
        case start(XMLElement, isEmpty: Bool)
        case end(name: String, namespace: String)
        case text(String)
    }

    let fileName: String
    private let data: Data
    private var offset = 0
    private var finished = false
    private let sink = Sink()
    private var handler = xmlSAXHandler()
    private var context: xmlParserCtxtPtr?
    /// Pull mode: libxml2's pull parser, reading `data` from its start through `readPull`.
    private var pullContext: xmlParserCtxtPtr?
    private var pullOffset = 0
    private var reportedOffset = 0
    private let progress: ((Int, Int) -> Void)?
    static let chunkSize = 1 << 20
    static let queuedChunkSize = 16 << 10
    /// Bytes fed to libxml2 at a time (tests use small chunks to cross many chunk boundaries).
    private let chunk: Int

    init(
        data: Data, fileName: String, limits: AnalysisLimits, progress: ((Int, Int) -> Void)? = nil,
        chunkSize: Int = XMLEventReader.chunkSize
    ) throws {
        self.fileName = fileName
        chunk = max(chunkSize, 1)
        self.data = data
        self.progress = progress
        guard data.count <= limits.maxFileBytes else {
            throw AnalysisError(
                file: fileName, kind: .tooLarge,
                message: "the file is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes.")
        }
        try XMLSafety.checkProlog(data, fileName: fileName)
        xmlInitParser()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { ctx, localname, _, uri, _, _, attributeCount, _, attributes in
            Unmanaged<Sink>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { sink in
                if let direct = sink.direct {
                    if sink.skip > 0 {
                        sink.skip -= 1
                        return
                    }
                    direct._withUnsafeGuaranteedRef { $0.startElement(localname, uri, attributeCount, attributes) }
                } else {
                    sink.elementCallbacks += 1
                    sink.start(localname, uri, attributeCount, attributes)
                }
            }
        }
        handler.endElementNs = { ctx, localname, _, uri in
            Unmanaged<Sink>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { sink in
                if let direct = sink.direct {
                    if sink.skip > 0 {
                        sink.skip -= 1
                        return
                    }
                    direct._withUnsafeGuaranteedRef { $0.endElement(localname, uri) }
                } else {
                    sink.elementCallbacks += 1
                    sink.end(localname, uri)
                }
            }
        }
        let characters: charactersSAXFunc = { ctx, chars, length in
            guard let chars, length > 0 else { return }
            let bytes = UnsafeBufferPointer(start: chars, count: Int(length))
            Unmanaged<Sink>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { sink in
                if let direct = sink.direct {
                    if sink.skip > 0 { return }
                    direct._withUnsafeGuaranteedRef { $0.characters(bytes) }
                } else {
                    sink.characters(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.reference = { ctx, name in
            let sink = Unmanaged<Sink>.fromOpaque(ctx!).takeUnretainedValue()
            if sink.entityReference == nil { sink.entityReference = name.map { String(cString: $0) } ?? "?" }
        }
        handler.serror = { ctx, error in
            guard let ctx, let error else { return }
            let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
            guard sink.errorMessage == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            sink.errorMessage =
                error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
                ?? "malformed XML"
            sink.errorLine = Int(error.pointee.line)
            sink.errorColumn = Int(error.pointee.int2)
        }
        let user = Unmanaged.passUnretained(sink).toOpaque()
        let first = min(4, data.count)
        context = data.withUnsafeBytes { raw in
            xmlCreatePushParserCtxt(
                &handler, user, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(first), nil)
        }
        guard let context else {
            throw AnalysisError(file: fileName, kind: .malformed, message: "the XML parser could not be created.")
        }
        offset = first
        sink.context = context
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        if let pullContext { xmlFreeParserCtxt(pullContext) }
    }

    /// Switches to record mode for the rest of the document (see `Sink.recordNames`); records
    /// then arrive as complete elements, which `readElement` returns as they are.
    func collectRecords(_ names: Set<String>, skippingChildren skipped: Set<String> = []) {
        sink.recordNames = names
        sink.skippedChildren = skipped
    }

    var line: Int { sink.line }
    var column: Int { sink.column }

    func error(_ kind: AnalysisError.Kind = .invalid, _ message: String, line: Int? = nil, column: Int? = nil)
        -> AnalysisError
    {
        AnalysisError(
            file: fileName, line: line ?? self.line, column: column ?? self.column, kind: kind, message: message)
    }

    private func parseError() -> AnalysisError {
        if let name = sink.entityReference {
            return error(.unsafe, "entity references are refused (&\(name);).")
        }
        let message = sink.errorMessage ?? "malformed XML"
        let kind: AnalysisError.Kind = message.localizedCaseInsensitiveContains("entity") ? .unsafe : .malformed
        return AnalysisError(
            file: fileName, line: sink.errorMessage == nil ? line : sink.errorLine,
            column: sink.errorMessage == nil ? column : max(sink.errorColumn, 1), kind: kind, message: message)
    }

    /// Switches to direct mode: returns the events parsed but not yet read (to be replayed by the
    /// caller, in order) and sends every later event to `handler`. Then call `feedNext()` until it
    /// returns false.
    ///
    /// `pull`: the rest of the document comes from libxml2's pull parser, in one `feedNext()`;
    /// it reads the document again from its start and skips what was already delivered. The
    /// first error, of the XML or of the handler (`stopParsing()`), ends the parse, so which error
    /// is reported does not depend on chunk boundaries. Without `pull`, the push parser goes on
    /// chunk by chunk (readers whose error precedence follows the queued chunks).
    func direct(_ handler: XMLDirectHandler, pull: Bool = false) -> ArraySlice<Event> {
        var queued = sink.events[sink.head...]
        sink.events = []
        sink.head = 0
        sink.openStart = false
        sink.direct = Unmanaged.passUnretained(handler)
        handler.parser = context
        if pull, !finished, let pullContext = makePullContext() {
            // Text after the last element event may be cut at the chunk's end: the pull parser
            // delivers it again, whole.
            while case .text? = queued.last { queued.removeLast() }
            sink.skip = sink.elementCallbacks
            sink.context = pullContext
            handler.parser = pullContext
            self.pullContext = pullContext
        }
        return queued
    }

    private func makePullContext() -> xmlParserCtxtPtr? {
        let user = Unmanaged.passUnretained(sink).toOpaque()
        let me = Unmanaged.passUnretained(self).toOpaque()
        let read: xmlInputReadCallback = { me, buffer, length in
            guard let me, let buffer else { return -1 }
            return Unmanaged<XMLEventReader>.fromOpaque(me).takeUnretainedValue().readPull(buffer, Int(length))
        }
        guard let made = xmlCreateIOParserCtxt(&handler, user, read, nil, me, XML_CHAR_ENCODING_NONE) else {
            return nil
        }
        xmlCtxtUseOptions(made, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue))
        return made
    }

    /// The pull parser's input: at most one chunk per call (tests use small chunks), but never
    /// less than 64 bytes, which libxml2 needs to see the encoding and the XML declaration.
    private func readPull(_ buffer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32 {
        let count = min(length, max(chunk, 64), data.count - pullOffset)
        guard count > 0 else { return 0 }
        data.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + pullOffset, byteCount: count)
        }
        pullOffset += count
        // libxml2 asks for a few kilobytes at a time: progress is reported per chunk, as when
        // pushing, and at the end.
        if pullOffset > offset, pullOffset - reportedOffset >= chunk || pullOffset == data.count {
            reportedOffset = pullOffset
            progress?(pullOffset, data.count)
        }
        return Int32(count)
    }

    var isFinished: Bool { finished }

    /// Direct mode: parses the next chunk (its events go to the handler); false when the document
    /// was already complete. Throws the chunk's XML error, if any.
    func feedNext() throws -> Bool {
        if finished { return false }
        if let pullContext {
            let status = xmlParseDocument(pullContext)
            finished = true
            if sink.errorMessage != nil || sink.entityReference != nil { throw parseError() }
            // Stopped by the handler: its error is the one to report.
            if status != 0 && pullContext.pointee.errNo != Int32(XML_ERR_USER_STOP.rawValue) { throw parseError() }
            return true
        }
        try feed()
        return true
    }

    /// Feeds the next chunk to the parser.
    private func feed() throws {
        guard let context, !finished else { return }
        // Until a direct handler takes over, events are queued as Swift values, the slow way:
        // small chunks keep that queue short (the root is found in the first of them).
        let length = min(sink.direct == nil ? min(chunk, Self.queuedChunkSize) : chunk, data.count - offset)
        let terminate: Int32 = offset + length >= data.count ? 1 : 0
        let status = data.withUnsafeBytes { raw in
            xmlParseChunk(
                context, raw.baseAddress.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }, Int32(length),
                terminate)
        }
        offset += length
        if terminate == 1 { finished = true }
        progress?(offset, data.count)
        if status != 0 || sink.errorMessage != nil || sink.entityReference != nil { throw parseError() }
    }

    /// The next event, or nil at the end of the document.
    func next() throws -> Event? {
        while sink.head >= sink.events.count || (sink.openStart && sink.head == sink.events.count - 1 && !finished) {
            if finished {
                if sink.head < sink.events.count { break }
                return nil
            }
            if sink.head > 0 && sink.head >= sink.events.count {
                sink.events.removeAll(keepingCapacity: true)
                sink.head = 0
            }
            try feed()
        }
        let event = sink.events[sink.head]
        sink.head += 1
        if sink.head == sink.events.count { sink.openStart = false }
        return event
    }
}
