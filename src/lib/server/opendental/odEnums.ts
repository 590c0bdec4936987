/** Open Dental's enum values as its database stores them (shared/notes/opendental.md §2). */
export const DEF_CATEGORY = { AdjTypes: 1, BillingTypes: 4, PaymentTypes: 10, TxPriorities: 20, CommLogTypes: 27, PaySplitUnearnedType: 29 } as const;

export const PROC_STATUS = { TP: 1, C: 2, EC: 3, EO: 4, R: 5, D: 6, Cn: 7, TPi: 8 } as const;

export const CLAIMPROC_STATUS = {
	NotReceived: 0,
	Received: 1,
	Preauth: 2,
	Adjustment: 3,
	Supplemental: 4,
	CapClaim: 5,
	Estimate: 6,
	CapComplete: 7,
	CapEstimate: 8,
	InsHist: 9
} as const;

export const PAT_STATUS = ['Patient', 'NonPatient', 'Inactive', 'Archived', 'Deleted', 'Deceased', 'Prospective'] as const;
export const GENDER = ['Male', 'Female', 'Unknown', 'Other'] as const;
export const POSITION = ['Single', 'Married', 'Child', 'Widowed', 'Divorced'] as const;
export const PROCESS_STATUS = ['OfficeProcessed', 'OnlineProcessed', 'OnlinePending'] as const;
export const COMMLOG_MODE = ['None', 'Email', 'Mail', 'Phone', 'InPerson', 'Text', 'EmailAndText', 'PhoneAndText', 'Fax'] as const;
export const SENT_OR_RECEIVED = ['Neither', 'Sent', 'Received'] as const;

/** Reverse lookup: name → number, for enums Open Dental's API writes as names. */
export function enumName<T extends Record<string, number>>(table: T, value: number): keyof T | undefined {
	return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === value);
}
