/// Who competes in which category, and the municipalities no category could take.
struct Categorised: Sendable {
    var fields: [CategoryField]
    var unplaced: [NotClassified]
}

/// Splits the loaded inputs into categories: which entities compete where.
enum Categorisation {
    /// Budget data: every municipality of the register competes in the categories its register
    /// attributes match; one that matches none is listed as not classified.
    static func fields(_ methodology: Methodology, register: Register,
                       metrics: [TerytCode: [String: [Int: Double]]]) -> Categorised {
        var fields = methodology.categories.map { CategoryField(category: $0, participants: [], notClassified: []) }
        var homeless: [NotClassified] = []
        for municipality in register.municipalities {
            var yearly = metrics[municipality.teryt] ?? [:]
            yearly["population"] = register.population[municipality.teryt]
            let values = EntityValues(yearly: yearly)
            let population = register.latestPopulation(of: municipality.teryt, notAfter: methodology.edition)?.value
            var placed = false
            for index in fields.indices where fields[index].category.filter.matches(municipality) {
                if let band = fields[index].category.filter.population {
                    guard let population else {
                        fields[index].notClassified.append(NotClassified(
                            municipality: municipality, category: fields[index].category.id,
                            reason: "no population for \(methodology.edition) or earlier"))
                        placed = true
                        continue
                    }
                    guard band.holds(population) else { continue }
                }
                fields[index].participants.append(Participant(municipality: municipality, values: values, accounts: []))
                placed = true
            }
            if !placed {
                homeless.append(NotClassified(municipality: municipality, category: "-", reason: "belongs to no category of the methodology"))
            }
        }
        return Categorised(fields: fields, unplaced: homeless)
    }

    /// Social media: a category takes the municipalities with at least one account of its owner type
    /// on its platforms (and, for size categories, with a population in its band), and sums the
    /// usable accounts' figures.
    static func fields(_ methodology: Methodology, register: Register, accounts: [AccountFigures]) -> Categorised {
        let byMunicipality = Dictionary(grouping: accounts, by: \.account.teryt)
        var fields: [CategoryField] = []
        var unknownSize: [TerytCode: Municipality] = [:]
        for category in methodology.categories {
            var field = CategoryField(category: category, participants: [], notClassified: [])
            for code in byMunicipality.keys.sorted() {
                let municipality = register.municipality(code)!
                guard category.filter.matches(municipality) else { continue }
                let members = byMunicipality[code]!
                    .filter { category.filter.takes($0.account) }
                    .sorted { ($0.account.platform, $0.account.id) < ($1.account.platform, $1.account.id) }
                guard !members.isEmpty else { continue }
                let population = register.latestPopulation(of: code, notAfter: methodology.edition)
                if let band = category.filter.population {
                    guard let population else { unknownSize[code] = municipality; continue }
                    guard band.holds(population.value) else { continue }
                }
                let usable = members.filter(\.isUsable)
                guard !usable.isEmpty else {
                    let reasons = members.map { "\($0.account.id): \($0.leftOutReason!)" }.joined(separator: "; ")
                    field.notClassified.append(NotClassified(municipality: municipality, category: category.id, reason: "no usable account (\(reasons))"))
                    continue
                }
                var totals: [String: Double] = [:]
                for figure in usable {
                    totals["posts", default: 0] += Double(figure.posts)
                    totals["reactions", default: 0] += Double(figure.reactions)
                    totals["comments", default: 0] += Double(figure.comments)
                    totals["shares", default: 0] += Double(figure.shares)
                    totals["followers_start", default: 0] += Double(figure.followersStart!)
                    totals["followers_end", default: 0] += Double(figure.followersEnd!)
                }
                let values = EntityValues(yearly: ["population": register.population[code] ?? [:]], totals: totals)
                field.participants.append(Participant(municipality: municipality, values: values, accounts: members))
            }
            fields.append(field)
        }
        // Without a population no size band can be chosen: one line says so, outside any category.
        let sized = methodology.categories.filter { $0.filter.population != nil }.map(\.id).joined(separator: ", ")
        let unplaced = unknownSize.keys.sorted().map { code in
            NotClassified(
                municipality: unknownSize[code]!, category: "-",
                reason: "no population for \(methodology.edition) or earlier, so no size category (\(sized)) can be chosen")
        }
        return Categorised(fields: fields, unplaced: unplaced)
    }
}

extension ClosedRange where Bound == Int {
    /// Whether a population lies in the band, both ends included, without converting it to Int.
    func holds(_ value: Double) -> Bool {
        Double(lowerBound) <= value && value <= Double(upperBound)
    }
}
