import TandemDomain

/// Every page's path in one place: routes are registered from it and links are built from it.
enum SiteRoute {
    case dashboard
    case login, logout
    case setup(secret: String)
    case invitation(secret: String)
    case area(Area)
    case users, newUser
    case user(User.ID)
    case userDeactivate(User.ID)
    case userReactivate(User.ID)
    case userInvite(User.ID)
    case organisation
    case profile, profileTokens
    case revokeToken(APIToken.ID)
    case language

    var path: String {
        switch self {
        case .dashboard: return "/"
        case .login: return "/login"
        case .logout: return "/logout"
        case .setup(let secret): return "/setup/\(secret)"
        case .invitation(let secret): return "/invite/\(secret)"
        case .area(let area): return area == .dashboard ? "/" : area == .settings ? "/settings" : "/\(area.rawValue)"
        case .users: return "/settings/users"
        case .newUser: return "/settings/users/new"
        case .user(let id): return "/settings/users/\(id)"
        case .userDeactivate(let id): return "/settings/users/\(id)/deactivate"
        case .userReactivate(let id): return "/settings/users/\(id)/reactivate"
        case .userInvite(let id): return "/settings/users/\(id)/invite"
        case .organisation: return "/settings/organisation"
        case .profile: return "/settings/profile"
        case .profileTokens: return "/settings/profile/tokens"
        case .revokeToken(let id): return "/settings/profile/tokens/\(id)/revoke"
        case .language: return "/language"
        }
    }
}

/// The JSON API's paths, relative to `/api/v1` (the OpenAPI document lists the same).
enum APIRoute {
    static let prefix = "/api/v1"
}
