import type { Migration } from '../store/migrate';

/**
 * The NexHealth fake's ledger, in schema `nexhealth`: what NexHealth's Synchronizer has copied out of
 * the practice's Dentrix or Eaglesoft (docs/nexhealth-api-reference.md). Ids are NexHealth's (int32
 * in its document, so `integer` here); money is integer cents (bigint), never a float, signed as
 * NexHealth signs it: charges and debit adjustments positive, payments and credit adjustments negative.
 * `write_request` is the queue of accepted writes (202) that have not landed in the PMS yet.
 */
export const demoNexhealthMigrations: Migration[] = [
	{
		id: 1,
		name: 'nexhealth ledger subset',
		sql: `
CREATE SCHEMA IF NOT EXISTS nexhealth;
CREATE TABLE nexhealth.institution (
	id integer PRIMARY KEY,
	name text NOT NULL,
	subdomain text NOT NULL UNIQUE,
	-- The PMS the practice was seeded as (dentrix, eaglesoft): a database is one practice on one PMS.
	emr text NOT NULL
);
CREATE TABLE nexhealth.location (
	id integer PRIMARY KEY,
	institution_id integer NOT NULL REFERENCES nexhealth.institution(id),
	name text NOT NULL,
	street_address text,
	city text,
	state text,
	zip_code text,
	phone_number text,
	email text,
	tz text NOT NULL,
	foreign_id text NOT NULL,
	inactive boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE TABLE nexhealth.provider (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	first_name text NOT NULL,
	last_name text NOT NULL,
	suffix text,
	email text,
	npi text,
	specialty_code text,
	foreign_id text NOT NULL,
	inactive boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE TABLE nexhealth.patient (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	guarantor_id integer NOT NULL,
	provider_id integer,
	first_name text NOT NULL,
	middle_name text,
	last_name text NOT NULL,
	email text,
	phone_number text,
	date_of_birth date,
	gender text,
	street_address text,
	city text,
	state text,
	zip_code text,
	chart_id text,
	billing_type text,
	foreign_id text NOT NULL,
	inactive boolean NOT NULL DEFAULT false,
	non_patient boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX patient_guarantor ON nexhealth.patient(guarantor_id);
CREATE TABLE nexhealth.payment_type (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	name text NOT NULL,
	active boolean NOT NULL DEFAULT true,
	updated_at timestamptz NOT NULL
);
CREATE TABLE nexhealth.adjustment_type (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	name text NOT NULL,
	action text NOT NULL CHECK (action IN ('credit', 'debit', 'unknown')),
	active boolean NOT NULL DEFAULT true,
	updated_at timestamptz NOT NULL
);
CREATE TABLE nexhealth.charge (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	patient_id integer NOT NULL REFERENCES nexhealth.patient(id),
	guarantor_id integer NOT NULL,
	provider_id integer,
	procedure_id integer,
	procedure_code text,
	description text,
	fee_cents bigint NOT NULL,
	charged_at date NOT NULL,
	foreign_id text NOT NULL,
	updated_at timestamptz NOT NULL,
	deleted_at timestamptz
);
CREATE INDEX charge_guarantor ON nexhealth.charge(guarantor_id);
CREATE INDEX charge_patient ON nexhealth.charge(patient_id);
CREATE TABLE nexhealth.claim_payout (
	id serial PRIMARY KEY,
	charge_id integer NOT NULL REFERENCES nexhealth.charge(id),
	claim_id integer NOT NULL,
	insurance_plan_id integer NOT NULL,
	status text NOT NULL CHECK (status IN ('sent', 'received')),
	billed_cents bigint NOT NULL,
	allowed_cents bigint NOT NULL,
	estimated_cents bigint NOT NULL,
	paid_cents bigint NOT NULL,
	write_off_cents bigint NOT NULL,
	sent_at date NOT NULL,
	received_at date,
	updated_at timestamptz NOT NULL
);
CREATE INDEX claim_payout_charge ON nexhealth.claim_payout(charge_id);
CREATE TABLE nexhealth.adjustment (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	patient_id integer NOT NULL REFERENCES nexhealth.patient(id),
	guarantor_id integer NOT NULL,
	provider_id integer,
	adjustment_type_id integer REFERENCES nexhealth.adjustment_type(id),
	amount_cents bigint NOT NULL,
	adjusted_at date NOT NULL,
	transaction_id text,
	charge_id integer REFERENCES nexhealth.charge(id),
	claim_id integer,
	description text,
	notes text,
	foreign_id text NOT NULL,
	updated_at timestamptz NOT NULL,
	deleted_at timestamptz
);
CREATE INDEX adjustment_guarantor ON nexhealth.adjustment(guarantor_id);
CREATE TABLE nexhealth.payment (
	id serial PRIMARY KEY,
	location_id integer NOT NULL REFERENCES nexhealth.location(id),
	patient_id integer NOT NULL REFERENCES nexhealth.patient(id),
	guarantor_id integer NOT NULL,
	provider_id integer,
	payment_type_id integer REFERENCES nexhealth.payment_type(id),
	amount_cents bigint NOT NULL,
	paid_at date NOT NULL,
	transaction_id text,
	charge_id integer REFERENCES nexhealth.charge(id),
	claim_id integer,
	insurance_plan_id integer,
	description text,
	notes text,
	foreign_id text NOT NULL,
	updated_at timestamptz NOT NULL,
	deleted_at timestamptz
);
CREATE INDEX payment_guarantor ON nexhealth.payment(guarantor_id);
CREATE INDEX payment_transaction ON nexhealth.payment(transaction_id);
CREATE TABLE nexhealth.write_request (
	id serial PRIMARY KEY,
	kind text NOT NULL CHECK (kind IN ('payment')),
	location_id integer NOT NULL,
	body jsonb NOT NULL,
	status text NOT NULL CHECK (status IN ('queued', 'landed', 'failed')),
	accepted_at timestamptz NOT NULL,
	landed_at timestamptz,
	failure text
);
-- A guarantor's balance (GET /guarantor_balances): what the family owes, for filtering and paging;
-- its split into insurance estimates and aging is computed for the page (guarantorBalance.ts).
CREATE VIEW nexhealth.guarantor_balance AS
SELECT g.id, g.location_id, g.id AS guarantor_id, g.foreign_id,
	GREATEST(g.updated_at, c.updated_at, a.updated_at, p.updated_at) AS updated_at,
	(COALESCE(c.total, 0) + COALESCE(a.total, 0) + COALESCE(p.total, 0))::bigint AS total_cents
FROM nexhealth.patient g
LEFT JOIN LATERAL (SELECT sum(fee_cents) AS total, max(updated_at) AS updated_at FROM nexhealth.charge WHERE guarantor_id = g.id AND deleted_at IS NULL) c ON true
LEFT JOIN LATERAL (SELECT sum(amount_cents) AS total, max(updated_at) AS updated_at FROM nexhealth.adjustment WHERE guarantor_id = g.id AND deleted_at IS NULL) a ON true
LEFT JOIN LATERAL (SELECT sum(amount_cents) AS total, max(updated_at) AS updated_at FROM nexhealth.payment WHERE guarantor_id = g.id AND deleted_at IS NULL) p ON true
WHERE g.guarantor_id = g.id;
`
	}
];
