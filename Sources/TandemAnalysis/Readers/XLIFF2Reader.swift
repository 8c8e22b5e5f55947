import Foundation
import TandemDomain

/// XLIFF 2.0/2.1/2.2: one segment per `<segment>` source; `<ignorable>` is skipped;
/// `translate="no"` on file, group or unit makes its segments non-translatable. The document is
/// checked against the core specification while it streams (`XLIFF2Builder`).
enum XLIFF2Reader {
    static let core = "urn:oasis:names:tc:xliff:document:2.0"

    static func read(_ reader: XMLEventReader, root: XMLElement, rootIsEmpty: Bool) throws -> SourceDocument {
        let validator = try XLIFF2Validator(root: root, fileName: reader.fileName)
        let builder = XLIFF2Builder(reader: reader, validator: validator)
        try withExtendedLifetime(builder) {
            guard !rootIsEmpty else { return }
            // Events already parsed (while the root was looked for) are replayed; the rest of the
            // document goes straight from libxml2's pull parser to the builder.
            for event in reader.direct(builder, pull: true) {
                builder.replay(event)
                if let error = builder.error { throw error }
            }
            while true {
                let more: Bool
                // The builder stops the parser at the first broken rule: an XML error reported
                // with it comes later in the document.
                do { more = try reader.feedNext() } catch { throw builder.error ?? error }
                if let error = builder.error { throw error }
                if !more { break }
            }
        }
        if builder.files == 0 {
            throw reader.error(
                .invalid, "<xliff> must contain at least one <file>.", line: root.line, column: root.column)
        }
        return builder.document
    }
}
