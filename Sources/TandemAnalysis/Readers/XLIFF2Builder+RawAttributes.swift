import CLibXML2
import Foundation
import TandemDomain

extension XLIFF2Builder {
    /// Whether the attributes of a start tag pass the rules of `XLIFF2Validator.attributes`,
    /// judged on libxml2's array (keys by interned pointer, values as bytes). False also when
    /// the tag needs the general path (attributes of other namespaces, `&` in a value, a value
    /// that breaks a rule: that path then says what is wrong).
    func rawAttributesPass(
        _ n: Name, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> Bool {
        rawKeyCount = 0
        rawKeyBits = 0
        guard count > 0, let attributes else { return true }
        let allowed = Self.allowedKeys[Int(n.rawValue)]
        for i in 0..<count {
            let base = attributes + i * 5
            let key: Int
            if base[2] == nil {
                key = interned(base[0]).attributeKey
                if key < 0 { return false }
            } else if interned(base[2]).isXML {
                key = interned(base[0]).xmlAttributeKey
                if key < 0 { return false }
            } else {
                return false
            }
            guard allowed & (1 << UInt64(key)) != 0 else { return false }
            let value = UnsafeBufferPointer(start: base[3]!, count: base[4]! - base[3]!)
            if value.contains(UInt8(ascii: "&")) { return false }
            let bit: UInt64 = 1 << UInt64(key)
            if Self.yesNoKeys & bit != 0 {
                if !(Self.equals(value, "yes") || Self.equals(value, "no")) { return false }
            } else if Self.directionKeys & bit != 0 {
                if !(Self.equals(value, "ltr") || Self.equals(value, "rtl") || Self.equals(value, "auto")) {
                    return false
                }
            } else if key == Self.canReorderKey {
                if !(Self.equals(value, "yes") || Self.equals(value, "no") || Self.equals(value, "firstNo")) {
                    return false
                }
            } else if key == Self.idKey {
                if !Self.isASCIINMToken(value) && !XLIFF2Validator.isNMToken(String(decoding: value, as: UTF8.self)) {
                    return false
                }
            } else if key == Self.xmlSpaceKey {
                if !(Self.equals(value, "default") || Self.equals(value, "preserve")) { return false }
            } else if key == Self.xmlLangKey {
                if !value.isEmpty && !XLIFF2Validator.isWellFormedLanguage(String(decoding: value, as: UTF8.self)) {
                    return false
                }
            }
            rawKeys[rawKeyCount] = key
            rawKeyCount += 1
            rawKeyBits |= bit
        }
        return true
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: String) -> Bool {
        bytes.elementsEqual(literal.utf8)
    }

    static func isASCIINMToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty
            && bytes.allSatisfy { b in
                (b >= 0x30 && b <= 0x3A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
                    || b == 0x2E || b == 0x5F
            }
    }

    /// An attribute of the element being started: from libxml2's array on the raw path, else
    /// from the tag.
    func value(_ key: Int, _ tag: XMLTag) -> String? {
        if rawActive { return rawAttribute(key).map(XMLEventReader.Sink.attributeValue) }
        switch key {
        case Self.xmlLangKey: return tag.attribute("lang", namespace: XLIFF2Validator.xml)
        case Self.xmlSpaceKey: return tag.attribute("space", namespace: XLIFF2Validator.xml)
        default: return tag.attribute(Self.attributeNames[key])
        }
    }

    /// An attribute's five pointers in libxml2's array, on the raw path.
    func rawAttribute(_ key: Int) -> UnsafeMutablePointer<UnsafePointer<xmlChar>?>? {
        guard rawActive, rawKeyBits & (1 << UInt64(key)) != 0 else { return nil }
        for i in 0..<rawKeyCount where rawKeys[i] == key { return rawAttributes! + i * 5 }
        return nil
    }

    /// An attribute's bytes as written, on the raw path (where values hold no references).
    func rawBytes(_ key: Int) -> UnsafeBufferPointer<UInt8>? {
        rawAttribute(key).map { UnsafeBufferPointer(start: $0[3]!, count: $0[4]! - $0[3]!) }
    }

    /// Reads the tag's id into `buffer`; false if it has none.
    func readId(_ tag: XMLTag, into buffer: TextBuffer) -> Bool {
        if rawActive {
            guard let bytes = rawBytes(Self.idKey) else { return false }
            buffer.set(bytes)
            return true
        }
        guard var id = value(Self.idKey, tag) else { return false }
        id.withUTF8 { buffer.set($0) }
        return true
    }

    /// The attribute rules of a start tag, unless the raw path has judged them.
    func checkAttributes(_ tag: XMLTag, _ n: Name) throws {
        if !rawActive { try validator.attributes(tag, allowed: Self.allowed[Int(n.rawValue)]) }
    }
}
