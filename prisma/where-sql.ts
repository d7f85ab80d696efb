// A Prisma `where` as SQL, for the few reads Prisma cannot say: a condition on rows of one table applied
// inside a query over another (the change history, filtered by each table's own row rules, see
// admin/history/visible-history.ts). It covers what the role rules (domain/access/abilities.ts) and the
// adapter's filters produce: AND/OR/NOT, equality and null, in/notIn, comparisons, contains/startsWith/
// endsWith (LIKE fragments, as Prisma takes them: the adapter escapes people's text before), and
// relations (is/isNot to one, some/none/every to many) as EXISTS over the related table. Anything else is
// refused (UnsupportedWhereError) rather than guessed: a rule read wrongly would show rows it hides.
import type { DMMF } from '@prisma/generator-helper';
import { getFullModel } from './dmmf.js';

type Where = Record<string, unknown>;

export class UnsupportedWhereError extends Error {
  constructor(model: string, detail: string) {
    super(`cannot say ${detail} of ${model} in SQL`);
    this.name = 'UnsupportedWhereError';
  }
}

/** How the condition reaches the columns of its root row: `t."location_id"` for a table row, or the
 * value as some other source holds it (a deleted record's last recorded values). */
export type ColumnOf = (field: DMMF.Field) => string;

/** The SQL of `where` on rows of `model`, its parameters appended to `values` ($1, $2... continue from
 * there). `columnOf` names the root row's columns; related rows get aliases of their own. */
export function whereSql(model: DMMF.Model, where: Where, columnOf: ColumnOf, values: unknown[]): string {
  return new Translation(values).where(model, where, columnOf);
}

/** A table row's columns under `alias`. */
export function columnsOf(alias: string): ColumnOf {
  return (field) => `${alias}.${quoted(field.dbName ?? field.name)}`;
}

export function tableOf(model: DMMF.Model): string {
  return quoted(model.dbName ?? model.name);
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

class Translation {
  private aliases = 0;

  constructor(private readonly values: unknown[]) {}

  where(model: DMMF.Model, where: Where, columnOf: ColumnOf): string {
    if (where === null || typeof where !== 'object' || Array.isArray(where)) throw new UnsupportedWhereError(model.name, `the condition ${JSON.stringify(where)}`);
    const parts = Object.entries(where)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => this.entry(model, key, value, columnOf));
    return parts.length ? (parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`) : 'TRUE';
  }

  private entry(model: DMMF.Model, key: string, value: unknown, columnOf: ColumnOf): string {
    if (key === 'AND') return this.all(model, value, columnOf, 'AND', 'TRUE');
    if (key === 'OR') return this.all(model, value, columnOf, 'OR', 'FALSE');
    if (key === 'NOT') return `NOT ${this.all(model, value, columnOf, 'OR', 'FALSE')}`;
    const field = model.fields.find((f) => f.name === key);
    if (!field) throw new UnsupportedWhereError(model.name, `the field ${key}`);
    return field.kind === 'object' ? this.relation(model, field, value, columnOf) : this.scalar(model, field, value, columnOf(field));
  }

  /** Conditions joined by `joint`; an object counts as one condition, an empty list as `empty`. */
  private all(model: DMMF.Model, value: unknown, columnOf: ColumnOf, joint: 'AND' | 'OR', empty: string): string {
    const list = (Array.isArray(value) ? value : [value]) as Where[];
    if (!list.length) return empty;
    const parts = list.map((part) => this.where(model, part, columnOf));
    return parts.length === 1 ? parts[0]! : `(${parts.join(` ${joint} `)})`;
  }

  private scalar(model: DMMF.Model, field: DMMF.Field, value: unknown, column: string): string {
    if (field.isList) throw new UnsupportedWhereError(model.name, `a condition on the list ${field.name}`);
    if (value === null) return `${column} IS NULL`;
    if (!isFilter(value)) return `${column} = ${this.param(value)}`;
    const insensitive = value.mode === 'insensitive';
    const like = insensitive ? 'ILIKE' : 'LIKE';
    const parts: string[] = [];
    for (const [operator, operand] of Object.entries(value)) {
      if (operand === undefined || operator === 'mode') continue;
      switch (operator) {
        case 'equals':
          parts.push(operand === null ? `${column} IS NULL` : `${column} = ${this.param(operand)}`);
          break;
        case 'not':
          if (operand === null) parts.push(`${column} IS NOT NULL`);
          else if (isFilter(operand)) parts.push(`NOT ${this.scalar(model, field, operand, column)}`);
          else parts.push(`${column} <> ${this.param(operand)}`);
          break;
        case 'in':
        case 'notIn': {
          if (!Array.isArray(operand)) throw new UnsupportedWhereError(model.name, `${operator} without a list on ${field.name}`);
          const among = operand.length ? `${column} = ANY(${this.param(operand)})` : 'FALSE';
          parts.push(operator === 'in' ? among : `NOT ${among}`);
          break;
        }
        case 'lt':
        case 'lte':
        case 'gt':
        case 'gte':
          parts.push(`${column} ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[operator]} ${this.param(operand)}`);
          break;
        case 'contains':
          parts.push(`${column} ${like} '%' || ${this.param(operand)} || '%'`);
          break;
        case 'startsWith':
          parts.push(`${column} ${like} ${this.param(operand)} || '%'`);
          break;
        case 'endsWith':
          parts.push(`${column} ${like} '%' || ${this.param(operand)}`);
          break;
        default:
          throw new UnsupportedWhereError(model.name, `the operator ${operator} on ${field.name}`);
      }
    }
    return parts.length ? (parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`) : 'TRUE';
  }

  /** A condition on related rows: EXISTS over the related table, joined by the relation's key columns. */
  private relation(model: DMMF.Model, field: DMMF.Field, value: unknown, columnOf: ColumnOf): string {
    const target = getFullModel(field.type);
    const alias = `r${++this.aliases}`;
    const related = columnsOf(alias);
    const join = joinColumns(model, field, target)
      .map(([own, theirs]) => `${related(theirs)} = ${columnOf(own)}`)
      .join(' AND ');
    const exists = (condition: Where | null, negated = false) =>
      `${negated ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${tableOf(target)} ${alias} WHERE ${join}${condition ? ` AND ${this.where(target, condition, related)}` : ''})`;
    if (field.isList) {
      if (!isFilter(value)) throw new UnsupportedWhereError(model.name, `the list relation ${field.name} without some/none/every`);
      const parts = Object.entries(value).map(([operator, condition]) => {
        if (operator === 'some') return exists(condition as Where);
        if (operator === 'none') return exists(condition as Where, true);
        if (operator === 'every') return exists({ NOT: condition }, true);
        throw new UnsupportedWhereError(model.name, `${operator} on the list relation ${field.name}`);
      });
      return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
    }
    if (value === null) return exists(null, true);
    if (isFilter(value) && ('is' in value || 'isNot' in value)) {
      const parts: string[] = [];
      if ('is' in value) parts.push(value.is === null ? exists(null, true) : exists(value.is as Where));
      if ('isNot' in value) parts.push(value.isNot === null ? exists(null) : exists(value.isNot as Where, true));
      return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
    }
    return exists(value as Where);
  }

  private param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** [own field, related field] pairs that join a row of `model` to its rows of `target` through `field`:
 * the foreign key on this side (an order's asset), or on the other (an order's shares). */
function joinColumns(model: DMMF.Model, field: DMMF.Field, target: DMMF.Model): [DMMF.Field, DMMF.Field][] {
  const byName = (m: DMMF.Model, name: string) => {
    const found = m.fields.find((f) => f.name === name);
    if (!found) throw new UnsupportedWhereError(m.name, `the key ${name}`);
    return found;
  };
  if (field.relationFromFields?.length)
    return field.relationFromFields.map((from, i) => [byName(model, from), byName(target, field.relationToFields![i]!)]);
  const back = target.fields.find((f) => f.kind === 'object' && f.relationName === field.relationName && f !== field && f.relationFromFields?.length);
  if (!back) throw new UnsupportedWhereError(model.name, `the relation ${field.name} (no foreign key on either side)`);
  return back.relationFromFields!.map((from, i) => [byName(model, back.relationToFields![i]!), byName(target, from)]);
}

function isFilter(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
