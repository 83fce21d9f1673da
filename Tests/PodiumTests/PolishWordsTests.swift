import Testing
@testable import Podium

@Suite("Polish words that agree with a number")
struct PolishWordsTests {
    @Test("1 pozycja, 2–4 pozycje, 5–21 pozycji, 22–24 pozycje, 112 pozycji", arguments: [
        (1, "1 pozycja"), (2, "2 pozycje"), (4, "4 pozycje"), (5, "5 pozycji"), (11, "11 pozycji"), (12, "12 pozycji"),
        (14, "14 pozycji"), (21, "21 pozycji"), (22, "22 pozycje"), (0, "0 pozycji"), (112, "112 pozycji"), (104, "104 pozycje"),
    ])
    func count(n: Int, text: String) {
        #expect(Polish.count(n, "pozycja", "pozycje", "pozycji") == text)
    }
}
