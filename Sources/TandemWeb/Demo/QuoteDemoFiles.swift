import Foundation
import TandemApp

/// The client files the demo quotes are analysed from: a spring catalogue in XLIFF 1.2 and the
/// client's English→French memory in TMX, written for the demo (no third-party text; the same
/// files are `Tests/Fixtures/quotes/`, which the browser journey uploads).
enum QuoteDemoFiles {
    static let catalogueName = "catalogue-printemps.xlf"
    static let memoryName = "lumiere-en-fr.tmx"

    static let catalogue = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="catalogue-printemps.html" source-language="en" target-language="fr" datatype="html">
        <body>
        <trans-unit id="1"><source>Welcome to the Lumière spring catalogue.</source></trans-unit>
        <trans-unit id="2"><source>All prices include VAT.</source></trans-unit>
        <trans-unit id="3"><source>Free delivery on orders over 50 euros.</source></trans-unit>
        <trans-unit id="4"><source>Our linen shirts are woven in Normandy.</source></trans-unit>
        <trans-unit id="5"><source>Machine wash at 30 degrees.</source></trans-unit>
        <trans-unit id="6"><source>Do not tumble dry.</source></trans-unit>
        <trans-unit id="7"><source>Available in five colours.</source></trans-unit>
        <trans-unit id="8"><source>Returns are free within 30 days.</source></trans-unit>
        <trans-unit id="9"><source>Contact our customer service by phone or e-mail.</source></trans-unit>
        <trans-unit id="10"><source>The cotton trousers come in regular and slim fit.</source></trans-unit>
        <trans-unit id="11"><source>Each piece is checked by hand before it leaves the workshop.</source></trans-unit>
        <trans-unit id="12"><source>Our leather bags are tanned without chromium.</source></trans-unit>
        <trans-unit id="13"><source>The spring collection is limited to 500 pieces per model.</source></trans-unit>
        <trans-unit id="14"><source>Sizes run from XS to XXL.</source></trans-unit>
        <trans-unit id="15"><source>Machine wash at 40 degrees.</source></trans-unit>
        <trans-unit id="16"><source>Available in three colours.</source></trans-unit>
        <trans-unit id="17"><source>Gift wrapping is offered for every order placed before 15 December.</source></trans-unit>
        <trans-unit id="18"><source>Our stores are open Monday to Saturday from 10 am to 7 pm.</source></trans-unit>
        <trans-unit id="19"><source>Follow us on social media for early access to the sales.</source></trans-unit>
        <trans-unit id="20"><source>All prices include VAT.</source></trans-unit>
        <trans-unit id="21"><source>Linen wrinkles naturally; iron at a medium temperature while still damp.</source></trans-unit>
        <trans-unit id="22"><source>The wool scarves are knitted in the Pyrenees from local sheep.</source></trans-unit>
        <trans-unit id="23"><source>Each scarf is unique: colours may vary slightly from the photographs.</source></trans-unit>
        <trans-unit id="24"><source>Store knitwear folded, never on a hanger.</source></trans-unit>
        </body>
        </file>
        </xliff>
        """#

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
