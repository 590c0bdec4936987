import type { Migration } from './migrate';

/**
 * The bridge's own tables, in order. Never edit an applied migration: add the next one.
 */
export const bridgeMigrations: Migration[] = [
	{
		id: 1,
		name: 'devices, pairing, payment journal, PMS mirror',
		sql: `
CREATE TABLE device (
	id uuid PRIMARY KEY,
	name text NOT NULL,
	token_hash text NOT NULL UNIQUE,
	paired_at timestamptz NOT NULL,
	last_seen_at timestamptz,
	revoked_at timestamptz
);
CREATE TABLE pairing_code (
	code_hash text PRIMARY KEY,
	created_at timestamptz NOT NULL,
	expires_at timestamptz NOT NULL,
	used_at timestamptz,
	used_by uuid REFERENCES device(id)
);
-- One row per payment, keyed by the device's UUIDv7: the idempotency key end to end (DESIGN §3).
CREATE TABLE payment (
	id uuid PRIMARY KEY,
	intent jsonb NOT NULL,
	content_key text NOT NULL,
	patient_id text NOT NULL,
	family_id text NOT NULL,
	method_kind text NOT NULL,
	amount bigint NOT NULL CHECK (amount > 0),
	status text NOT NULL,
	reason text,
	device_id uuid NOT NULL REFERENCES device(id),
	received_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL,
	pms_payment_id text,
	splits jsonb,
	attempts integer NOT NULL DEFAULT 0,
	next_attempt_at timestamptz
);
CREATE INDEX payment_status ON payment (status);
CREATE INDEX payment_family ON payment (family_id);
-- The audit trail: every status a payment took, when, why and by whom.
CREATE TABLE payment_event (
	seq bigserial PRIMARY KEY,
	payment_id uuid NOT NULL REFERENCES payment(id),
	status text NOT NULL,
	at timestamptz NOT NULL,
	cause text NOT NULL,
	actor text NOT NULL,
	reason text
);
CREATE INDEX payment_event_payment ON payment_event (payment_id, seq);
-- Written before each PMS write, so that after a crash the bridge knows a write may have happened.
CREATE TABLE posting_attempt (
	id bigserial PRIMARY KEY,
	payment_id uuid NOT NULL REFERENCES payment(id),
	started_at timestamptz NOT NULL,
	finished_at timestamptz,
	outcome text,
	pms_payment_id text,
	detail text
);
CREATE INDEX posting_attempt_payment ON posting_attempt (payment_id, id);
-- What the bridge last read from the PMS, with a version per row for the devices' change feed.
CREATE SEQUENCE mirror_version;
CREATE TABLE mirror_patient (
	id text PRIMARY KEY,
	guarantor_id text NOT NULL,
	data jsonb NOT NULL,
	hash text NOT NULL,
	version bigint NOT NULL,
	removed boolean NOT NULL DEFAULT false
);
CREATE INDEX mirror_patient_version ON mirror_patient (version);
CREATE TABLE mirror_family (
	guarantor_id text PRIMARY KEY,
	data jsonb NOT NULL,
	hash text NOT NULL,
	version bigint NOT NULL,
	removed boolean NOT NULL DEFAULT false
);
CREATE INDEX mirror_family_version ON mirror_family (version);
CREATE TABLE mirror_practice (
	id integer PRIMARY KEY CHECK (id = 1),
	data jsonb NOT NULL,
	read_at timestamptz NOT NULL
);
`
	},
	{
		id: 2,
		name: 'practice settings; the allocation the bridge computed at posting time',
		sql: `
CREATE TABLE practice_settings (
	id integer PRIMARY KEY CHECK (id = 1),
	data jsonb NOT NULL,
	version integer NOT NULL,
	updated_at timestamptz NOT NULL,
	updated_by text NOT NULL
);
ALTER TABLE payment ADD COLUMN allocation jsonb;
ALTER TABLE payment ADD COLUMN settings_version integer;
`
	},
	{
		id: 3,
		name: 'the state a payment left for needs_attention (where a retry returns it)',
		sql: `ALTER TABLE payment ADD COLUMN attention_from text;`
	},
	{
		id: 4,
		name: 'verification: the PMS payment type written, and whether the PMS split the payment as the engine did',
		sql: `
ALTER TABLE payment ADD COLUMN pms_payment_type text;
ALTER TABLE payment ADD COLUMN matches_allocation boolean;
ALTER TABLE payment ADD COLUMN allocation_difference jsonb;
`
	},
	{
		id: 5,
		name: 'clearing: settlement reference of card/ACH payments, processor reports (gross and fee), processor event ids',
		sql: `
-- The reference a processor reports a payment by: the card terminal's reference, or the ACH
-- reference. Generated from the intent, so existing rows are filled and no writer can forget it;
-- trimmed and lower-cased, as reports are matched (server/clearing/applySettlement).
ALTER TABLE payment ADD COLUMN settlement_ref text GENERATED ALWAYS AS (
	lower(btrim(CASE method_kind WHEN 'card' THEN intent->'method'->>'terminalRef' WHEN 'ach' THEN intent->'method'->>'reference' END))
) STORED;
CREATE INDEX payment_settlement_ref ON payment (settlement_ref) WHERE settlement_ref IS NOT NULL;
-- What the processor reported about a payment, one row per kind: the gross (what the PMS gets) and
-- the fee, kept apart (writing net breaks matching: notes/pms-landscape.md §5).
CREATE TABLE settlement (
	payment_id uuid NOT NULL REFERENCES payment(id),
	kind text NOT NULL CHECK (kind IN ('settled', 'declined', 'returned')),
	source text NOT NULL CHECK (source IN ('webhook', 'csv', 'demo')),
	origin text NOT NULL,
	reference text NOT NULL,
	gross bigint NOT NULL,
	fee bigint CHECK (fee >= 0),
	occurred_at text NOT NULL,
	recorded_at timestamptz NOT NULL,
	PRIMARY KEY (payment_id, kind)
);
-- Each processor webhook event id once (DESIGN §6), with what it did.
CREATE TABLE processor_event (
	id text PRIMARY KEY,
	type text NOT NULL,
	reference text NOT NULL,
	amount bigint NOT NULL,
	fee bigint,
	occurred_at text NOT NULL,
	received_at timestamptz NOT NULL,
	body jsonb NOT NULL,
	outcome text,
	payment_id uuid REFERENCES payment(id),
	message text
);
CREATE INDEX processor_event_reference ON processor_event (reference);
`
	},
	{
		id: 6,
		name: 'settings history, manager PIN and sessions, follow-up writes after posting (write-back status, patient note)',
		sql: `
-- Every saved version of the settings, with who saved it (the row in practice_settings is the one in force).
CREATE TABLE settings_change (
	version integer PRIMARY KEY,
	data jsonb NOT NULL,
	changed_at timestamptz NOT NULL,
	changed_by text NOT NULL
);
-- The manager PIN, as scrypt output with its salt and parameters (set through the loopback admin channel).
CREATE TABLE manager_pin (
	id integer PRIMARY KEY CHECK (id = 1),
	hash text NOT NULL,
	set_at timestamptz NOT NULL
);
-- Manager sessions (15 minutes), stored hashed like device tokens.
CREATE TABLE manager_session (
	token_hash text PRIMARY KEY,
	device_id uuid NOT NULL REFERENCES device(id),
	manager text NOT NULL,
	created_at timestamptz NOT NULL,
	expires_at timestamptz NOT NULL
);
-- What is written to the PMS after a payment is posted, each once and never holding the payment up:
-- its write-back status (Open Dental: PUT /payments ProcessStatus) and the patient note (POST /commlogs).
-- \`sent_at\` is set before a note is sent: after an unknown outcome the note is looked for by reference first.
CREATE TABLE posting_followup (
	payment_id uuid NOT NULL REFERENCES payment(id),
	kind text NOT NULL CHECK (kind IN ('writeback_status', 'patient_note')),
	value text NOT NULL,
	status text NOT NULL CHECK (status IN ('due', 'done', 'failed')),
	attempts integer NOT NULL DEFAULT 0,
	next_attempt_at timestamptz,
	sent_at timestamptz,
	done_at timestamptz,
	pms_id text,
	last_error text,
	PRIMARY KEY (payment_id, kind)
);
CREATE INDEX posting_followup_due ON posting_followup (next_attempt_at) WHERE status = 'due';
`
	},
	{
		id: 7,
		name: 'guessing limits: wrong manager PINs and pairing codes, counted where every bridge on the database sees them',
		sql: `
-- One row per wrong guess (issue 13): per device or address (\`key\`) and for the bridge as a whole
-- (\`scope\` alone), counted over a sliding window; kept across restarts and shared by every bridge on
-- the database. Rows older than the longest window are deleted as new ones arrive.
CREATE TABLE guess_failure (
	id bigserial PRIMARY KEY,
	scope text NOT NULL,
	key text NOT NULL,
	at timestamptz NOT NULL
);
CREATE INDEX guess_failure_key ON guess_failure (scope, key, at);
CREATE INDEX guess_failure_scope ON guess_failure (scope, at);
`
	},
	{
		id: 8,
		name: 'every PMS row a payment became (a NexHealth write may become several), not one pms_payment_id',
		sql: `
CREATE TABLE payment_pms_row (
	payment_id uuid NOT NULL REFERENCES payment(id),
	pms_payment_id text NOT NULL,
	amount bigint NOT NULL,
	pay_date date,
	payment_type_id text,
	recorded_at timestamptz NOT NULL,
	PRIMARY KEY (payment_id, pms_payment_id)
);
INSERT INTO payment_pms_row (payment_id, pms_payment_id, amount, pay_date, payment_type_id, recorded_at)
	SELECT id, pms_payment_id, amount, (intent->>'payDate')::date, pms_payment_type, updated_at FROM payment WHERE pms_payment_id IS NOT NULL;
ALTER TABLE payment DROP COLUMN pms_payment_id;
`
	}
];
