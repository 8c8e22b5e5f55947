import Foundation

extension XLIFF2Validator {
    /// State carried along one flow (all sources of a unit, or all targets) while checking codes.
    struct Flow {
        var ids: Set<String> = []
        var openCodes: [String: XMLElement] = [:]
        var closedCodes: Set<String> = []
        var isolatedStarts: [String: XMLElement] = [:]
        var isolatedEnds: [String: XMLElement] = [:]
        var openMarkers: [String: XMLElement] = [:]
        var codeIds: [String] = []
        var nonRemovable: [String] = []
        var reorder: [(id: String, value: String, element: XMLElement)] = []
        /// Code events in order (`id`, `id:s`, `id:e`) with their canReorder value, ends of
        /// firstNo codes counted as no.
        var events: [(key: String, value: String)] = []
        var copyForbidden: Set<String> = []
    }

    struct UnitContext {
        var unitId: String
        var dataIds: Set<String>
        var hasOriginalData: Bool
        var unitIds: Set<String>
        var noteIds: Set<String>
        var sourceCodeIds: Set<String>
    }

    func validateUnit(_ unit: XMLElement, scope: Scope, unitIds: Set<String>) throws {
        let (notes, body) = try headerForUnit(unit)
        var dataIds: Set<String> = []
        var originalData: XMLElement?
        var parts: [XMLElement] = []
        for child in body {
            switch child.name {
            case "originalData":
                if originalData != nil || !parts.isEmpty { throw fail(child, "<originalData> must come once, before the segments.") }
                originalData = child
                try attributes(child)
                if child.elements.isEmpty { throw fail(child, "<originalData> must contain at least one <data>.") }
                for data in child.elements {
                    guard data.name == "data", data.namespace == Self.core else { throw fail(data, "<originalData> may contain only <data>.") }
                    try attributes(data)
                    guard let id = data.attribute("id") else { throw fail(data, "<data> must have an id.") }
                    if !dataIds.insert(id).inserted { throw fail(data, "data id “\(id)” is not unique in the unit.") }
                    if let space = data.attribute("space", namespace: Self.xml), space != "preserve" { throw fail(data, "xml:space on <data> must be preserve.") }
                    for inner in data.elements where !(inner.name == "cp" && inner.namespace == Self.core) {
                        throw fail(inner, "<data> may contain only text and <cp>.")
                    }
                    for cp in data.elements { try checkCodePoint(cp) }
                }
            default:
                parts.append(child)
            }
        }
        if !parts.contains(where: { $0.name == "segment" }) { throw fail(unit, "<unit> must contain at least one <segment>.") }
        let unitId = unit.attribute("id") ?? ""
        var context = UnitContext(unitId: unitId, dataIds: dataIds, hasOriginalData: originalData != nil, unitIds: unitIds,
                                  noteIds: Set(notes?.elements.compactMap { $0.attribute("id") } ?? []), sourceCodeIds: [])
        var partIds: Set<String> = []
        var orders: Set<Int> = []
        var sourceFlow = Flow()
        var targetFlow = Flow()
        var targets = 0
        var sources: [XMLElement] = []
        var targetElements: [XMLElement] = []
        var pendingNonRemovable: [(ids: [String], element: XMLElement)] = []
        for (position, part) in parts.enumerated() {
            try attributes(part)
            if let id = part.attribute("id"), !partIds.insert(id).inserted { throw fail(part, "segment/ignorable id “\(id)” is not unique in the unit.") }
            if part.name == "segment" {
                if let state = part.attribute("state"), !["initial", "translated", "reviewed", "final"].contains(state) {
                    throw fail(part, "state=\"\(state)\" must be initial, translated, reviewed or final.")
                }
                if part.attribute("subState") != nil && part.attribute("state") == nil { throw fail(part, "subState requires state.") }
                if let sub = part.attribute("subState"), !Self.isPrefixedValue(sub) { throw fail(part, "subState must be prefix:value.") }
            }
            let children = part.elements
            guard let source = children.first, source.name == "source", source.namespace == Self.core else {
                throw fail(part, "<\(part.name)> must start with one <source>.")
            }
            var target: XMLElement?
            for extra in children.dropFirst() {
                if extra.name == "target", extra.namespace == Self.core, target == nil { target = extra } else {
                    throw fail(extra, "<\(extra.name)> is not allowed here: <\(part.name)> holds one <source> and at most one <target>.")
                }
            }
            try attributes(source)
            let sourceLang = source.attribute("lang", namespace: Self.xml) ?? scope.lang
            if let sourceLang, sourceLang.lowercased() != sourceLanguage.description.lowercased() {
                throw fail(source, "the source language “\(sourceLang)” differs from srcLang “\(sourceLanguage)”.")
            }
            let sourceSpace = source.attribute("space", namespace: Self.xml) ?? scope.space
            sources.append(source)
            if let target {
                targets += 1
                targetElements.append(target)
                try attributes(target)
                guard let trg = rootTargetText else { throw fail(target, "a <target> requires trgLang on <xliff>.") }
                let targetLang = target.attribute("lang", namespace: Self.xml) ?? scope.lang
                if let targetLang, targetLang.lowercased() != trg.lowercased() { throw fail(target, "the target language “\(targetLang)” differs from trgLang “\(trg)”.") }
                if (target.attribute("space", namespace: Self.xml) ?? scope.space) != sourceSpace {
                    throw fail(target, "xml:space of <target> differs from its <source>.")
                }
                let order = target.attribute("order") ?? String(position + 1)
                guard let n = Int(order), n >= 1 else { throw fail(target, "order must be a positive integer.") }
                if !orders.insert(n).inserted { throw fail(target, "order=\"\(n)\" is used twice in the unit (explicitly or by position).") }
                if n > parts.count { throw fail(target, "order=\"\(n)\" is beyond the \(parts.count) parts of the unit.") }
                pendingNonRemovable.append((Self.nonRemovableIds(source), target))
            }
        }
        if targets > 0, rootTargetText == nil { throw fail(unit, "a <target> requires trgLang on <xliff>.") }
        for source in sources { try walk(source.children, flow: &sourceFlow, context: context, isTarget: false) }
        for id in sourceFlow.ids where partIds.contains(id) { throw fail(unit, "id “\(id)” is used by both a part and an inline element.") }
        try finish(sourceFlow, unit: unit)
        try checkReordering(sourceFlow)
        context.sourceCodeIds = Set(sourceFlow.codeIds)
        for target in targetElements { try walk(target.children, flow: &targetFlow, context: context, isTarget: true) }
        try finish(targetFlow, unit: unit)
        for (ids, target) in pendingNonRemovable {
            for id in ids where !targetFlow.codeIds.contains(id) {
                throw fail(target, "the code “\(id)” has canDelete=\"no\" but is missing from the target.")
            }
        }
        try checkReorderedTarget(source: sourceFlow, target: targetFlow, unit: unit)
    }

    static func nonRemovableIds(_ e: XMLElement) -> [String] {
        var ids: [String] = []
        e.forEachDescendant { d in
            if ["ph", "pc", "sc"].contains(d.name), d.attribute("canDelete") == "no", let id = d.attribute("id") { ids.append(id) }
        }
        return ids
    }

    /// Runs of codes that cannot be reordered (firstNo, then no…) must appear unchanged in the target.
    private func checkReorderedTarget(source: Flow, target: Flow, unit: XMLElement) throws {
        var runs: [[String]] = []
        var current: [String] = []
        for event in source.events {
            switch event.value {
            case "firstNo": if current.count > 1 { runs.append(current) }; current = [event.key]
            case "no": if !current.isEmpty { current.append(event.key) }
            default: if current.count > 1 { runs.append(current) }; current = []
            }
        }
        if current.count > 1 { runs.append(current) }
        let keys = target.events.map(\.key)
        for run in runs {
            guard let start = keys.firstIndex(of: run[0]) else { continue }
            if Array(keys[start..<min(keys.count, start + run.count)]) != run {
                throw fail(unit, "the codes \(run.joined(separator: ", ")) cannot be reordered but their order changes in the target.")
            }
        }
    }

    var rootSourceText: String? { sourceLanguage.description }
    var rootTargetText: String? { targetLanguage?.description }

    private func headerForUnit(_ unit: XMLElement) throws -> (XMLElement?, [XMLElement]) {
        var notes: XMLElement?
        var body: [XMLElement] = []
        var phase = 0
        var seen: Set<String> = []
        for child in unit.elements {
            if child.namespace != Self.core {
                try checkModuleElement(child)
                if phase > 0 { throw fail(child, "<\(child.name)> must come before <notes> and the segments of <unit>.") }
                if let id = child.attribute("id"), !seen.insert(id).inserted { throw fail(child, "id “\(id)” is used by two extension elements in the unit.") }
                continue
            }
            if child.name == "notes" {
                if phase > 0 { throw fail(child, "<notes> must come before the segments of <unit>.") }
                phase = 1; notes = child; continue
            }
            guard ["originalData", "segment", "ignorable"].contains(child.name) else { throw fail(child, "<\(child.name)> is not allowed in <unit>.") }
            phase = 2
            body.append(child)
        }
        try checkExtensionIdsPublic(unit.elements)
        if let notes { try checkNotesPublic(notes) }
        return (notes, body)
    }

    static func isPrefixedValue(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let prefix = s[..<colon]
        return !prefix.isEmpty && isNMToken(String(prefix)) && s.index(after: colon) < s.endIndex
    }

    func checkCodePoint(_ cp: XMLElement) throws {
        try attributes(cp)
        guard let hex = cp.attribute("hex"), !hex.isEmpty, hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16) else {
            throw fail(cp, "<cp hex> must be a hexadecimal code point.")
        }
        if v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { throw fail(cp, "<cp hex=\"\(hex)\"> is not a Unicode code point.") }
        let allowedInXML = v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
        if allowedInXML { throw fail(cp, "<cp hex=\"\(hex)\"> encodes a character XML allows; write the character itself.") }
        if !cp.children.isEmpty { throw fail(cp, "<cp> must be empty.") }
    }

    private func checkType(_ e: XMLElement) throws {
        let type = e.attribute("type")
        if let type {
            let allowed: [String] = e.name == "mrk" || e.name == "sm" ? ["generic", "comment", "term"] : ["fmt", "ui", "quote", "link", "image", "other"]
            if !allowed.contains(type) && !((e.name == "mrk" || e.name == "sm") && Self.isPrefixedValue(type)) {
                throw fail(e, "type=\"\(type)\" is not allowed on <\(e.name)>.")
            }
        }
        if let sub = e.attribute("subType") {
            guard type != nil else { throw fail(e, "subType requires type.") }
            guard Self.isPrefixedValue(sub) else { throw fail(e, "subType must be prefix:value.") }
            if sub.hasPrefix("xlf:") {
                let expected: [String: String] = ["xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui"]
                guard let t = expected[sub] else { throw fail(e, "subType “\(sub)” is not defined by XLIFF.") }
                if t != type { throw fail(e, "subType “\(sub)” requires type=\"\(t)\".") }
            }
        }
    }

    private func walk(_ nodes: [XMLNode], flow: inout Flow, context: UnitContext, isTarget: Bool) throws {
        for node in nodes {
            guard case .element(let e) = node else { continue }
            guard e.namespace == Self.core, ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"].contains(e.name) else {
                throw fail(e, "<\(e.name)> is not allowed in inline content.")
            }
            try attributes(e)
            if e.name == "cp" { try checkCodePoint(e); continue }
            if let id = e.attribute("id"), !(e.name == "ec" && e.attribute("isolated") != "yes") {
                if !flow.ids.insert(id).inserted { throw fail(e, "inline id “\(id)” is not unique in the unit.") }
            }
            try checkType(e)
            for name in ["dataRef", "dataRefStart", "dataRefEnd"] {
                guard let ref = e.attribute(name) else { continue }
                if !context.hasOriginalData { throw fail(e, "\(name) needs an <originalData> in the unit.") }
                if !context.dataIds.contains(ref) { throw fail(e, "\(name)=\"\(ref)\" refers to no <data>.") }
            }
            if let copyOf = e.attribute("copyOf") {
                if e.attribute("dataRef") != nil || e.attribute("dataRefStart") != nil { throw fail(e, "copyOf and dataRef cannot be used together.") }
                let known = isTarget ? context.sourceCodeIds.union(flow.codeIds) : Set(flow.codeIds)
                if !known.contains(copyOf) { throw fail(e, "copyOf=\"\(copyOf)\" refers to no earlier code.") }
                if flow.copyForbidden.contains(copyOf) { throw fail(e, "copyOf=\"\(copyOf)\" copies a code with canCopy=\"no\".") }
            }
            for name in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
                guard let value = e.attribute(name) else { continue }
                let ids = value.split(separator: " ").map(String.init)
                if ids.isEmpty || !ids.allSatisfy(Self.isNMToken) { throw fail(e, "\(name) must list unit ids.") }
                for id in ids where !context.unitIds.contains(id) { throw fail(e, "\(name) refers to unit “\(id)”, which is not in the file.") }
            }
            if !isTarget, ["ph", "pc", "sc", "ec"].contains(e.name), e.attribute("canDelete") == "no", let id = e.attribute("id") ?? e.attribute("startRef"), e.name != "ec" {
                flow.nonRemovable.append(id)
            }
            if ["ph", "pc", "sc"].contains(e.name), let id = e.attribute("id") {
                if e.attribute("canCopy") == "no" { flow.copyForbidden.insert(id) }
                let reorder = e.attribute("canReorder") ?? "yes"
                if reorder != "yes", e.attribute("canCopy") != "no" || e.attribute("canDelete") != "no" {
                    throw fail(e, "canReorder=\"\(reorder)\" requires canCopy=\"no\" and canDelete=\"no\".")
                }
                flow.events.append((e.name == "ph" ? id : id + ":s", reorder))
            }
            if e.name == "ec", let ref = e.attribute("startRef") ?? e.attribute("id") {
                let reorder = e.attribute("canReorder") ?? "yes"
                flow.events.append((ref + ":e", reorder == "firstNo" ? "no" : reorder))
            }
            switch e.name {
            case "ph":
                guard let id = e.attribute("id") else { throw fail(e, "<ph> must have an id.") }
                flow.codeIds.append(id)
                flow.reorder.append((id, e.attribute("canReorder") ?? "yes", e))
            case "pc":
                guard let id = e.attribute("id") else { throw fail(e, "<pc> must have an id.") }
                flow.codeIds.append(id)
                flow.reorder.append((id, e.attribute("canReorder") ?? "yes", e))
                try walk(e.children, flow: &flow, context: context, isTarget: isTarget)
                let reorder = e.attribute("canReorder") ?? "yes"
                flow.events.append((id + ":e", reorder == "firstNo" ? "no" : reorder))
            case "sc":
                guard let id = e.attribute("id") else { throw fail(e, "<sc> must have an id.") }
                flow.codeIds.append(id)
                flow.reorder.append((id, e.attribute("canReorder") ?? "yes", e))
                if e.attribute("isolated") == "yes" { flow.isolatedStarts[id] = e } else { flow.openCodes[id] = e }
            case "ec":
                if e.attribute("isolated") == "yes" {
                    if e.attribute("startRef") != nil { throw fail(e, "an isolated <ec> uses id, not startRef.") }
                    guard let id = e.attribute("id") else { throw fail(e, "an isolated <ec> must have an id.") }
                    flow.isolatedEnds[id] = e
                    flow.codeIds.append(id)
                } else {
                    guard let ref = e.attribute("startRef") else { throw fail(e, "<ec> must have startRef, or isolated=\"yes\" and an id.") }
                    if e.attribute("id") != nil { throw fail(e, "a non-isolated <ec> uses startRef, not id.") }
                    if let start = flow.isolatedStarts[ref] { throw fail(start, "<sc id=\"\(ref)\"> is marked isolated but its <ec> is in the unit.") }
                    guard let start = flow.openCodes.removeValue(forKey: ref) else {
                        throw fail(e, "<ec startRef=\"\(ref)\"> has no <sc> before it; mark it isolated=\"yes\" if its start is outside the unit.")
                    }
                    flow.closedCodes.insert(ref)
                    for name in ["canCopy", "canDelete", "canOverlap"] where (start.attribute(name) ?? "yes") != (e.attribute(name) ?? "yes") {
                        throw fail(e, "\(name) of <ec> differs from its <sc>.")
                    }
                    let startReorder = start.attribute("canReorder") ?? "yes"
                    let endReorder = e.attribute("canReorder") ?? "yes"
                    if startReorder == "firstNo" ? endReorder != "no" : endReorder != startReorder {
                        throw fail(e, "canReorder of <ec> does not agree with its <sc>.")
                    }
                }
            case "mrk", "sm":
                try checkAnnotation(e, context: context)
                if e.name == "mrk" { try walk(e.children, flow: &flow, context: context, isTarget: isTarget) } else if let id = e.attribute("id") {
                    flow.openMarkers[id] = e
                } else { throw fail(e, "<sm> must have an id.") }
                if e.name == "mrk", e.attribute("id") == nil { throw fail(e, "<mrk> must have an id.") }
            case "em":
                guard let ref = e.attribute("startRef"), flow.openMarkers.removeValue(forKey: ref) != nil else {
                    throw fail(e, "<em> has no <sm> before it.")
                }
            default: break
            }
        }
    }

    private func finish(_ flow: Flow, unit: XMLElement) throws {
        if let (id, sc) = flow.openCodes.first { throw fail(sc, "<sc id=\"\(id)\"> has no <ec> in the unit; mark it isolated=\"yes\".") }
        if let (id, sm) = flow.openMarkers.first { throw fail(sm, "<sm id=\"\(id)\"> has no <em>.") }
        for (id, ec) in flow.isolatedEnds where flow.closedCodes.contains(id) || flow.openCodes[id] != nil {
            throw fail(ec, "<ec id=\"\(id)\"> is marked isolated but its <sc> is in the unit.")
        }
        for (id, ec) in flow.isolatedEnds where flow.isolatedStarts[id] != nil || flow.codeIds.filter({ $0 == id }).count > 1 {
            throw fail(ec, "<ec id=\"\(id)\"> is marked isolated but its <sc> is in the unit.")
        }
    }

    /// canReorder: a run of codes that must keep their order starts with firstNo, continues with no.
    private func checkReordering(_ flow: Flow) throws {
        var inRun = false
        for code in flow.reorder {
            switch code.value {
            case "firstNo": inRun = true
            case "no": if !inRun { throw fail(code.element, "canReorder=\"no\" must follow a code with canReorder=\"firstNo\".") }
            default: inRun = false
            }
        }
    }

    private func checkAnnotation(_ e: XMLElement, context: UnitContext) throws {
        if let t = e.attribute("translate"), t != "yes", t != "no" { throw fail(e, "translate must be yes or no.") }
        let type = e.attribute("type") ?? "generic"
        if type == "comment" {
            let value = e.attribute("value"), ref = e.attribute("ref")
            if (value == nil) == (ref == nil) { throw fail(e, "a comment annotation needs exactly one of value and ref.") }
            if let ref {
                let parts = try FragmentIdentifier.parse(ref, element: e, fail: fail)
                guard let note = parts.last, note.prefix == "n" else { throw fail(e, "a comment ref must point to a <note>.") }
                if parts.contains(where: { $0.prefix == "f" || $0.prefix == "g" }) && !parts.contains(where: { $0.prefix == "u" }) {
                    throw fail(e, "a comment ref must point to a note of its own unit.")
                }
                if let u = parts.first(where: { $0.prefix == "u" }), u.id != context.unitId { throw fail(e, "a comment ref must point to a note of its own unit.") }
                if !context.noteIds.contains(note.id) { throw fail(e, "ref “\(ref)” points to no note of the unit.") }
            }
        } else if let ref = e.attribute("ref"), ref.hasPrefix("#") {
            _ = try FragmentIdentifier.parse(ref, element: e, fail: fail)
        }
        if type == "generic", e.attribute("value") != nil, e.attribute("translate") == nil, e.attribute("ref") == nil {
            // generic annotations carry translate only; a bare value is meaningless but tolerated
        }
    }

    func checkExtensionIdsPublic(_ elements: [XMLElement]) throws {
        for e in elements where e.namespace != Self.core { try checkExtensionSubtree(e) }
    }

    private func checkExtensionSubtree(_ e: XMLElement) throws {
        var seen: Set<String> = []
        for child in e.elements {
            if let id = child.attribute("id"), !seen.insert(id).inserted { throw fail(child, "id “\(id)” is used twice in the same extension element.") }
            try checkExtensionSubtree(child)
        }
    }

    func checkNotesPublic(_ notes: XMLElement) throws {
        var ids: Set<String> = []
        if notes.elements.isEmpty { throw fail(notes, "<notes> must contain at least one <note>.") }
        for note in notes.elements {
            guard note.name == "note", note.namespace == Self.core else { throw fail(note, "<notes> may contain only <note>.") }
            try attributes(note)
            if let id = note.attribute("id"), !ids.insert(id).inserted { throw fail(note, "note id “\(id)” is not unique.") }
        }
    }
}

/// XLIFF 2 fragment identifiers (`#/f=file/u=unit/segment`, `#n=note`), syntax only.
enum FragmentIdentifier {
    struct Part { var prefix: String?; var id: String }
    /// Core and module prefixes, and extension prefixes registered with OASIS.
    static let prefixes: Set<String> = ["f", "g", "u", "n", "d", "t", "mtc", "gls", "mda", "res", "ctr", "slr", "val", "its", "tbx"]

    static func parse(_ ref: String, element: XMLElement, fail: (XMLElement, String) -> AnalysisError) throws -> [Part] {
        guard ref.hasPrefix("#") else { return [] }
        var body = ref.dropFirst()
        if body.hasPrefix("/") { body = body.dropFirst() }
        let pieces = body.split(separator: "/", omittingEmptySubsequences: false)
        if pieces.isEmpty || pieces.contains(where: \.isEmpty) { throw fail(element, "fragment identifier “\(ref)” is malformed.") }
        var parts: [Part] = []
        var seen: Set<String> = []
        for (index, piece) in pieces.enumerated() {
            if let eq = piece.firstIndex(of: "=") {
                let prefix = String(piece[..<eq]), id = String(piece[piece.index(after: eq)...])
                guard XLIFF2Validator.isNMToken(prefix), !prefix.contains(":") else { throw fail(element, "“\(prefix)” in “\(ref)” is not a valid prefix.") }
                guard prefixes.contains(prefix) else {
                    throw fail(element, prefix.count == 1 ? "prefix “\(prefix)” in “\(ref)” is too short for a module prefix." : "prefix “\(prefix)” in “\(ref)” is not registered.")
                }
                guard XLIFF2Validator.isNMToken(id) else { throw fail(element, "“\(id)” in “\(ref)” is not a valid id.") }
                if !seen.insert(prefix).inserted { throw fail(element, "prefix “\(prefix)” appears twice in “\(ref)”.") }
                parts.append(Part(prefix: prefix, id: id))
            } else {
                guard index == pieces.count - 1, XLIFF2Validator.isNMToken(String(piece)) else { throw fail(element, "“\(piece)” in “\(ref)” must be the last part.") }
                parts.append(Part(prefix: nil, id: String(piece)))
            }
        }
        // Order: f, then g*, then u, then n/d/t or a leaf.
        let rank: [String: Int] = ["f": 0, "g": 1, "u": 2, "n": 3, "d": 3, "t": 3]
        var last = -1
        for part in parts {
            let r = part.prefix.map { rank[$0] ?? 3 } ?? 3
            if r < last || (r == 3 && last == 3) { throw fail(element, "fragment identifier “\(ref)” has its parts out of order.") }
            last = r
        }
        if parts.contains(where: { $0.prefix == nil }) && !parts.contains(where: { $0.prefix == "u" }) && parts.count > 1 {
            throw fail(element, "a leaf id in “\(ref)” needs a unit (u=) before it.")
        }
        return parts
    }
}
