import Foundation
import TandemApp
import TandemDomain
import TandemLocalization
import Vapor

/// CSV import (upload → map columns → preview → import) and export. The file travels back with
/// each step in a hidden field, so no upload is kept on the server between steps.
enum VendorImportPages {
    struct UploadContext: Encodable {
        var shell: PageShell
        var action: String
        var backHref: String
        var exampleColumns: String
        var errors: FormErrors
    }

    struct ColumnChoice: Encodable {
        var column: String
        var label: String
        var options: [SelectOption]
    }

    struct PreviewRow: Encodable {
        var name: String
        var timeZone: String
        var capabilities: String
        var rates: Int
    }

    struct MappingContext: Encodable {
        var shell: PageShell
        var csv: String
        var rowCount: String
        var columns: [ColumnChoice]
        var mappingAction: String
        var confirmAction: String
        var backHref: String
        /// After "Preview": every wrong row, or the vendors that would be created.
        var previewed: Bool
        var rowErrors: [String]
        var preview: [PreviewRow]
        var vendorCount: String
    }

    struct UploadForm: Content {
        var file: File?
        var csv: String?
    }

    struct MappingForm: Content {
        var csv: String
        var map: [String: String]?
    }

    static func register(_ routes: any RoutesBuilder) {
        routes.get(.vendorImport, use: uploadForm)
        routes.on(.POST, SiteRoute.vendorImport.pathComponents, body: .collect(maxSize: "4mb"), use: upload)
        routes.on(
            .POST, SiteRoute.vendorImportMapping.pathComponents, body: .collect(maxSize: "4mb"), use: previewMapping)
        routes.on(.POST, SiteRoute.vendorImportConfirm.pathComponents, body: .collect(maxSize: "4mb"), use: confirm)
        routes.get(.vendorExport, use: export)
    }

    @Sendable static func uploadForm(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        return try await renderUpload(req, errors: FormErrors(), status: .ok)
    }

    static func renderUpload(_ req: Request, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let context = UploadContext(
            shell: try await req.shell(title: req.localizer.t("vendors.import.title"), area: .vendors),
            action: SiteRoute.vendorImport.path, backHref: SiteRoute.area(.vendors).path,
            exampleColumns: VendorCSV.Column.allCases.map(\.rawValue).joined(separator: ", "), errors: errors)
        return try await req.renderPage("vendors/import", context, status: status)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let form = try req.content.decode(UploadForm.self)
        var text = form.csv ?? ""
        if let file = form.file, file.data.readableBytes > 0 { text = String(buffer: file.data) }
        do {
            let table = try VendorCSV.read(text)
            return try await renderMapping(
                req, csv: text, header: table.header, rows: table.rows.count,
                mapping: VendorCSV.suggestMapping(table.header), preview: nil)
        } catch  where !error.domainErrors.isEmpty {
            var errors = FormErrors()
            errors.add(error, in: req)
            return try await renderUpload(req, errors: errors, status: .unprocessableEntity)
        }
    }

    static func mapping(_ form: MappingForm, header: [String]) -> VendorCSV.Mapping {
        var mapping = VendorCSV.Mapping()
        for (name, value) in form.map ?? [:] {
            guard let column = VendorCSV.Column(rawValue: name), let index = Int(value), header.indices.contains(index)
            else {
                continue
            }
            mapping[column] = index
        }
        return mapping
    }

    @Sendable static func previewMapping(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let form = try req.content.decode(MappingForm.self)
        let table = try VendorCSV.read(form.csv)
        let mapping = mapping(form, header: table.header)
        let preview = try await VendorImport(req.appEnvironment).preview(form.csv, mapping: mapping)
        return try await renderMapping(
            req, csv: form.csv, header: table.header, rows: table.rows.count, mapping: mapping, preview: preview,
            status: preview.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        try req.authorize(.manageVendors)
        let form = try req.content.decode(MappingForm.self)
        let table = try VendorCSV.read(form.csv)
        let mapping = mapping(form, header: table.header)
        do {
            let vendors = try await VendorImport(req.appEnvironment).run(form.csv, mapping: mapping)
            let response = req.redirect(to: SiteRoute.area(.vendors).path)
            req.setFlash(response, "vendors.import.done", ["count": String(vendors.count)])
            return response
        } catch let rejected as VendorImport.Rejected {
            let preview = VendorImport.Preview(vendors: [], errors: rejected.errors, rowCount: table.rows.count)
            return try await renderMapping(
                req, csv: form.csv, header: table.header, rows: table.rows.count, mapping: mapping, preview: preview,
                status: .unprocessableEntity)
        }
    }

    static func renderMapping(
        _ req: Request, csv: String, header: [String], rows: Int, mapping: VendorCSV.Mapping,
        preview: VendorImport.Preview?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let l = req.localizer
        let columns = VendorCSV.Column.allCases.map { column in
            ColumnChoice(
                column: column.rawValue, label: column.rawValue,
                options: [
                    SelectOption(value: "", label: l.t("vendors.import.not_in_file"), selected: mapping[column] == nil)
                ]
                    + header.enumerated().map { index, name in
                        SelectOption(
                            value: String(index), label: name.isEmpty ? "#\(index + 1)" : name,
                            selected: mapping[column] == index)
                    })
        }
        let context = MappingContext(
            shell: try await req.shell(title: l.t("vendors.import.mapping_title"), area: .vendors), csv: csv,
            rowCount: l.plural("vendors.import.rows", count: rows), columns: columns,
            mappingAction: SiteRoute.vendorImportMapping.path, confirmAction: SiteRoute.vendorImportConfirm.path,
            backHref: SiteRoute.vendorImport.path, previewed: preview != nil,
            rowErrors: (preview?.errors ?? []).map { error in
                l.tx(
                    "vendors.import.row_error",
                    [
                        "row": String(error.row), "column": error.column,
                        "message": error.error.localized { key, arguments in l.tx(key, arguments) },
                    ])
            },
            preview: (preview?.vendors ?? []).prefix(100).map { vendor in
                PreviewRow(
                    name: vendor.profile.name, timeZone: vendor.profile.timeZone,
                    capabilities: vendor.capabilities.map {
                        "\($0.pair.source)→\($0.pair.target) \(l.service($0.service))"
                    }
                    .joined(separator: ", "),
                    rates: vendor.rates.count)
            },
            vendorCount: l.plural("vendors.count", count: preview?.vendors.count ?? 0))
        return try await req.renderPage("vendors/import-mapping", context, status: status)
    }

    @Sendable static func export(req: Request) async throws -> Response {
        try req.authorize(.viewVendors)
        var problems: [FieldError] = []
        let filter = VendorQuery.filter(req, problems: &problems)
        guard problems.isEmpty else { throw Abort(.unprocessableEntity) }
        let text = try await VendorImport(req.appEnvironment).export(filter)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "vendors.csv")
        return response
    }
}
