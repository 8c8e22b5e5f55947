import Foundation

/// A direct reader whose errors surface in the event queue's order (XLIFF 1.2, TMX): the events
/// queued while the root was looked for are replayed, then libxml2's push parser feeds it the
/// rest chunk by chunk (see `XLIFF12Builder` on the order of errors).
protocol RecordReader: XMLDirectHandler {
    /// Handles one event queued before direct mode.
    func replay(_ event: XMLEventReader.Event)
    /// The first error, as it would have been thrown; reading stops there.
    var failure: Error? { get }
    /// An error of the last container start, due once the next event arrives (or at the end).
    var pending: AnalysisError? { get }
    /// Records (units) that start from now on arrive straight from libxml2's callbacks.
    var recordMode: Bool { get set }
}

extension XMLEventReader {
    /// Reads the rest of the document into `reader`: the queued events, then every chunk.
    func readRecords(into reader: some RecordReader) throws {
        for event in direct(reader) {
            reader.replay(event)
            if let error = reader.failure { throw error }
        }
        reader.recordMode = true
        while try feedNext() {
            if let error = reader.failure { throw error }
        }
        if let error = reader.failure ?? reader.pending { throw error }
    }
}
