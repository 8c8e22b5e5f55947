import Foundation

extension XLIFF2Builder {
    /// What the builder knows of the `<unit>` being read.
    struct UnitState {
        var tag = Mark()
        var hasPartId = false
        var lang: String?
        var space = "default"
        var translatable = true
        /// 0: extensions, 1: after notes, 2: original data or segments.
        var phase = 0
        var extensionIds: Set<String> = []
        var noteIds: Set<String> = []
        var dataIds: Set<String> = []
        var hasOriginalData = false
        var context: XLIFF2Validator.UnitContext?
        var parts = 0
        var segmentIndex = 0
        var orders: [(order: Int, target: XMLTag)] = []
        var sourceFlow = XLIFF2Validator.Flow()
        var targetFlow = XLIFF2Validator.Flow()
        /// Whether the flows were handed to the validator since the last reset (most units have no
        /// codes and no targets: resetting an untouched flow is skipped).
        var flowsUsed = false
        var targets: [XMLElement] = []
        var nonRemovable: [(ids: ArraySlice<String>, target: XMLElement)] = []

        /// Empties what the previous unit left, keeping storage. Clearing is skipped for what most
        /// units leave empty (clearing an empty set still costs).
        mutating func clear() {
            phase = 0
            if !extensionIds.isEmpty { extensionIds.removeAll(keepingCapacity: true) }
            if !noteIds.isEmpty { noteIds = [] }
            if !dataIds.isEmpty { dataIds = [] }
            hasOriginalData = false
            context = nil
            parts = 0
            segmentIndex = 0
            if !orders.isEmpty { orders.removeAll(keepingCapacity: true) }
            if flowsUsed {
                sourceFlow.reset()
                targetFlow.reset()
                flowsUsed = false
            }
            if !targets.isEmpty { targets.removeAll(keepingCapacity: true) }
            if !nonRemovable.isEmpty { nonRemovable.removeAll(keepingCapacity: true) }
        }
    }

    /// The `<segment>` or `<ignorable>` being read.
    struct PartState {
        var tag = Mark()
        var isSegment = false
        var sawSource = false
        var sawTarget = false
        var sourceSpace = "default"
        /// Where this part's non-removable codes start in the unit's source flow.
        var nonRemovableMark = 0
    }
}
