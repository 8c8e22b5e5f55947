import Foundation
import TandemApp
import TandemDomain
import TandemPersistence
import Testing

@Suite("Vendor CSV import and export")
struct VendorImportTests {
    static var example: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return try String(
                contentsOf: root.appendingPathComponent("Resources/Examples/vendors-example.csv"), encoding: .utf8)
        }
    }

    func withImport(_ body: (VendorImport, AppEnvironment) async throws -> Void) async throws {
        try await VendorDirectoryTests().withEnvironment { env in try await body(VendorImport(env), env) }
    }

    @Test func theExampleFileImportsWithSuggestedColumns() async throws {
        try await withImport { importer, env in
            let text = try Self.example
            let mapping = VendorCSV.suggestMapping(try VendorCSV.read(text).header)
            #expect(mapping.count == VendorCSV.Column.allCases.count)
            let vendors = try await importer.run(text, mapping: mapping)
            #expect(vendors.map(\.profile.name) == ["Lena Vogel", "Kanji Bridge", "Omar Haddad", "Camille Roux"])
            let lena = try #require(vendors.first)
            #expect(lena.capabilities.map(\.service) == [.translation, .revision])
            #expect(lena.rates.map(\.unit) == [.word, .hour, .minimumFee])
            #expect(lena.profile.workingHours.intervals(on: .mon).count == 2)
            #expect(vendors[1].profile.parallelWorkers == 6)
            #expect(vendors[1].capabilities.last?.throughput == Throughput(perHour: 6, unit: .pages))
            #expect(vendors[2].profile.workingHours.intervals(on: .sun).count == 1)
            #expect(vendors[2].capabilities.first?.approval.approved == false)
            #expect(vendors[3].profile.hourlyCost == Money(46, .eur))
            #expect(try await env.stores.vendors.count() == 4)
        }
    }

    @Test func oneBadRowImportsNothingAndNamesRowColumnAndFix() async throws {
        try await withImport { importer, env in
            let text = try Self.example.replacingOccurrences(of: "Asia/Dubai", with: "Europe/Pariss")
                .replacingOccurrences(of: ",240,words,", with: ",fast,words,")
            let mapping = VendorCSV.suggestMapping(try VendorCSV.read(text).header)
            let rejected = await #expect(throws: VendorImport.Rejected.self) {
                try await importer.run(text, mapping: mapping)
            }
            let errors = try #require(rejected?.errors)
            #expect(errors.map(\.row) == [5, 7])
            #expect(errors.map(\.column) == ["throughput", "time_zone"])
            #expect(errors[1].error.key == "error.time_zone.invalid")
            #expect(errors[1].error.arguments["value"] == "Europe/Pariss")
            let stored = try await env.stores.vendors.count()
            #expect(stored == 0)
        }
    }

    @Test func anExportImportsAgainToTheSameVendors() async throws {
        try await withImport { importer, env in
            let text = try Self.example
            try await importer.run(text, mapping: VendorCSV.suggestMapping(try VendorCSV.read(text).header))
            let exported = try await importer.export()
            let table = try VendorCSV.read(exported)
            #expect(table.header == VendorCSV.Column.allCases.map(\.rawValue))
            #expect(table.rows.count == 7)
            let again = try await importer.preview(exported, mapping: VendorCSV.suggestMapping(table.header))
            #expect(again.errors.isEmpty)
            let original = try await env.stores.vendors.list(.all)
            #expect(Set(again.vendors.map(\.profile.name)) == Set(original.map(\.name)))
            let lena = try #require(again.vendors.first { $0.profile.name == "Lena Vogel" })
            #expect(lena.rates.count == 3)
            #expect(lena.profile.domains == original.first { $0.name == "Lena Vogel" }?.domains)
            #expect(
                WorkingHoursText.format(lena.profile.workingHours) == "mon-fri 08:00-12:00,13:00-17:00")
        }
    }

    @Test func anUnreadableFileIsOneClearError() async throws {
        #expect(throws: DomainError.self) { try VendorCSV.read("") }
    }
}
