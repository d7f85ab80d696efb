// Our layer over @adminjs/prisma: every list, count, search, show and save of the back office goes
// through here. It adds what a plant needs and the stock adapter lacks:
// - text filters that ignore case and accents ("bomba centrifuga" finds "Bomba Centrífuga"), through
//   trigram-indexed generated columns on large tables and cmms_normalize() on the others;
// - closed vocabularies filtered by equality, references filtered by id, or by subtree for trees;
// - sorting by a reference's name (an asset list sorted by location path);
// - only declared properties honoured in filters and sorts (no secret column, no 500 on a typo);
// - database refusals turned into field errors the form can show.
import { Resource } from '@adminjs/prisma';
import { type ActionContext, type BaseRecord, type Filter, ValidationError } from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';
import { Prisma } from '@prisma/client';
import { normalizeSearchText } from '../../domain/search.js';
import { vocabularyOf } from '../../domain/vocabularies.js';
import { getFullModel } from '../dmmf.js';
import { AccessDeniedError, accessibleWhere, type Action } from '../../domain/access/abilities.js';
import { abilityOf, asRuleSubject } from '../access.js';
import { historyVisibleTo } from '../history/visibility.js';
import { AUDITED_TABLES } from '../../domain/history/audited-tables.js';
import type { Db } from '../../prisma/client.js';
import { countOrEstimate } from './count-estimate.js';
import { translateDatabaseError } from './database-errors.js';
import { RELATED_FILTERS, SEARCH_COLUMNS, SUBTREE_REFERENCES, TITLE_FIELDS, WORKFLOW_FIELDS } from './model-settings.js';

type SortParams = { sortBy?: string; direction?: 'asc' | 'desc' };
type Where = Record<string, unknown>;
type PrismaDelegate = {
  count(args: { where: Where; take?: number }): Promise<number>;
  findMany(args: { where: Where; skip?: number; take?: number; orderBy?: unknown; select?: unknown }): Promise<Record<string, unknown>[]>;
  findUnique(args: { where: Where; select?: unknown }): Promise<Record<string, unknown> | null>;
};
type RawClient = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> } & Record<string, PrismaDelegate>;

// Above this many matches, a text filter on an unindexed column falls back to case-insensitive LIKE.
const ACCENT_FILTER_ID_LIMIT = 10_000;
// Lists whose matches PostgreSQL estimates above this report the estimate instead of counting every
// row on every page turn (250 000 work orders: 20-100 ms a count, ~1 ms an estimate). Smaller results,
// and anything under row rules, are counted exactly.
export const EXACT_COUNT_LIMIT = 10_000;

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

  private get modelName(): Prisma.ModelName {
    return this.fullModel.name as Prisma.ModelName;
  }

  /** The rows the signed-in user may `action`: a Prisma where, or null for none. No user, no rows.
   * Change history is its own case: entries about records the viewer may read (admin/history). */
  private async rowsAllowed(context: ActionContext | undefined, action: Action): Promise<Record<string, unknown> | null> {
    const ability = abilityOf(context?.currentAdmin);
    if (this.modelName === 'ChangeHistory')
      return action === 'read' ? historyVisibleTo(ability, this.db as unknown as Db, [...AUDITED_TABLES]) : null;
    return accessibleWhere(ability, action, this.modelName);
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const allowed = await this.rowsAllowed(context, 'read');
    if (!allowed) return 0;
    const where = await this.buildWhere(filter);
    const started = context && this.startedCounts.get(context);
    const key = countKey(allowed, where);
    const pending = started?.get(key);
    if (pending) {
      started!.delete(key);
      return pending;
    }
    return this.countRows(allowed, where);
  }

  // AdminJS's list action asks for the page, then the references, then the count, one after the other.
  // The count is the slow part on large tables, so find() of a list starts it on its own connection
  // right away and count() of the same request takes it over.
  private readonly startedCounts = new WeakMap<object, Map<string, Promise<number>>>();

  private startCount(context: ActionContext, allowed: Where, where: Where): void {
    const counting = this.countRows(allowed, where);
    counting.catch(() => {}); // its error reaches count(), which awaits it
    const started = this.startedCounts.get(context) ?? new Map<string, Promise<number>>();
    started.set(countKey(allowed, where), counting);
    this.startedCounts.set(context, started);
  }

  /** Exact up to EXACT_COUNT_LIMIT rows; above it, PostgreSQL's estimate where one is evident (the whole
   * table, or simple column filters, see count-estimate.ts). Row rules always make the count exact. */
  private async countRows(allowed: Where, where: Where): Promise<number> {
    if (!Object.keys(allowed).length) {
      if (!Object.keys(where).length) {
        const estimate = await this.estimatedRows();
        if (estimate > EXACT_COUNT_LIMIT) return estimate;
      } else {
        const counted = await countOrEstimate(this.db, this.fullModel, where, EXACT_COUNT_LIMIT);
        if (counted !== null) return counted;
      }
    }
    return this.delegate.count({ where: { AND: [allowed, where] } });
  }

  /** The planner's row estimate for the whole table (kept current by autovacuum / ANALYZE). */
  private async estimatedRows(): Promise<number> {
    const rows = await this.db.$queryRawUnsafe<{ estimate: number }[]>(
      `SELECT greatest(reltuples, 0)::int AS estimate FROM pg_class WHERE oid = $1::regclass`,
      this.fullModel.dbName ?? this.fullModel.name,
    );
    return rows[0]?.estimate ?? 0;
  }

  override async find(
    filter: Filter,
    params: { limit?: number; offset?: number; sort?: SortParams } = {},
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const allowed = await this.rowsAllowed(context, 'read');
    if (!allowed) return [];
    const { limit = 10, offset = 0, sort = {} } = params;
    const where = await this.buildWhere(filter);
    if (context?.action?.name === 'list') this.startCount(context, allowed, where);
    const rows = await this.delegate.findMany({
      where: { AND: [allowed, where] },
      skip: offset,
      take: limit,
      orderBy: this.orderByFor(sort),
    });
    return rows.map((row) => this.build(this.prepareReturnValues(row)));
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const row = await this.findAllowed(id, context, 'read');
    return row ? this.build(this.prepareReturnValues(row)) : null;
  }

  override async findMany(ids: (string | number)[], context?: ActionContext): Promise<BaseRecord[]> {
    const allowed = await this.rowsAllowed(context, 'read');
    if (!allowed) return [];
    const bigIds = this.fullModel.fields.find((f) => f.isId)?.type === 'BigInt';
    const keys = bigIds ? ids.map(safeBigInt).filter((k) => k !== null) : ids.map(Number).filter(Number.isInteger);
    const rows = await this.delegate.findMany({ where: { AND: [allowed, { id: { in: keys } }] } });
    return rows.map((row) => this.build(this.prepareReturnValues(row)));
  }

  private async findAllowed(id: string | number, context: ActionContext | undefined, action: Action) {
    const allowed = await this.rowsAllowed(context, action);
    const key = this.fullModel.fields.find((f) => f.isId)?.type === 'BigInt' ? safeBigInt(id) : Number(id);
    if (!allowed || !(typeof key === 'bigint' || Number.isInteger(key))) return null;
    const rows = await this.delegate.findMany({ where: { AND: [allowed, { id: key }] }, take: 1 });
    return rows[0] ?? null;
  }

  /** The new row as the rules see it: columns, plus the referenced rows a condition looks into
   * (a technician may add step values only to an order of his: { workOrder: { is: { technicianId } } }). */
  private async withReferencedRows(action: Action, ability: ReturnType<typeof abilityOf>, params: Record<string, unknown>) {
    // The rows the new record points at, loaded with the relations the rules look into (an order's
    // shares, for "an order shared with me"), so conditions on them are judged in memory.
    const includes = new Map<string, { type: string; include: Record<string, true> }>();
    for (const rule of ability.rulesFor(action, this.modelName))
      for (const [name, condition] of Object.entries(rule.conditions ?? {})) {
        const relation = this.fullModel.fields.find((f) => f.name === name && f.kind === 'object');
        if (!relation || typeof condition !== 'object' || condition === null || params[name] === undefined) continue;
        const inner = ((condition as { is?: unknown }).is ?? condition) as Record<string, unknown>;
        const target = getFullModel(relation.type);
        const entry = includes.get(name) ?? { type: relation.type, include: {} };
        for (const key of Object.keys(inner)) if (target.fields.some((f) => f.name === key && f.kind === 'object')) entry.include[key] = true;
        includes.set(name, entry);
      }
    const values: Record<string, unknown> = {};
    for (const [name, { type, include }] of includes)
      values[name] = await this.db[lowerFirst(type)]!.findUnique({ where: { id: Number(params[name]) }, ...(Object.keys(include).length && { include }) } as never);
    const subject = asRuleSubject(this.modelName, params) as Record<string, unknown>;
    return Object.assign(subject, values) as never;
  }

  /** A workflow field the form would change: refused, since only the workflow's actions move it. */
  private refuseWorkflowFields(params: Record<string, unknown>, current: Record<string, unknown>): void {
    const changed = (WORKFLOW_FIELDS[this.modelName] ?? []).filter(
      (field) => params[field] !== undefined && params[field] !== '' && !sameValue(current[field], params[field]),
    );
    if (changed.length)
      throw new ValidationError(Object.fromEntries(changed.map((field) => [field, { message: 'fieldSetByWorkflow', type: 'workflow' }])), {
        message: 'fieldSetByWorkflow',
        type: 'workflow',
      });
  }

  /** Required fields the form left empty, by property path (a relation for a foreign key). */
  private missingRequired(params: Record<string, unknown>): string[] {
    const blank = (value: unknown) => value === undefined || value === null || value === '';
    return this.fullModel.fields
      .filter((field) => field.isRequired && !field.hasDefaultValue && !field.isList && !field.isUpdatedAt)
      .filter((field) => (field.kind === 'object' ? field.relationFromFields?.length : !field.isReadOnly))
      .map((field) => field.name)
      .filter((name) => this.property(name) && blank(params[name]));
  }

  /** Refuses a write the rules do not allow: the row, and each field whose value would change. */
  private async assertWriteAllowed(action: 'update' | 'delete', id: string, params: Record<string, unknown>, context?: ActionContext) {
    const row = await this.findAllowed(id, context, action);
    if (!row) throw new AccessDeniedError(action, this.modelName);
    this.refuseWorkflowFields(params, this.prepareReturnValues(row));
    const ability = abilityOf(context?.currentAdmin);
    const current = asRuleSubject(this.modelName, this.prepareReturnValues(row));
    for (const [field, value] of Object.entries(this.prepareParams(params)))
      if (String(row[field] ?? '') !== String(value ?? '') && !ability.can(action, current, field))
        throw new AccessDeniedError(`${action} ${field} of`, this.modelName);
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

  /** The fields this resource's form shows (new and edit share AdminJS's "edit" place), less disabled ones. */
  private formFields(): Set<string> {
    this.formFieldCache ??= new Set(
      this.decorate()
        .getProperties({ where: 'edit' })
        .filter((property) => !property.isDisabled())
        .map((property) => property.propertyPath),
    );
    return this.formFieldCache;
  }
  private formFieldCache?: Set<string>;

  /** Mass assignment: a write keeps only the fields its form shows. Any other field (a timestamp, a number,
   * a source, a derived or trigger-kept value) is refused with a field error, unless it merely echoes the
   * stored value (AdminJS's edit form sends the whole record back) or is empty on a new record. The
   * server and the database set those fields; no payload does. */
  private formFieldsOnly(params: Record<string, unknown>, stored: Record<string, unknown> | null): Record<string, unknown> {
    const fields = this.formFields();
    const kept: Record<string, unknown> = {};
    const refused = new Set<string>();
    for (const [key, value] of Object.entries(params)) {
      const path = key.split('.')[0]!;
      if (fields.has(path)) kept[key] = value;
      else if (stored ? !sameValue(valueAt(stored, key), value) : !isBlank(value)) refused.add(path);
    }
    if (refused.size)
      throw new ValidationError(Object.fromEntries([...refused].map((path) => [path, { message: 'fieldNotInForm', type: 'notInForm' }])), {
        message: 'fieldNotInForm',
        type: 'notInForm',
      });
    return kept;
  }

  override async create(submitted: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    this.refuseWorkflowFields(submitted, {}); // the more telling refusal for a workflow field
    const params = this.formFieldsOnly(submitted, null);
    const missing = this.missingRequired(params);
    if (missing.length)
      throw new ValidationError(Object.fromEntries(missing.map((path) => [path, { message: 'required', type: 'required' }])), { message: 'required', type: 'required' });
    const ability = abilityOf(context?.currentAdmin);
    if (!ability.can('create', await this.withReferencedRows('create', ability, params))) throw new AccessDeniedError('create', this.modelName);
    return this.translatingErrors(() => super.create(params));
  }

  override async update(id: string, submitted: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const stored = await this.findAllowed(id, context, 'update');
    if (!stored) throw new AccessDeniedError('update', this.modelName);
    this.refuseWorkflowFields(submitted, this.prepareReturnValues(stored)); // the more telling refusal for a workflow field
    const params = this.formFieldsOnly(submitted, this.prepareReturnValues(stored));
    await this.assertWriteAllowed('update', id, params, context);
    return this.translatingErrors(() => super.update(id, params));
  }

  override async delete(id: string, context?: ActionContext): Promise<void> {
    await this.assertWriteAllowed('delete', id, {}, context);
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
      if ((value !== null && typeof value === 'object' && Prisma.Decimal.isDecimal(value)) || typeof value === 'bigint') values[key] = value.toString();
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

/** A stored value and a form's text for it: equal when they name the same value (dates compared as instants). */
function sameValue(stored: unknown, submitted: unknown): boolean {
  // AdminJS's param converter may already have turned the form's text into a Date (keeping milliseconds).
  const instant = submitted instanceof Date ? submitted.getTime() : Date.parse(String(submitted));
  if (stored instanceof Date) return !Number.isNaN(instant) && stored.getTime() === instant;
  return String(stored ?? '') === String(submitted ?? '');
}

/** The stored value a flattened form key ("workingDays.0") names. */
function valueAt(stored: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), stored);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function countKey(allowed: Where, where: Where): string {
  return JSON.stringify([allowed, where], (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

function safeBigInt(value: string | number): bigint | null {
  try {
    return BigInt(value);
  } catch {
    return null;
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
