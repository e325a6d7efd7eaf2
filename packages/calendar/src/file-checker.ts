import type { Node } from 'jsonc-parser';
import { isIsoDate, yearOf } from './beijing-time.js';
import { propertiesOf, typeLabel, type JsonSource } from './json-source.js';
import type { TableProblem, TableProblemCode } from './table-problems.js';

export type Fields = Record<string, 'required' | 'optional'>;

/** zh-CN and English text of a problem. */
export type Say = readonly [zh: string, en: string];

/**
 * Reads the nodes of a parsed file and collects its problems, each at the line and column of the
 * node it is about. The helpers return undefined for a node that is missing or wrong (and
 * reported), so the checks after them only see good values.
 */
export class FileChecker {
  readonly problems: TableProblem[] = [];
  /** The table's year once it is known to be right: dates are checked against it. */
  year: number | undefined;

  constructor(readonly src: JsonSource) {}

  report(code: TableProblemCode, node: Node | undefined, path: string, [zh, en]: Say): void {
    const at = this.src.positionOf(node?.offset ?? 0);
    this.problems.push({ code, ...at, path, message: zh, messageEn: en });
  }

  lineOf(node: Node): number {
    return this.src.positionOf(node.offset).line;
  }

  /** The fields of an object node by name; unknown, duplicate and missing fields reported. */
  object(node: Node, path: string, fields: Fields): Map<string, Node> {
    const out = new Map<string, Node>();
    const at = (name: string): string => (path ? `${path}.${name}` : name);
    for (const [name, prop, value] of propertiesOf(node)) {
      if (!(name in fields)) {
        const known = Object.keys(fields).join(', ');
        this.report('UNKNOWN_FIELD', prop, at(name), [
          `未知字段“${name}”（可用：${known}）`,
          `Unknown field "${name}" (known: ${known})`,
        ]);
      } else if (out.has(name)) {
        this.report('DUPLICATE_FIELD', prop, at(name), [
          `字段“${name}”重复出现`,
          `Field "${name}" appears twice`,
        ]);
      } else if (value) out.set(name, value);
    }
    for (const [name, need] of Object.entries(fields)) {
      if (need === 'required' && !out.has(name)) {
        this.report('MISSING_FIELD', node, at(name), [
          `缺少字段“${name}”`,
          `Missing field "${name}"`,
        ]);
      }
    }
    return out;
  }

  typed(node: Node | undefined, type: Node['type'], path: string): Node | undefined {
    if (!node) return undefined;
    if (node.type === type) return node;
    const want = typeLabel(type);
    const got = typeLabel(node.type);
    this.report('WRONG_TYPE', node, path, [
      `“${path}”应为${want.zh}，实为${got.zh}`,
      `"${path}" must be ${want.en}, not ${got.en}`,
    ]);
    return undefined;
  }

  string(node: Node | undefined, path: string): string | undefined {
    const n = this.typed(node, 'string', path);
    return typeof n?.value === 'string' ? n.value : undefined;
  }

  /** A text that must not be blank: trimmed, or undefined (reported). */
  name(node: Node | undefined, path: string, what: Say): string | undefined {
    const s = this.string(node, path)?.trim();
    if (s === '')
      this.report('NAME_EMPTY', node, path, [`${what[0]}不能为空`, `${what[1]} is empty`]);
    return s || undefined;
  }

  /** A `YYYY-MM-DD` date of the table's year, or undefined (reported). */
  date(node: Node | undefined, path: string): string | undefined {
    const d = this.string(node, path);
    if (d === undefined) return undefined;
    if (!isIsoDate(d)) {
      this.report('DATE_INVALID', node, path, [
        `“${d}”不是日期（格式 YYYY-MM-DD）`,
        `"${d}" is not a date YYYY-MM-DD`,
      ]);
      return undefined;
    }
    if (this.year !== undefined && yearOf(d) !== this.year) {
      this.report('DATE_OUTSIDE_YEAR', node, path, [
        `${d} 不在 ${this.year} 年内`,
        `${d} is not in ${this.year}`,
      ]);
      return undefined;
    }
    return d;
  }
}
