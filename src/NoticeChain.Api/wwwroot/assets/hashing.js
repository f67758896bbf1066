// SHA-256 and hex helpers for the citizen page. The document is hashed here, in the browser; only the hex digest
// ever leaves the device. Works unchanged in Node (>= 20), whose globalThis.crypto is the same Web Crypto API.

const HEX = /^[0-9a-fA-F]*$/;

/** Lower-case hex of a byte array. */
export function toHex(bytes) {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** Bytes of a hex string (either case, no 0x); throws on odd length or a non-hex digit. */
export function fromHex(hex) {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !HEX.test(hex)) {
    throw new TypeError('not a hex string');
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

/** True for exactly 64 hex digits (a SHA-256 value written as sha256sum prints it), either case. */
export function isHash64(value) {
  return typeof value === 'string' && value.length === 64 && HEX.test(value);
}

/** SHA-256 of the given bytes (ArrayBuffer or typed array), as a Uint8Array of 32 bytes. */
export async function sha256(bytes) {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

/** SHA-256 of a File or Blob, as lower-case hex. The bytes are read into memory and never sent anywhere. */
export async function digestFile(file) {
  return toHex(await sha256(await file.arrayBuffer()));
}

/** The notice's leaf, SHA-256(0x00 || salt || digest): the RFC 9162 leaf hash of the entry salt || digest. */
export async function leafHash(saltHex, digestHex) {
  const entry = new Uint8Array(65);
  entry[0] = 0x00;
  entry.set(fromHex(saltHex), 1);
  entry.set(fromHex(digestHex), 33);
  return sha256(entry);
}
