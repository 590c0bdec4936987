// The allocation worker: exposes the pure domain function and nothing else (it returns a result,
// never throws, so no detail is lost crossing the worker boundary).
import * as Comlink from 'comlink';
import { allocatePayment } from '$lib/domain/allocation/allocatePayment';

const api = { allocatePayment };
export type AllocationWorkerApi = typeof api;

Comlink.expose(api);
