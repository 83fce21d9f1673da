/// `audit.txt`: the audit for the jury, in Polish: per category, the criteria's distributions before
/// and after treatment, then per aggregation group its correlation matrices, Cronbach's α and flags,
/// then the score's correlation with population; the estimators in a closing note.
enum AuditText {
    static func render(_ audit: RankingAudit, _ result: RankingResult) -> String {
        let methodology = result.methodology
        var text = """
            \(methodology.title) \(methodology.edition)
            Audyt statystyczny: rozkłady kryteriów, korelacje, α Cronbacha, korelacja wyniku z liczbą ludności
            Metodologia \(methodology.id), okres \(methodology.period.description); rejestr \(result.registerSource)

            """
        let units = Dictionary(uniqueKeysWithValues: methodology.criteria.map { ($0.id, $0.unit) })
        for category in audit.categories {
            text += "\n\n\(category.category.title) (\(category.category.id)): sklasyfikowane \(category.classified)\n\n"
            text += criteriaTable(category, units: units).render(indent: "  ")
            for group in category.groups { text += "\n" + self.group(group, classified: category.classified) }
            text += "\n" + sizeBias(category) + "\n"
        }
        return text + "\n\n" + notes
    }

    static func criteriaTable(_ category: CategoryAudit, units: [String: String]) -> TextTable {
        var table = TextTable([
            ("Kryterium", .left), ("Jednostka", .left), ("Etap", .left), ("n", .right), ("Pokrycie", .right),
            ("Imputowane", .right), ("Min", .right), ("Maks", .right), ("Średnia", .right), ("Odch. std.", .right),
            ("Skośność", .right), ("Kurtoza", .right), ("Traktowanie", .left),
        ])
        for criterion in category.criteria {
            func stats(_ distribution: Distribution) -> [String] {
                DistributionStatistic.allCases.map { statistic in
                    cell(statistic.value(distribution), statistic == .skewness || statistic == .kurtosis ? 3 : 4)
                }
            }
            table.add([criterion.id, units[criterion.id] ?? "", "przed", String(criterion.before.n),
                       criterion.coverage.map { NumberText.fixed($0 * 100, 1) + "%" } ?? "—", String(criterion.imputed)]
                      + stats(criterion.before) + [""])
            table.add(["", "", "po", String(criterion.after.n), "", ""] + stats(criterion.after)
                      + ["\(criterion.treatment.label), zmienione: \(criterion.changed)"])
        }
        return table
    }

    static func group(_ group: GroupAudit, classified: Int) -> String {
        let own = group.role == .index ? "indeks" : "filar"
        let alpha = group.alpha.value.map { NumberText.fixed($0, 3) } ?? "—"
        let labels = group.members.indices.map { "(\($0 + 1))" }
        let names = group.members.enumerated().map { "(\($0.offset + 1)) \($0.element.id)" } + ["\(own) \(group.id)"]
        let ids = group.members.map(\.id) + [group.id]
        let tables = [("Pearson", \PairAudit.pearson), ("Spearman", \PairAudit.spearman)].map { heading, correlation in
            var table = TextTable([(heading, .left)] + (labels + [own]).map { ($0, .right) })
            for row in ids.indices {
                table.add([names[row]] + ids.indices.map { column in
                    row == column ? (group.varies[row] ? "1" : "—") : cell(group.pair(ids[row], ids[column])?[keyPath: correlation].r, 3)
                })
            }
            return table.render(indent: "    ")
        }
        let short = Dictionary(uniqueKeysWithValues: zip(ids, names))
        var remarks: [String] = []
        for pair in group.pairs {
            let label = "\(short[pair.first]!) – \(short[pair.second]!), r = \(cell(pair.pearson.r, 3))"
            for flag in pair.flags {
                switch flag {
                case .negative: remarks.append("! ujemna korelacja: \(label)")
                case .collinear: remarks.append("! |r| > \(PairAudit.collinearity): \(label)")
                }
            }
        }
        let fewer = group.pairs.filter { $0.pearson.pairs != classified }
        if !fewer.isEmpty {
            remarks.append("Par wartości mniej niż \(classified): "
                + fewer.map { "\(short[$0.first]!) – \(short[$0.second]!): \($0.pearson.pairs)" }.joined(separator: "; "))
        }
        return "  \(group.title) (\(own) \(group.id)): α Cronbacha \(alpha) (składowe: \(group.alpha.items), pełne obserwacje: \(group.alpha.cases))\n\n"
            + tables.joined(separator: "\n") + (remarks.isEmpty ? "" : "\n" + remarks.map { "    \($0)\n" }.joined())
    }

    static func sizeBias(_ category: CategoryAudit) -> String {
        let bias = category.sizeBias
        if bias.missing == category.classified && category.classified > 0 {
            return "  Korelacja wyniku z liczbą ludności: brak danych o ludności\n"
        }
        var source = "ludność z \(bias.year) r."
        if bias.earlier > 0 { source += ", z wcześniejszego roku: \(bias.earlier)" }
        if bias.missing > 0 { source += "; bez danych: \(bias.missing)" }
        return "  Korelacja wyniku z liczbą ludności (\(source)): Pearson \(cell(bias.pearson.r, 3)), Spearman \(cell(bias.spearman.r, 3)) (par: \(bias.pearson.pairs))\n"
    }

    static func cell(_ value: Double?, _ decimals: Int) -> String { value.map { NumberText.fixed($0, decimals) } ?? "—" }

    static let notes = """
        Objaśnienia
          n: liczba wartości kryterium (zmierzonych lub imputowanych) wśród sklasyfikowanych.
          Pokrycie: odsetek sklasyfikowanych z wartością zmierzoną (nie imputowaną); Imputowane: ile wartości uzupełniono.
          Etap „przed”: wartości, od których zaczyna się traktowanie (surowe lub imputowane); „po”: wartości po
            traktowaniu, od których zaczyna się normalizacja. Zmienione: ile wartości traktowanie zmieniło.
          Odch. std.: odchylenie standardowe z próby (dzielnik n − 1).
          Skośność i kurtoza: estymatory G1 i G2 (skorygowane Fishera–Pearsona, jak SKEW i KURT w Excelu; kurtoza
            nadwyżkowa, 0 dla rozkładu normalnego); te same, według których metoda winsorise_or_log decyduje, czy
            kryterium traktować (na wartościach „przed”).
          Korelacje: Pearsona i Spearmana (Pearson rang; równe wartości dostają średnią rangę), na wartościach
            znormalizowanych kryteriów albo wynikach filarów, w parach jednostek, które mają obie wartości.
          α Cronbacha = k/(k − 1) · (1 − Σ var(xᵢ) / var(Σ xᵢ)) nad k składowymi grupy, na pełnych obserwacjach.
          ! ujemna korelacja: r Pearsona < 0 między składowymi grupy albo składowej z wynikiem grupy.
          ! |r| > 0.9: r Pearsona między składowymi grupy (jedna z nich może być zbędna).
          Korelacja z liczbą ludności: wyniku z ludnością z ostatniego roku okresu (albo roku edycji), a gdy jej brak,
            z ostatniego wcześniejszego roku z danymi.
          —: nieokreślone (za mało wartości: średnia 1, odch. std. 2, skośność 3, kurtoza 4, korelacja 2 pary, α 2 pełne
            obserwacje; albo wartości stałe).

        """
}
