import Foundation
import NIOCore
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The planning engine through the web: the capacity check page and `POST /api/v1/feasibility-checks`.
@Suite("Capacity check")
struct CapacityCheckTests {
    static let check = SiteRoute.capacityCheck.path
    static let api = APIRoute.feasibilityChecks.path

    /// docs/planning.md's worked example: green, delivered Wednesday 2027-03-03 17:00 UTC.
    static let workedExample: String = {
        let url = repositoryRoot.appendingPathComponent("docs/examples/worked-example.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The worked example with ben’s time zone misspelt.
    static var misspeltZone: String {
        workedExample.replacingOccurrences(
            of: #"{"id": "ben", "timeZone": "UTC""#, with: #"{"id": "ben", "timeZone": "Europe/Pariss""#)
    }

    func signedIn(_ app: Application, _ email: String, roles: Set<Role>, language: String? = nil) async throws
        -> Browser
    {
        try await makeUser(app, email, roles: roles)
        var browser = Browser(app, language: language)
        #expect(try await browser.signIn(email).status == .seeOther)
        return browser
    }

    func apiToken(_ app: Application, for email: String) async throws -> HTTPHeaders {
        var browser = Browser(app)
        _ = try await browser.signIn(email)
        let page = try await browser.submit(SiteRoute.profileTokens.path, ["name": "script"])
        let match = try #require(page.body.string.range(of: #"tdm_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return ["Authorization": "Bearer \(page.body.string[match])"]
    }

    // MARK: The page

    @Test func theShippedExampleIsTheDocumentedWorkedExample() throws {
        let shipped = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Resources/Examples/capacity-check.json"), encoding: .utf8
        )
        #expect(shipped == Self.workedExample)
    }

    @Test func theCapacityAreaLeadsToTheCheck() async throws {
        try await withTandem { app, _ in
            var browser = try await signedIn(app, "paula@lumen.example", roles: [.pm])
            let page = try await browser.get(SiteRoute.area(.capacity).path)
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"href="\#(Self.check)""#))
            let example = try await browser.get(Self.check + "?example=worked")
            #expect(example.status == .ok)
            #expect(example.body.string.contains("&quot;maxVendorsPerStep&quot;: 2"))
        }
    }

    @Test func theWorkedExampleIsReadOnceAtStart() async throws {
        let resources = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-resources-\(UUID())")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Resources"), to: resources)
        defer { try? FileManager.default.removeItem(at: resources) }
        try await withTandem(configure: { $0.resourcesDirectory = resources.path }) { app, _ in
            try FileManager.default.removeItem(at: resources.appendingPathComponent("Examples/capacity-check.json"))
            var browser = try await signedIn(app, "paula@lumen.example", roles: [.pm])
            let example = try await browser.get(Self.check + "?example=worked")
            #expect(example.status == .ok)
            #expect(example.body.string.contains("&quot;maxVendorsPerStep&quot;: 2"))
        }
    }

    @Test func theWorkedExampleIsGreenAndDeliveredWednesday() async throws {
        try await withTandem { app, _ in
            var browser = try await signedIn(app, "paula@lumen.example", roles: [.pm])
            let page = try await browser.submit(Self.check, ["plan": Self.workedExample])
            #expect(page.status == .ok)
            // Times may have a narrow no-break space before AM/PM, depending on ICU's version.
            let html = page.body.string.replacingOccurrences(of: "\u{202F}", with: " ")
            #expect(html.contains(#"class="verdict verdict-green""#))
            #expect(html.contains("Verdict · GREEN"))
            // In the organisation's time zone, UTC here (so it is named).
            #expect(html.contains(#"<dd id="earliest-delivery">Wed 3/3/2027, 5:00 PM UTC</dd>"#))
            #expect(html.contains("Earliest delivery Wed 3/3/2027, 5:00 PM UTC leaves 1 d before the deadline"))
            #expect(html.contains("€848.00"))
            #expect(html.contains("<td>ana</td>") && html.contains("<td>chloe</td>"))
        }
    }

    @Test func aFrenchUserSeesFrenchReasonsAndTheirOwnTime() async throws {
        try await withTandem { app, clock in
            let user = try await makeUser(app, "pierre@lumen.example", roles: [.pm])
            try await app.stores.users.updatePreferences(
                user.id, locale: "fr", timeZone: "Europe/Paris", at: clock.now)
            var browser = Browser(app)
            _ = try await browser.signIn("pierre@lumen.example")
            let page = try await browser.submit(Self.check, ["plan": Self.workedExample])
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Verdict · VERT"))
            // 17:00 UTC is 18:00 in Paris on 3 March 2027.
            #expect(html.contains("Livraison au plus tôt le mer. 03/03/2027 18:00"))
            #expect(html.contains("Heures dans le fuseau Europe/Paris."))
            #expect(html.contains("<td>traduction</td>"))
        }
    }

    @Test func textThatIsNotJSONIsShownAgainWith422() async throws {
        try await withTandem { app, _ in
            var browser = try await signedIn(app, "paula@lumen.example", roles: [.pm])
            let page = try await browser.submit(Self.check, ["plan": #"{"vendors": ["#])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("This is not JSON"))
            #expect(page.body.string.contains("{&quot;vendors&quot;: [</textarea>"))
        }
    }

    @Test func aBadFieldIsNamedByItsPathAndTheTextKept() async throws {
        try await withTandem { app, _ in
            var browser = try await signedIn(app, "paula@lumen.example", roles: [.pm], language: "fr")
            let page = try await browser.submit(Self.check, ["plan": Self.misspeltZone])
            #expect(page.status == .unprocessableEntity)
            let html = page.body.string
            #expect(html.contains("Dans le plan, vendors[1].timeZone"))
            // The engine's input error in French, with the value as written.
            #expect(
                html.contains(
                    "vendors[1].timeZone\u{00A0}: fuseau horaire inconnu «\u{00A0}Europe/Pariss\u{00A0}»\u{00A0}; utilisez un nom IANA"
                ), "\(html)")
            #expect(html.contains(#"aria-invalid="true""#))
        }
    }

    @Test func anUploadedFileIsChecked() async throws {
        try await withTandem { app, _ in
            var browser = try await signedIn(app, "paula@lumen.example", roles: [.pm])
            let form = try await browser.get(Self.check)
            let boundary = "tandem-test-boundary"
            var body = ""
            for (name, value, filename) in [
                ("_csrf", Browser.csrf(in: form.body.string), nil), ("plan", "", nil),
                ("file", Self.workedExample, "plan.json"),
            ] {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
                body += filename.map { "; filename=\"\($0)\"\r\nContent-Type: application/json" } ?? ""
                body += "\r\n\r\n\(value)\r\n"
            }
            body += "--\(boundary)--\r\n"
            var headers: HTTPHeaders = ["Content-Type": "multipart/form-data; boundary=\(boundary)"]
            headers.add(name: .cookie, value: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            let page = try await app.testing().sendRequest(
                .POST, Self.check, headers: headers, body: ByteBuffer(string: body))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Verdict · GREEN"))
        }
    }

    @Test func salesMayNotUseTheCheck() async throws {
        try await withTandem { app, _ in
            var browser = try await signedIn(app, "sofia@lumen.example", roles: [.sales])
            #expect(try await browser.get(Self.check).status == .forbidden)
            #expect(try await browser.get(SiteRoute.area(.capacity).path).status == .forbidden)
            let headers = try await apiToken(app, for: "sofia@lumen.example")
            let answer = try await browser.request(.POST, Self.api, json: Self.workedExample, headers: headers)
            #expect(answer.status == .forbidden)
            #expect(answer.errorCode == "forbidden")
        }
    }

    // MARK: The API

    @Test func theAPIAnswersTheDocumentedShapeInFrench() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let headers = try await apiToken(app, for: "paula@lumen.example")
            var client = Browser(app, language: "fr")
            let answer = try await client.request(.POST, Self.api, json: Self.workedExample, headers: headers)
            #expect(answer.status == .ok)
            #expect(answer.headers.first(name: .contentLanguage) == "fr")
            let json = try answer.json()
            #expect(
                json.keys.sorted() == [
                    "confidence", "cost", "deadline", "earliestDelivery", "reasons", "riskAdjustedDelivery",
                    "targets", "verdict",
                ])
            #expect(json["verdict"] as? String == "green")
            #expect(json["earliestDelivery"] as? String == "2027-03-03T17:00:00Z")
            #expect(json["deadline"] as? String == "2027-03-04T17:00:00Z")
            let confidence = try #require(json["confidence"] as? String)
            #expect(confidence.range(of: #"^[0-9]{1,3}\.[0-9]{2}$"#, options: .regularExpression) != nil)
            #expect(json["cost"] as? [[String: String]] == [["amount": "848.00", "currency": "EUR"]])
            let target = try #require((json["targets"] as? [[String: Any]])?.first)
            #expect(target["delivery"] as? String == "2027-03-03T17:00:00Z")
            let step = try #require((target["steps"] as? [[String: Any]])?.first)
            let assignment = try #require((step["assignments"] as? [[String: Any]])?.first)
            #expect(assignment["cost"] as? [String: String] != nil)
            let reason = try #require((json["reasons"] as? [[String: Any]])?.first)
            #expect(reason.keys.sorted() == ["args", "code", "text"])
            #expect(reason["code"] as? String == "on_time")
            let args = try #require(reason["args"] as? [String: Any])
            #expect(args["slack"] as? Int == 1440)
            #expect(args["delivery"] as? String == "2027-03-03T17:00:00Z")
            let text = try #require(reason["text"] as? String)
            #expect(text.hasPrefix("Livraison au plus tôt le mer. 03/03/2027 17:00 UTC"))
        }
    }

    @Test func aBadPlanFieldIs422NamingItsPath() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let headers = try await apiToken(app, for: "paula@lumen.example")
            var client = Browser(app)
            let answer = try await client.request(.POST, Self.api, json: Self.misspeltZone, headers: headers)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.errorCode == "invalid")
            #expect(answer.errorField == "vendors[1].timeZone")
            #expect(answer.errorFields == ["vendors[1].timeZone"])
            #expect(answer.errorMessage?.contains("Europe/Pariss") == true)
            #expect(answer.errorFieldCodes == ["unknown_time_zone"])
        }
    }

    @Test func aBadPlanFieldIsExplainedInTheCallersLanguage() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let headers = try await apiToken(app, for: "paula@lumen.example")
            var client = Browser(app, language: "fr")
            let answer = try await client.request(.POST, Self.api, json: Self.misspeltZone, headers: headers)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.errorFieldCodes == ["unknown_time_zone"])
            let field = try #require(
                ((try answer.json()["error"] as? [String: Any])?["fields"] as? [[String: Any]])?.first)
            #expect(
                field["message"] as? String
                    == "fuseau horaire inconnu «\u{00A0}Europe/Pariss\u{00A0}»\u{00A0}; utilisez un nom IANA comme Europe/Paris"
            )
        }
    }

    @Test func aBodyThatIsNotJSONIs400() async throws {
        try await withTandem { app, _ in
            try await makeUser(app, "paula@lumen.example", roles: [.pm])
            let headers = try await apiToken(app, for: "paula@lumen.example")
            var client = Browser(app)
            let answer = try await client.request(.POST, Self.api, json: #"{"vendors": ["#, headers: headers)
            #expect(answer.status == .badRequest)
            #expect(answer.errorCode == "invalid_json")
            let array = try await client.request(.POST, Self.api, json: "[]", headers: headers)
            #expect(array.status == .unprocessableEntity)
            #expect(array.errorField == nil)
            // The engine reads the body once: what it cannot parse is still a 400, JSON that is
            // not an object a 422 naming no field.
            let words = try await client.request(.POST, Self.api, json: "not json at all", headers: headers)
            #expect(words.status == .badRequest)
            #expect(words.errorCode == "invalid_json")
            let null = try await client.request(.POST, Self.api, json: "null", headers: headers)
            #expect(null.status == .unprocessableEntity)
            #expect(null.errorCode == "invalid")
            #expect(null.errorField == nil)
        }
    }
}
