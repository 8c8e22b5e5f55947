import CLibXML2
import Foundation
import TandemDomain

extension XLIFF2Builder {
    func startNotes(_ tag: XMLTag) throws {
        try checkAttributes(tag, .notes)
        notesTag = Mark(tag)
        notesCount = 0
        notesIds.removeAll(keepingCapacity: true)
        frames.append(.notes)
    }

    func startNote(_ n: Name, _ tag: XMLTag) throws {
        guard tag.name == "note", eventIsCore else { throw fail(tag, "<notes> may contain only <note>.") }
        try checkAttributes(tag, .note)
        notesCount += 1
        if let id = value(Self.idKey, tag) {
            if notesIds.contains(id) { throw fail(tag, "note id “\(id)” is not unique.") }
            notesIds.append(id)
        }
        if let a = value(Self.appliesToKey, tag), a != "source", a != "target" {
            throw fail(tag, "appliesTo must be source or target.")
        }
        if let p = value(Self.priorityKey, tag), !(Int(p).map { (1...10).contains($0) } ?? false) {
            throw fail(tag, "priority must be 1 to 10.")
        }
        noteTag = Mark(tag)
        frames.append(.note)
    }

    func startData(_ n: Name, _ tag: XMLTag) throws {
        guard tag.name == "data", eventIsCore else { throw fail(tag, "<originalData> may contain only <data>.") }
        try checkAttributes(tag, .data)
        guard let id = value(Self.idKey, tag) else { throw fail(tag, "<data> must have an id.") }
        if !unit.dataIds.insert(id).inserted { throw fail(tag, "data id “\(id)” is not unique in the unit.") }
        if let space = value(Self.xmlSpaceKey, tag), space != "preserve" {
            throw fail(tag, "xml:space on <data> must be preserve.")
        }
        dataCount += 1
        frames.append(.data)
    }

    /// Whether a module element is one its module defines (other namespaces: yes). Remembered
    /// by the interned name and namespace pointers: hashing a namespace URI per element costs.
    func isKnownModuleElement(_ tag: XMLTag) -> Bool {
        isKnownModuleElement(namespaceKey: eventKeys.0, nameKey: eventKeys.1, tag.namespace, tag.name)
    }

    func isKnownModuleElement(
        namespaceKey: UnsafeRawPointer?, nameKey: UnsafeRawPointer?, _ namespace: @autoclosure () -> String,
        _ name: @autoclosure () -> String
    ) -> Bool {
        func verdict() -> Bool { XLIFF2Validator.moduleElements[namespace()].map { $0.contains(name()) } ?? true }
        guard let namespaceKey, let nameKey else { return verdict() }
        let mixed =
            UInt64(UInt(bitPattern: Int(bitPattern: namespaceKey)))
            ^ (UInt64(UInt(bitPattern: Int(bitPattern: nameKey))) &* 31)
        let slot = Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if verdicts[slot].namespace == namespaceKey, verdicts[slot].name == nameKey { return verdicts[slot].known }
        let known = verdict()
        verdicts[slot] = ModuleVerdict(namespace: namespaceKey, name: nameKey, known: known)
        return known
    }

    /// A child of an extension element that has no id (most module metadata), judged on the
    /// interned names alone, without a tag; false when the general path must judge it (an id to
    /// check, or a name its module does not define, which that path reports).
    func startPlainExtensionChild(
        _ local: Interned, _ namespace: Interned, _ count: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> Bool {
        if count > 0, let attributes {
            for i in 0..<Int(count) where interned(attributes[i * 5]).attributeKey == Self.idKey { return false }
        }
        let top = extensionLevels.count - 1
        let sameNamespace =
            extensionLevels[top].namespaceKey.map { $0 == namespace.key }
            ?? (extensionLevels[top].namespace == string(namespace))
        let checksNames = extensionLevels[top].checksNames && sameNamespace
        if checksNames,
            !isKnownModuleElement(namespaceKey: namespace.key, nameKey: local.key, string(namespace), string(local))
        {
            return false
        }
        extensionLevels.append(
            ExtensionLevel(namespace: string(namespace), namespaceKey: namespace.key, checksNames: checksNames))
        frames.append(.extensionElement)
        return true
    }

    /// An element of an extension subtree (the subtree's root included).
    func startExtension(_ tag: XMLTag) throws {
        let checksNames: Bool
        if let parent = extensionLevels.last {
            checksNames = parent.checksNames && tag.namespace == parent.namespace
            if let id = XLIFF2Validator.extensionId(tag) {
                if parent.childIds.contains(id) {
                    throw fail(tag, "id “\(id)” is used twice in the same extension element.")
                }
                extensionLevels[extensionLevels.count - 1].childIds.append(id)
            }
        } else {
            checksNames = true
        }
        if checksNames, !isKnownModuleElement(tag) {
            throw fail(tag, "<\(tag.name)> is not an element of its module.")
        }
        extensionLevels.append(
            ExtensionLevel(namespace: tag.namespace, namespaceKey: eventKeys.0, checksNames: checksNames))
        frames.append(.extensionElement)
    }
}
