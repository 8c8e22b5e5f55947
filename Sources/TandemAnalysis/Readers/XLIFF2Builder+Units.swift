import CLibXML2
import Foundation
import TandemDomain

extension XLIFF2Builder {
    // MARK: Files and groups

    func startFile(_ tag: XMLTag) throws {
        try checkAttributes(tag, .file)
        guard let id = value(Self.idKey, tag) else { throw fail(tag, "<file> must have an id.") }
        if !fileIds.insert(id).inserted { throw fail(tag, "file id “\(id)” is not unique.") }
        files += 1
        fileUnitIds.removeAll()
        fileGroupIds.removeAll(keepingCapacity: true)
        pendingSubFlows.removeAll(keepingCapacity: true)
        containers.append(
            Container(
                tag: tag, isFile: true,
                lang: value(Self.xmlLangKey, tag) ?? validator.rootLanguage,
                space: value(Self.xmlSpaceKey, tag) ?? validator.rootSpace,
                translatable: value(Self.translateKey, tag) != "no"))
        frames.append(.container)
    }

    func containerChild(_ n: Name, _ tag: XMLTag) throws {
        let top = containers.count - 1
        containers[top].elementChildren += 1
        // Fields are read in place: copying the container would retain each of them.
        if !eventIsCore {
            if containers[top].phase > 0 {
                throw fail(
                    tag, "<\(tag.name)> must come before <notes> and the content of <\(containers[top].tag.name)>.")
            }
            if let id = XLIFF2Validator.extensionId(tag), !containers[top].extensionIds.insert(id).inserted {
                throw fail(tag, "id “\(id)” is used by two extension elements in the same scope.")
            }
            try startExtension(tag)
            return
        }
        switch n {
        case .skeleton where containers[top].isFile && containers[top].elementChildren == 1:
            beginCapture(.skeleton, tag)
        case .notes:
            if containers[top].phase > 0 {
                throw fail(tag, "<notes> must come before the content of <\(containers[top].tag.name)>.")
            }
            containers[top].phase = 1
            try startNotes(tag)
        case .group:
            containers[top].phase = 2
            containers[top].hasContent = true
            try checkAttributes(tag, .group)
            guard let id = value(Self.idKey, tag) else { throw fail(tag, "<group> must have an id.") }
            if !fileGroupIds.insert(id).inserted { throw fail(tag, "group id “\(id)” is not unique in the file.") }
            containers.append(
                Container(
                    tag: tag, isFile: false,
                    lang: value(Self.xmlLangKey, tag) ?? containers[top].lang,
                    space: value(Self.xmlSpaceKey, tag) ?? containers[top].space,
                    translatable: containers[top].translatable && value(Self.translateKey, tag) != "no"))
            frames.append(.container)
        case .unit:
            containers[top].phase = 2
            containers[top].hasContent = true
            try startUnit(
                tag, lang: containers[top].lang, space: containers[top].space,
                translatable: containers[top].translatable)
        default:
            throw fail(tag, "<\(tag.name)> is not allowed in <\(containers[top].tag.name)>.")
        }
    }

    func endContainer() throws {
        let container = containers.removeLast()
        guard container.isFile else { return }
        if !container.hasContent { throw fail(container.tag, "<file> must contain at least one <unit> or <group>.") }
        for ref in pendingSubFlows where !fileUnitIds.contains(ref.unit) {
            throw fail(ref.element, "\(ref.attribute) refers to unit “\(ref.unit)”, which is not in the file.")
        }
    }

    // MARK: Units

    func startUnit(_ tag: XMLTag, lang: String?, space: String, translatable: Bool) throws {
        try checkAttributes(tag, .unit)
        guard readId(tag, into: unitIdBytes) else { throw fail(tag, "<unit> must have an id.") }
        if !fileUnitIds.insert(unitIdBytes.bytes) {
            throw fail(tag, "unit id “\(unitId)” is not unique in the file.")
        }
        unit.tag = Mark(tag)
        unit.lang = value(Self.xmlLangKey, tag) ?? lang
        unit.space = value(Self.xmlSpaceKey, tag) ?? space
        unit.translatable = translatable && value(Self.translateKey, tag) != "no"
        unit.clear()
        partIds.removeAll()
        frames.append(.unit)
    }

    func unitChild(_ n: Name, _ tag: XMLTag) throws {
        if !eventIsCore {
            if unit.phase > 0 { throw fail(tag, "<\(tag.name)> must come before <notes> and the segments of <unit>.") }
            if let id = XLIFF2Validator.extensionId(tag) {
                if unit.extensionIds.contains(id) {
                    throw fail(tag, "id “\(id)” is used by two extension elements in the unit.")
                }
                unit.extensionIds.insert(id)
            }
            try startExtension(tag)
            return
        }
        switch n {
        case .notes:
            if unit.phase > 0 { throw fail(tag, "<notes> must come before the segments of <unit>.") }
            unit.phase = 1
            try startNotes(tag)
        case .originalData:
            if unit.hasOriginalData || unit.parts > 0 {
                throw fail(tag, "<originalData> must come once, before the segments.")
            }
            unit.phase = 2
            unit.hasOriginalData = true
            try checkAttributes(tag, .originalData)
            originalDataTag = Mark(tag)
            dataCount = 0
            frames.append(.originalData)
        case .segment, .ignorable:
            unit.phase = 2
            try startPart(n, tag)
        default:
            throw fail(tag, "<\(tag.name)> is not allowed in <unit>.")
        }
    }

    func startPart(_ n: Name, _ tag: XMLTag) throws {
        try checkAttributes(tag, n)
        unit.hasPartId = readId(tag, into: partIdBytes)
        if unit.hasPartId, !partIds.insert(partIdBytes.bytes) {
            throw fail(tag, "segment/ignorable id “\(partIdBytes.string())” is not unique in the unit.")
        }
        if n == .segment {
            let state = value(Self.stateKey, tag)
            let subState = value(Self.subStateKey, tag)
            if let state, !["initial", "translated", "reviewed", "final"].contains(state) {
                throw fail(tag, "state=\"\(state)\" must be initial, translated, reviewed or final.")
            }
            if subState != nil && state == nil { throw fail(tag, "subState requires state.") }
            if let subState, !XLIFF2Validator.isPrefixedValue(subState) {
                throw fail(tag, "subState must be prefix:value.")
            }
            unit.segmentIndex += 1
        }
        unit.parts += 1
        part.tag = Mark(tag)
        part.isSegment = n == .segment
        part.sawSource = false
        part.sawTarget = false
        frames.append(.part)
    }

    func partChild(_ n: Name, _ tag: XMLTag) throws {
        let xml = XLIFF2Validator.xml
        guard part.sawSource else {
            guard n == .source else { throw fail(part.tag, "<\(part.tag.name)> must start with one <source>.") }
            part.sawSource = true
            try checkAttributes(tag, .source)
            if let lang = value(Self.xmlLangKey, tag) ?? unit.lang,
                lang.lowercased() != validator.sourceLanguage.description.lowercased()
            {
                throw fail(tag, "the source language “\(lang)” differs from srcLang “\(validator.sourceLanguage)”.")
            }
            part.sourceSpace = value(Self.xmlSpaceKey, tag) ?? unit.space
            part.nonRemovableMark = unit.sourceFlow.nonRemovable.count
            collecting = part.isSegment
            content.reset()
            frames.append(.source)
            return
        }
        guard n == .target, !part.sawTarget else {
            throw fail(
                tag,
                "<\(tag.name)> is not allowed here: <\(part.tag.name)> holds one <source> and at most one <target>."
            )
        }
        part.sawTarget = true
        try validator.attributes(tag, allowed: Self.allowed[Int(Name.target.rawValue)])
        guard let trg = validator.targetLanguage?.description else {
            throw fail(tag, "a <target> requires trgLang on <xliff>.")
        }
        if let lang = tag.attribute("lang", namespace: xml) ?? unit.lang, lang.lowercased() != trg.lowercased() {
            throw fail(tag, "the target language “\(lang)” differs from trgLang “\(trg)”.")
        }
        if (tag.attribute("space", namespace: xml) ?? unit.space) != part.sourceSpace {
            throw fail(tag, "xml:space of <target> differs from its <source>.")
        }
        let order = tag.attribute("order") ?? String(unit.parts)
        guard let n = Int(order), n >= 1 else { throw fail(tag, "order must be a positive integer.") }
        if unit.orders.contains(where: { $0.order == n }) {
            throw fail(tag, "order=\"\(n)\" is used twice in the unit (explicitly or by position).")
        }
        unit.orders.append((n, tag))
        beginCapture(.target, tag)
    }

    func inlineChild(_ n: Name, _ tag: XMLTag) throws {
        unit.flowsUsed = true
        try validator.inlineStart(
            tag, allowed: Self.allowed[Int(n.rawValue)], attributesChecked: inlineAttributesChecked,
            flow: &unit.sourceFlow,
            context: codeContext(), isTarget: false)
        if collecting {
            switch n {
            case .cp:
                if let v = tag.attribute("hex").flatMap({ UInt32($0, radix: 16) }), let s = Unicode.Scalar(v) {
                    content.append(String(Character(s)))
                }
            case .ph: content.code(.standalone)
            case .sc, .pc: content.code(.open)
            case .ec: content.code(.close)
            default: break
            }
        }
        if n == .pc || n == .mrk {
            inlineTags.append(tag)
            frames.append(.inline)
        } else {
            emptyTags.append(tag)
            frames.append(.empty)
        }
    }

    /// What inline codes are checked against; made when the first code comes (notes and
    /// original data come before the segments, so it is complete by then).
    func codeContext() -> XLIFF2Validator.UnitContext {
        if let context = unit.context { return context }
        let made = XLIFF2Validator.UnitContext(
            unitId: unitId, dataIds: unit.dataIds, hasOriginalData: unit.hasOriginalData, noteIds: unit.noteIds,
            sourceCodeIds: [])
        unit.context = made
        return made
    }

    func endUnit() throws {
        if unit.segmentIndex == 0 { throw fail(unit.tag, "<unit> must contain at least one <segment>.") }
        for (order, target) in unit.orders where order > unit.parts {
            throw fail(target, "order=\"\(order)\" is beyond the \(unit.parts) unit.parts of the unit.")
        }
        // A unit without codes or targets has nothing to pair (most units).
        guard !unit.sourceFlow.ids.isEmpty || !unit.sourceFlow.codeIds.isEmpty || !unit.targets.isEmpty else { return }
        unit.flowsUsed = true
        try validator.finishUnit(
            unit: unit.tag.tag, isPartId: partIds.contains, source: unit.sourceFlow, targets: unit.targets,
            targetFlow: &unit.targetFlow,
            context: codeContext(), nonRemovable: unit.nonRemovable)
        if !unit.sourceFlow.subFlows.isEmpty { pendingSubFlows += unit.sourceFlow.subFlows }
        if !unit.targetFlow.subFlows.isEmpty { pendingSubFlows += unit.targetFlow.subFlows }
    }
}
