import { getContext, setContext } from 'svelte';
import type { DeskApp } from './deskApp.svelte';

const KEY = Symbol('desk');

export const setDesk = (app: DeskApp) => setContext(KEY, app);
export const getDesk = () => getContext<DeskApp>(KEY);
