-- Duplicates podium rejects in posts (account_id, post_id) and followers (account_id, date), BigQuery.
-- The account_stats query can be trusted only when this returns no rows.
SELECT `source`, `account_id`, `key`, `copies`
FROM (
  SELECT 'posts' AS `source`, `account_id` AS `account_id`, CAST(`post_id` AS STRING) AS `key`,
    CAST(COUNT(*) AS INT64) AS `copies`
  FROM `posts`
  GROUP BY `account_id`, `post_id`
  HAVING COUNT(*) > 1
  UNION ALL
  SELECT 'followers', `account_id`, CAST(`date` AS STRING), CAST(COUNT(*) AS INT64)
  FROM `followers`
  GROUP BY `account_id`, `date`
  HAVING COUNT(*) > 1
) AS duplicates
ORDER BY `source` DESC, `account_id`, `key`
