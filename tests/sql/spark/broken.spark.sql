-- A Spark script with one mistake the grammar must find (a doubled BY), so
-- that the check is seen to catch errors, at the right line and column.
SELECT partner_id, sum(value) AS total
FROM pcs_usage
GROUP BY BY partner_id;
