import FluentKit
import Foundation
import SQLKit
import TandemDomain

/// Deliveries, evaluations, pair scores, complaints and change orders.
extension FluentLedgerStore {
    public func addDeliveries(_ deliveries: [ClientDelivery]) async throws {
        for chunk in stride(from: 0, to: deliveries.count, by: 200) {
            try await deliveries[chunk..<min(chunk + 200, deliveries.count)].map(ClientDeliveryModel.init)
                .create(on: database)
        }
    }

    public func deliveries(of promiseID: Promise.ID) async throws -> [ClientDelivery] {
        try await ClientDeliveryModel.query(on: database).filter(\.$promiseID == promiseID.rawValue)
            .sort(\.$deliveredAt).all().map { try $0.toDomain() }
    }

    public func delivery(_ id: ClientDelivery.ID) async throws -> ClientDelivery? {
        try await ClientDeliveryModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func addEvaluations(_ evaluations: [QualityEvaluation]) async throws {
        for chunk in stride(from: 0, to: evaluations.count, by: 200) {
            try await evaluations[chunk..<min(chunk + 200, evaluations.count)].map(QualityEvaluationModel.init)
                .create(on: database)
        }
    }

    public func evaluations(vendorID: VendorProfile.ID, pair: LanguagePair) async throws -> [QualityEvaluation] {
        try await QualityEvaluationModel.query(on: database).filter(\.$vendorID == vendorID.rawValue)
            .filter(\.$source == pair.source.description).filter(\.$target == pair.target.description)
            .sort(\.$evaluatedAt).all().map { try $0.toDomain() }
    }

    public func evaluations(projectID: Project.ID) async throws -> [QualityEvaluation] {
        try await QualityEvaluationModel.query(on: database).filter(\.$projectID == projectID.rawValue)
            .sort(\.$evaluatedAt).all().map { try $0.toDomain() }
    }

    public func savePairQuality(_ quality: PairQuality) async throws {
        try await PairQualityModel.query(on: database).filter(\.$vendorID == quality.vendorID.rawValue)
            .filter(\.$source == quality.pair.source.description)
            .filter(\.$target == quality.pair.target.description).delete()
        let model = PairQualityModel()
        model.id = UUID()
        model.vendorID = quality.vendorID.rawValue
        model.source = quality.pair.source.description
        model.target = quality.pair.target.description
        model.score = quality.score
        model.evaluations = quality.evaluations
        model.updatedAt = quality.updatedAt
        try await model.create(on: database)
    }

    public func pairQuality(of vendorID: VendorProfile.ID) async throws -> [PairQuality] {
        try await PairQualityModel.query(on: database).filter(\.$vendorID == vendorID.rawValue)
            .sort(\.$source).sort(\.$target).all().map { try $0.toDomain() }
    }

    public func addComplaints(_ complaints: [Complaint]) async throws {
        guard !complaints.isEmpty else { return }
        try await complaints.map(ComplaintModel.init).create(on: database)
    }

    public func complaints(of promiseID: Promise.ID) async throws -> [Complaint] {
        try await ComplaintModel.query(on: database).filter(\.$promiseID == promiseID.rawValue)
            .sort(\.$receivedAt).all().map { try $0.toDomain() }
    }

    public func nextChangeOrderNumber(_ projectID: Project.ID) async throws -> Int {
        let last = try await ChangeOrderModel.query(on: database).filter(\.$projectID == projectID.rawValue)
            .max(\.$number)
        return (last ?? 0) + 1
    }

    public func saveChangeOrder(_ order: ChangeOrder) async throws {
        if order.status != .proposed {
            // A decision moves a proposed order only: of two at once, the second finds it decided.
            let rows = try await sql.raw(
                """
                UPDATE change_orders SET status = \(bind: order.status.rawValue), \
                decided_by = \(bind: order.decidedBy?.rawValue), decided_at = \(bind: order.decidedAt) \
                WHERE id = \(bind: order.id.rawValue) AND status = 'proposed' RETURNING id
                """
            ).all()
            guard !rows.isEmpty else {
                throw DomainError.conflict(
                    field: "status", key: "promise.error.change_order_decided", arguments: [:],
                    fallback: "This change order was decided meanwhile.")
            }
            return
        }
        do {
            try await ChangeOrderModel(order).create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DomainError.conflict(
                field: "number", key: "promise.error.change_order_number", arguments: [:],
                fallback: "Another change order took this number meanwhile; try again.")
        }
    }

    public func changeOrder(_ id: ChangeOrder.ID) async throws -> ChangeOrder? {
        try await ChangeOrderModel.find(id.rawValue, on: database)?.toDomain()
    }

    public func changeOrders(of projectID: Project.ID) async throws -> [ChangeOrder] {
        try await ChangeOrderModel.query(on: database).filter(\.$projectID == projectID.rawValue)
            .sort(\.$number).all().map { try $0.toDomain() }
    }
}
