import Foundation

extension XLIFF2Validator {
    /// The rules on an inline element's start tag, in document order within its flow. Only
    /// `<pc>` and `<mrk>` have inline content; `inlineEnd` follows the end of a `<pc>`.
    /// `attributesChecked`: the caller has already applied `attributes(_:allowed:)`'s rules.
    func inlineStart(
        _ e: XMLTag, allowed: [String]? = nil, attributesChecked: Bool = false, flow: inout Flow, context: UnitContext,
        isTarget: Bool
    ) throws {
        let kind: InlineKind
        switch e.namespace == Self.core ? e.name : "" {
        case "ph": kind = .ph
        case "pc": kind = .pc
        case "sc": kind = .sc
        case "ec": kind = .ec
        case "cp": kind = .cp
        case "mrk": kind = .mrk
        case "sm": kind = .sm
        case "em": kind = .em
        default: throw fail(e, "<\(e.name)> is not allowed in inline content.")
        }
        if !attributesChecked { try attributes(e, allowed: allowed) }
        if kind == .cp {
            try checkCodePoint(e)
            return
        }
        let a = InlineAttributes(e)
        let isCode = kind == .ph || kind == .pc || kind == .sc
        if let id = a.id, !(kind == .ec && a.isolated != "yes") {
            if !flow.ids.insert(id).inserted { throw fail(e, "inline id “\(id)” is not unique in the unit.") }
        }
        try checkType(e)
        // Checked one by one: a literal list of the three would be built on every code.
        func checkDataRef(_ name: String, _ ref: String?) throws {
            guard let ref else { return }
            if !context.hasOriginalData { throw fail(e, "\(name) needs an <originalData> in the unit.") }
            if !context.dataIds.contains(ref) { throw fail(e, "\(name)=\"\(ref)\" refers to no <data>.") }
        }
        try checkDataRef("dataRef", a.dataRef)
        try checkDataRef("dataRefStart", a.dataRefStart)
        try checkDataRef("dataRefEnd", a.dataRefEnd)
        if let copyOf = a.copyOf {
            if a.dataRef != nil || a.dataRefStart != nil {
                throw fail(e, "copyOf and dataRef cannot be used together.")
            }
            let known =
                isTarget
                ? context.sourceCodeIds.contains(copyOf) || flow.codeIds.contains(copyOf)
                : flow.codeIds.contains(copyOf)
            if !known { throw fail(e, "copyOf=\"\(copyOf)\" refers to no earlier code.") }
            if flow.copyForbidden.contains(copyOf) {
                throw fail(e, "copyOf=\"\(copyOf)\" copies a code with canCopy=\"no\".")
            }
        }
        for (name, value) in a.subFlows {
            let ids = value.split(separator: " ").map(String.init)
            if ids.isEmpty || !ids.allSatisfy(Self.isNMToken) { throw fail(e, "\(name) must list unit ids.") }
            for id in ids { flow.subFlows.append((id, e, name)) }
        }
        let reorder = a.canReorder ?? "yes"
        if isCode, let id = a.id {
            if !isTarget, a.canDelete == "no" { flow.nonRemovable.append(id) }
            if a.canCopy == "no" { flow.copyForbidden.insert(id) }
            if reorder != "yes", a.canCopy != "no" || a.canDelete != "no" {
                throw fail(e, "canReorder=\"\(reorder)\" requires canCopy=\"no\" and canDelete=\"no\".")
            }
            flow.events.append((kind == .ph ? id : id + ":s", reorder))
        }
        if kind == .ec, let ref = a.startRef ?? a.id {
            flow.events.append((ref + ":e", reorder == "firstNo" ? "no" : reorder))
        }
        switch kind {
        case .ph, .pc, .sc:
            guard let id = a.id else { throw fail(e, "<\(e.name)> must have an id.") }
            flow.codeIds.append(id)
            flow.reorder.append((id, reorder, e))
            if kind == .sc {
                if a.isolated == "yes" { flow.isolatedStarts[id] = e } else { flow.openCodes[id] = e }
            }
        case .ec:
            if a.isolated == "yes" {
                if a.startRef != nil { throw fail(e, "an isolated <ec> uses id, not startRef.") }
                guard let id = a.id else { throw fail(e, "an isolated <ec> must have an id.") }
                flow.isolatedEnds[id] = e
                flow.codeIds.append(id)
            } else {
                guard let ref = a.startRef else {
                    throw fail(e, "<ec> must have startRef, or isolated=\"yes\" and an id.")
                }
                if a.id != nil { throw fail(e, "a non-isolated <ec> uses startRef, not id.") }
                if let start = flow.isolatedStarts[ref] {
                    throw fail(start, "<sc id=\"\(ref)\"> is marked isolated but its <ec> is in the unit.")
                }
                guard let start = flow.openCodes.removeValue(forKey: ref) else {
                    throw fail(
                        e,
                        "<ec startRef=\"\(ref)\"> has no <sc> before it; mark it isolated=\"yes\" if its start is outside the unit."
                    )
                }
                flow.closedCodes.insert(ref)
                let opened = InlineAttributes(start)
                func checkSame(_ name: String, _ started: String?, _ ended: String?) throws {
                    if (started ?? "yes") != (ended ?? "yes") {
                        throw fail(e, "\(name) of <ec> differs from its <sc>.")
                    }
                }
                try checkSame("canCopy", opened.canCopy, a.canCopy)
                try checkSame("canDelete", opened.canDelete, a.canDelete)
                try checkSame("canOverlap", opened.canOverlap, a.canOverlap)
                let startReorder = opened.canReorder ?? "yes"
                if startReorder == "firstNo" ? reorder != "no" : reorder != startReorder {
                    throw fail(e, "canReorder of <ec> does not agree with its <sc>.")
                }
            }
        case .mrk, .sm:
            try checkAnnotation(e, context: context)
            guard let id = a.id else { throw fail(e, "<\(e.name)> must have an id.") }
            if kind == .sm { flow.openMarkers[id] = e }
        case .em:
            guard let ref = a.startRef, flow.openMarkers.removeValue(forKey: ref) != nil else {
                throw fail(e, "<em> has no <sm> before it.")
            }
        case .cp:
            break
        }
    }

    /// The end of an inline element with content: a `<pc>` closes its code.
    func inlineEnd(_ e: XMLTag, flow: inout Flow) {
        guard e.name == "pc", let id = e.attribute("id") else { return }
        let reorder = e.attribute("canReorder") ?? "yes"
        flow.events.append((id + ":e", reorder == "firstNo" ? "no" : reorder))
    }

    /// Inline content kept as a tree (targets, checked once all sources of the unit are known).
    func walk(_ nodes: [XMLNode], flow: inout Flow, context: UnitContext, isTarget: Bool) throws {
        for node in nodes {
            guard case .element(let e) = node else { continue }
            try inlineStart(e.tag, flow: &flow, context: context, isTarget: isTarget)
            if e.name == "pc" || e.name == "mrk" {
                try walk(e.children, flow: &flow, context: context, isTarget: isTarget)
                inlineEnd(e.tag, flow: &flow)
            } else if !e.children.isEmpty {
                throw fail(e, "<\(e.name)> must be empty.")
            }
        }
    }

    /// The checks of a unit's flows once the unit has ended.
    func finishUnit(
        unit: XMLTag, isPartId: (String) -> Bool, source: Flow, targets: [XMLElement], targetFlow: inout Flow,
        context: UnitContext, nonRemovable: [(ids: ArraySlice<String>, target: XMLElement)]
    ) throws {
        for id in source.ids where isPartId(id) {
            throw fail(unit, "id “\(id)” is used by both a part and an inline element.")
        }
        try finish(source, unit: unit)
        try checkReordering(source)
        // Targets without codes (most, and all empty ones) need no set of the source's codes.
        if targets.contains(where: { target in
            target.children.contains { if case .element = $0 { true } else { false } }
        }) {
            var context = context
            context.sourceCodeIds = Set(source.codeIds)
            for target in targets { try walk(target.children, flow: &targetFlow, context: context, isTarget: true) }
        }
        try finish(targetFlow, unit: unit)
        for (ids, target) in nonRemovable {
            for id in ids where !targetFlow.codeIds.contains(id) {
                throw fail(target, "the code “\(id)” has canDelete=\"no\" but is missing from the target.")
            }
        }
        try checkReorderedTarget(source: source, target: targetFlow, unit: unit)
    }

    /// Runs of codes that cannot be reordered (firstNo, then no…) must appear unchanged in the target.
    private func checkReorderedTarget(source: Flow, target: Flow, unit: XMLTag) throws {
        var runs: [[String]] = []
        var current: [String] = []
        for event in source.events {
            switch event.value {
            case "firstNo":
                if current.count > 1 { runs.append(current) }
                current = [event.key]
            case "no": if !current.isEmpty { current.append(event.key) }
            default:
                if current.count > 1 { runs.append(current) }
                current = []
            }
        }
        if current.count > 1 { runs.append(current) }
        if runs.isEmpty { return }
        let keys = target.events.map(\.key)
        for run in runs {
            guard let start = keys.firstIndex(of: run[0]) else { continue }
            if Array(keys[start..<min(keys.count, start + run.count)]) != run {
                throw fail(
                    unit,
                    "the codes \(run.joined(separator: ", ")) cannot be reordered but their order changes in the target."
                )
            }
        }
    }

    static func isPrefixedValue(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let prefix = s[..<colon]
        return !prefix.isEmpty && isNMToken(String(prefix)) && s.index(after: colon) < s.endIndex
    }

    func checkCodePoint(_ cp: XMLTag) throws {
        try attributes(cp)
        guard let hex = cp.attribute("hex"), !hex.isEmpty, hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16)
        else {
            throw fail(cp, "<cp hex> must be a hexadecimal code point.")
        }
        if v > 0x10FFFF || (0xD800...0xDFFF).contains(v) {
            throw fail(cp, "<cp hex=\"\(hex)\"> is not a Unicode code point.")
        }
        let allowedInXML =
            v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
        if allowedInXML {
            throw fail(cp, "<cp hex=\"\(hex)\"> encodes a character XML allows; write the character itself.")
        }
    }

    private func checkType(_ e: XMLTag) throws {
        let type = e.attribute("type")
        if let type {
            let allowed: [String] =
                e.name == "mrk" || e.name == "sm"
                ? ["generic", "comment", "term"] : ["fmt", "ui", "quote", "link", "image", "other"]
            if !allowed.contains(type) && !((e.name == "mrk" || e.name == "sm") && Self.isPrefixedValue(type)) {
                throw fail(e, "type=\"\(type)\" is not allowed on <\(e.name)>.")
            }
        }
        if let sub = e.attribute("subType") {
            guard type != nil else { throw fail(e, "subType requires type.") }
            guard Self.isPrefixedValue(sub) else { throw fail(e, "subType must be prefix:value.") }
            if sub.hasPrefix("xlf:") {
                let expected: [String: String] = [
                    "xlf:lb": "fmt", "xlf:pb": "fmt", "xlf:b": "fmt", "xlf:i": "fmt", "xlf:u": "fmt", "xlf:var": "ui",
                ]
                guard let t = expected[sub] else { throw fail(e, "subType “\(sub)” is not defined by XLIFF.") }
                if t != type { throw fail(e, "subType “\(sub)” requires type=\"\(t)\".") }
            }
        }
    }

    private func finish(_ flow: Flow, unit: XMLTag) throws {
        if let (id, sc) = flow.openCodes.first {
            throw fail(sc, "<sc id=\"\(id)\"> has no <ec> in the unit; mark it isolated=\"yes\".")
        }
        if let (id, sm) = flow.openMarkers.first { throw fail(sm, "<sm id=\"\(id)\"> has no <em>.") }
        for (id, ec) in flow.isolatedEnds where flow.closedCodes.contains(id) || flow.openCodes[id] != nil {
            throw fail(ec, "<ec id=\"\(id)\"> is marked isolated but its <sc> is in the unit.")
        }
        for (id, ec) in flow.isolatedEnds
        where flow.isolatedStarts[id] != nil || flow.codeIds.filter({ $0 == id }).count > 1 {
            throw fail(ec, "<ec id=\"\(id)\"> is marked isolated but its <sc> is in the unit.")
        }
    }

    /// canReorder: a run of codes that must keep their order starts with firstNo, continues with no.
    private func checkReordering(_ flow: Flow) throws {
        var inRun = false
        for code in flow.reorder {
            switch code.value {
            case "firstNo": inRun = true
            case "no":
                if !inRun {
                    throw fail(code.element, "canReorder=\"no\" must follow a code with canReorder=\"firstNo\".")
                }
            default: inRun = false
            }
        }
    }

    private func checkAnnotation(_ e: XMLTag, context: UnitContext) throws {
        if let t = e.attribute("translate"), t != "yes", t != "no" { throw fail(e, "translate must be yes or no.") }
        let type = e.attribute("type") ?? "generic"
        if type == "comment" {
            let value = e.attribute("value")
            let ref = e.attribute("ref")
            if (value == nil) == (ref == nil) {
                throw fail(e, "a comment annotation needs exactly one of value and ref.")
            }
            if let ref {
                let parts = try FragmentIdentifier.parse(ref, element: e, fail: fail)
                guard let note = parts.last, note.prefix == "n" else {
                    throw fail(e, "a comment ref must point to a <note>.")
                }
                if parts.contains(where: { $0.prefix == "f" || $0.prefix == "g" })
                    && !parts.contains(where: { $0.prefix == "u" })
                {
                    throw fail(e, "a comment ref must point to a note of its own unit.")
                }
                if let u = parts.first(where: { $0.prefix == "u" }), u.id != context.unitId {
                    throw fail(e, "a comment ref must point to a note of its own unit.")
                }
                if !context.noteIds.contains(note.id) { throw fail(e, "ref “\(ref)” points to no note of the unit.") }
            }
        } else if let ref = e.attribute("ref"), ref.hasPrefix("#") {
            _ = try FragmentIdentifier.parse(ref, element: e, fail: fail)
        }
        if type == "generic", e.attribute("value") != nil, e.attribute("translate") == nil, e.attribute("ref") == nil {
            // generic annotations carry translate only; a bare value is meaningless but tolerated
        }
    }
}
