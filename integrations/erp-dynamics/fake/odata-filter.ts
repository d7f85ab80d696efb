// A small reader of OData $filter expressions for the fake ERP: comparisons (eq, ne, gt, ge, lt, le) of a
// field with a string or number literal, joined by `and` / `or` (and binding tighter), with parentheses.
// Enough for what our driver and a person trying the fake by hand send; anything else is a 400.

type Literal = string | number | null;
export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

const TOKEN = /\s*(\(|\)|'(?:[^']|'')*'|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*)/y;

export class FilterSyntaxError extends Error {}

export function parseFilter(text: string): Predicate {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (match = TOKEN.exec(text))) tokens.push(match[1]!);
  if (text.slice(TOKEN.lastIndex).trim()) throw new FilterSyntaxError(`cannot read $filter near "${text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}"`);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => {
    const token = tokens[at++];
    if (token === undefined) throw new FilterSyntaxError('$filter ends too early');
    return token;
  };

  const or = (): Predicate => {
    let left = and();
    while (peek() === 'or') {
      take();
      const right = and();
      const l = left;
      left = (row) => l(row) || right(row);
    }
    return left;
  };
  const and = (): Predicate => {
    let left = term();
    while (peek() === 'and') {
      take();
      const right = term();
      const l = left;
      left = (row) => l(row) && right(row);
    }
    return left;
  };
  const term = (): Predicate => {
    if (peek() === '(') {
      take();
      const inner = or();
      if (take() !== ')') throw new FilterSyntaxError('$filter: a parenthesis is not closed');
      return inner;
    }
    const field = take();
    const operator = take();
    const value = literal(take());
    const compare = COMPARISONS[operator];
    if (!compare) throw new FilterSyntaxError(`$filter: unknown operator "${operator}"`);
    return (row) => compare(row[field] as Literal, value);
  };

  const predicate = or();
  if (at !== tokens.length) throw new FilterSyntaxError(`$filter: unexpected "${tokens[at]}"`);
  return predicate;
}

function literal(token: string): Literal {
  if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  if (token === 'null') return null;
  const number = Number(token);
  if (Number.isNaN(number)) throw new FilterSyntaxError(`$filter: "${token}" is not a value`);
  return number;
}

const COMPARISONS: Record<string, (a: Literal, b: Literal) => boolean> = {
  eq: (a, b) => a === b || (a !== null && b !== null && String(a) === String(b)),
  ne: (a, b) => !(a === b || (a !== null && b !== null && String(a) === String(b))),
  gt: (a, b) => a !== null && b !== null && a > b,
  ge: (a, b) => a !== null && b !== null && a >= b,
  lt: (a, b) => a !== null && b !== null && a < b,
  le: (a, b) => a !== null && b !== null && a <= b,
};
