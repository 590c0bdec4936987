/** True for connections from this machine: 127.0.0.0/8, ::1, or IPv4-mapped loopback. */
export function isLoopback(address: string): boolean {
	const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
	return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
