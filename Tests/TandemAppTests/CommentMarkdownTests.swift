import Foundation
import TandemApp
import TandemDomain
import Testing

@Suite("Comment Markdown is rendered safely")
struct CommentMarkdownTests {
    static let paula = User.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!)

    func html(_ body: String, handles: [String: User.ID] = [:]) -> String {
        CommentMarkdown.html(
            body, mentions: MentionResolution(body: body, handles: handles), names: [Self.paula: "Paula <PM>"])
    }

    @Test func markdownBecomesHTML() {
        let out = html("Some **bold** and *soft* text\n\n- one\n- two")
        #expect(out.contains("<strong>bold</strong>"))
        #expect(out.contains("<em>soft</em>"))
        #expect(out.contains("<ul><li>one</li><li>two</li></ul>"))
    }

    @Test func scriptAndRawHTMLAreShownAsText() {
        let out = html("Hi <script>alert(1)</script> and <img src=x onerror=alert(2)> <b onclick=\"x()\">b</b>")
        #expect(!out.contains("<script"))
        #expect(!out.contains("<img"))
        #expect(!out.contains("<b "))
        #expect(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || out.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(!out.lowercased().contains("onerror=alert") || out.contains("&lt;img"))
    }

    @Test func htmlAtTheStartOfALineAndInsideCodeStaysEscaped() {
        let out = html("<div onclick=\"steal()\">x</div>\n\n`<script>` and\n```\n<iframe src=evil>\n```")
        #expect(!out.contains("<div"))
        #expect(!out.contains("<iframe"))
        #expect(out.contains("<code>&lt;script&gt;</code>"))
        #expect(out.contains("&lt;iframe src=evil&gt;"))
    }

    @Test func onlyHttpHttpsMailtoAndRelativeLinksSurviveWithRel() {
        let out = html(
            "[a](https://lumen.example/x?a=1&b=2) [b](javascript:alert(1)) [c](mailto:ops@lumen.example) "
                + "[d](/quotes/1) [e](JaVaScRiPt:alert(1)) [f](data:text/html;base64,PHNjcmlwdD4=) "
                + "[g](&#106;avascript:alert(1)) [h](vbscript:msgbox)")
        #expect(
            out.contains("<a href=\"https://lumen.example/x?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">a</a>"))
        #expect(out.contains("<a href=\"mailto:ops@lumen.example\" rel=\"nofollow noopener noreferrer\">c</a>"))
        #expect(out.contains("<a href=\"/quotes/1\" rel=\"nofollow noopener noreferrer\">d</a>"))
        #expect(!out.lowercased().contains("javascript:alert"))
        #expect(!out.contains("href=\"data:"))
        #expect(!out.contains("vbscript"))
        #expect(!out.contains("&#106;avascript") || !out.contains("href=\"&"))
    }

    @Test func aQuoteInALinkCannotAddAnAttribute() {
        let out = html("[x](https://a.example/\" onmouseover=\"alert(1))")
        #expect(!out.contains("onmouseover=\""))
        #expect(!out.contains(" onmouseover"))
    }

    @Test func imagesBecomeLinksAndScriptImagesDisappear() {
        let out = html("![chart](https://img.example/track.png) ![x](javascript:alert(1)) ![y\" onerror=\"z](x.png)")
        #expect(!out.contains("<img"))
        #expect(
            out.contains("<a href=\"https://img.example/track.png\" rel=\"nofollow noopener noreferrer\">chart</a>"))
        #expect(!out.contains("javascript"))
        #expect(!out.contains("onerror=\""))
    }

    @Test func aCodeFencesLanguageCannotBreakOut() {
        let out = html("```\"><script>alert(1)</script>\nlet a = 1\n```")
        #expect(!out.contains("<script"))
        #expect(out.contains("let a = 1"))
    }

    @Test func mentionsBecomeNamedSpansAndUnknownOnesStayText() {
        let out = html("Please check @paula and @vera.", handles: ["paula": Self.paula])
        #expect(out.contains("<span class=\"mention\" data-user-id=\"\(Self.paula)\">@Paula &lt;PM&gt;</span>"))
        #expect(out.contains("@vera"))
        #expect(!out.contains("data-user-id=\"\" "))
    }

    @Test func privateMarkersTypedByAUserAreDropped() {
        let out = html("fake \u{E000}0\u{E001} marker", handles: ["paula": Self.paula])
        #expect(!out.contains("mention"))
    }
}
