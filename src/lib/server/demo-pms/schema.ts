import type { Migration } from '../store/migrate';

/**
 * The demo PMS's tables, in schema `opendental`, with Open Dental's own table and column names
 * (OpenDentBusiness/TableTypes, see shared/notes/opendental.md §2). Money is numeric(12,2) where
 * Open Dental has double: exact, and read back as text. Only the columns the API subset uses exist.
 */
export const demoPmsMigrations: Migration[] = [
	{
		id: 1,
		name: 'open dental subset',
		sql: `
CREATE SCHEMA IF NOT EXISTS opendental;
CREATE TABLE opendental.provider (
	"ProvNum" bigserial PRIMARY KEY,
	"Abbr" text NOT NULL,
	"LName" text NOT NULL,
	"FName" text NOT NULL,
	"Suffix" text NOT NULL DEFAULT '',
	"IsSecondary" boolean NOT NULL DEFAULT false,
	"IsHidden" boolean NOT NULL DEFAULT false,
	"ProvStatus" smallint NOT NULL DEFAULT 0,
	"ItemOrder" integer NOT NULL DEFAULT 0
);
CREATE TABLE opendental.clinic (
	"ClinicNum" bigserial PRIMARY KEY,
	"Abbr" text NOT NULL,
	"Description" text NOT NULL,
	"DefaultProv" bigint NOT NULL DEFAULT 0,
	"IsHidden" boolean NOT NULL DEFAULT false,
	"ItemOrder" integer NOT NULL DEFAULT 0
);
CREATE TABLE opendental.definition (
	"DefNum" bigserial PRIMARY KEY,
	"Category" smallint NOT NULL,
	"ItemOrder" integer NOT NULL DEFAULT 0,
	"ItemName" text NOT NULL,
	"ItemValue" text NOT NULL DEFAULT '',
	"ItemColor" integer NOT NULL DEFAULT 0,
	"IsHidden" boolean NOT NULL DEFAULT false
);
CREATE TABLE opendental.preference (
	"PrefNum" bigserial PRIMARY KEY,
	"PrefName" text NOT NULL UNIQUE,
	"ValueString" text NOT NULL
);
CREATE TABLE opendental.patient (
	"PatNum" bigserial PRIMARY KEY,
	"LName" text NOT NULL,
	"FName" text NOT NULL,
	"MiddleI" text NOT NULL DEFAULT '',
	"Preferred" text NOT NULL DEFAULT '',
	"PatStatus" smallint NOT NULL DEFAULT 0,
	"Gender" smallint NOT NULL DEFAULT 0,
	"Position" smallint NOT NULL DEFAULT 0,
	"Birthdate" date,
	"Address" text NOT NULL DEFAULT '',
	"City" text NOT NULL DEFAULT '',
	"State" text NOT NULL DEFAULT '',
	"Zip" text NOT NULL DEFAULT '',
	"WirelessPhone" text NOT NULL DEFAULT '',
	"Email" text NOT NULL DEFAULT '',
	"Guarantor" bigint NOT NULL DEFAULT 0,
	"PriProv" bigint NOT NULL DEFAULT 0,
	"SecProv" bigint NOT NULL DEFAULT 0,
	"ClinicNum" bigint NOT NULL DEFAULT 0,
	"BillingType" bigint NOT NULL DEFAULT 0,
	"DateTStamp" timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE opendental.procedurecode (
	"CodeNum" bigserial PRIMARY KEY,
	"ProcCode" text NOT NULL UNIQUE,
	"Descript" text NOT NULL,
	"AbbrDesc" text NOT NULL
);
CREATE TABLE opendental.procedurelog (
	"ProcNum" bigserial PRIMARY KEY,
	"PatNum" bigint NOT NULL REFERENCES opendental.patient("PatNum"),
	"AptNum" bigint NOT NULL DEFAULT 0,
	"ProcDate" date NOT NULL,
	"ProcFee" numeric(12,2) NOT NULL,
	"Surf" text NOT NULL DEFAULT '',
	"ToothNum" text NOT NULL DEFAULT '',
	"ToothRange" text NOT NULL DEFAULT '',
	"Priority" bigint NOT NULL DEFAULT 0,
	"ProcStatus" smallint NOT NULL,
	"ProvNum" bigint NOT NULL,
	"ClinicNum" bigint NOT NULL DEFAULT 0,
	"CodeNum" bigint NOT NULL REFERENCES opendental.procedurecode("CodeNum"),
	"BaseUnits" integer NOT NULL DEFAULT 0,
	"UnitQty" integer NOT NULL DEFAULT 1,
	"Discount" numeric(12,2) NOT NULL DEFAULT 0,
	"DateComplete" date,
	"DateTStamp" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedurelog_patnum ON opendental.procedurelog("PatNum");
CREATE TABLE opendental.claimproc (
	"ClaimProcNum" bigserial PRIMARY KEY,
	"ProcNum" bigint NOT NULL REFERENCES opendental.procedurelog("ProcNum"),
	"ClaimNum" bigint NOT NULL DEFAULT 0,
	"PatNum" bigint NOT NULL,
	"ProvNum" bigint NOT NULL,
	"ClinicNum" bigint NOT NULL DEFAULT 0,
	"PlanNum" bigint NOT NULL DEFAULT 0,
	"Status" smallint NOT NULL,
	"FeeBilled" numeric(12,2) NOT NULL DEFAULT 0,
	"InsPayEst" numeric(12,2) NOT NULL DEFAULT 0,
	"InsPayAmt" numeric(12,2) NOT NULL DEFAULT 0,
	"WriteOff" numeric(12,2) NOT NULL DEFAULT 0,
	"WriteOffEst" numeric(12,2) NOT NULL DEFAULT -1,
	"WriteOffEstOverride" numeric(12,2) NOT NULL DEFAULT -1,
	"InsEstTotal" numeric(12,2) NOT NULL DEFAULT 0,
	"InsEstTotalOverride" numeric(12,2) NOT NULL DEFAULT -1,
	"DedApplied" numeric(12,2) NOT NULL DEFAULT 0,
	"NoBillIns" boolean NOT NULL DEFAULT false,
	"ProcDate" date,
	"DateCP" date,
	"SecDateTEdit" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claimproc_procnum ON opendental.claimproc("ProcNum");
CREATE TABLE opendental.adjustment (
	"AdjNum" bigserial PRIMARY KEY,
	"AdjDate" date NOT NULL,
	"AdjAmt" numeric(12,2) NOT NULL,
	"PatNum" bigint NOT NULL REFERENCES opendental.patient("PatNum"),
	"AdjType" bigint NOT NULL,
	"ProvNum" bigint NOT NULL,
	"AdjNote" text NOT NULL DEFAULT '',
	"ProcDate" date,
	"ProcNum" bigint NOT NULL DEFAULT 0,
	"ClinicNum" bigint NOT NULL DEFAULT 0,
	"DateEntry" date NOT NULL,
	"SecDateTEdit" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX adjustment_patnum ON opendental.adjustment("PatNum");
CREATE TABLE opendental.payment (
	"PayNum" bigserial PRIMARY KEY,
	"PayType" bigint NOT NULL,
	"PayDate" date NOT NULL,
	"PayAmt" numeric(12,2) NOT NULL,
	"CheckNum" text NOT NULL DEFAULT '',
	"BankBranch" text NOT NULL DEFAULT '',
	"PayNote" text NOT NULL DEFAULT '',
	"PatNum" bigint NOT NULL REFERENCES opendental.patient("PatNum"),
	"ClinicNum" bigint NOT NULL DEFAULT 0,
	"DateEntry" date NOT NULL,
	"ProcessStatus" smallint NOT NULL DEFAULT 0,
	"PaymentSource" text NOT NULL DEFAULT '',
	"ExternalId" text NOT NULL DEFAULT '',
	"SecDateTEdit" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_patnum ON opendental.payment("PatNum");
CREATE TABLE opendental.paysplit (
	"SplitNum" bigserial PRIMARY KEY,
	"SplitAmt" numeric(12,2) NOT NULL,
	"PatNum" bigint NOT NULL REFERENCES opendental.patient("PatNum"),
	"PayNum" bigint NOT NULL REFERENCES opendental.payment("PayNum"),
	"ProvNum" bigint NOT NULL DEFAULT 0,
	"ClinicNum" bigint NOT NULL DEFAULT 0,
	"ProcNum" bigint NOT NULL DEFAULT 0,
	"AdjNum" bigint NOT NULL DEFAULT 0,
	"PayPlanNum" bigint NOT NULL DEFAULT 0,
	"UnearnedType" bigint NOT NULL DEFAULT 0,
	"DatePay" date NOT NULL,
	"DateEntry" date NOT NULL,
	"SecDateTEdit" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX paysplit_paynum ON opendental.paysplit("PayNum");
CREATE INDEX paysplit_patnum ON opendental.paysplit("PatNum");
CREATE TABLE opendental.commlog (
	"CommlogNum" bigserial PRIMARY KEY,
	"PatNum" bigint NOT NULL REFERENCES opendental.patient("PatNum"),
	"CommDateTime" timestamp NOT NULL,
	"CommType" bigint NOT NULL DEFAULT 0,
	"Note" text NOT NULL,
	"Mode_" smallint NOT NULL DEFAULT 0,
	"SentOrReceived" smallint NOT NULL DEFAULT 0,
	"CommSource" smallint NOT NULL DEFAULT 7,
	"DateTStamp" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commlog_patnum ON opendental.commlog("PatNum");
`
	}
];
