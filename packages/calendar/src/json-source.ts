import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Where in a file: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** JSON text parsed with positions (`jsonc-parser`'s `parseTree`, comments not allowed). */
export interface JsonSource {
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly { readonly at: Position; readonly error: string }[];
  positionOf(offset: number): Position;
}

export function parseJsonSource(text: string): JsonSource {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionOf = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  return {
    root,
    syntaxErrors: errors.map((e) => ({
      at: positionOf(e.offset),
      error: printParseErrorCode(e.error),
    })),
    positionOf,
  };
}

/** The properties of an object node, as `[name, property node, value node]`. */
export function propertiesOf(node: Node): [string, Node, Node | undefined][] {
  if (node.type !== 'object') return [];
  return (node.children ?? []).flatMap((p): [string, Node, Node | undefined][] => {
    const [key, value] = p.children ?? [];
    return typeof key?.value === 'string' ? [[key.value, p, value]] : [];
  });
}

export function elementsOf(node: Node): Node[] {
  return node.type === 'array' ? [...(node.children ?? [])] : [];
}

/** What a node is, for messages: 对象/object, 数组/array, 字符串/string … */
export function typeLabel(type: Node['type']): { zh: string; en: string } {
  const labels: Record<Node['type'], { zh: string; en: string }> = {
    object: { zh: '对象', en: 'an object' },
    array: { zh: '数组', en: 'an array' },
    property: { zh: '属性', en: 'a property' },
    string: { zh: '字符串', en: 'a string' },
    number: { zh: '数字', en: 'a number' },
    boolean: { zh: '布尔值', en: 'a boolean' },
    null: { zh: 'null', en: 'null' },
  };
  return labels[type];
}

/** JSON syntax error names (jsonc-parser's) in zh-CN. */
export const SYNTAX_ERRORS_ZH: Readonly<Record<string, string>> = {
  InvalidSymbol: '无效的符号',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为属性名（带双引号）',
  ValueExpected: '此处应为一个值',
  ColonExpected: '此处应为冒号 :',
  CommaExpected: '此处应为逗号 ,',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '此处应为文件结尾',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少双引号）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '无效的字符',
};
