import CLibXML2
import Foundation

/// A consumer that takes libxml2's SAX2 events directly (no queued events, no tree, no Swift
/// strings for names), installed with `XMLEventReader.direct(_:)`. A class rather than a protocol
/// so that the callbacks reach it through an unretained reference and a vtable call.
class XMLDirectHandler {
    /// The parser whose callbacks reach this handler (positions; `stopParsing`). Set by
    /// `XMLEventReader.direct(_:)`.
    var parser: xmlParserCtxtPtr?

    /// Stops the parser after the current callback (the handler found an error; nothing later
    /// can change what is reported).
    final func stopParsing() {
        if let parser { xmlStopParser(parser) }
    }

    /// Where the parser is, during a callback: the line and column of the event.
    final var position: (line: Int, column: Int) {
        guard let parser else { return (0, 0) }
        return (
            Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(parser))),
            Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer(parser)))
        )
    }

    func startElement(
        _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {}
    func endElement(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?) {}
    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
}
