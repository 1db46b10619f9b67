-- KPI Pilot: per month in Europe/Paris, 2024-01-01 to 2025-12-31
WITH ev AS (
  SELECT
    DATE(TIMESTAMP_MICROS(t.event_timestamp), 'Europe/Paris') AS ev_day,
    t.event_name AS event_name,
    t.user_pseudo_id AS user_pseudo_id,
    (SELECT p.value.int_value FROM UNNEST(t.event_params) AS p WHERE p.key = 'ga_session_id') AS session_id
  FROM `acme-analytics.analytics_123456789.events_*` AS t
  WHERE _TABLE_SUFFIX BETWEEN '20231230' AND '20260102'
),
per AS (
  SELECT
    DATE_TRUNC(ev_day, MONTH) AS p,
    MIN(ev_day) AS f,
    MAX(ev_day) AS l,
    COUNT(DISTINCT ev_day) AS days,
    SUM(CASE WHEN event_name IN ('purchase') THEN 1 ELSE 0 END) AS `conversions`,
    COUNT(DISTINCT CONCAT(CONCAT(user_pseudo_id, '.'), CAST(session_id AS STRING))) AS `visitors`
  FROM ev
  WHERE ev_day BETWEEN DATE '2024-01-01' AND DATE '2025-12-31'
  GROUP BY p
)
SELECT
  FORMAT_DATE('%F', p) AS period_start,
  FORMAT_DATE('%F', f) AS first_day,
  FORMAT_DATE('%F', l) AS last_day,
  days,
  `conversions`,
  `visitors`
FROM per
ORDER BY p