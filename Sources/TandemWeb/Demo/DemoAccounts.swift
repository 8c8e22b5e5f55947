import Foundation
import TandemDomain

/// Demo step "demo.v2.accounts": Lumen's clients. About 40 accounts of the kinds an LSP serves
/// (software, medical devices, legal, e-commerce, games, public sector; some groups with
/// subsidiaries), owned by the three sales reps with a partner PM each, with contacts, briefs
/// (most complete, 1–3 versions), assets and activities, some next steps overdue.
///
/// Account IDs are fixed, for later steps (the pipeline's 120 opportunities): the account at
/// position `i` of `DemoAccounts.catalogue` (0-based) has ID `DemoAccounts.accountID(i)`, the
/// UUID `00000000-0000-0000-0000-0000000300ii` (0x3_0000 + i); `DemoAccounts.accountIDs` lists them
/// all in that order. Other records of this step take IDs from 0x3_0100 on.
enum DemoAccounts {
    static let idBase = 0x3_0000

    static func accountID(_ index: Int) -> Account.ID {
        Account.ID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012llx", UInt64(idBase + index)))!)
    }

    static var accountIDs: [Account.ID] { catalogue.indices.map(accountID) }

    struct Entry {
        var name: String
        var industry: String
        var country: String
        var currency: String
        var domain: String
        var tier: Account.Tier
        var status: Account.Status
        /// 0 Sofia Sales, 1 Samuel Sauer, 2 Sara Lindqvist.
        var rep: Int
        /// 0 Paula Project, 1 Pierre Durand, 2 Priya Natarajan.
        var pm: Int
        var parent: Int?
        var subjects: [String]
        var pairs: [String]
    }

    static let reps = ["sofia.sales@lumen.example", "samuel.sauer@lumen.example", "sara.lindqvist@lumen.example"]
    static let pms = ["paula.project@lumen.example", "pierre.durand@lumen.example", "priya.natarajan@lumen.example"]

    static func e(
        _ name: String, _ industry: String, _ country: String, _ currency: String, _ domain: String,
        _ tier: Account.Tier, _ status: Account.Status, rep: Int, pm: Int, parent: Int? = nil,
        subjects: [String], pairs: [String]
    ) -> Entry {
        Entry(
            name: name, industry: industry, country: country, currency: currency, domain: domain, tier: tier,
            status: status, rep: rep, pm: pm, parent: parent, subjects: subjects, pairs: pairs)
    }

    static let software = ["Software", "UI strings"]
    static let medical = ["Medical devices", "Regulatory (MDR)"]
    static let legal = ["Legal", "Contracts"]

    /// Never reorder: positions are the accounts' IDs. Append new accounts at the end.
    static let catalogue: [Entry] = [
        e(
            "Brightpath Software", "Software", "US", "USD", "brightpath.example", .a, .active, rep: 0, pm: 0,
            subjects: software, pairs: ["en>fr-FR", "en>de-DE", "en>ja-JP"]),
        e(
            "Nordlicht Medical Group", "Medical devices", "DE", "EUR", "nordlicht-med.example", .a, .active, rep: 1,
            pm: 1,
            subjects: medical, pairs: ["de>en", "de>fr", "de>it"]),
        e(
            "Nordlicht Medical France", "Medical devices", "FR", "EUR", "fr.nordlicht-med.example", .b, .active, rep: 1,
            pm: 1, parent: 1, subjects: medical, pairs: ["fr>en", "fr>de"]),
        e(
            "Nordlicht Medical Italia", "Medical devices", "IT", "EUR", "it.nordlicht-med.example", .b, .active, rep: 1,
            pm: 1, parent: 1, subjects: medical, pairs: ["it>en", "it>de"]),
        e(
            "Élan Légal Avocats", "Legal", "FR", "EUR", "elan-legal.example", .a, .active, rep: 0, pm: 1,
            subjects: legal, pairs: ["fr>en", "en>fr"]),
        e(
            "Kestrel Games", "Games", "SE", "SEK", "kestrelgames.example", .a, .active, rep: 2, pm: 2,
            subjects: ["Games", "Marketing"], pairs: ["en>fr-FR", "en>de-DE", "en>es-ES", "en>pt-BR", "en>ja-JP"]),
        e(
            "Helvetia Assurances Group", "Insurance", "CH", "CHF", "helvetia-assur.example", .a, .active, rep: 1, pm: 0,
            subjects: ["Insurance", "Finance"], pairs: ["de-CH>fr-CH", "de-CH>it-CH", "de-CH>en"]),
        e(
            "Helvetia Assurances Romandie", "Insurance", "CH", "CHF", "romandie.helvetia-assur.example", .b, .active,
            rep: 1, pm: 0, parent: 6, subjects: ["Insurance"], pairs: ["fr-CH>de-CH"]),
        e(
            "Maison Verte E-commerce", "E-commerce", "FR", "EUR", "maisonverte.example", .b, .active, rep: 0, pm: 2,
            subjects: ["E-commerce", "Marketing"], pairs: ["fr>en", "fr>de", "fr>es", "fr>it"]),
        e(
            "City of Lyon Culture Department", "Public sector", "FR", "EUR", "culture.lyon.example", .c, .active,
            rep: 0, pm: 0, subjects: ["Public sector", "Culture"], pairs: ["fr>en", "fr>es"]),
        e(
            "European Rail Agency Contractors", "Public sector", "BE", "EUR", "era-contractors.example", .b, .prospect,
            rep: 2, pm: 1, subjects: ["Public sector", "Railways"], pairs: ["en>fr", "en>de", "en>nl"]),
        e(
            "Quantix Analytics", "Software", "GB", "GBP", "quantix.example", .b, .active, rep: 2, pm: 0,
            subjects: software, pairs: ["en>fr", "en>de", "en>es"]),
        e(
            "Aurora Health Devices", "Medical devices", "FI", "EUR", "aurorahealth.example", .b, .prospect, rep: 2,
            pm: 1,
            subjects: medical, pairs: ["en>fi", "en>sv", "en>de"]),
        e(
            "Pixel Harbor Studios", "Games", "CA", "CAD", "pixelharbor.example", .b, .active, rep: 2, pm: 2,
            subjects: ["Games"], pairs: ["en>fr-CA", "en>es-MX", "en>pt-BR"]),
        e(
            "Rhein Logistics", "Logistics", "DE", "EUR", "rhein-logistics.example", .c, .dormant, rep: 1, pm: 2,
            subjects: ["Logistics"], pairs: ["de>en", "de>pl"]),
        e(
            "Solea Pharma", "Pharmaceuticals", "ES", "EUR", "soleapharma.example", .a, .active, rep: 0, pm: 1,
            subjects: ["Pharmaceuticals", "Clinical trials"], pairs: ["en>es", "en>fr", "en>de", "en>it"]),
        e(
            "Baltic Cloud Systems", "Software", "EE", "EUR", "balticcloud.example", .c, .prospect, rep: 2, pm: 0,
            subjects: software, pairs: ["en>et", "en>lv", "en>lt"]),
        e(
            "Vantage Legal LLP", "Legal", "GB", "GBP", "vantagelegal.example", .b, .active, rep: 0, pm: 1,
            subjects: legal, pairs: ["en>fr", "en>de", "de>en"]),
        e(
            "Oceanic Retail Group", "E-commerce", "NL", "EUR", "oceanicretail.example", .a, .active, rep: 2, pm: 2,
            subjects: ["E-commerce", "Product data"], pairs: ["en>nl", "en>de", "en>fr", "en>pl"]),
        e(
            "Oceanic Retail Benelux", "E-commerce", "BE", "EUR", "benelux.oceanicretail.example", .b, .active, rep: 2,
            pm: 2, parent: 18, subjects: ["E-commerce"], pairs: ["nl>fr-BE"]),
        e(
            "Oceanic Retail Polska", "E-commerce", "PL", "PLN", "pl.oceanicretail.example", .c, .active, rep: 2, pm: 2,
            parent: 18, subjects: ["E-commerce"], pairs: ["en>pl"]),
        e(
            "Cardia Implants", "Medical devices", "IE", "EUR", "cardia-implants.example", .b, .active, rep: 1, pm: 1,
            subjects: medical, pairs: ["en>fr", "en>de", "en>it", "en>es"]),
        e(
            "Lumos Learning", "E-learning", "US", "USD", "lumoslearning.example", .c, .active, rep: 0, pm: 0,
            subjects: ["E-learning"], pairs: ["en>es-US", "en>fr-CA"]),
        e(
            "Ministère de la Transition (pilot)", "Public sector", "FR", "EUR", "transition-pilot.example", .c,
            .prospect, rep: 0, pm: 1, subjects: ["Public sector", "Environment"], pairs: ["fr>en", "fr>de"]),
        e(
            "Sakura Robotics Europe", "Manufacturing", "DE", "EUR", "sakura-robotics.example", .b, .active, rep: 1,
            pm: 2,
            subjects: ["Machinery", "Manuals"], pairs: ["ja>en", "en>de", "en>fr"]),
        e(
            "Fjord Fintech", "Finance", "NO", "NOK", "fjordfintech.example", .b, .prospect, rep: 2, pm: 0,
            subjects: ["Finance", "Software"], pairs: ["en>nb", "en>sv", "en>da"]),
        e(
            "Atelier Nova Fashion", "E-commerce", "IT", "EUR", "ateliernova.example", .c, .active, rep: 0, pm: 2,
            subjects: ["Fashion", "Marketing"], pairs: ["it>en", "it>fr", "it>de"]),
        e(
            "Granite Peak Games", "Games", "US", "USD", "granitepeak.example", .c, .lost, rep: 2, pm: 2,
            subjects: ["Games"], pairs: ["en>de", "en>fr"]),
        e(
            "Meridian Law Partners", "Legal", "LU", "EUR", "meridianlaw.example", .b, .active, rep: 1, pm: 1,
            subjects: legal, pairs: ["fr>en", "de>en", "en>fr"]),
        e(
            "Polaris Diagnostics", "Medical devices", "SE", "SEK", "polarisdx.example", .a, .active, rep: 2, pm: 1,
            subjects: medical, pairs: ["en>sv", "en>fi", "en>da", "en>nb"]),
        e(
            "Tessera Software Group", "Software", "FR", "EUR", "tessera.example", .a, .active, rep: 0, pm: 0,
            subjects: software, pairs: ["fr>en", "en>de", "en>es", "en>it"]),
        e(
            "Tessera Cloud", "Software", "FR", "EUR", "cloud.tessera.example", .b, .active, rep: 0, pm: 0, parent: 30,
            subjects: software, pairs: ["en>fr", "en>de"]),
        e(
            "Tessera Payroll", "Software", "ES", "EUR", "payroll.tessera.example", .c, .active, rep: 0, pm: 0,
            parent: 30,
            subjects: software, pairs: ["es>en", "en>es"]),
        e(
            "Vireo Energy", "Energy", "PT", "EUR", "vireoenergy.example", .c, .dormant, rep: 1, pm: 2,
            subjects: ["Energy", "Technical"], pairs: ["pt-PT>en", "en>pt-PT"]),
        e(
            "Danube University Press", "Publishing", "AT", "EUR", "danube-press.example", .c, .active, rep: 1, pm: 0,
            subjects: ["Academic", "Publishing"], pairs: ["de>en"]),
        e(
            "Orbital Maps", "Software", "US", "USD", "orbitalmaps.example", .b, .prospect, rep: 2, pm: 0,
            subjects: software, pairs: ["en>ja-JP", "en>ko-KR", "en>zh-Hans"]),
        e(
            "Alpine Ski Resorts Association", "Tourism", "AT", "EUR", "alpine-ski.example", .c, .active, rep: 1, pm: 2,
            subjects: ["Tourism", "Marketing"], pairs: ["de>en", "de>nl", "de>fr"]),
        e(
            "Kinetic Sports Retail", "E-commerce", "GB", "GBP", "kineticsports.example", .b, .dormant, rep: 0, pm: 2,
            subjects: ["E-commerce"], pairs: ["en>fr", "en>de", "en>es", "en>it"]),
        e(
            "Sentinel Cyber", "Software", "IL", "USD", "sentinelcyber.example", .b, .active, rep: 2, pm: 0,
            subjects: software, pairs: ["en>fr", "en>de", "en>ja-JP"]),
        e(
            "Province of Québec Tourism Office", "Public sector", "CA", "CAD", "tourisme-qc.example", .b, .prospect,
            rep: 0, pm: 1, subjects: ["Public sector", "Tourism"], pairs: ["fr-CA>en", "fr-CA>es"]),
    ]
}
