import Foundation

/// Where a page may send the browser after sign-in or a language switch: a path on this site.
enum LocalRedirect {
    /// `raw` when it is a local path: it starts with one `/`, parses with no scheme and no host,
    /// and holds no white space, control character or backslash. Browsers drop tabs and line
    /// breaks and read `\` as `/`, so `/<TAB>/evil.example` or `/\evil.example` would leave the site.
    static func path(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), raw.utf8.count <= 2048 else { return nil }
        let forbidden = raw.unicodeScalars.contains {
            $0 == "\\" || $0.properties.isWhitespace || $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format
        }
        guard !forbidden, let components = URLComponents(string: raw), components.scheme == nil,
            components.host == nil, components.user == nil, components.path.hasPrefix("/"),
            !components.path.hasPrefix("//")
        else { return nil }
        return raw
    }
}
