/**
 * DSSE v1 (secure-systems-lab/dsse protocol.md): the pre-authentication encoding and the JSON envelope,
 * so any ledger entry can be handed to DSSE tooling as a standard envelope.
 */

/**
 * PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes as ASCII
 * decimal; the body given in parts, for a caller that cuts it from a larger buffer, and built in one
 * allocation, since verification encodes every entry.
 */
export function pae(payloadType: string, ...body: Uint8Array[]): Buffer {
  let length = 0;
  for (const part of body) length += part.length;
  const head = `DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${length} `;
  const out = Buffer.allocUnsafe(Buffer.byteLength(head) + length);
  let at = out.write(head);
  for (const part of body) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export interface DsseEnvelope {
  readonly payload: string;
  readonly payloadType: string;
  readonly signatures: readonly { readonly keyid?: string; readonly sig: string }[];
}
