import Foundation
import TandemApp

/// The client files the demo quotes are analysed from: a spring catalogue in XLIFF 1.2 (its
/// opening is `Tests/Fixtures/quotes/catalogue-printemps.xlf`, which the browser journey uploads;
/// the demo's has 300 product-page units more, made here deterministically) and the client's
/// English→French memory in TMX, written for the demo (no third-party text).
enum QuoteDemoFiles {
    /// Where the seed keeps the demo quotes' files (`serve --demo`: the data directory, so a demo
    /// quote can be analysed again); nil keeps them in memory for the seed only (tests).
    @TaskLocal static var keep: (any AssetFiles)? = nil

    static let catalogueName = "catalogue-printemps.xlf"
    static let memoryName = "lumiere-en-fr.tmx"

    /// The spring catalogue's opening (the 24 units of `Tests/Fixtures/quotes/catalogue-printemps.xlf`).
    static let opening: [String] = [
        "Welcome to the Lumière spring catalogue.",
        "All prices include VAT.",
        "Free delivery on orders over 50 euros.",
        "Our linen shirts are woven in Normandy.",
        "Machine wash at 30 degrees.",
        "Do not tumble dry.",
        "Available in five colours.",
        "Returns are free within 30 days.",
        "Contact our customer service by phone or e-mail.",
        "The cotton trousers come in regular and slim fit.",
        "Each piece is checked by hand before it leaves the workshop.",
        "Our leather bags are tanned without chromium.",
        "The spring collection is limited to 500 pieces per model.",
        "Sizes run from XS to XXL.",
        "Machine wash at 40 degrees.",
        "Available in three colours.",
        "Gift wrapping is offered for every order placed before 15 December.",
        "Our stores are open Monday to Saturday from 10 am to 7 pm.",
        "Follow us on social media for early access to the sales.",
        "All prices include VAT.",
        "Linen wrinkles naturally; iron at a medium temperature while still damp.",
        "The wool scarves are knitted in the Pyrenees from local sheep.",
        "Each scarf is unique: colours may vary slightly from the photographs.",
        "Store knitwear folded, never on a hanger.",
    ]

    static let products = [
        "linen shirt", "cotton trousers", "wool scarf", "leather bag", "denim jacket", "silk blouse", "knit cardigan",
        "canvas tote", "suede loafers", "rain coat",
    ]
    static let colours = ["sand", "navy", "olive", "ecru", "charcoal", "terracotta"]
    /// Product-page sentences: those without a colour repeat for every colour (the repetitions a
    /// real catalogue has), the others differ by a word or two (fuzzy matches between them).
    static let templates = [
        "The {colour} {product} is available from size XS to XXL.",
        "Our {product} is made in Europe from certified materials.",
        "Care for your {product}: machine wash at 30 degrees and dry flat.",
        "The {colour} {product} goes well with the rest of the spring collection.",
        "Order the {product} before Friday for delivery next week.",
    ]

    /// The demo's catalogue: the opening and 300 product-page units (10 products × 6 colours × 5
    /// sentences), 324 units and about 3,000 words, the same on every machine; quotes priced
    /// from it are above the cards' minimum charges.
    static let catalogue: String = {
        var sentences = opening
        for product in products {
            for colour in colours {
                for template in templates {
                    sentences.append(
                        template.replacingOccurrences(of: "{product}", with: product)
                            .replacingOccurrences(of: "{colour}", with: colour))
                }
            }
        }
        let units = sentences.enumerated().map { index, text in
            "<trans-unit id=\"\(index + 1)\"><source>\(text)</source></trans-unit>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file original="catalogue-printemps.html" source-language="en" target-language="fr" datatype="html">
            <body>
            \(units.joined(separator: "\n"))
            </body>
            </file>
            </xliff>
            """
    }()

    static let memory = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="Tandem demo" creationtoolversion="1" segtype="sentence" o-tmf="tandem" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>
        <tu><tuv xml:lang="en"><seg>Welcome to the Lumière spring catalogue.</seg></tuv><tuv xml:lang="fr"><seg>Bienvenue dans le catalogue de printemps Lumière.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>All prices include VAT.</seg></tuv><tuv xml:lang="fr"><seg>Tous les prix incluent la TVA.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Free delivery on orders over 50 euros.</seg></tuv><tuv xml:lang="fr"><seg>Livraison gratuite dès 50 euros d'achat.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Our linen shirts are woven in Normandy.</seg></tuv><tuv xml:lang="fr"><seg>Nos chemises en lin sont tissées en Normandie.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Machine wash at 30 degrees.</seg></tuv><tuv xml:lang="fr"><seg>Lavage en machine à 30 degrés.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Do not tumble dry.</seg></tuv><tuv xml:lang="fr"><seg>Ne pas sécher en machine.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Available in five colours.</seg></tuv><tuv xml:lang="fr"><seg>Disponible en cinq coloris.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Returns are free within 30 days.</seg></tuv><tuv xml:lang="fr"><seg>Les retours sont gratuits sous 30 jours.</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Contact our customer service by phone or e-mail.</seg></tuv><tuv xml:lang="fr"><seg>Contactez notre service client par téléphone ou par e-mail.</seg></tuv></tu>
        </body>
        </tmx>
        """#

    /// The demo's files, in memory: the analysis job reads them from here while seeding.
    actor Store: AssetFiles {
        private var files: [String: Data] = [:]
        func write(_ data: Data, key: String) async throws { files[key] = data }
        func read(key: String) async throws -> Data {
            guard let data = files[key] else { throw CocoaError(.fileNoSuchFile) }
            return data
        }
        func delete(key: String) async throws { files[key] = nil }
    }
}
