/** How inbound replies are authenticated before they may decide anything. */
export interface ReplyAuthSettings {
  /** `dmarc`: From must pass DMARC (aligned DKIM or SPF); `off`: no check (tests only). */
  readonly mode: 'dmarc' | 'off';
  /** Mails from these IPs are taken as authenticated (a campus relay that does not sign). */
  readonly trustedRelays: readonly string[];
  /** DNS servers for the DKIM/SPF/DMARC lookups; empty = the system resolver. */
  readonly dnsServers: readonly string[];
}

/** The inbound SMTP endpoint for reply approval. */
export interface InboundSettings {
  readonly port: number;
  readonly host: string;
  /** `reply+<token>@replyDomain`; its MX must reach `host:port`. */
  readonly replyDomain: string;
  readonly auth: ReplyAuthSettings;
}

/** What `@certflow/mail` needs, read once from the shared variables. */
export interface MailSettings {
  /** Absent: `.eml` files in `emlDir` (embedded mode). */
  readonly smtpUrl: string | null;
  readonly emlDir: string;
  readonly from: string;
  /** Base of every link in mail: `CERTFLOW_PUBLIC_URL` without a trailing slash. */
  readonly publicUrl: string;
  /** `kid=secret,…` or one secret; absent only where the embedded mode generates one. */
  readonly secret: string | null;
  readonly tokenTtlDays: number;
  readonly locale: 'zh-CN' | 'en';
  /** Null: reply approval off (no Reply-To is offered). */
  readonly inbound: InboundSettings | null;
}
