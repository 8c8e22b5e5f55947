import Foundation

extension XLIFF2Validator {
    /// State carried along one flow (all sources of a unit, or all targets) while checking codes.
    struct Flow {
        var ids: Set<String> = []
        var openCodes: [String: XMLTag] = [:]
        var closedCodes: Set<String> = []
        var isolatedStarts: [String: XMLTag] = [:]
        var isolatedEnds: [String: XMLTag] = [:]
        var openMarkers: [String: XMLTag] = [:]
        var codeIds: [String] = []
        var nonRemovable: [String] = []
        var reorder: [(id: String, value: String, element: XMLTag)] = []
        /// Code events in order (`id`, `id:s`, `id:e`) with their canReorder value, ends of
        /// firstNo codes counted as no.
        var events: [(key: String, value: String)] = []
        var copyForbidden: Set<String> = []
        /// subFlows references, checked against the file's unit ids once the file has ended.
        var subFlows: [(unit: String, element: XMLTag, attribute: String)] = []

        /// Empties the flow for the next unit, keeping its storage.
        mutating func reset() {
            // Most units have no codes: clearing empty collections is skipped.
            if !ids.isEmpty { ids.removeAll(keepingCapacity: true) }
            if !openCodes.isEmpty { openCodes.removeAll(keepingCapacity: true) }
            if !closedCodes.isEmpty { closedCodes.removeAll(keepingCapacity: true) }
            if !isolatedStarts.isEmpty { isolatedStarts.removeAll(keepingCapacity: true) }
            if !isolatedEnds.isEmpty { isolatedEnds.removeAll(keepingCapacity: true) }
            if !openMarkers.isEmpty { openMarkers.removeAll(keepingCapacity: true) }
            if !codeIds.isEmpty { codeIds.removeAll(keepingCapacity: true) }
            if !nonRemovable.isEmpty { nonRemovable.removeAll(keepingCapacity: true) }
            if !reorder.isEmpty { reorder.removeAll(keepingCapacity: true) }
            if !events.isEmpty { events.removeAll(keepingCapacity: true) }
            if !copyForbidden.isEmpty { copyForbidden.removeAll(keepingCapacity: true) }
            if !subFlows.isEmpty { subFlows.removeAll(keepingCapacity: true) }
        }
    }

    struct UnitContext {
        var unitId: String
        var dataIds: Set<String>
        var hasOriginalData: Bool
        var noteIds: Set<String>
        var sourceCodeIds: Set<String>
    }

    enum InlineKind { case cp, ph, pc, sc, ec, mrk, sm, em }

    /// The attributes the inline rules read, found in one pass over the tag (a lookup per rule
    /// compared every attribute name a dozen times).
    struct InlineAttributes {
        var id, isolated, startRef, dataRef, dataRefStart, dataRefEnd, copyOf, canCopy, canDelete, canOverlap,
            canReorder: String?
        var subFlows: [(name: String, value: String)] = []

        init(_ e: XMLTag) {
            for a in e.attributes where a.namespace.isEmpty {
                // By length first: comparing two different strings is a slow call, comparing
                // lengths is not, and few names share a length.
                let name = a.name
                switch name.utf8.count {
                case 2: if name == "id" { id = a.value }
                case 6: if name == "copyOf" { copyOf = a.value }
                case 7: if name == "dataRef" { dataRef = a.value } else if name == "canCopy" { canCopy = a.value }
                case 8:
                    if name == "startRef" {
                        startRef = a.value
                    } else if name == "isolated" {
                        isolated = a.value
                    } else if name == "subFlows" {
                        subFlows.append((name, a.value))
                    }
                case 9: if name == "canDelete" { canDelete = a.value }
                case 10:
                    if name == "canReorder" {
                        canReorder = a.value
                    } else if name == "canOverlap" {
                        canOverlap = a.value
                    } else if name == "dataRefEnd" {
                        dataRefEnd = a.value
                    }
                case 11: if name == "subFlowsEnd" { subFlows.append((name, a.value)) }
                case 12: if name == "dataRefStart" { dataRefStart = a.value }
                case 13: if name == "subFlowsStart" { subFlows.append((name, a.value)) }
                default: break
                }
            }
        }
    }
}
