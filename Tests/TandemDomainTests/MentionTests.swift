import Foundation
import TandemDomain
import Testing

@Suite("Mentions in comments")
struct MentionTests {
    static let paula = User.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!)
    static let sofia = User.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!)

    @Test func handlesAreTheLowerCasedLocalPartOfTheAddress() {
        #expect(Mentions.handle(of: "Paula.Keller@lumen.example") == "paula.keller")
        #expect(Mentions.handle(of: "sofia@lumen.example") == "sofia")
    }

    @Test func findsHandlesThatStartAWordAndDropsASentencesFullStop() {
        let text = "Thanks @paula, and @Sofia. Ask bob@client.example or @@x, see @paula.keller."
        #expect(Mentions.find(in: text).map(\.handle) == ["paula", "sofia", "paula.keller"])
    }

    @Test func mentionsInCodeDoNotCount() {
        let text = "Real @paula, not `@sofia` nor\n```\n@sofia in a block\n```\nbut @sofia again"
        #expect(Mentions.find(in: text).map(\.handle) == ["paula", "sofia"])
        let resolved = MentionResolution(body: text, handles: ["paula": Self.paula, "sofia": Self.sofia])
        #expect(resolved.users == [Self.paula, Self.sofia])
    }

    @Test func unknownHandlesAndRepeatsReachNobodyTwice() {
        let text = "@paula @ghost @PAULA @sofia"
        let resolved = MentionResolution(body: text, handles: ["paula": Self.paula, "sofia": Self.sofia])
        #expect(resolved.resolved.count == 3)
        #expect(resolved.users == [Self.paula, Self.sofia])
        // Someone who may not see the record is not among the handles: plain text, no one reached.
        #expect(MentionResolution(body: "@vera please look", handles: ["paula": Self.paula]).users.isEmpty)
    }

    @Test func codeSegmentsFollowInkBackticksAndFences() {
        let text = "a `b` c\n```\n<d>\n```\n"
        let code = MarkdownText.segments(of: text).filter(\.isCode).map { String(text[$0.range]) }
        #expect(code == ["`b`", "<d>\n"])
    }
}
