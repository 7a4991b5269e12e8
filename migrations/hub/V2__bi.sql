-- Per visit figures, kept up to date by each ingest for the visits it
-- touched (a dashboard over a year then reads 10,000 rows, not 500,000
-- audit lines).
CREATE TABLE rounds_hub.kpi_visit (
    visit_id    text PRIMARY KEY,
    rep         text NOT NULL,
    store_code  text NOT NULL,
    day         date NOT NULL,
    submitted   boolean NOT NULL,
    audit_lines bigint NOT NULL,
    on_shelf    bigint NOT NULL
);
CREATE INDEX kpi_visit_rep_day ON rounds_hub.kpi_visit (rep, day);

-- The read side for BI tools (Metabase, Grafana, Excel, psql): one view per
-- kind, money in minor units (cents) as rounds keeps it.
CREATE SCHEMA IF NOT EXISTS rounds_bi;

CREATE VIEW rounds_bi.stores AS
SELECT doc->>'code' AS code, doc->>'name' AS name, doc->>'address' AS address,
       doc->>'city' AS city, doc->>'phone' AS phone, doc->>'email' AS email,
       doc->>'rep' AS rep, (doc->>'visit_every_days')::int AS visit_every_days,
       (doc->>'credit_limit')::bigint AS credit_limit_cents,
       (doc->>'removed')::boolean AS removed
FROM rounds_hub.records WHERE tree = 'stores';

CREATE VIEW rounds_bi.products AS
SELECT doc->>'sku' AS sku, doc->>'ean' AS ean, doc->>'name' AS name,
       doc->>'brand' AS brand, doc->>'category' AS category, doc->>'unit' AS unit,
       (doc->>'case_pack')::int AS case_pack,
       (doc->>'shelf_life_days')::int AS shelf_life_days,
       (doc->>'list_price')::bigint AS list_price_cents,
       (doc->>'removed')::boolean AS removed
FROM rounds_hub.records WHERE tree = 'products';

CREATE VIEW rounds_bi.reps AS
SELECT doc->>'code' AS code, doc->>'name' AS name, doc->>'phone' AS phone,
       (doc->>'removed')::boolean AS removed
FROM rounds_hub.records WHERE tree = 'reps';

CREATE VIEW rounds_bi.visits AS
SELECT visit_id, doc->>'store_code' AS store_code, doc->>'rep' AS rep,
       (doc->>'date')::date AS day, (doc->>'checked_in')::timestamptz AS checked_in,
       (doc->>'submitted')::timestamptz AS submitted_at,
       doc->>'status' = 'Submitted' AS submitted
FROM rounds_hub.records WHERE tree = 'visits';

CREATE VIEW rounds_bi.audit_lines AS
SELECT visit_id, doc->>'sku' AS sku, (doc->>'on_shelf')::boolean AS on_shelf,
       (doc->>'facings')::int AS facings, (doc->>'stock')::int AS stock_counted,
       (doc->>'price_seen')::bigint AS price_seen_cents,
       doc->>'missing' AS missing
FROM rounds_hub.records WHERE tree = 'visit_audit';

CREATE VIEW rounds_bi.expiry_batches AS
SELECT doc->'meta'->>'id' AS batch_id, visit_id, store_code, doc->>'sku' AS sku,
       (doc->>'expiry')::date AS expiry, (doc->>'qty')::int AS qty,
       doc->>'action' AS action
FROM rounds_hub.records WHERE tree = 'visit_batches';

CREATE VIEW rounds_bi.returns AS
SELECT doc->'meta'->>'id' AS return_id, visit_id, store_code, doc->>'sku' AS sku,
       (doc->>'qty')::int AS qty, (doc->>'value')::bigint AS value_cents,
       doc->>'reason' AS reason, doc->>'status' AS status,
       (doc->>'logged')::date AS logged
FROM rounds_hub.records WHERE tree = 'returns';

CREATE VIEW rounds_bi.orders AS
SELECT doc->>'number' AS number, store_code, (doc->>'date')::date AS day,
       doc->>'state' AS state, (doc->>'sent')::date AS sent,
       jsonb_array_length(doc->'lines') AS lines
FROM rounds_hub.records WHERE tree = 'orders';

CREATE VIEW rounds_bi.order_lines AS
SELECT r.doc->>'number' AS number, r.store_code, (r.doc->>'date')::date AS day,
       l->>'sku' AS sku, (l->>'qty')::int AS qty, (l->>'bonus_qty')::int AS bonus_qty,
       (l->>'unit_price')::bigint AS unit_price_cents,
       (l->>'qty')::bigint * (l->>'unit_price')::bigint AS value_cents
FROM rounds_hub.records r, jsonb_array_elements(r.doc->'lines') AS l
WHERE r.tree = 'orders';

CREATE VIEW rounds_bi.kpi_rep_day AS
SELECT rep, day, count(*) AS visits,
       count(*) FILTER (WHERE submitted) AS submitted,
       sum(audit_lines)::bigint AS audit_lines, sum(on_shelf)::bigint AS on_shelf,
       round(100.0 * sum(on_shelf) / nullif(sum(audit_lines), 0), 1) AS on_shelf_pct
FROM rounds_hub.kpi_visit GROUP BY rep, day;

CREATE VIEW rounds_bi.conflicts AS
SELECT doc->>'kind' AS kind, doc->>'code' AS code, doc->>'field' AS field,
       doc->'resolution' AS resolution, doc
FROM rounds_hub.records WHERE tree = 'conflicts';

-- when each device last pushed and pulled (reps not synced for a day)
CREATE VIEW rounds_bi.devices AS
SELECT device, rep, last_push, last_pull,
       greatest(last_push, last_pull) < now() - interval '1 day' AS stale
FROM rounds_hub.devices;
