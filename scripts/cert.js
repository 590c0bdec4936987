// `npm run cert [-- extra-name-or-address ...]`: a local certificate authority (made once, kept) and a
// certificate for this bridge's names and addresses, so tablets reach it over HTTPS (service workers,
// Web Locks and installation need a secure context). Then start with TLS_CERT and TLS_KEY set.
import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
// @peculiar/x509 resolves its algorithms with tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
// The keys and certificates go under DATA_DIR, which the bridge keeps private to its user (issue 13).
process.umask(0o077);
const x509 = await import('@peculiar/x509');

x509.cryptoProvider.set(webcrypto);
const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const dir = resolve(process.env.DATA_DIR ?? './data', 'tls');
mkdirSync(dir, { recursive: true, mode: 0o700 });
const file = (name) => join(dir, name);

async function exportKey(key) {
	const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key)).toString('base64');
	return `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g).join('\n')}\n-----END PRIVATE KEY-----\n`;
}
async function importKey(pem) {
	const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
	return webcrypto.subtle.importKey('pkcs8', der, alg, true, ['sign']);
}
const serial = () => Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');

// The authority: made once and kept, so devices that trust it keep trusting new bridge certificates.
let ca;
let caKey;
if (existsSync(file('ca.crt')) && existsSync(file('ca.key'))) {
	ca = new x509.X509Certificate(readFileSync(file('ca.crt'), 'utf8'));
	caKey = await importKey(readFileSync(file('ca.key'), 'utf8'));
	console.log(`Using the existing Paysplit authority in ${file('ca.crt')}`);
} else {
	const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
	const now = new Date();
	ca = await x509.X509CertificateGenerator.createSelfSigned({
		serialNumber: serial(),
		name: `CN=Paysplit local authority (${hostname()})`,
		notBefore: now,
		notAfter: new Date(now.getTime() + 10 * 365 * 86_400_000),
		signingAlgorithm: alg,
		keys,
		extensions: [
			new x509.BasicConstraintsExtension(true, 0, true),
			new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
			await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
		]
	});
	caKey = keys.privateKey;
	writeFileSync(file('ca.key'), await exportKey(caKey), { mode: 0o600 });
	writeFileSync(file('ca.crt'), `${ca.toString('pem').trim()}\n`);
	console.log(`Made a new Paysplit authority: ${file('ca.crt')}`);
}

const names = new Set(['localhost', hostname(), `${hostname()}.local`]);
const addresses = new Set(['127.0.0.1', '::1']);
for (const list of Object.values(networkInterfaces())) for (const net of list ?? []) if (!net.internal && !net.address.startsWith('fe80:')) addresses.add(net.address);
for (const extra of process.argv.slice(2)) (/^[\d.]+$|:/.test(extra) ? addresses : names).add(extra);

const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
const now = new Date();
const cert = await x509.X509CertificateGenerator.create({
	serialNumber: serial(),
	subject: `CN=${hostname()}`,
	issuer: ca.subject,
	notBefore: now,
	// Apple devices refuse server certificates valid for more than 398 days.
	notAfter: new Date(now.getTime() + 397 * 86_400_000),
	signingAlgorithm: alg,
	publicKey: keys.publicKey,
	signingKey: caKey,
	extensions: [
		new x509.BasicConstraintsExtension(false, undefined, true),
		new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
		new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
		new x509.SubjectAlternativeNameExtension([...[...names].map((value) => ({ type: 'dns', value })), ...[...addresses].map((value) => ({ type: 'ip', value }))]),
		await x509.AuthorityKeyIdentifierExtension.create(ca, false)
	]
});
writeFileSync(file('server.key'), await exportKey(keys.privateKey), { mode: 0o600 });
writeFileSync(file('server.crt'), `${cert.toString('pem').trim()}\n${ca.toString('pem').trim()}\n`);

console.log(`Certificate for ${[...names, ...addresses].join(', ')}, valid until ${cert.notAfter.toISOString().slice(0, 10)}.`);
console.log('\nStart the bridge over HTTPS with:\n');
console.log(`  TLS_CERT=${file('server.crt')} TLS_KEY=${file('server.key')} HOST=0.0.0.0 npm start\n`);
console.log(`Then trust ${file('ca.crt')} on each device once (see README, "HTTPS on the practice network").`);
