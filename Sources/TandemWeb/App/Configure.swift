import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Leaf
import TandemApp
import TandemDomain
import TandemLocalization
import TandemPersistence
import Vapor

/// Wires the app: database, migrations, templates, catalogs, middleware and routes.
/// The same function serves `tandem serve`, `tandem migrate` and the HTTP tests.
public func configure(_ app: Application, context: AppContext, location: DatabaseLocation? = nil) async throws {
    app.tandem = context
    app.signInGuard = SignInGuard()
    let config = context.config
    let resources = URL(fileURLWithPath: config.resourcesDirectory, isDirectory: true).standardizedFileURL
    app.directory.viewsDirectory = resources.appendingPathComponent("Views").path + "/"
    app.directory.publicDirectory = resources.appendingPathComponent("Public").path + "/"
    app.directory.resourcesDirectory = resources.path + "/"

    let location = location ?? config.databaseLocation
    if case .sqliteFile(let path) = location {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }
    app.databases.use(try location.configuration(), as: location.databaseID)
    app.migrations.add(TandemMigrations.all)
    if case .sqliteFile = location { try await SQLiteContention.useWriteAheadLog(on: app.db) }

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "2mb"

    let catalogs = try Catalogs.load(
        shipped: resources.appendingPathComponent("Locales"),
        imported: URL(fileURLWithPath: config.dataDirectory).appendingPathComponent("locales"))
    app.localization = LocalizationService(catalogs: catalogs)
    app.installCapacityService()
    app.installPDFRenderer()
    app.installJobWorker()

    app.views.use(.leaf)
    app.leaf.configuration.rootDirectory = app.directory.viewsDirectory
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.leaf.tags["t"] = TranslateTag(catalogs: catalogs)

    // Order matters: request ID and errors outermost, so every response (even a failure in a
    // later middleware) carries the ID and a proper error body.
    app.middleware = Middlewares()
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(APINoStoreMiddleware())
    app.middleware.use(TandemErrorMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))

    try routes(app)
}

func routes(_ app: Application) throws {
    HealthRoutes.register(app)
    app.get(.openAPIDocument) { req async throws -> Response in
        let response = try await req.fileio.asyncStreamFile(
            at: req.application.directory.resourcesDirectory + "OpenAPI/openapi.yaml")
        response.headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
        return response
    }

    let api = app.grouped(APIRoute.prefixComponents).grouped(
        LocalizationMiddleware(), BearerAuthenticator(), LocalizationMiddleware(), RequireAPIUser())
    UsersAPI.register(api)
    FeasibilityAPI.register(api)
    VendorsAPI.register(api)
    CapacityAPI.register(api)
    VendorPreferencesAPI.register(api)
    AccountsAPI.register(api)
    ClientsAPI.register(api)
    OpportunitiesAPI.register(api)
    PipelineSettingsAPI.register(api)
    OpportunityBriefAPI.register(api)
    NotificationsAPI.register(api)
    RateCardsAPI.register(api)
    WorkflowsAPI.register(api)

    let site = app.grouped(SessionAuthenticator(), LocalizationMiddleware(), FlashMiddleware(), CSRFProtection())
    AuthPages.register(site)
    InvitationPages.register(site)
    LanguagePages.register(site)
    let signedIn = site.grouped(RequireSignInPage())
    DashboardPages.register(signedIn)
    UserPages.register(signedIn)
    OrganisationPages.register(signedIn)
    ProfilePages.register(signedIn)
    CapacityPages.register(signedIn, resourcesDirectory: app.directory.resourcesDirectory)
    AccountPages.register(signedIn)
    ClientRecordPages.register(signedIn)
    BriefPages.register(signedIn)
    DeadlineCheckPages.register(signedIn)
    VendorPages.register(signedIn)
    PipelinePages.register(signedIn)
    OpportunityPages.register(signedIn)
    OpportunityBriefPages.register(signedIn)
    PipelineSettingsPages.register(signedIn)
    RateCardPages.register(signedIn)
    WorkflowPages.register(signedIn)
    PricingSettingsPages.register(signedIn)
    SearchPages.register(signedIn)
    NotificationPages.register(signedIn)
    PDFQuoteRoutes.register(pages: signedIn, api: api)
    QuotePages.register(signedIn)
    QuoteReviewPages.register(signedIn)
    ProjectPages.register(signedIn)
    ProductionPages.register(signedIn)
    TogetherPages.register(signedIn)
    QuotesAPI.register(api, maxUpload: app.tandem.config.quoteUploadMaxBytes)
    ProjectsAPI.register(api)
    ProductionAPI.register(api)
    LedgerPages.register(signedIn)
    LedgerAPI.register(api)
    ThreadRuntime.configure(app, api: api, signedIn: signedIn)  // threads (issue #15)
    // Working together (docs/together.md).
    TogetherAPI.register(api)
    // Scorecards and incentive plans (docs/metrics.md).
    ScorecardsAPI.register(api)
    GuidanceRoutes.register(pages: signedIn, api: api)  // client fit, where to sell, parity (docs/guidance.md)
    IncentivesAPI.register(api)
    ScorecardPages.register(signedIn)
}
