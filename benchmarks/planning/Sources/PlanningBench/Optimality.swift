enum Optimality { static func export(to: String, count: Int, seed: UInt64) throws {} }
