// Our layer over @adminjs/prisma: every list, count, search, show and save of the back office goes
// through here. It adds what a plant needs and the stock adapter lacks:
// - text filters that ignore case and accents ("bomba centrifuga" finds "Bomba Centrífuga"), through
//   trigram-indexed generated columns on large tables and cmms_normalize() on the others;
// - closed vocabularies filtered by equality, references filtered by id, or by subtree for trees;
// - sorting by a reference's name (an asset list sorted by location path);
// - only declared properties honoured in filters and sorts (no secret column, no 500 on a typo);
// - database refusals turned into field errors the form can show.
import { Resource } from '@adminjs/prisma';
import { type ActionContext, BaseRecord, type BaseResource, type CurrentAdmin, type Filter, type RecordJSON, ValidationError } from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';
import { Prisma } from '@prisma/client';
import { MalformedInputError } from '../../domain/malformed-input.js';
import { escapeLike, normalizeSearchText, searchWords } from '../../domain/search.js';
import { parseRecordId } from '../../domain/record-id.js';
import { vocabularyOf } from '../../domain/vocabularies.js';
import { getFullModel } from '../dmmf.js';
import { AccessDeniedError, accessibleWhere, defineAbilitiesFor, siteReferencesOf, type Action } from '../../domain/access/abilities.js';
import type { CurrentUser } from '../../domain/access/current-user.js';
import { abilityOf, asRuleSubject } from '../access.js';
import { historyScopeOf, openHistoryWhere } from '../history/visibility.js';
import { historyReader } from '../history/visible-history.js';
import { AUDITED_TABLES } from '../../domain/history/audited-tables.js';
import type { Db } from '../../prisma/client.js';
import { countOrEstimate, type Counted } from './count-estimate.js';
import { derivedReferencesOf, mergeIncludes } from './derived-references.js';
import { checkListWindow, dateBounds, filterNumber, filterReference, filterText, formPayloadErrors } from './input-checks.js';
import { translateDatabaseError } from './database-errors.js';
import { languageOf, renderMessage } from '../locales/render.js';
import {
  CLOSED_FILTERS, CREATED_BY, NAMED_FOR_EVERYONE, RECORD_TITLES, RELATED_FILTERS, SEARCH_COLUMNS, SUBTREE_REFERENCES, TITLE_FIELDS, WORKFLOW_FIELDS,
} from './model-settings.js';

type SortParams = { sortBy?: string; direction?: 'asc' | 'desc' };
type Where = Record<string, unknown>;
type PrismaDelegate = {
  count(args: { where: Where; take?: number }): Promise<number>;
  findMany(args: { where: Where; skip?: number; take?: number; orderBy?: unknown; select?: unknown; include?: unknown }): Promise<Record<string, unknown>[]>;
  findUnique(args: { where: Where; select?: unknown }): Promise<Record<string, unknown> | null>;
};
/** Where a read takes its rows: the rules' where on a source of rows (the model's, or the history's SQL reader). */
type RowSource = { allowed: Where; rows: Pick<PrismaDelegate, 'count' | 'findMany'> };
export type RawClient = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> } & Record<string, PrismaDelegate>;

// Above this many matches, a text filter on an unindexed column falls back to case-insensitive LIKE.
const ACCENT_FILTER_ID_LIMIT = 10_000;
// Lists whose matches PostgreSQL estimates above this report the estimate instead of counting every
// row on every page turn (250 000 work orders: 20-100 ms a count, ~1 ms an estimate). Smaller results,
// and anything under row rules, are counted exactly.
export const EXACT_COUNT_LIMIT = 10_000;
let exactCountLimit = EXACT_COUNT_LIMIT;

// Counts whose where reaches through a relation (a site's rule, a location subtree) stop here and say
// "más de 1.000": each candidate costs a look-up of its asset and location (see count-estimate.ts).
export const RELATED_COUNT_LIMIT = 1_000;
let relatedCountLimit = RELATED_COUNT_LIMIT;
// A list pages through its first LIST_WINDOW rows, as search engines do: OFFSET reads and drops every row
// before the page (page 10 000 of 5 000 000 orders: 0.6 s; the last page: seconds). Past it, the person
// is told to filter or to sort the other way; the pager offers no page beyond it.
export const LIST_WINDOW = 10_000;
let listWindow = LIST_WINDOW;
// A list whose rows are chosen through another table (a site's rule, a location subtree) pages through
// its first 1 000: each row skipped costs a look-up of its asset and location, so the 10 000th order of a
// site in date order means reading ~80 000 of the plant's (about a second); the 1 000th, a tenth of it.
export const RELATED_LIST_WINDOW = 1_000;
let relatedListWindow = RELATED_LIST_WINDOW;

/** Tests see the estimate path on a small plant by lowering the limit; undefined restores it. */
export function setExactCountLimitForTests(limit: number | undefined): void {
  exactCountLimit = limit ?? EXACT_COUNT_LIMIT;
}

/** Tests see capped counts and the list windows on a small plant; undefined restores the usual values. */
export function setListLimitsForTests(limits: { relatedCount?: number; window?: number; relatedWindow?: number } = {}): void {
  relatedCountLimit = limits.relatedCount ?? RELATED_COUNT_LIMIT;
  listWindow = limits.window ?? LIST_WINDOW;
  relatedListWindow = limits.relatedWindow ?? RELATED_LIST_WINDOW;
}

// The window each list request was given (find() decides it from the request's where).
const listWindows = new WeakMap<object, number>();

/** The rows this list request pages through: its first LIST_WINDOW, or RELATED_LIST_WINDOW. */
export function listWindowOf(context: ActionContext): number {
  return listWindows.get(context) ?? listWindow;
}

// The list requests whose count was not exact: PostgreSQL's estimate ("about N") or a capped count
// ("more than N"); their answer says so.
const inexactCounts = new WeakMap<object, 'estimated' | 'moreThan'>();

/** Whether the count given to this request (an action's context) was an estimate. */
export function countWasEstimated(context: ActionContext): boolean {
  return inexactCounts.get(context) === 'estimated';
}

/** Whether the count given to this request was capped: the list has more rows than it says. */
export function countWasCapped(context: ActionContext): boolean {
  return inexactCounts.get(context) === 'moreThan';
}

/** How many rows of `model` a person whose rules are `allowed` has under `where`, as his lists count them
 * (and the dashboard's cards, so a card and its list agree): exact up to EXACT_COUNT_LIMIT rows; above it,
 * PostgreSQL's estimate where one is evident (the whole table, or simple column filters, see
 * count-estimate.ts). Row rules are counted exactly unless they are simple column conditions too (a site:
 * the location's path; a technician: his id, under the limit). Simple conditions through a relation (a
 * site, a location subtree) are counted up to RELATED_COUNT_LIMIT. */
export async function countAsListed(db: RawClient, model: DMMF.Model, allowed: Where, where: Where): Promise<Counted> {
  if (!Object.keys(allowed).length && !Object.keys(where).length) {
    const estimate = await estimatedRows(db, model);
    if (estimate > exactCountLimit) return { rows: estimate, estimated: true };
  } else {
    const rules = Array.isArray(allowed.OR) && allowed.OR.length === 1 ? (allowed.OR[0] as Where) : allowed;
    const counted = await countOrEstimate(db, model, { AND: [rules, where] }, { limit: exactCountLimit, relatedLimit: relatedCountLimit });
    if (counted !== null) return counted;
  }
  const delegate = db[model.name.charAt(0).toLowerCase() + model.name.slice(1)]!;
  return { rows: await delegate.count({ where: { AND: [allowed, where] } }), estimated: false };
}

/** The planner's row estimate for the whole table (kept current by autovacuum / ANALYZE). */
async function estimatedRows(db: RawClient, model: DMMF.Model): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ estimate: number }[]>(
    `SELECT greatest(reltuples, 0)::int AS estimate FROM pg_class WHERE oid = $1::regclass`,
    model.dbName ?? model.name,
  );
  return rows[0]?.estimate ?? 0;
}

export class CmmsPrismaResource extends Resource {
  private readonly fullModel: DMMF.Model;

  constructor(args: { model: DMMF.Model; client: unknown }) {
    super(args as never);
    this.fullModel = getFullModel(args.model.name);
    // References sort by the referenced record's title (see buildSortBy), so let the UI offer it.
    for (const property of this.properties())
      if (property.type() === 'reference') Object.assign(property, { isSortable: () => true });
  }

  /** Own properties only: a path such as "__proto__" or "constructor" is no property (it would reach
   * Object.prototype through the stock adapter's plain object). */
  override property(path: string) {
    const properties = (this as unknown as { propertiesObject: Record<string, ReturnType<Resource['property']>> }).propertiesObject;
    return Object.hasOwn(properties, path) ? (properties[path] ?? null) : null;
  }

  /** Field errors of a new/edit form's payload whose values are not of their column's kind
   * (see input-checks.ts); empty when the payload may go on. */
  /** Values of the wrong kind among the fields the form shows. A field it does not show is refused
   * for that reason by create/update (formFieldsOnly), whatever its value. */
  malformedFields(payload: Record<string, unknown>) {
    const fields = this.formFields();
    const offered = Object.fromEntries(Object.entries(payload).filter(([key]) => fields.has(key.split('.')[0]!)));
    return formPayloadErrors(this.fullModel, this.properties().map((p) => ({ path: p.path(), isArray: p.isArray() })), offered);
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

  /** The rows the signed-in user may `action`: a Prisma where on the model's rows, or null for none. No
   * user, no rows. Change history is its own case: entries about records the viewer may read
   * (admin/history); where he reads some of those records under row conditions (a technician, a user
   * scoped to sites), they come from the history's SQL reader, which applies each table's rule itself. */
  private async rowsAllowed(context: ActionContext | undefined, action: Action, readFrom?: Db): Promise<RowSource | null> {
    const ability = abilityOf(context?.currentAdmin);
    // Another client (a read replica) reads the same rows under the same rules.
    const db = (readFrom as unknown as RawClient | undefined) ?? this.db;
    const delegate = readFrom ? db[this.modelName.charAt(0).toLowerCase() + this.modelName.slice(1)]! : this.delegate;
    if (this.modelName === 'ChangeHistory') {
      const scope = action === 'read' ? historyScopeOf(ability, AUDITED_TABLES) : null;
      if (!scope) return null;
      const open = openHistoryWhere(scope);
      return open ? { allowed: open, rows: delegate } : { allowed: {}, rows: historyReader(db as unknown as Db, scope) };
    }
    const allowed = accessibleWhere(ability, action, this.modelName);
    return allowed && { allowed, rows: delegate };
  }

  /** The rows of the list as `context`'s user sees it with `filter`: the rules' row conditions and the
   * filters as one Prisma where on the source of its ids, or null when he may read none. Exports read
   * through this, like the list. */
  async readableRows(filter: Filter, context: ActionContext, readFrom?: Db): Promise<{ where: Where; ids: RowSource['rows'] } | null> {
    const source = await this.rowsAllowed(context, 'read', readFrom);
    if (!source) return null;
    return { where: { AND: [source.allowed, await this.buildWhere(filter)] }, ids: source.rows };
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const source = await this.rowsAllowed(context, 'read');
    if (!source) return 0;
    const where = await this.buildWhere(filter);
    const started = context && this.startedCounts.get(context);
    const key = countKey(source.allowed, where);
    const pending = started?.get(key);
    if (pending) started!.delete(key);
    const counted = await (pending ?? this.countRows(source, where));
    if (context && (counted.estimated || counted.moreThan)) inexactCounts.set(context, counted.moreThan ? 'moreThan' : 'estimated');
    return counted.rows;
  }

  // AdminJS's list action asks for the page, then the references, then the count, one after the other.
  // The count is the slow part on large tables, so find() of a list starts it on its own connection
  // right away and count() of the same request takes it over.
  private readonly startedCounts = new WeakMap<object, Map<string, Promise<Counted>>>();

  private startCount(context: ActionContext, source: RowSource, where: Where): void {
    const counting = this.countRows(source, where);
    counting.catch(() => {}); // its error reaches count(), which awaits it
    const started = this.startedCounts.get(context) ?? new Map<string, Promise<Counted>>();
    started.set(countKey(source.allowed, where), counting);
    this.startedCounts.set(context, started);
  }

  /** As `countAsListed`; the history's SQL reader counts exactly: its rules are not columns of the history. */
  private async countRows({ allowed, rows }: RowSource, where: Where): Promise<Counted> {
    if (rows !== this.delegate) return { rows: await rows.count({ where }), estimated: false };
    return countAsListed(this.db, this.fullModel, allowed, where);
  }

  override async find(
    filter: Filter,
    params: { limit?: number; offset?: number; sort?: SortParams } = {},
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const source = await this.rowsAllowed(context, 'read');
    if (!source) return [];
    const { limit = 10, offset = 0, sort = {} } = params;
    checkListWindow(limit, offset);
    const where = await this.buildWhere(filter);
    if (context?.action?.name === 'list') {
      const window = readsAnotherTable(this.fullModel, [source.allowed, where]) ? Math.min(listWindow, relatedListWindow) : listWindow;
      listWindows.set(context, window);
      if (offset >= window) throw new MalformedInputError('pageBeyondListWindow', { rows: groupedNumber(window) });
      this.startCount(context, source, where);
    }
    const rows = await source.rows.findMany({
      where: { AND: [source.allowed, where] },
      skip: offset,
      take: limit,
      orderBy: this.orderByFor(sort),
      ...this.titleInclude(),
    });
    return rows.map((row) => this.recordOf(row));
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const row = await this.findAllowed(id, context, 'read');
    return row ? this.recordOf(row) : null;
  }

  override async findMany(ids: (string | number)[], context?: ActionContext): Promise<BaseRecord[]> {
    const source = await this.rowsAllowed(context, 'read');
    const keys = ids.map((id) => parseRecordId(id, this.idColumn)).filter((key) => key !== null);
    // References to people are named for everyone signed in (an asset's "Responsable"), nothing more.
    if (!source) return context?.currentAdmin ? this.namedOnly({ id: { in: keys } }) : [];
    const rows = await source.rows.findMany({ where: { AND: [source.allowed, { id: { in: keys } }] }, ...this.titleInclude() });
    return rows.map((row) => this.recordOf(row));
  }

  /** Records of a NAMED_FOR_EVERYONE model with their id and title only. */
  async namedOnly(where: Where, options: { take?: number; labelled?: boolean } = {}): Promise<BaseRecord[]> {
    const named = NAMED_FOR_EVERYONE[this.modelName];
    const title = TITLE_FIELDS[this.modelName];
    if (!named || !title) return [];
    // A picker's option also says which one (the e-mail of two namesakes); a reference, the name alone.
    const fields = options.labelled ? named.search : [title];
    const rows = await this.delegate.findMany({
      where: { AND: [named.where, where] },
      select: Object.fromEntries([['id', true], ...fields.map((f) => [f, true])]),
      orderBy: { [title]: 'asc' },
      take: options.take ?? 50,
    });
    return rows.map((row) => new PlantRecord({ id: row.id, [title]: row[title] }, this as unknown as BaseResource, fields.map((f) => row[f]).filter(Boolean).join(' · ')));
  }

  /** A picker's choices among a NAMED_FOR_EVERYONE model: every word of the query in one of its search
   * fields, ignoring case and accents. */
  async searchNamed(query: string): Promise<BaseRecord[]> {
    const named = NAMED_FOR_EVERYONE[this.modelName];
    if (!named) return [];
    const words = searchWords(query);
    const ids = words.length
      ? await this.db.$queryRawUnsafe<{ id: number }[]>(
          `SELECT id FROM "${this.fullModel.dbName ?? this.fullModel.name}" WHERE ${words
            .map((_, i) => `cmms_normalize(concat_ws(' ', ${named.search.map((f) => `"${this.columnOf(f)}"`).join(', ')})) LIKE '%' || cmms_normalize($${i + 1}) || '%'`)
            .join(' AND ')} LIMIT 200`,
          ...words.map(escapeLike),
        )
      : null;
    return this.namedOnly(ids ? { id: { in: ids.map((r) => r.id) } } : {}, { labelled: true });
  }

  private columnOf(field: string): string {
    return this.fullModel.fields.find((f) => f.name === field)?.dbName ?? field;
  }

  /** What a read loads beside the row: the related rows its title needs, the keys of derived references. */
  private titleInclude(): { include?: Record<string, unknown> } {
    const include = derivedReferencesOf(this.modelName).reduce<Record<string, unknown> | undefined>(
      (tree, derived) => mergeIncludes(tree, derived.include),
      RECORD_TITLES[this.modelName]?.include,
    );
    return include ? { include } : {};
  }

  /** A row as AdminJS sees it, named by its title of several columns where the model has one, with its
   * derived references (a work order's location) as values AdminJS names like any reference. */
  private recordOf(row: Record<string, unknown>): BaseRecord {
    const params = this.prepareReturnValues(row);
    for (const derived of derivedReferencesOf(this.modelName)) params[derived.property] = derived.valueOf(row) ?? null;
    return new PlantRecord(params, this as unknown as BaseResource, RECORD_TITLES[this.modelName]?.title(row));
  }

  override build(params: Record<string, unknown>): BaseRecord {
    return new PlantRecord(params, this as unknown as BaseResource, RECORD_TITLES[this.modelName]?.title(params));
  }

  private async findAllowed(id: string | number, context: ActionContext | undefined, action: Action) {
    const source = await this.rowsAllowed(context, action);
    const key = parseRecordId(id, this.idColumn);
    if (!source || key === null) return null;
    const rows = await source.rows.findMany({ where: { AND: [source.allowed, { id: key }] }, take: 1, ...(action === 'read' && this.titleInclude()) });
    return rows[0] ?? null;
  }

  private get idColumn(): 'Int' | 'BigInt' {
    return this.fullModel.fields.find((f) => f.isId)?.type === 'BigInt' ? 'BigInt' : 'Int';
  }

  /** The row as the rules see it: columns, plus the referenced rows a condition looks into, as deep as
   * it looks (a technician adds step values only to an order of his: { workOrder: { is: { technicianId } } };
   * a user scoped to sites creates an order only on an asset there: { asset: { is: { location: ... } } }).
   * A new row's references the form left empty are null, as they will be stored. */
  private async withReferencedRows(action: Action, ability: ReturnType<typeof abilityOf>, params: Record<string, unknown>, isNew = true) {
    const looked: IncludeTree = {};
    for (const rule of ability.rulesFor(action, this.modelName)) relationsIn(this.fullModel, rule.conditions ?? {}, looked);
    const values: Record<string, unknown> = {};
    for (const field of this.fullModel.fields.filter((f) => f.kind === 'object' && f.relationFromFields?.length === 1)) {
      const value = params[field.name];
      const blank = value === undefined || value === null || value === '';
      if (blank && isNew) Object.assign(values, { [field.name]: null, [field.relationFromFields![0]!]: null });
      if (blank || !looked[field.name]) continue;
      const include = asInclude(looked[field.name]!);
      values[field.name] = await this.db[lowerFirst(field.type)]!.findUnique({ where: { id: Number(value) }, ...(include && { include }) } as never);
    }
    const subject = asRuleSubject(this.modelName, params) as Record<string, unknown>;
    return Object.assign(subject, values) as never;
  }

  /** Refuses a new or changed row the rules do not allow. When only the user's sites stand in the way, the
   * references that place the row (an asset's location, an order's asset) get a field error the form shows. */
  private async assertRowAllowed(action: 'create' | 'update', params: Record<string, unknown>, context: ActionContext | undefined, isNew: boolean) {
    const ability = abilityOf(context?.currentAdmin);
    const row = await this.withReferencedRows(action, ability, params, isNew);
    if (ability.can(action, row)) return;
    const access = (context?.currentAdmin as CurrentUser | undefined)?.access;
    if (access?.sitePaths.length && defineAbilitiesFor({ ...access, sitePaths: [] }).can(action, row)) {
      const placing = siteReferencesOf(this.modelName, access.sitePaths);
      const named = placing.filter((name) => params[name] !== undefined && params[name] !== '');
      const fields = named.length ? named : placing;
      throw new ValidationError(Object.fromEntries(fields.map((field) => [field, { message: 'outsideYourSites', type: 'site' }])), {
        message: 'outsideYourSites',
        type: 'site',
      });
    }
    throw new AccessDeniedError(action, this.modelName);
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
    const current = await this.withReferencedRows(action, ability, this.prepareReturnValues(row), false);
    const changes = this.prepareParams(params);
    for (const [field, value] of Object.entries(changes))
      if (String(row[field] ?? '') !== String(value ?? '') && !ability.can(action, current, field))
        throw new AccessDeniedError(`${action} ${field} of`, this.modelName);
    // A changed reference may move the row (an asset to another location): the row it becomes must be
    // allowed too, or a user scoped to a site could move records out of it (or into another).
    const moved = this.fullModel.fields.some(
      (f) => f.kind === 'object' && f.relationFromFields?.length === 1 && params[f.name] !== undefined && !sameValue(row[f.relationFromFields[0]!], params[f.name]),
    );
    if (action === 'update' && moved) await this.assertRowAllowed('update', { ...this.prepareReturnValues(row), ...params }, context, false);
  }

  /** Sorts by the column, or by the referenced record's title; id breaks ties so pages are stable. */
  private orderByFor(sort: SortParams): Record<string, unknown>[] {
    const direction = sort.direction === 'asc' ? 'asc' : 'desc';
    // A name that is no property of the list (a secret column, a typo, "__proto__") sorts by id, as
    // unknown filters are ignored: the list still answers.
    const path = typeof sort.sortBy === 'string' ? sort.sortBy.split('.')[0] : undefined;
    const derived = derivedReferencesOf(this.modelName).find((d) => d.property === path);
    if (derived) return [derived.orderBy(direction), { id: 'asc' }];
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
    return this.inUsersLanguage(context, async () => {
      this.refuseWorkflowFields(submitted, {}); // the more telling refusal for a workflow field
      const fromForm = this.formFieldsOnly(submitted, null);
      // Who reports a request is whoever files it: set here, after the form's fields were kept.
      const creator = CREATED_BY[this.modelName];
      const params = creator ? { ...fromForm, [creator]: currentUserId(context) } : fromForm;
      const missing = this.missingRequired(params);
      if (missing.length)
        throw new ValidationError(Object.fromEntries(missing.map((path) => [path, { message: 'required', type: 'required' }])), { message: 'required', type: 'required' });
      await this.assertRowAllowed('create', params, context, true);
      return this.translatingErrors(() => super.create(params));
    });
  }

  override async update(id: string, submitted: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    return this.inUsersLanguage(context, async () => {
      const stored = await this.findAllowed(id, context, 'update');
      if (!stored) throw new AccessDeniedError('update', this.modelName);
      this.refuseWorkflowFields(submitted, this.prepareReturnValues(stored)); // the more telling refusal for a workflow field
      const params = this.formFieldsOnly(submitted, this.prepareReturnValues(stored));
      await this.assertWriteAllowed('update', id, params, context);
      return this.translatingErrors(() => super.update(id, params));
    });
  }

  override async delete(id: string, context?: ActionContext): Promise<void> {
    return this.inUsersLanguage(context, async () => {
      await this.assertWriteAllowed('delete', id, {}, context);
      return this.translatingErrors(() => super.delete(id));
    });
  }

  /** Field errors leave here as sentences in the user's language ("Este campo es obligatorio."), not as
   * keys: some of AdminJS's inputs (references) print the message as it comes. */
  private async inUsersLanguage<T>(context: ActionContext | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const language = languageOf((context?.currentAdmin as { locale?: string } | undefined)?.locale);
      const say = <E extends { message: string } | undefined>(e: E): E => (e ? { ...e, message: renderMessage(language, e.message, {}, this.modelName) } : e);
      throw new ValidationError(
        Object.fromEntries(Object.entries(error.propertyErrors).map(([path, e]) => [path, say(e)])),
        say(error.baseError ?? undefined),
      );
    }
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

  /** The Prisma `where` for AdminJS's filter. Unknown properties are ignored (a stale bookmark still
   * lists); a known one with a value that cannot be of its kind is refused (MalformedInputError, 400). */
  async buildWhere(filter: Filter | undefined): Promise<Where> {
    const conditions: Where[] = [];
    for (const [path, element] of Object.entries(filter?.filters ?? {})) {
      const related = Object.hasOwn(RELATED_FILTERS[this.fullModel.name] ?? {}, path) ? RELATED_FILTERS[this.fullModel.name]![path] : undefined;
      if (related && element.value !== undefined && element.value !== '')
        conditions.push(await related(filterReference(path, element.value) as number, this.relatedHelpers));
      const property = this.property(path.split('.')[0]!);
      if (!property || element.value === undefined || element.value === '') continue;
      const condition = await this.conditionFor(property.path(), property.type(), property.reference(), element.value);
      if (condition) conditions.push(condition);
    }
    return conditions.length ? { AND: conditions } : {};
  }

  private async conditionFor(path: string, type: string, reference: string | null, value: unknown): Promise<Where | undefined> {
    if (reference) return this.referenceCondition(path, reference, value);
    if (type === 'boolean') {
      if (value !== true && value !== false && value !== 'true' && value !== 'false') throw new MalformedInputError('invalidFilter', { field: path });
      return { [path]: value === true || value === 'true' };
    }
    const field = this.fullModel.fields.find((f) => f.name === path);
    if (path === 'id') return { id: filterReference(path, value, this.idColumn) };
    if (type === 'number' || type === 'float') return { [path]: filterNumber(path, value, field?.type === 'Int' || field?.type === 'BigInt') };
    if (type === 'date' || type === 'datetime') {
      const { from, to } = dateBounds(path, value);
      return from || to ? { [path]: { ...(from && { gte: from }), ...(to && { lte: to }) } } : undefined;
    }
    const text = filterText(path, value);
    const vocabulary = vocabularyOf(this.fullModel.name, path) ?? CLOSED_FILTERS[this.fullModel.name]?.[path];
    // A value outside a closed list matches nothing (it is no error: an old bookmark, a retired value).
    if (vocabulary) return vocabulary.includes(text) ? { [path]: text } : { id: { in: [] } };
    if (field && field.type !== 'String') return undefined;
    return this.textCondition(path, text);
  }

  private async referenceCondition(path: string, target: string, value: unknown): Promise<Where | undefined> {
    const targetId = getFullModel(target).fields.find((f) => f.isId)?.type === 'BigInt' ? 'BigInt' : 'Int';
    const id = filterReference(path, value, targetId);
    const subtree = SUBTREE_REFERENCES[target];
    if (!subtree) return { [path]: { id } };
    const node = await this.db[lowerFirst(target)]!.findUnique({ where: { id }, select: { [subtree.pathField]: true } });
    if (!node) return { [path]: { id } };
    return { [path]: { [subtree.pathField]: { startsWith: escapeLike(String(node[subtree.pathField])) } } };
  }

  /** Every word of the text, in any order ("compresor refrigeracion" finds "Compresor de refrigeración"),
   * each matched literally ("%", "_" and "\" are no wildcards), ignoring case and accents. */
  private async textCondition(path: string, value: string): Promise<Where> {
    const words = searchWords(value);
    if (words.length > 1) return { AND: await Promise.all(words.map((word) => this.wordCondition(path, word))) };
    return this.wordCondition(path, value);
  }

  private async wordCondition(path: string, value: string): Promise<Where> {
    const search = SEARCH_COLUMNS[this.fullModel.name];
    if (search?.sources.includes(path)) return { [search.column]: { contains: escapeLike(normalizeSearchText(value)) } };
    // Small tables: ask PostgreSQL which rows match without case or accents, then filter by id.
    const field = this.fullModel.fields.find((f) => f.name === path && f.kind === 'scalar' && f.type === 'String');
    if (!field) return { [path]: { contains: escapeLike(value), mode: 'insensitive' } };
    const table = this.fullModel.dbName ?? this.fullModel.name;
    const column = field.dbName ?? field.name;
    const rows = await this.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM "${table}" WHERE cmms_normalize("${column}") LIKE '%' || cmms_normalize($1) || '%' LIMIT ${ACCENT_FILTER_ID_LIMIT + 1}`,
      escapeLike(value),
    );
    if (rows.length > ACCENT_FILTER_ID_LIMIT) return { [path]: { contains: escapeLike(value), mode: 'insensitive' } };
    return { id: { in: rows.map((r) => r.id) } };
  }
}

/** A record named by its title of several columns (RECORD_TITLES) wherever AdminJS shows it. */
class PlantRecord extends BaseRecord {
  constructor(params: Record<string, unknown>, resource: BaseResource, private readonly shownTitle?: string) {
    super(params, resource);
  }

  override title(): string {
    return this.shownTitle ?? super.title();
  }

  /** Its title on a page: the title of several columns, or the resource's title property (as AdminJS's). */
  shownTitleOr(decorated: ReturnType<BaseResource['decorate']>): string {
    return this.shownTitle ?? decorated.titleOf(this);
  }

  /** As AdminJS's, but the records this one references (its asset, its technician...) are sent as a page
   * shows them: id, title, and the link to their page where the reader may open it. AdminJS sent each
   * with every action and bulk action of its resource, each checked against the reader's rules: a list of 25
   * orders carried 100 such records, 250 KB of JSON of which two thirds were actions nothing displays (the
   * reference's link is its "show" action; issue 26, what a landing page costs the web process). */
  override toJSON(currentAdmin?: CurrentAdmin): RecordJSON {
    const decorated = this.resource.decorate();
    const populated: Record<string, RecordJSON> = {};
    for (const [key, record] of Object.entries(this.populated)) {
      if (record) populated[key] = typeof record.toJSON === 'function' ? referenceJSON(record, currentAdmin) : (record as unknown as RecordJSON);
    }
    return {
      params: this.params,
      populated,
      baseError: this.baseError,
      errors: this.errors,
      id: this.id(),
      title: this.shownTitleOr(decorated),
      recordActions: decorated.recordActions(this, currentAdmin).map((action) => action.toJSON(currentAdmin)),
      bulkActions: decorated.bulkActions(this, currentAdmin).map((action) => action.toJSON(currentAdmin)),
    };
  }
}

/** A referenced record as a list or a page shows it (AdminJS's reference value, our reference picker and
 * related lists): its id and title, and its "show" action when the reader may open it, the link it draws.
 * Not its values: nothing displays them, and a referenced person's or contract's columns have no business
 * in a list of orders (they were sent, 400 bytes each, scrubbed of secrets by admin/secret-answers.ts). */
function referenceJSON(record: BaseRecord, currentAdmin: CurrentAdmin | undefined): RecordJSON {
  const decorated = record.resource.decorate();
  const show = decorated.actions.show;
  const opens = show !== undefined && show.isVisible(currentAdmin, record) && show.isAccessible(currentAdmin, record);
  return {
    params: { id: record.id() },
    populated: {},
    baseError: null,
    errors: {},
    id: record.id(),
    title: record instanceof PlantRecord ? record.shownTitleOr(decorated) : decorated.titleOf(record),
    recordActions: opens ? [show.toJSON(currentAdmin)] : [],
    bulkActions: [],
  };
}

function currentUserId(context: ActionContext | undefined): string | undefined {
  const id = (context?.currentAdmin as { access?: { userId?: number } } | undefined)?.access?.userId;
  return id === undefined ? undefined : String(id);
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

/** The relations a rule condition looks into, as a tree: { asset: { location: {} } }. */
type IncludeTree = { [relation: string]: IncludeTree };
function relationsIn(model: DMMF.Model, condition: unknown, tree: IncludeTree): IncludeTree {
  if (Array.isArray(condition)) {
    for (const part of condition) relationsIn(model, part, tree);
    return tree;
  }
  if (condition === null || typeof condition !== 'object') return tree;
  for (const [key, value] of Object.entries(condition)) {
    if (key === 'AND' || key === 'OR' || key === 'NOT') relationsIn(model, value, tree);
    const relation = model.fields.find((f) => f.name === key && f.kind === 'object');
    if (!relation || value === null || typeof value !== 'object') continue;
    const { is, isNot, some, every, none } = value as Record<string, unknown>;
    relationsIn(getFullModel(relation.type), is ?? isNot ?? some ?? every ?? none ?? value, (tree[key] ??= {}));
  }
  return tree;
}

/** Whether a condition chooses rows by another table's columns (an order by its asset's location path),
 * not merely by the reference itself (an order of asset 5: `asset: { id: 5 }`). */
function readsAnotherTable(model: DMMF.Model, condition: unknown): boolean {
  if (Array.isArray(condition)) return condition.some((part) => readsAnotherTable(model, part));
  if (condition === null || typeof condition !== 'object') return false;
  return Object.entries(condition).some(([key, value]) => {
    if (key === 'AND' || key === 'OR' || key === 'NOT') return readsAnotherTable(model, value);
    const relation = model.fields.find((f) => f.name === key && f.kind === 'object');
    if (!relation || value === null || typeof value !== 'object') return false;
    const { is, isNot, some, every, none } = value as Record<string, unknown>;
    const inner = is ?? isNot ?? some ?? every ?? none ?? value;
    const referenced = relation.relationToFields?.[0] ?? 'id';
    return inner !== null && typeof inner === 'object' && Object.keys(inner).some((name) => name !== referenced);
  });
}

/** A relation tree as Prisma's `include`; undefined when nothing below is looked into. */
function asInclude(tree: IncludeTree): Record<string, unknown> | undefined {
  const entries = Object.entries(tree);
  if (!entries.length) return undefined;
  return Object.fromEntries(entries.map(([name, below]) => [name, asInclude(below) ? { include: asInclude(below) } : true]));
}

/** "10 000": grouped by a thin space, which reads right in Spanish and English alike (a refusal's values
 * are rendered into either language's sentence). */
function groupedNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
