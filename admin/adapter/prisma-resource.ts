// Our layer over @adminjs/prisma: every list, count, search, show and save of the back office goes
// through here. It adds what a plant needs and the stock adapter lacks:
// - text filters that ignore case and accents ("bomba centrifuga" finds "Bomba Centrífuga"), through
//   trigram-indexed generated columns on large tables and cmms_normalize() on the others;
// - closed vocabularies filtered by equality, references filtered by id, or by subtree for trees;
// - sorting by a reference's name (an asset list sorted by location path);
// - only declared properties honoured in filters and sorts (no secret column, no 500 on a typo);
// - database refusals turned into field errors the form can show.
import { Resource } from '@adminjs/prisma';
import { type BaseRecord, type Filter, ValidationError } from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';
import { Prisma } from '@prisma/client';
import { normalizeSearchText } from '../../domain/search.js';
import { vocabularyOf } from '../../domain/vocabularies.js';
import { getFullModel } from '../dmmf.js';
import { translateDatabaseError } from './database-errors.js';
import { RELATED_FILTERS, SEARCH_COLUMNS, SUBTREE_REFERENCES, TITLE_FIELDS } from './model-settings.js';

type SortParams = { sortBy?: string; direction?: 'asc' | 'desc' };
type Where = Record<string, unknown>;
type PrismaDelegate = {
  count(args: { where: Where }): Promise<number>;
  findMany(args: { where: Where; skip?: number; take?: number; orderBy?: unknown; select?: unknown }): Promise<Record<string, unknown>[]>;
  findUnique(args: { where: Where; select?: unknown }): Promise<Record<string, unknown> | null>;
};
type RawClient = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> } & Record<string, PrismaDelegate>;

// Above this many matches, a text filter on an unindexed column falls back to case-insensitive LIKE.
const ACCENT_FILTER_ID_LIMIT = 10_000;

export class CmmsPrismaResource extends Resource {
  private readonly fullModel: DMMF.Model;

  constructor(args: { model: DMMF.Model; client: unknown }) {
    super(args as never);
    this.fullModel = getFullModel(args.model.name);
    // References sort by the referenced record's title (see buildSortBy), so let the UI offer it.
    for (const property of this.properties())
      if (property.type() === 'reference') Object.assign(property, { isSortable: () => true });
  }

  private readonly relatedHelpers = {
    locationPath: async (id: number) => (await this.db.location!.findUnique({ where: { id }, select: { path: true } }))?.path as string | undefined,
  };

  private get db(): RawClient {
    return (this as unknown as { client: RawClient }).client;
  }

  private get delegate(): PrismaDelegate {
    return (this as unknown as { manager: PrismaDelegate }).manager;
  }

  override async count(filter: Filter): Promise<number> {
    return this.delegate.count({ where: await this.buildWhere(filter) });
  }

  override async find(filter: Filter, params: { limit?: number; offset?: number; sort?: SortParams } = {}): Promise<BaseRecord[]> {
    const { limit = 10, offset = 0, sort = {} } = params;
    const rows = await this.delegate.findMany({
      where: await this.buildWhere(filter),
      skip: offset,
      take: limit,
      orderBy: this.orderByFor(sort),
    });
    return rows.map((row) => this.build(this.prepareReturnValues(row)));
  }

  /** Sorts by the column, or by the referenced record's title; id breaks ties so pages are stable. */
  private orderByFor(sort: SortParams): Record<string, unknown>[] {
    const direction = sort.direction === 'asc' ? 'asc' : 'desc';
    const path = sort.sortBy?.split('.')[0];
    const property = path ? this.property(path) : null;
    if (!path || !property || path === 'id') return [{ id: direction }];
    const target = property.reference();
    const primary = target ? { [path]: { [TITLE_FIELDS[target] ?? 'id']: direction } } : { [path]: direction };
    return [primary, { id: 'asc' }];
  }

  override async create(params: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.translatingErrors(() => super.create(params));
  }

  override async update(id: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.translatingErrors(() => super.update(id, params));
  }

  override async delete(id: string): Promise<void> {
    return this.translatingErrors(() => super.delete(id));
  }

  /** Forms send list fields flattened ("workingDays.0", "workingDays.1"), which the stock adapter
   * drops; Prisma wants the array, with numbers for numeric lists. */
  override prepareParams(params: Record<string, unknown>): Record<string, unknown> {
    const prepared = super.prepareParams(params) as Record<string, unknown>;
    for (const field of this.fullModel.fields.filter((f) => f.isList && f.kind === 'scalar')) {
      const keys = Object.keys(params).filter((key) => key === field.name || key.startsWith(`${field.name}.`));
      if (!keys.length) continue;
      const values = keys
        .filter((key) => key !== field.name)
        .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
        .map((key) => params[key]);
      prepared[field.name] = ['Int', 'Float', 'Decimal', 'BigInt'].includes(field.type) ? values.map(Number) : values;
    }
    return prepared;
  }

  /** Decimals reach the browser as text ("12.50"), not as Decimal.js internals. */
  override prepareReturnValues(row: Record<string, unknown>): Record<string, unknown> {
    const values = super.prepareReturnValues(row) as Record<string, unknown>;
    for (const [key, value] of Object.entries(values))
      if (value !== null && typeof value === 'object' && Prisma.Decimal.isDecimal(value)) values[key] = value.toString();
    return values;
  }

  private async translatingErrors<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      throw translateDatabaseError(error, this.fullModel) ?? error;
    }
  }

  /** The Prisma `where` for AdminJS's filter; unknown properties are ignored. */
  async buildWhere(filter: Filter | undefined): Promise<Where> {
    const conditions: Where[] = [];
    for (const [path, element] of Object.entries(filter?.filters ?? {})) {
      const related = RELATED_FILTERS[this.fullModel.name]?.[path];
      if (related && Number.isInteger(Number(element.value))) conditions.push(await related(Number(element.value), this.relatedHelpers));
      const property = this.property(path.split('.')[0]!);
      if (!property || element.value === undefined || element.value === '') continue;
      const condition = await this.conditionFor(property.path(), property.type(), property.reference(), element.value);
      if (condition) conditions.push(condition);
    }
    return conditions.length ? { AND: conditions } : {};
  }

  private async conditionFor(path: string, type: string, reference: string | null, value: unknown): Promise<Where | undefined> {
    if (reference) return this.referenceCondition(path, reference, value);
    if (type === 'boolean') return { [path]: value === true || value === 'true' };
    if (type === 'number' || type === 'float') {
      const number = Number(value);
      return Number.isFinite(number) ? { [path]: number } : undefined;
    }
    if (type === 'date' || type === 'datetime') return dateRange(path, value);
    if (typeof value !== 'string') return undefined;
    if (path === 'id') return { id: Number(value) || -1 };
    if (vocabularyOf(this.fullModel.name, path)) return { [path]: value };
    return this.textCondition(path, value);
  }

  private async referenceCondition(path: string, target: string, value: unknown): Promise<Where | undefined> {
    const id = Number(value);
    if (!Number.isInteger(id)) return undefined;
    const subtree = SUBTREE_REFERENCES[target];
    if (!subtree) return { [path]: { id } };
    const node = await this.db[lowerFirst(target)]!.findUnique({ where: { id }, select: { [subtree.pathField]: true } });
    if (!node) return { [path]: { id } };
    return { [path]: { [subtree.pathField]: { startsWith: node[subtree.pathField] } } };
  }

  private async textCondition(path: string, value: string): Promise<Where> {
    const search = SEARCH_COLUMNS[this.fullModel.name];
    if (search?.sources.includes(path)) return { [search.column]: { contains: normalizeSearchText(value) } };
    // Small tables: ask PostgreSQL which rows match without case or accents, then filter by id.
    const field = this.fullModel.fields.find((f) => f.name === path && f.kind === 'scalar' && f.type === 'String');
    if (!field) return { [path]: { contains: value, mode: 'insensitive' } };
    const table = this.fullModel.dbName ?? this.fullModel.name;
    const column = field.dbName ?? field.name;
    const rows = await this.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM "${table}" WHERE cmms_normalize("${column}") LIKE '%' || cmms_normalize($1) || '%' LIMIT ${ACCENT_FILTER_ID_LIMIT + 1}`,
      escapeLike(value),
    );
    if (rows.length > ACCENT_FILTER_ID_LIMIT) return { [path]: { contains: value, mode: 'insensitive' } };
    return { id: { in: rows.map((r) => r.id) } };
  }
}

function dateRange(path: string, value: unknown): Where | undefined {
  const range = value as { from?: string; to?: string };
  if (typeof value === 'string' || (!range.from && !range.to)) return undefined;
  return { [path]: { ...(range.from && { gte: new Date(range.from) }), ...(range.to && { lte: new Date(range.to) }) } };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
