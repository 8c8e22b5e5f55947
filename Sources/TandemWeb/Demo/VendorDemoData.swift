import Foundation
import TandemDomain

/// Deterministic vendor data for the demo (about 300 vendors) and for `tandem demo --scale`
/// (thousands): the same generator, a fixed seed, dates relative to the given clock.
struct VendorDemoData {
    var vendors: [VendorProfile] = []
    var capabilities: [VendorCapability] = []
    var rates: [VendorRate] = []
    var absences: [VendorAbsence] = []
    var bookings: [VendorBooking] = []
    var holds: [TentativeHold] = []

    /// A target language with where its linguists live and what they are called.
    struct Market {
        var source: String
        var target: String
        var zones: [String]
        var first: [String]
        var last: [String]
        /// Share of working time already booked over the next weeks (hot spots are high).
        var load: Double
        var slow: Bool = false
    }

    static let markets: [Market] = [
        .init(
            source: "en", target: "de", zones: ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich"],
            first: ["Lena", "Jonas", "Miriam", "Felix", "Anke", "Tobias"],
            last: ["Vogel", "Krause", "Hartmann", "Brandt", "Seidel", "Kühn"], load: 0.9),
        .init(
            source: "en", target: "ja", zones: ["Asia/Tokyo"],
            first: ["Aiko", "Haruto", "Yui", "Kenji", "Sakura", "Ren"],
            last: ["Tanaka", "Sato", "Suzuki", "Watanabe", "Ito", "Nakamura"], load: 0.88, slow: true),
        .init(
            source: "en", target: "fr", zones: ["Europe/Paris", "Europe/Brussels", "America/Montreal"],
            first: ["Camille", "Julien", "Élodie", "Mathieu", "Claire", "Hugo"],
            last: ["Durand", "Lefèvre", "Moreau", "Girard", "Lambert", "Fontaine"], load: 0.55),
        .init(
            source: "en", target: "es", zones: ["Europe/Madrid", "America/Mexico_City", "America/Bogota"],
            first: ["Lucía", "Javier", "Carmen", "Diego", "Marta", "Pablo"],
            last: ["García", "Fernández", "López", "Martín", "Ruiz", "Navarro"], load: 0.5),
        .init(
            source: "en", target: "it", zones: ["Europe/Rome"],
            first: ["Giulia", "Marco", "Chiara", "Luca", "Francesca", "Matteo"],
            last: ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Greco"], load: 0.45),
        .init(
            source: "en", target: "pt-BR", zones: ["America/Sao_Paulo"],
            first: ["Ana", "Rafael", "Beatriz", "Lucas", "Fernanda", "Thiago"],
            last: ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Costa"], load: 0.4),
        .init(
            source: "en", target: "nl", zones: ["Europe/Amsterdam", "Europe/Brussels"],
            first: ["Sanne", "Daan", "Eva", "Bram", "Lotte", "Thijs"],
            last: ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder"], load: 0.4),
        .init(
            source: "en", target: "sv", zones: ["Europe/Stockholm"],
            first: ["Elin", "Oskar", "Maja", "Erik", "Linnea", "Axel"],
            last: ["Lindqvist", "Andersson", "Berg", "Holm", "Nyström", "Ek"], load: 0.35),
        .init(
            source: "en", target: "da", zones: ["Europe/Copenhagen"],
            first: ["Freja", "Mads", "Ida", "Rasmus", "Sofie", "Emil"],
            last: ["Nielsen", "Jensen", "Hansen", "Møller", "Lund", "Dahl"], load: 0.3),
        .init(
            source: "en", target: "nb", zones: ["Europe/Oslo"],
            first: ["Ingrid", "Sindre", "Nora", "Henrik", "Kari", "Magnus"],
            last: ["Haugen", "Johansen", "Berge", "Solberg", "Strand", "Lie"], load: 0.3),
        .init(
            source: "en", target: "fi", zones: ["Europe/Helsinki"],
            first: ["Aino", "Eero", "Helmi", "Juho", "Venla", "Otto"],
            last: ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Laine", "Heikkinen"], load: 0.3),
        .init(
            source: "en", target: "pl", zones: ["Europe/Warsaw"],
            first: ["Zofia", "Jakub", "Maria", "Kacper", "Agnieszka", "Piotr"],
            last: ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski"], load: 0.45),
        .init(
            source: "en", target: "cs", zones: ["Europe/Prague"],
            first: ["Tereza", "Jan", "Eliška", "Tomáš", "Lucie", "Ondřej"],
            last: ["Novák", "Svobodová", "Dvořák", "Černá", "Procházka", "Kučera"], load: 0.35),
        .init(
            source: "en", target: "hu", zones: ["Europe/Budapest"],
            first: ["Réka", "Bence", "Eszter", "Máté", "Dóra", "Ádám"],
            last: ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"], load: 0.3),
        .init(
            source: "en", target: "ro", zones: ["Europe/Bucharest"],
            first: ["Ioana", "Andrei", "Elena", "Mihai", "Ana", "Radu"],
            last: ["Popescu", "Ionescu", "Stan", "Dumitru", "Marin", "Georgescu"], load: 0.3),
        .init(
            source: "en", target: "el", zones: ["Europe/Athens"],
            first: ["Eleni", "Nikos", "Maria", "Giorgos", "Katerina", "Dimitris"],
            last: ["Papadopoulou", "Georgiou", "Nikolaou", "Vlachos", "Christodoulou", "Ioannou"], load: 0.3),
        .init(
            source: "en", target: "tr", zones: ["Europe/Istanbul"],
            first: ["Elif", "Emre", "Zeynep", "Burak", "Ayşe", "Can"],
            last: ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"], load: 0.4),
        .init(
            source: "en", target: "uk", zones: ["Europe/Kyiv", "Europe/Warsaw"],
            first: ["Olena", "Taras", "Iryna", "Andrii", "Oksana", "Dmytro"],
            last: ["Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Kravets", "Melnyk"], load: 0.35),
        .init(
            source: "en", target: "ar", zones: ["Asia/Dubai", "Africa/Cairo", "Asia/Riyadh", "Asia/Amman"],
            first: ["Layla", "Omar", "Nour", "Karim", "Salma", "Youssef"],
            last: ["Haddad", "Mansour", "Khalil", "Nasser", "Farouk", "Saleh"], load: 0.55),
        .init(
            source: "en", target: "he", zones: ["Asia/Jerusalem"],
            first: ["Noa", "Itai", "Maya", "Yonatan", "Tamar", "Eitan"],
            last: ["Cohen", "Levi", "Mizrahi", "Peretz", "Friedman", "Avraham"], load: 0.45),
        .init(
            source: "en", target: "fa", zones: ["Asia/Tehran", "Europe/Berlin"],
            first: ["Shirin", "Dariush", "Neda", "Kaveh", "Parisa", "Arash"],
            last: ["Ahmadi", "Hosseini", "Karimi", "Rahimi", "Moradi", "Jafari"], load: 0.35),
        .init(
            source: "en", target: "zh-Hans", zones: ["Asia/Shanghai", "Asia/Singapore"],
            first: ["Li", "Wei", "Xiu", "Jun", "Mei", "Hao"], last: ["Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao"],
            load: 0.6, slow: true),
        .init(
            source: "en", target: "ko", zones: ["Asia/Seoul"],
            first: ["Ji-woo", "Min-jun", "Seo-yeon", "Do-hyun", "Ha-eun", "Ji-ho"],
            last: ["Kim", "Lee", "Park", "Choi", "Jung", "Kang"], load: 0.5, slow: true),
        .init(
            source: "en", target: "th", zones: ["Asia/Bangkok"],
            first: ["Ploy", "Arthit", "Nok", "Somchai", "Fah", "Niran"],
            last: ["Srisuk", "Chaiyaporn", "Wongsa", "Thongchai", "Rattanakul", "Boonmee"], load: 0.3, slow: true),
        .init(
            source: "en", target: "vi", zones: ["Asia/Ho_Chi_Minh"],
            first: ["Linh", "Minh", "Thảo", "Huy", "Trang", "Dũng"],
            last: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"], load: 0.3),
        .init(
            source: "en", target: "id", zones: ["Asia/Jakarta"],
            first: ["Putri", "Budi", "Sari", "Agus", "Dewi", "Rizky"],
            last: ["Santoso", "Wijaya", "Halim", "Kusuma", "Saputra", "Hidayat"], load: 0.3),
        .init(
            source: "de", target: "en", zones: ["Europe/London", "Europe/Dublin"],
            first: ["Olivia", "James", "Emily", "Thomas", "Sophie", "Daniel"],
            last: ["Clarke", "Hughes", "Walsh", "Turner", "Bennett", "Murphy"], load: 0.5),
        .init(
            source: "fr", target: "en", zones: ["Europe/London", "America/New_York"],
            first: ["Grace", "Oliver", "Hannah", "William", "Chloe", "Samuel"],
            last: ["Wright", "Evans", "Carter", "Mitchell", "Reid", "Foster"], load: 0.45),
        .init(
            source: "ja", target: "en", zones: ["America/Los_Angeles", "Europe/London"],
            first: ["Emma", "Ryan", "Megan", "Kevin", "Laura", "Nathan"],
            last: ["Brooks", "Sullivan", "Hayes", "Price", "Morgan", "Ellis"], load: 0.5),
        .init(
            source: "de", target: "fr", zones: ["Europe/Paris", "Europe/Zurich"],
            first: ["Léa", "Nicolas", "Margaux", "Antoine", "Pauline", "Louis"],
            last: ["Roux", "Bonnet", "Mercier", "Faure", "André", "Blanc"], load: 0.4),
        .init(
            source: "fr", target: "de", zones: ["Europe/Berlin", "Europe/Zurich"],
            first: ["Hanna", "Lukas", "Clara", "Paul", "Greta", "Moritz"],
            last: ["Schmid", "Keller", "Weber", "Huber", "Frei", "Baumann"], load: 0.45),
        .init(
            source: "es", target: "en", zones: ["America/New_York", "America/Chicago"],
            first: ["Jessica", "Michael", "Ashley", "Brandon", "Rachel", "Tyler"],
            last: ["Ramirez", "Anderson", "Taylor", "Moore", "Jackson", "White"], load: 0.4),
    ]

    static let agencyNames = [
        "Nordlicht Sprachdienste", "Kanji Bridge", "LinguaPorto", "Babel Works", "Polyglot Partners", "Verbum Studio",
        "Atlas Localisation", "Meridian Words", "Sakura Language Lab", "Pont des Langues", "Cedar Translations",
        "Orion Lingua", "Danube Text", "Mosaic Language Group", "Helix Localization", "Baltic Bridge",
    ]

    static func currency(for zone: String) -> CurrencyCode {
        switch zone {
        case "Europe/London": return .gbp
        case "Europe/Zurich": return try! CurrencyCode("CHF")
        case "Asia/Tokyo": return try! CurrencyCode("JPY")
        case _ where zone.hasPrefix("America/") || zone.hasPrefix("Asia/") || zone.hasPrefix("Africa/"): return .usd
        default: return .eur
        }
    }

    /// What one EUR of rate is worth in the vendor's currency (rounded demo figures).
    static func factor(_ currency: CurrencyCode) -> Decimal {
        switch currency.code {
        case "GBP": return Decimal(string: "0.86")!
        case "USD": return Decimal(string: "1.08")!
        case "CHF": return Decimal(string: "0.95")!
        case "JPY": return 160
        default: return 1
        }
    }

    static let domainNames = [
        "legal", "medical", "marketing", "technical", "finance", "life-sciences", "gaming", "patents",
    ]
    static let toolNames = ["Trados Studio", "memoQ", "Phrase", "Wordfast", "Smartcat", "XTM", "InDesign"]
}
