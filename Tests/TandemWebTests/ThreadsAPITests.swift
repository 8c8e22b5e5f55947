import Foundation
import TandemApp
import TandemDomain
import Testing
import Vapor
import VaporTesting

@testable import TandemWeb

/// The threads API contract (issue #15) over HTTP, on SQLite and PostgreSQL.
@Suite("Threads over the API")
struct ThreadsAPITests {
    struct World {
        var sofia: User
        var paula: User
        var vera: User
        var account: Account
        var sofiaToken: String
        var paulaToken: String
        var veraToken: String
    }

    static func world(_ app: Application) async throws -> World {
        let sofia = try await makeUser(app, "sofia@lumen.example", roles: [.sales])
        let paula = try await makeUser(app, "paula@lumen.example", roles: [.pm])
        let vera = try await makeUser(app, "vera@lumen.example", roles: [.vendorManager])
        let account = try await AccountManagement(app.appEnvironment).create(
            AccountInput(name: "Nordhaven Medical", currency: "EUR"), by: sofia, confirmDuplicate: true)
        return World(
            sofia: sofia, paula: paula, vera: vera, account: account,
            sofiaToken: try await APITests().token(app, for: "sofia@lumen.example"),
            paulaToken: try await APITests().token(app, for: "paula@lumen.example"),
            veraToken: try await APITests().token(app, for: "vera@lumen.example"))
    }

    static func post(_ app: Application, _ path: String, _ body: [String: Any], token: String) async throws
        -> TestingHTTPResponse
    {
        var client = Browser(app)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        return try await client.request(.POST, path, json: json, headers: APITests().bearer(token))
    }

    @Test func postingAnswersTheContractWithEscapedHTMLAndVisibleMentions() async throws {
        try await withTandem { app, _ in
            let w = try await Self.world(app)
            let path = "/api/v1/threads/account/\(w.account.id)/comments"
            let response = try await Self.post(
                app, path, ["body": "@paula <script>alert('x')</script> [a](javascript:alert(1)) @vera"],
                token: w.sofiaToken)
            #expect(response.status == .created)
            let body = try response.json()
            #expect(body["id"] is String)
            let html = try #require(body["html"] as? String)
            #expect(!html.contains("<script"))
            #expect(html.contains("&lt;script"))
            #expect(!html.contains("javascript:"))
            #expect(body["mentions"] as? [String] == [w.paula.id.description])
            var client = Browser(app)
            let inbox = try await client.request(
                .GET, "/api/v1/notifications?unread=true", headers: APITests().bearer(w.paulaToken))
            let page = try inbox.json()
            #expect(page["unreadCount"] as? Int == 1)
            #expect(page["nextCursor"] is NSNull)
            let item = try #require((page["items"] as? [[String: Any]])?.first)
            #expect(item["kind"] as? String == "mention")
            #expect(item["recordType"] as? String == "account")
            #expect(item["recordId"] as? String == w.account.id.description)
            #expect(item["read"] as? Bool == false)
            #expect(item["createdAt"] is String && item["id"] is String)
            let vera = try await client.request(.GET, "/api/v1/notifications", headers: APITests().bearer(w.veraToken))
            #expect((try vera.json()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func unknownRecordsJobsPromisesAndHiddenRecordsAre404AndBadBodies422() async throws {
        try await withTandem { app, _ in
            let w = try await Self.world(app)
            let id = UUID().uuidString.lowercased()
            for type in ["job", "promise", "banana"] {
                let r = try await Self.post(
                    app, "/api/v1/threads/\(type)/\(id)/comments", ["body": "hi"], token: w.sofiaToken)
                #expect(r.status == .notFound, "\(type)")
            }
            let missing = try await Self.post(
                app, "/api/v1/threads/quote/\(id)/comments", ["body": "hi"], token: w.sofiaToken)
            #expect(missing.status == .notFound && missing.errorCode == "not_found")
            let hidden = try await Self.post(
                app, "/api/v1/threads/account/\(w.account.id)/comments", ["body": "hi"], token: w.veraToken)
            #expect(hidden.status == .notFound)
            let empty = try await Self.post(
                app, "/api/v1/threads/account/\(w.account.id)/comments", ["body": "  "], token: w.sofiaToken)
            #expect(empty.status == .unprocessableEntity && empty.errorField == "body")
            let wrong = try await Self.post(
                app, "/api/v1/threads/account/\(w.account.id)/comments", ["body": 12], token: w.sofiaToken)
            #expect(wrong.status == .unprocessableEntity && wrong.errorField == "body")
        }
    }

    @Test func listingPagesEditingConflictsAndKeepsHistory() async throws {
        try await withTandem { app, clock in
            let w = try await Self.world(app)
            let path = "/api/v1/threads/account/\(w.account.id)/comments"
            var ids: [String] = []
            for n in 1...3 {
                let r = try await Self.post(app, path, ["body": "Note \(n)"], token: w.sofiaToken)
                ids.append(try #require(try r.json()["id"] as? String))
                clock.advance(by: 60)
            }
            var client = Browser(app)
            let first = try await client.request(.GET, path + "?limit=2", headers: APITests().bearer(w.paulaToken))
            let page = try first.json()
            #expect((page["items"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["Note 3", "Note 2"])
            let cursor = try #require(page["nextCursor"] as? String)
            let second = try await client.request(
                .GET, path + "?limit=2&cursor=\(cursor)", headers: APITests().bearer(w.paulaToken))
            #expect(
                (try second.json()["items"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["Note 1"])
            let edit = try await client.request(
                .PATCH, "/api/v1/comments/\(ids[0])", json: #"{"body": "Note one", "version": 1}"#,
                headers: APITests().bearer(w.sofiaToken))
            let editedVersion = try edit.json()["version"] as? Int
            #expect(edit.status == .ok && editedVersion == 2)
            let stale = try await client.request(
                .PATCH, "/api/v1/comments/\(ids[0])", json: #"{"body": "Note uno", "version": 1}"#,
                headers: APITests().bearer(w.sofiaToken))
            #expect(stale.status == .conflict && stale.errorField == "version")
            let others = try await client.request(
                .PATCH, "/api/v1/comments/\(ids[0])", json: #"{"body": "mine", "version": 2}"#,
                headers: APITests().bearer(w.paulaToken))
            #expect(others.status == .forbidden)
            let history = try await client.request(
                .GET, "/api/v1/comments/\(ids[0])/history", headers: APITests().bearer(w.paulaToken))
            let revisions = try #require(try history.json()["revisions"] as? [[String: Any]])
            #expect(revisions.compactMap { $0["body"] as? String } == ["Note 1"])
        }
    }

    @Test func attachmentsAreSizeLimitedAndDownloadedByWhoMaySeeTheRecord() async throws {
        try await withTandem { app, _ in
            let w = try await Self.world(app)
            let posted = try await Self.post(
                app, "/api/v1/threads/account/\(w.account.id)/comments", ["body": "Style guide attached"],
                token: w.sofiaToken)
            let id = try #require(try posted.json()["id"] as? String)
            func upload(_ data: Data, token: String) async throws -> TestingHTTPResponse {
                var body = ByteBuffer()
                body.writeString(
                    "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guide.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                body.writeBytes(data)
                body.writeString("\r\n--XX--\r\n")
                var headers = APITests().bearer(token)
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=XX")
                return try await app.testing().sendRequest(
                    .POST, "/api/v1/comments/\(id)/attachments", headers: headers, body: body)
            }
            let big = try await upload(Data(repeating: 65, count: 1_600_000), token: w.sofiaToken)
            #expect(big.status == .payloadTooLarge && big.errorField == "file")
            #expect(big.errorMessage?.contains("1.5 MB") == true)
            let notAuthor = try await upload(Data("hello".utf8), token: w.paulaToken)
            #expect(notAuthor.status == .forbidden)
            let ok = try await upload(Data("Use the client's glossary.".utf8), token: w.sofiaToken)
            #expect(ok.status == .created)
            let href = try #require(try ok.json()["href"] as? String)
            var client = Browser(app)
            let file = try await client.request(.GET, href, headers: APITests().bearer(w.paulaToken))
            #expect(file.status == .ok && file.body.string == "Use the client's glossary.")
            let hidden = try await client.request(.GET, href, headers: APITests().bearer(w.veraToken))
            #expect(hidden.status == .notFound)
            let listed = try await client.request(
                .GET, "/api/v1/threads/account/\(w.account.id)/comments", headers: APITests().bearer(w.paulaToken))
            let attachments =
                (try listed.json()["items"] as? [[String: Any]])?.first?["attachments"] as? [[String: Any]]
            #expect(attachments?.first?["name"] as? String == "guide.txt")
        }
    }

    @Test func followPreferencesAndTheTimeline() async throws {
        try await withTandem { app, _ in
            let w = try await Self.world(app)
            var client = Browser(app)
            let follow = try await client.request(
                .PUT, "/api/v1/threads/account/\(w.account.id)/follow", headers: APITests().bearer(w.paulaToken))
            let following = try follow.json()["following"] as? Bool
            #expect(follow.status == .ok && following == true)
            let prefs = try await client.request(
                .PUT, "/api/v1/notification-preferences",
                json: #"{"items": [{"kind": "followed", "inApp": false, "digest": true}]}"#,
                headers: APITests().bearer(w.paulaToken))
            #expect(prefs.status == .ok)
            let bad = try await client.request(
                .PUT, "/api/v1/notification-preferences",
                json: #"{"items": [{"kind": "weather", "inApp": false, "digest": true}]}"#,
                headers: APITests().bearer(w.paulaToken))
            #expect(bad.status == .unprocessableEntity && bad.errorField == "kind")
            _ = try await Self.post(
                app, "/api/v1/threads/account/\(w.account.id)/comments", ["body": "Signed the NDA"], token: w.sofiaToken
            )
            let count = try await client.request(
                .GET, "/api/v1/notifications/unread-count", headers: APITests().bearer(w.paulaToken))
            #expect(try count.json()["unread"] as? Int == 0)
            let digest = try await client.request(
                .GET, "/api/v1/notifications/digest", headers: APITests().bearer(w.paulaToken))
            #expect((try digest.json()["items"] as? [[String: Any]])?.first?["kind"] as? String == "followed")
            let timeline = try await client.request(
                .GET, "/api/v1/threads/account/\(w.account.id)/timeline", headers: APITests().bearer(w.paulaToken))
            #expect((try timeline.json()["items"] as? [[String: Any]])?.first?["type"] as? String == "comment")
        }
    }
}
