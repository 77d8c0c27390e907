-- pcs sql tests/sql/rules/awards --dialect spark --part awards: program sql-awards
-- Input tables (every column text): partners(partner_id, name, market, customer_references), certifications, customers, associations, usage, as in docs/data-contract.md.
-- partner attribute columns read: customer_references
-- awards left out (a rule without SQL form, see the warnings of pcs sql): covered

-- Typed tables: the contract's CSV tables (all text) checked and converted exactly.
CREATE OR REPLACE TEMPORARY VIEW pcs_usage AS
SELECT partner_id, NULLIF(tenant, '') AS tenant, CASE WHEN (month RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])$') THEN (CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1) END AS month, measure, CASE WHEN (value RLIKE '^-?[0-9]+([.][0-9]{1,6})?$') THEN (CASE WHEN value LIKE '-%' THEN -1 ELSE 1 END) * (CAST(split_part(substr(value, CASE WHEN value LIKE '-%' THEN 2 ELSE 1 END), '.', 1) AS DECIMAL(38,0)) * 1000000 + CAST(rpad(COALESCE(split_part(substr(value, CASE WHEN value LIKE '-%' THEN 2 ELSE 1 END), '.', 2), ''), 6, '0') AS DECIMAL(38,0))) END AS value, NULLIF(service, '') AS service, NULLIF(service_group, '') AS service_group, NULLIF(workload, '') AS workload, NULLIF(product, '') AS product, NULLIF(offer, '') AS offer, NULLIF(association, '') AS association, NULLIF(area, '') AS area,
  (partner_id IS NULL OR NULLIF(tenant, '') IS NULL OR measure IS NULL OR NOT (COALESCE(month, '') RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])$') OR NOT (COALESCE(value, '') RLIKE '^-?[0-9]+([.][0-9]{1,6})?$')
   OR (NULLIF(measure, '') IS NOT NULL AND measure NOT IN ('acr', 'paid_seats', 'pau', 'mau', 'protected_users', 'consumption_value', 'adjusted_revenue')) OR (NULLIF(association, '') IS NOT NULL AND association NOT IN ('PAL', 'DPOR', 'CSP1', 'CSP2', 'CPOR', 'CPOR-RevRec', 'DAP'))) AS bad
FROM usage;
CREATE OR REPLACE TEMPORARY VIEW pcs_customers AS
SELECT partner_id, NULLIF(tenant, '') AS tenant, NULLIF(segment, '') AS segment, (partner_id IS NULL OR NULLIF(tenant, '') IS NULL OR (NULLIF(segment, '') IS NOT NULL AND segment NOT IN ('enterprise', 'smb', 'smc'))) AS bad FROM customers;
CREATE OR REPLACE TEMPORARY VIEW pcs_associations AS
SELECT partner_id, NULLIF(tenant, '') AS tenant, NULLIF(type, '') AS association, CASE WHEN (since RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') THEN (CAST(substr(since, 1, 4) AS INTEGER) * 12 + CAST(substr(since, 6, 2) AS INTEGER) - 1) END AS since,
  (partner_id IS NULL OR NULLIF(tenant, '') IS NULL OR NULLIF(type, '') IS NULL OR NOT (COALESCE(since, '') RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') OR (NULLIF(type, '') IS NOT NULL AND type NOT IN ('PAL', 'DPOR', 'CSP1', 'CSP2', 'CPOR', 'CPOR-RevRec', 'DAP'))) AS bad FROM associations;
CREATE OR REPLACE TEMPORARY VIEW pcs_certifications AS
SELECT partner_id, NULLIF(person_id, '') AS person, NULLIF(code, '') AS code, CASE WHEN (earned RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') THEN (CAST(substr(earned, 1, 4) AS INTEGER) * 12 + CAST(substr(earned, 6, 2) AS INTEGER) - 1) END AS earned, CASE WHEN (NULLIF(expires, '') RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') THEN (CAST(substr(NULLIF(expires, ''), 1, 4) AS INTEGER) * 12 + CAST(substr(NULLIF(expires, ''), 6, 2) AS INTEGER) - 1) END AS expires,
  (partner_id IS NULL OR NULLIF(person_id, '') IS NULL OR NULLIF(code, '') IS NULL OR NOT (COALESCE(earned, '') RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$') OR (expires IS NOT NULL AND expires <> '' AND NOT (expires RLIKE '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'))) AS bad
FROM certifications;
CREATE OR REPLACE TEMPORARY VIEW pcs_people AS
SELECT DISTINCT partner_id, person FROM pcs_certifications WHERE person IS NOT NULL;
CREATE OR REPLACE TEMPORARY VIEW pcs_bad_partners AS
SELECT partner_id FROM pcs_usage WHERE bad
UNION SELECT partner_id FROM pcs_customers WHERE bad
UNION SELECT partner_id FROM pcs_associations WHERE bad
UNION SELECT partner_id FROM pcs_certifications WHERE bad
UNION SELECT partner_id FROM partners WHERE (NULLIF(market, '') IS NOT NULL AND market NOT IN ('larger', 'other'))
UNION SELECT u.partner_id FROM pcs_usage u WHERE u.tenant IS NOT NULL AND NOT EXISTS
  (SELECT 1 FROM pcs_customers c WHERE c.partner_id = u.partner_id AND c.tenant = u.tenant)
UNION SELECT a.partner_id FROM pcs_associations a WHERE a.tenant IS NOT NULL AND NOT EXISTS
  (SELECT 1 FROM pcs_customers c WHERE c.partner_id = a.partner_id AND c.tenant = a.tenant);
CREATE OR REPLACE TEMPORARY VIEW pcs_scope AS
SELECT * FROM (SELECT p.partner_id, p.name, p.market, l.latest AS as_of, NULLIF(p.customer_references, '') AS attr_customer_references FROM partners p
  LEFT JOIN (SELECT partner_id, max(month) AS latest FROM pcs_usage GROUP BY partner_id) l ON l.partner_id = p.partner_id
  WHERE p.partner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pcs_bad_partners b WHERE b.partner_id = p.partner_id)) scoped
WHERE as_of IS NOT NULL;

-- The scores: one row per partner, designation and metric.
WITH
-- tests/sql/rules/awards/program.pcs:16: let acr_rows
acr_rows AS (
SELECT s.partner_id, x.* FROM pcs_scope s CROSS JOIN LATERAL (SELECT tenant, month, measure, value, service, service_group, workload, product, offer, association, area FROM pcs_usage WHERE partner_id = s.partner_id AND measure = 'acr') x
),
-- tests/sql/rules/awards/program.pcs:17: let last_acr
last_acr AS (
SELECT s.partner_id, (SELECT COALESCE(SUM(q2.value), 0) FROM (SELECT q1.tenant, q1.month, q1.measure, q1.value, q1.service, q1.service_group, q1.workload, q1.product, q1.offer, q1.association, q1.area FROM (SELECT c.tenant, c.month, c.measure, c.value, c.service, c.service_group, c.workload, c.product, c.offer, c.association, c.area FROM acr_rows c WHERE c.partner_id = s.partner_id) q1 WHERE (q1.month = s.as_of)) q2) AS num, 1000000 AS den FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:22: metric last_month_acr of spending: prerequisites and value
spending__last_month_acr__value AS (
SELECT s.partner_id, TRUE AS prerequisites_met, TRUE AS scorable,
  CASE WHEN TRUE THEN (SELECT c.num FROM last_acr c WHERE c.partner_id = s.partner_id) END AS value_num, CASE WHEN TRUE THEN 1000000 ELSE 1 END AS value_den
FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:24: metric last_month_acr of spending: points
spending__last_month_acr AS (
SELECT r.partner_id, r.value_num, r.value_den, CASE WHEN (r.raw_num < (CAST(0 AS DECIMAL(38,0)) * 100000000)) THEN (CAST(0 AS DECIMAL(38,0)) * 100000000) WHEN (r.raw_num > (CAST(100 AS DECIMAL(38,0)) * 100000000)) THEN (CAST(100 AS DECIMAL(38,0)) * 100000000) ELSE r.raw_num END AS points_num, 100000000 AS points_den
FROM (SELECT v.*, CASE WHEN (v.scorable AND v.prerequisites_met) THEN (v.value_num * CAST(1 AS DECIMAL(38,0))) ELSE (CAST(0 AS DECIMAL(38,0)) * 100000000) END AS raw_num, 100000000 AS raw_den
  FROM spending__last_month_acr__value v JOIN pcs_scope s ON s.partner_id = v.partner_id) r
),
-- tests/sql/rules/awards/program.pcs:19: designation spending: total and attained
spending AS (
SELECT s.partner_id, CAST(NULL AS STRING) AS path, ((CAST(0 AS DECIMAL(38,0)) * 100000000) + m1.points_num) AS total_num, 100000000 AS total_den, (((CAST(0 AS DECIMAL(38,0)) * 100000000) + m1.points_num) >= (CAST(5 AS DECIMAL(38,0)) * 100000000)) AS attained FROM pcs_scope s JOIN spending__last_month_acr m1 ON m1.partner_id = s.partner_id
),
-- tests/sql/rules/awards/program.pcs:32: metric change of growing: prerequisites and value
growing__change__value AS (
SELECT s.partner_id, TRUE AS prerequisites_met, TRUE AS scorable,
  CASE WHEN TRUE THEN ((SELECT c.num FROM last_acr c WHERE c.partner_id = s.partner_id) - (SELECT COALESCE(SUM(q4.value), 0) FROM (SELECT q3.tenant, q3.month, q3.measure, q3.value, q3.service, q3.service_group, q3.workload, q3.product, q3.offer, q3.association, q3.area FROM (SELECT c.tenant, c.month, c.measure, c.value, c.service, c.service_group, c.workload, c.product, c.offer, c.association, c.area FROM acr_rows c WHERE c.partner_id = s.partner_id) q3 WHERE (q3.month = (s.as_of - 12))) q4)) END AS value_num, CASE WHEN TRUE THEN 1000000 ELSE 1 END AS value_den
FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:34: metric change of growing: points
growing__change AS (
SELECT r.partner_id, r.value_num, r.value_den, CASE WHEN (r.raw_num < CAST(0 AS DECIMAL(38,0))) THEN CAST(0 AS DECIMAL(38,0)) WHEN (r.raw_num > CAST(100 AS DECIMAL(38,0))) THEN CAST(100 AS DECIMAL(38,0)) ELSE r.raw_num END AS points_num, 1 AS points_den
FROM (SELECT v.*, CASE WHEN (v.scorable AND v.prerequisites_met) THEN CASE WHEN (v.value_num < (CAST(0 AS DECIMAL(38,0)) * 1000000)) THEN CAST(0 AS DECIMAL(38,0)) ELSE (CASE WHEN (CAST((((v.value_num) - (((v.value_num) % (1000000) + (1000000)) % (1000000))) div (1000000)) AS DECIMAL(38,0)) <= CAST(100 AS DECIMAL(38,0))) THEN CAST((((v.value_num) - (((v.value_num) % (1000000) + (1000000)) % (1000000))) div (1000000)) AS DECIMAL(38,0)) ELSE CAST(100 AS DECIMAL(38,0)) END * CAST(1 AS DECIMAL(38,0))) END ELSE CAST(0 AS DECIMAL(38,0)) END AS raw_num, 1 AS raw_den
  FROM growing__change__value v JOIN pcs_scope s ON s.partner_id = v.partner_id) r
),
-- tests/sql/rules/awards/program.pcs:29: designation growing: total and attained
growing AS (
SELECT s.partner_id, CAST(NULL AS STRING) AS path, (CAST(0 AS DECIMAL(38,0)) + m1.points_num) AS total_num, 1 AS total_den, ((m1.points_num > CAST(0 AS DECIMAL(38,0)))) AS attained FROM pcs_scope s JOIN growing__change m1 ON m1.partner_id = s.partner_id
),
-- tests/sql/rules/awards/program.pcs:39: badge steady
badge__steady AS (
SELECT s.partner_id, ((SELECT a.attained FROM spending a WHERE a.partner_id = s.partner_id) AND (NOT (SELECT a.attained FROM growing a WHERE a.partner_id = s.partner_id))) AS attained FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:41: badge everything
badge__everything AS (
SELECT s.partner_id, ((SELECT a.attained FROM spending a WHERE a.partner_id = s.partner_id) AND (SELECT a.attained FROM growing a WHERE a.partner_id = s.partner_id)) AS attained FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:44: let storage_acr
specialization__big_spender__storage_acr AS (
SELECT s.partner_id, x.* FROM pcs_scope s CROSS JOIN LATERAL (SELECT q5.tenant, q5.month, q5.measure, q5.value, q5.service, q5.service_group, q5.workload, q5.product, q5.offer, q5.association, q5.area FROM (SELECT c.tenant, c.month, c.measure, c.value, c.service, c.service_group, c.workload, c.product, c.offer, c.association, c.area FROM acr_rows c WHERE c.partner_id = s.partner_id) q5 WHERE (q5.service <=> 'Storage')) x
),
-- tests/sql/rules/awards/program.pcs:43: specialization big_spender: designation and requirements
specialization__big_spender AS (
SELECT s.partner_id, ((SELECT a.attained FROM spending a WHERE a.partner_id = s.partner_id)) AS designation_attained,
  -- tests/sql/rules/awards/program.pcs:45: require total_at(storage_acr, last_month) >= 900 USD
  ((SELECT COALESCE(SUM(q7.value), 0) FROM (SELECT q6.tenant, q6.month, q6.measure, q6.value, q6.service, q6.service_group, q6.workload, q6.product, q6.offer, q6.association, q6.area FROM (SELECT c.tenant, c.month, c.measure, c.value, c.service, c.service_group, c.workload, c.product, c.offer, c.association, c.area FROM specialization__big_spender__storage_acr c WHERE c.partner_id = s.partner_id) q6 WHERE (q6.month = s.as_of)) q7) >= (CAST(900 AS DECIMAL(38,0)) * 1000000)) AS r1,
  -- tests/sql/rules/awards/program.pcs:46: require count(people holding azure_administrator) >= 1 person
  (CAST((SELECT count(*) FROM (SELECT q8.person FROM (SELECT person FROM pcs_people WHERE partner_id = s.partner_id) q8 WHERE ((EXISTS (SELECT 1 FROM pcs_certifications c WHERE c.partner_id = s.partner_id AND c.person = q8.person AND c.code = 'AZ-104' AND c.earned <= s.as_of AND (c.expires IS NULL OR c.expires >= s.as_of))))) n) AS DECIMAL(38,0)) >= CAST(1 AS DECIMAL(38,0))) AS r2
FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:49: specialization either: designation and requirements
specialization__either AS (
SELECT s.partner_id, ((SELECT a.attained FROM spending a WHERE a.partner_id = s.partner_id) OR (SELECT a.attained FROM growing a WHERE a.partner_id = s.partner_id)) AS designation_attained,
  -- tests/sql/rules/awards/program.pcs:50: require last_acr >= 2000 USD
  ((SELECT c.num FROM last_acr c WHERE c.partner_id = s.partner_id) >= (CAST(2000 AS DECIMAL(38,0)) * 1000000)) AS r1
FROM pcs_scope s
),
-- tests/sql/rules/awards/program.pcs:55: specialization referenced: designation and requirements
specialization__referenced AS (
SELECT s.partner_id, ((SELECT a.attained FROM spending a WHERE a.partner_id = s.partner_id) OR (SELECT a.attained FROM growing a WHERE a.partner_id = s.partner_id)) AS designation_attained,
  -- tests/sql/rules/awards/program.pcs:56: require number(partner.attributes.customer_references) >= 3
  ((CASE WHEN s.attr_customer_references IS NULL THEN 0 WHEN (s.attr_customer_references RLIKE '^-?[0-9]{1,18}([.][0-9]{1,18})?$') THEN (CASE WHEN s.attr_customer_references LIKE '-%' THEN -1 ELSE 1 END) * CAST(replace(substr(s.attr_customer_references, CASE WHEN s.attr_customer_references LIKE '-%' THEN 2 ELSE 1 END), '.', '') AS DECIMAL(38,0)) END) * 1 >= CAST(3 AS DECIMAL(38,0)) * CAST(rpad('1', CAST(length(COALESCE(split_part(s.attr_customer_references, '.', 2), '')) + 1 AS INTEGER), '0') AS DECIMAL(38,0))) AS r1
FROM pcs_scope s
)
SELECT x.partner_id AS partner, 'badge' AS kind, 'steady' AS award, 'Steady spender' AS name, CAST(NULL AS STRING) AS designation, TRUE AS published, CAST(NULL AS BOOLEAN) AS designation_attained, x.attained AS attained, CAST(NULL AS STRING) AS explain
FROM badge__steady x
UNION ALL
SELECT x.partner_id AS partner, 'badge' AS kind, 'everything' AS award, 'Everything' AS name, CAST(NULL AS STRING) AS designation, TRUE AS published, CAST(NULL AS BOOLEAN) AS designation_attained, x.attained AS attained, CAST(NULL AS STRING) AS explain
FROM badge__everything x
UNION ALL
SELECT x.partner_id AS partner, 'specialization' AS kind, 'big_spender' AS award, 'Big spender' AS name, 'spending' AS designation, TRUE AS published, x.designation_attained AS designation_attained, (x.designation_attained AND x.r1 AND x.r2) AS attained,
  CAST('designation spending attained: ' || CASE WHEN x.designation_attained THEN 'yes' ELSE 'no' END
    || chr(10) || 'requirement ' || CASE WHEN x.r1 THEN 'met' ELSE 'NOT met' END || ': total_at(storage_acr, last_month) >= 900 USD'
    || chr(10) || 'requirement ' || CASE WHEN x.r2 THEN 'met' ELSE 'NOT met' END || ': count(people holding azure_administrator) >= 1 person' AS STRING) AS explain
FROM specialization__big_spender x
UNION ALL
SELECT x.partner_id AS partner, 'specialization' AS kind, 'either' AS award, 'Either designation' AS name, 'spending or growing' AS designation, TRUE AS published, x.designation_attained AS designation_attained, (x.designation_attained AND x.r1) AS attained,
  CAST('designation spending or growing attained: ' || CASE WHEN x.designation_attained THEN 'yes' ELSE 'no' END
    || chr(10) || 'requirement ' || CASE WHEN x.r1 THEN 'met' ELSE 'NOT met' END || ': last_acr >= 2000 USD' AS STRING) AS explain
FROM specialization__either x
UNION ALL
SELECT x.partner_id AS partner, 'specialization' AS kind, 'referenced' AS award, 'Referenced' AS name, 'spending or growing' AS designation, TRUE AS published, x.designation_attained AS designation_attained, (x.designation_attained AND x.r1) AS attained,
  CAST('designation spending or growing attained: ' || CASE WHEN x.designation_attained THEN 'yes' ELSE 'no' END
    || chr(10) || 'requirement ' || CASE WHEN x.r1 THEN 'met' ELSE 'NOT met' END || ': number(partner.attributes.customer_references) >= 3' AS STRING) AS explain
FROM specialization__referenced x
UNION ALL
SELECT x.partner_id AS partner, 'specialization' AS kind, 'later' AS award, 'Published later' AS name, 'growing' AS designation, FALSE AS published, CAST(NULL AS BOOLEAN) AS designation_attained, CAST(NULL AS BOOLEAN) AS attained, CAST('requirements not published: the program document names this specialization without them' AS STRING) AS explain
FROM pcs_scope x
ORDER BY partner, kind, award;
