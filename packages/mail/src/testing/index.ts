export { startSmtpSink, type SmtpSink } from './smtp-sink.js';
export { dnsZone, type DnsZone, type TxtRecords } from './dns-zone.js';
