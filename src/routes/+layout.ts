// The front desk runs in the browser on its own data (IndexedDB): no server rendering of pages.
export const ssr = false;
export const prerender = false;
