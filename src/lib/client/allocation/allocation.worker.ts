// The allocation worker: exposes the pure domain function, and the same function against the
// ledger it was last sent (`createHeldLedgerAllocator`: while staff type an amount, only the
// payment crosses the boundary). Both return a result, never throw, so no detail is lost crossing
// the worker boundary.
import * as Comlink from 'comlink';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';
import { createHeldLedgerAllocator } from './heldLedgerAllocator';

const api = { allocatePayment, allocatePreview: createHeldLedgerAllocator() };
export type AllocationWorkerApi = typeof api;

Comlink.expose(api);
