/// Methodology texts for tests: small, complete, and easy to break one key at a time.
enum MethodologyText {
    static let budget = Fixture.text("budget/methodologies/test-budget-2024.yaml")

    static let social = """
        schema: 1
        id: test-social-2024
        ranking: test-social
        title: Lajki testowe
        edition: 2024
        inputs:
          type: social_media
          register: registry/TERC.csv
          population: registry/population.csv
          accounts: social/accounts.csv
          posts: social/posts.csv
          followers: social/followers.csv
        period:
          dates: {from: 2024-01-01, to: 2024-01-14}
        categories:
          - id: miasta
            title: Miasta
            where: {owner: city, platforms: all, population: {min: 1000}}
          - id: facebook
            title: Facebook
            where: {owner: city, platforms: [facebook]}
          - id: wlodarze
            title: Włodarze
            where: {owner: mayor, platforms: all}
        criteria:
          - id: engagement_rate
            name: Zaangażowanie
            kind: interaction_rate
            unit: "%"
            direction: higher_is_better
            parameters: {weights: {reactions: 1, comments: 1, shares: 1}, scale: 100}
          - id: weekly_growth
            name: Wzrost
            kind: compound_growth
            unit: "%"
            direction: higher_is_better
            parameters: {start: followers_start, end: followers_end, per_days: 7}
          - id: posts_per_week
            name: Posty na tydzień
            kind: frequency
            unit: posty
            direction: higher_is_better
            parameters: {metric: posts, per_days: 7}
          - id: reach
            name: Zasięg
            kind: per_resident
            unit: na 1000
            direction: higher_is_better
            parameters: {metric: followers_end, per: 1000}
        index:
          id: index
          title: Indeks
          children:
            - {criterion: engagement_rate, weight: 2}
            - {criterion: weekly_growth, weight: 1}
            - {criterion: posts_per_week, weight: 1}
            - {criterion: reach, weight: 1}
        eligibility:
          - {metric: posts, at_least: 2}
          - {metric: followers_start, at_least: 10}
        missing_data: not_classified
        treatment: {method: none}
        normalisation: percent_rank
        ties: {tolerance: 1.0e-9, order: teryt}
        awards:
          - {places: 1, title: Złoty Lajk}
          - {places: 2, title: Srebrny Lajk}

        """
}
