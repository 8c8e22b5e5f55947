import Foundation
import TandemApp
import TandemDomain
import Vapor

/// The thread pages: a record's whole thread and timeline, posting, editing, following.
enum ThreadPages {
    static func register(_ routes: any RoutesBuilder) {}
}
