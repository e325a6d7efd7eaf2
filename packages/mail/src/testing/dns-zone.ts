import { createSocket, type Socket } from 'node:dgram';
import type { KeyObject } from 'node:crypto';

/** TXT records by name, for DKIM keys, SPF and DMARC policies in tests. */
export type TxtRecords = Readonly<Record<string, readonly string[]>>;

export interface DnsZone {
  /** mailauth's `resolver` option: TXT answers from the zone, ENOTFOUND/ENODATA otherwise. */
  readonly resolve: (name: string, rrtype: string) => Promise<string[][]>;
  /** The same zone on a real UDP DNS server on 127.0.0.1 (for a process started by the test). */
  serve(): Promise<{ readonly address: string; close(): Promise<void> }>;
}

const notFound = (name: string, code: 'ENOTFOUND' | 'ENODATA') =>
  Object.assign(new Error(`${code} ${name}`), { code });

/** Splits a TXT string into the ≤ 255-byte character-strings DNS carries. */
const chunks = (text: string): Buffer[] => {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) out.push(bytes.subarray(i, i + 255));
  return out.length > 0 ? out : [Buffer.alloc(0)];
};

/** One DNS answer to `query` (RFC 1035): TXT records of the zone, NXDOMAIN for unknown names. */
function answer(query: Buffer, records: TxtRecords): Buffer {
  let offset = 12;
  const labels: string[] = [];
  while (offset < query.length && query[offset] !== 0) {
    const len = query[offset] ?? 0;
    labels.push(query.subarray(offset + 1, offset + 1 + len).toString('ascii'));
    offset += len + 1;
  }
  const questionEnd = offset + 5; // zero byte + qtype + qclass
  const qtype = query.readUInt16BE(offset + 1);
  const name = labels.join('.').toLowerCase();
  const txt = records[name];
  const rows = qtype === 16 && txt ? txt : [];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  const rd = (query[2] ?? 0) & 0x01;
  header[2] = 0x84 | rd; // QR, AA, RD as asked
  header[3] = 0x80 | (txt ? 0 : 3); // RA; NXDOMAIN when the name is unknown
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rows.length, 6);
  const answers = rows.map((text) => {
    const rdata = Buffer.concat(chunks(text).flatMap((c) => [Buffer.from([c.length]), c]));
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
    rr.writeUInt16BE(16, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([rr, rdata]);
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}

/** A DNS zone of TXT records, answered in-process or over UDP. */
export function dnsZone(records: TxtRecords): DnsZone {
  const zone: TxtRecords = Object.fromEntries(
    Object.entries(records).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    resolve: async (name, rrtype) => {
      const txt = zone[name.toLowerCase()];
      if (!txt) throw notFound(name, 'ENOTFOUND');
      if (rrtype !== 'TXT') throw notFound(name, 'ENODATA');
      return txt.map((t) => [t]);
    },
    async serve() {
      const socket: Socket = createSocket('udp4');
      socket.on('message', (query, peer) => {
        if (query.length < 17) return;
        socket.send(answer(query, zone), peer.port, peer.address);
      });
      await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
      const { port } = socket.address();
      return {
        address: `127.0.0.1:${port}`,
        close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
      };
    },
  };
}

/** The `p=` value of a DKIM record for an RSA public key. */
dnsZone.publicKey = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'der' }).toString('base64');
