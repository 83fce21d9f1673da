-- account_stats by podium's rules for test-social-2024 (test-social-2024.yaml), period 2024-01-01 to 2024-01-14, Spark SQL.
-- Reads posts(account_id, post_id, published_at as ISO 8601 text, reactions, comments, shares, views)
-- and followers(account_id, date, followers). Trust it only when the duplicates check returns no rows.
WITH checked_posts AS (
  -- Every row is checked as podium checks it, whatever its date.
  SELECT `account_id` AS account_id, `reactions` AS reactions, `comments` AS comments, `shares` AS shares,
    CASE
      WHEN `account_id` IS NULL OR CAST(`account_id` AS STRING) = '' THEN CAST(raise_error('posts: empty account_id, post ' || COALESCE(CAST(`post_id` AS STRING), '')) AS STRING)
      WHEN `post_id` IS NULL OR CAST(`post_id` AS STRING) = '' THEN CAST(raise_error('posts: empty post_id, account ' || COALESCE(CAST(`account_id` AS STRING), '')) AS STRING)
      WHEN `published_at` IS NULL OR NOT regexp_extract(`published_at`, '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)([.][0-9]+)?)?([Zz]|[+-](0[0-9]|1[0-8])(:?[0-5][0-9])?)$', 0) = `published_at`
        THEN CAST(raise_error('posts: published_at is not an ISO 8601 date and time with Z or an offset: ' || 'account ' || COALESCE(CAST(`account_id` AS STRING), '') || ', post ' || COALESCE(CAST(`post_id` AS STRING), '') || ', ' || COALESCE(CAST(`published_at` AS STRING), '')) AS STRING)
      WHEN LEAST(COALESCE(`reactions`, -1), COALESCE(`comments`, -1), COALESCE(`shares`, -1), COALESCE(`views`, 0)) < 0
        THEN CAST(raise_error('posts: reactions, comments or shares empty or negative, or views negative: ' || 'account ' || COALESCE(CAST(`account_id` AS STRING), '') || ', post ' || COALESCE(CAST(`post_id` AS STRING), '')) AS STRING)
      ELSE `published_at`
    END AS published_at
  FROM `posts`
),
parsed_posts AS (
  -- The local date and minute of the day, and the offset: Z, +hh, +hhmm or +hh:mm.
  SELECT account_id, reactions, comments, shares, published_at,
    CAST(substr(published_at, 1, 10) AS DATE) AS local_day,
    CAST(substr(published_at, 12, 2) AS BIGINT) * 60 + CAST(substr(published_at, 15, 2) AS BIGINT) AS local_minute,
    CASE WHEN right(published_at, 1) IN ('Z', 'z') THEN '+00'
      ELSE substr(published_at, 16 + GREATEST(instr(substr(published_at, 17), '+'), instr(substr(published_at, 17), '-')))
    END AS zone_text
  FROM checked_posts
),
timed_posts AS (
  SELECT account_id, reactions, comments, shares, published_at, local_day,
    local_minute - (CASE WHEN substr(zone_text, 1, 1) = '-' THEN -1 ELSE 1 END)
      * (CAST(substr(zone_text, 2, 2) AS BIGINT) * 60 + CASE WHEN length(zone_text) > 3 THEN CAST(right(zone_text, 2) AS BIGINT) ELSE 0 END) AS utc_minute
  FROM parsed_posts
),
dated_posts AS (
  -- The UTC date: the local date, a day earlier or later when the offset crosses midnight.
  SELECT account_id, reactions, comments, shares,
    CASE WHEN local_day IS NULL THEN CAST(raise_error('posts: published_at is not a date: ' || published_at) AS DATE)
      ELSE date_add(local_day, CASE WHEN utc_minute < 0 THEN -1 WHEN utc_minute >= 1440 THEN 1 ELSE 0 END)
    END AS utc_day
  FROM timed_posts
),
post_sums AS (
  SELECT account_id,
    SUM(CASE WHEN utc_day BETWEEN DATE '2024-01-01' AND DATE '2024-01-14' THEN 1 ELSE 0 END) AS posts,
    SUM(CASE WHEN utc_day BETWEEN DATE '2024-01-01' AND DATE '2024-01-14' THEN reactions ELSE 0 END) AS reactions,
    SUM(CASE WHEN utc_day BETWEEN DATE '2024-01-01' AND DATE '2024-01-14' THEN comments ELSE 0 END) AS comments,
    SUM(CASE WHEN utc_day BETWEEN DATE '2024-01-01' AND DATE '2024-01-14' THEN shares ELSE 0 END) AS shares
  FROM dated_posts
  GROUP BY account_id
),
checked_followers AS (
  SELECT `account_id` AS account_id, `followers` AS followers,
    CASE
      WHEN `account_id` IS NULL OR CAST(`account_id` AS STRING) = '' THEN CAST(raise_error('followers: empty account_id, date ' || COALESCE(CAST(`date` AS STRING), '')) AS DATE)
      WHEN `date` IS NULL THEN CAST(raise_error('followers: empty date, account ' || COALESCE(CAST(`account_id` AS STRING), '')) AS DATE)
      WHEN COALESCE(`followers`, -1) < 0
        THEN CAST(raise_error('followers: followers empty or negative, account ' || COALESCE(CAST(`account_id` AS STRING), '') || ', date ' || COALESCE(CAST(`date` AS STRING), '')) AS DATE)
      ELSE `date`
    END AS snapshot_day
  FROM `followers`
),
snapshot_days AS (
  -- F0: the latest snapshot on or before the start, else the earliest inside; F1: the latest on or before the end.
  SELECT account_id,
    COALESCE(MAX(CASE WHEN snapshot_day <= DATE '2024-01-01' THEN snapshot_day END),
             MIN(CASE WHEN snapshot_day > DATE '2024-01-01' AND snapshot_day <= DATE '2024-01-14' THEN snapshot_day END)) AS start_day,
    MAX(CASE WHEN snapshot_day <= DATE '2024-01-14' THEN snapshot_day END) AS end_day
  FROM checked_followers
  GROUP BY account_id
),
account_ids AS (
  SELECT account_id FROM post_sums
  UNION DISTINCT
  SELECT account_id FROM snapshot_days
)
SELECT
  a.account_id AS `account_id`,
  CAST(COALESCE(p.posts, 0) AS BIGINT) AS `posts`,
  CAST(COALESCE(p.reactions, 0) AS BIGINT) AS `reactions`,
  CAST(COALESCE(p.comments, 0) AS BIGINT) AS `comments`,
  CAST(COALESCE(p.shares, 0) AS BIGINT) AS `shares`,
  CAST(f0.followers AS BIGINT) AS `followers_start`,
  CAST(f1.followers AS BIGINT) AS `followers_end`
FROM account_ids AS a
LEFT JOIN post_sums AS p ON p.account_id = a.account_id
LEFT JOIN snapshot_days AS s ON s.account_id = a.account_id
LEFT JOIN checked_followers AS f0 ON f0.account_id = a.account_id AND f0.snapshot_day = s.start_day
LEFT JOIN checked_followers AS f1 ON f1.account_id = a.account_id AND f1.snapshot_day = s.end_day
ORDER BY a.account_id
