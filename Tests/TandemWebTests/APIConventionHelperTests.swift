import Foundation
import TandemDomain
import Testing

@testable import TandemWeb

/// The helpers behind the conventions, without HTTP.
@Suite("API convention helpers")
struct APIConventionHelperTests {
    struct Priced: Decodable {
        var price: MoneyBody
    }

    func problem(_ json: String) -> DecodingProblem? {
        do {
            _ = try JSONDecoder().decode(Priced.self, from: Data(json.utf8))
            return nil
        } catch let error as DecodingError {
            return DecodingProblem(error)
        } catch {
            return nil
        }
    }

    @Test func moneyIsAStringWithTheCurrencysMinorUnits() throws {
        let body = MoneyBody(Money(Decimal(string: "12.5")!, .eur))
        let json = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
        #expect(json.contains(#""amount":"12.50""#))
        #expect(json.contains(#""currency":"EUR""#))
        #expect(MoneyBody(Money(Decimal(string: "1234.567")!, try CurrencyCode("JPY"))).amount == "1235")
        #expect(MoneyBody(Money(Decimal(string: "-0.005")!, .eur)).amount == "-0.01")
        #expect(MoneyBody(Money(7, .usd)).amount == "7.00")
    }

    @Test func moneyReadsBackToTheDomainValue() throws {
        let decoded = try JSONDecoder().decode(
            Priced.self, from: Data(#"{"price":{"amount":"12.50","currency":"EUR"}}"#.utf8))
        #expect(try decoded.price.money() == Money(Decimal(string: "12.5")!, .eur))
    }

    @Test func aMoneyAmountSentAsANumberNamesItsPath() {
        #expect(
            problem(#"{"price":{"amount":12.5,"currency":"EUR"}}"#)
                == .field(.init(field: "price.amount", code: "wrong_type", key: "error.api.field.wrong_type.string")))
    }

    @Test func anUnreadableMoneyAmountIsInvalid() {
        #expect(
            problem(#"{"price":{"amount":"12,50","currency":"EUR"}}"#)
                == .field(.init(field: "price.amount", code: "invalid", key: "error.api.field.invalid")))
        #expect(
            problem(#"{"price":{"amount":"12.50","currency":"euro"}}"#)
                == .field(.init(field: "price.currency", code: "invalid", key: "error.api.field.invalid")))
    }

    @Test func percentagesHaveTwoPlaces() {
        #expect(PercentText.format(Decimal(string: "93.1")!) == "93.10")
        #expect(PercentText.format(100) == "100.00")
    }

    @Test func aCursorRoundTripsAndAForgedOneIsRefused() {
        let cursor = ListRequest<String>.encodeCursor("Nina")
        #expect(cursor.flatMap(ListRequest<String>.decodeCursor) == "Nina")
        #expect(cursor?.contains("=") == false)
        #expect(ListRequest<String>.decodeCursor("%%%") == nil)
        #expect(ListRequest<String>.decodeCursor("bm90IGpzb24") == nil)  // "not json"
    }

    @Test func aPageStopsAtTheLimitAndNamesTheNextCursor() {
        let request = ListRequest<Int>(limit: 2)
        let first = request.page([5, 1, 4, 2, 3], by: { $0 })
        #expect(first.elements == [1, 2])
        let second = ListRequest<Int>(limit: 2, after: first.nextCursor.flatMap(ListRequest<Int>.decodeCursor)).page(
            [5, 1, 4, 2, 3], by: { $0 })
        #expect(second.elements == [3, 4])
        let descending = ListRequest<Int>(limit: 10).page([5, 1, 4, 2, 3], by: { $0 }, descending: true)
        #expect(descending.elements == [5, 4, 3, 2, 1])
        #expect(descending.nextCursor == nil)
    }

    @Test func anAbsentOptionalIsWrittenAsNullAndReadWhenMissing() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let last = ListEnvelope<String>(items: ["a"], nextCursor: nil)
        #expect(String(decoding: try encoder.encode(last), as: UTF8.self) == #"{"items":["a"],"nextCursor":null}"#)
        let more = ListEnvelope<String>(items: [], nextCursor: "abc")
        #expect(String(decoding: try encoder.encode(more), as: UTF8.self) == #"{"items":[],"nextCursor":"abc"}"#)
        let missing = try JSONDecoder().decode(ListEnvelope<String>.self, from: Data(#"{"items":[]}"#.utf8))
        #expect(missing.nextCursor == nil)
        let null = try JSONDecoder().decode(
            ListEnvelope<String>.self, from: Data(#"{"items":[],"nextCursor":null}"#.utf8))
        #expect(null.nextCursor == nil)
        let undelivered = FeasibilityAPI.TargetBody(source: "en", target: "fr", delivery: nil, steps: [])
        #expect(
            String(decoding: try encoder.encode(undelivered), as: UTF8.self)
                == #"{"delivery":null,"source":"en","steps":[],"target":"fr"}"#)
    }
}
