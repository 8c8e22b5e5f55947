extension RecordSubject.Kind {
    /// An idea to management: its comments are its thread (issue #15).
    public static let idea = RecordSubject.Kind(rawValue: "idea")
    /// An investment proposal: co-signers and managers discuss it in its thread.
    public static let proposal = RecordSubject.Kind(rawValue: "proposal")
}
