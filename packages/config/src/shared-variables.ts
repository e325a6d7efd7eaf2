import { z } from 'zod';
import { flag, list, variable } from './variables.js';

const url = (schemes: RegExp) => z.string().regex(schemes);
const port = z.coerce.number().int().min(0).max(65535);

/**
 * The variables the server, the worker and the CLI all read, with the same names and the same
 * parsing (docs/deployment.md lists them). The pilot's own (`PILOT_COLLEGES`, `SEMESTER_START`,
 * `ANNUAL_PLAN_*`, `DYNAMIC_REPORT_PATTERN`, `PROJECT_CALL_WINDOW`, `LEADERSHIP_DECISION`) are
 * parsed by `@certflow/pilot`.
 */
export const SHARED_VARIABLES = {
  DATABASE_URL: variable('shared', url(/^postgres(ql)?:\/\/\S+$/u).optional(), {
    zh: '须为 postgres:// 地址',
    en: 'must be a postgres:// URL',
    default: '— (embedded database in CERTFLOW_DATA_DIR)',
  }),
  DATABASE_POOL_MAX: variable('shared', z.coerce.number().int().min(1).max(1000).default(10), {
    zh: '须为 1 至 1000 的整数',
    en: 'must be an integer from 1 to 1000',
    default: '10',
  }),
  CERTFLOW_DATA_DIR: variable('shared', z.string().min(1).default('./.certflow'), {
    zh: '须为目录路径',
    en: 'must be a directory path',
    default: './.certflow',
  }),
  REDIS_URL: variable('shared', url(/^rediss?:\/\/\S+$/u).optional(), {
    zh: '须为 redis:// 地址',
    en: 'must be a redis:// URL',
    default: '— (in-process scheduler)',
  }),
  CERTFLOW_WEBHOOK_ALLOW_PRIVATE: variable('shared', flag.default(false), {
    zh: '须为 1/0（允许向内网与本机地址发送 webhook）',
    en: 'must be 1/0 (allow webhooks to private and loopback addresses)',
    default: '0',
  }),
  REDIS_PREFIX: variable(
    'shared',
    z
      .string()
      .regex(/^[\w{}:.-]{1,64}$/u)
      .default('certflow'),
    {
      zh: '须为 1 至 64 个字母、数字或 {}:._- 字符',
      en: 'must be 1–64 letters, digits or {}:._-',
      default: 'certflow',
    },
  ),
  CERTFLOW_PUBLIC_URL: variable('shared', url(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/u).optional(), {
    zh: '须为 http:// 或 https:// 地址（邮件中的链接以此开头）；使用 DATABASE_URL 时必填',
    en: 'must be an http(s):// URL (the base of every link in mail); required with DATABASE_URL',
    default: 'http://HOST:PORT (embedded mode only)',
  }),
  CERTFLOW_DEMO: variable('shared', flag.optional(), {
    zh: '须为 true 或 false',
    en: 'must be true or false',
    default: 'true without DATABASE_URL, else false',
  }),
  LOG_LEVEL: variable(
    'shared',
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    {
      zh: '须为 fatal、error、warn、info、debug、trace 或 silent',
      en: 'must be a pino level',
      default: 'info',
    },
  ),
  SMTP_URL: variable('shared', url(/^smtps?:\/\/\S+$/u).optional(), {
    zh: '须为 smtp:// 或 smtps:// 地址',
    en: 'must be an smtp:// or smtps:// URL',
    default: '— (.eml files in CERTFLOW_MAIL_DIR)',
  }),
  MAIL_FROM: variable(
    'shared',
    z.string().min(3).max(320).default('教务处 <noreply@certflow.localhost>'),
    {
      zh: '须为发件人，如 教务处 <noreply@example.edu.cn>',
      en: 'must be a sender such as 教务处 <noreply@example.edu.cn>',
      default: '教务处 <noreply@certflow.localhost>',
    },
  ),
  CERTFLOW_MAIL_SECRET: variable('shared', z.string().min(32).optional(), {
    zh: '须为至少 32 个字符的密钥（kid=密钥,… 可轮换）；使用 DATABASE_URL 时必填',
    en: 'must be a secret of 32+ characters (kid=secret,… to rotate); required with DATABASE_URL',
    default: 'generated into the data dir (embedded mode only)',
  }),
  CERTFLOW_MAIL_DIR: variable('shared', z.string().min(1).optional(), {
    zh: '须为目录路径',
    en: 'must be a directory path',
    default: '$CERTFLOW_DATA_DIR/mail',
  }),
  MAIL_TOKEN_TTL_DAYS: variable('shared', z.coerce.number().positive().max(90).default(14), {
    zh: '须为不超过 90 的天数',
    en: 'must be a number of days up to 90',
    default: '14',
  }),
  MAIL_LOCALE: variable('shared', z.enum(['zh-CN', 'en']).default('zh-CN'), {
    zh: '须为 zh-CN 或 en',
    en: 'must be zh-CN or en',
    default: 'zh-CN',
  }),
  MAIL_INBOUND_PORT: variable('shared', port.optional(), {
    zh: '须为端口号（0 至 65535）',
    en: 'must be a port (0–65535)',
    default: '— (no reply approval)',
  }),
  MAIL_INBOUND_HOST: variable('shared', z.string().min(1).default('127.0.0.1'), {
    zh: '须为监听地址，如 0.0.0.0',
    en: 'must be a listen address such as 0.0.0.0',
    default: '127.0.0.1',
  }),
  MAIL_REPLY_DOMAIN: variable(
    'shared',
    z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/iu)
      .optional(),
    {
      zh: '须为域名（其 MX 指向回复端口）',
      en: 'must be a domain name (its MX reaches the inbound port)',
      default: 'the host of CERTFLOW_PUBLIC_URL',
    },
  ),
  MAIL_REPLY_AUTH: variable('shared', z.enum(['dmarc', 'off']).default('dmarc'), {
    zh: '须为 dmarc（发件人须通过 DKIM/SPF 对齐校验）或 off（仅限测试）',
    en: 'must be dmarc (From must pass aligned DKIM/SPF) or off (testing only)',
    default: 'dmarc',
  }),
  MAIL_TRUSTED_RELAYS: variable('shared', list.optional(), {
    zh: '须为逗号分隔的 IP 地址（不签名的校内中继）',
    en: 'must be comma-separated IP addresses (a campus relay that does not sign)',
    default: '—',
  }),
  MAIL_DNS_SERVERS: variable('shared', list.optional(), {
    zh: '须为逗号分隔的 DNS 服务器（ip 或 ip:端口）',
    en: 'must be comma-separated DNS servers (ip or ip:port)',
    default: 'the system resolver',
  }),
} as const;
