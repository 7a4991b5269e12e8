-- The office hub: every change laptops sent (once each), the current state
-- of each record as the laptops' merge derives it, the ledger of bundles,
-- and the devices with what each has confirmed receiving.
CREATE SCHEMA IF NOT EXISTS rounds_hub;

CREATE TABLE rounds_hub.bundles (
    id           bigserial PRIMARY KEY,
    sha256       text NOT NULL UNIQUE,
    device       text NOT NULL,
    dest         text NOT NULL,
    -- the sender's change-log seqs the bundle covers (first is exclusive)
    from_seq     bigint NOT NULL,
    to_seq       bigint NOT NULL,
    created      timestamptz NOT NULL,
    records      bigint NOT NULL DEFAULT 0,
    new_changes  bigint NOT NULL DEFAULT 0,
    -- the hub's change seqs this bundle added (NULL when it added none)
    first_change bigint,
    last_change  bigint,
    received_at  timestamptz NOT NULL DEFAULT now(),
    received_by  text NOT NULL
);
CREATE INDEX bundles_device ON rounds_hub.bundles (device, received_at);

-- one row per distinct change: id = sha256(tree, key, value)
CREATE TABLE rounds_hub.changes (
    id     bytea PRIMARY KEY,
    seq    bigserial NOT NULL UNIQUE,
    tree   text NOT NULL,
    key    bytea NOT NULL,
    value  bytea NOT NULL,
    device text NOT NULL,
    bundle bigint NOT NULL REFERENCES rounds_hub.bundles (id)
);

-- bumped each time a record's current value changes: what a device has not
-- received yet is what changed after the mark it confirmed
CREATE SEQUENCE rounds_hub.record_seq;

CREATE TABLE rounds_hub.records (
    tree       text NOT NULL,
    key        bytea NOT NULL,
    value      bytea NOT NULL,
    doc        jsonb NOT NULL,
    -- who a record belongs to, for the bundles of reps' laptops
    store_code text,
    visit_id   text,
    -- the device whose change is the stored value as it is ('hub' when merged)
    origin     text NOT NULL,
    seq        bigint NOT NULL,
    PRIMARY KEY (tree, key)
);
CREATE INDEX records_seq ON rounds_hub.records (seq);
CREATE INDEX records_store ON rounds_hub.records (store_code) WHERE store_code IS NOT NULL;
CREATE INDEX records_visit ON rounds_hub.records (visit_id) WHERE visit_id IS NOT NULL;

CREATE TABLE rounds_hub.devices (
    device     text PRIMARY KEY,
    -- a rep's laptop gets that rep's stores; NULL: everything (supervisor, kiosk)
    rep        text,
    registered timestamptz NOT NULL DEFAULT now(),
    last_push  timestamptz,
    last_pull  timestamptz,
    -- the last record seq written into a bundle for the device, and the last
    -- one the device confirmed having imported
    offered    bigint NOT NULL DEFAULT 0,
    confirmed  bigint NOT NULL DEFAULT 0
);
