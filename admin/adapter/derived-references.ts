// A reference a record carries though its table holds no column for it: a work order's location is its
// asset's (DERIVED_REFERENCES). Lists and show pages name it like any reference: the adapter loads the
// last foreign key along the path with the row, gives it as the property's value (AdminJS then names it
// through the referenced resource, under the viewer's rules), and sorts by the referenced record's title.
import { getFullModel } from '../dmmf.js';
import { DERIVED_REFERENCES, TITLE_FIELDS } from './model-settings.js';

type Tree = Record<string, unknown>;

interface DerivedReference {
  property: string;
  /** Prisma's `include` that loads the foreign key at the end of the path. */
  include: Tree;
  /** The foreign key's value in a row read with `include`. */
  valueOf(row: Record<string, unknown>): unknown;
  /** Prisma's `orderBy` by the referenced record's title. */
  orderBy(direction: 'asc' | 'desc'): Tree;
}

function relation(model: string, name: string) {
  const field = getFullModel(model).fields.find((f) => f.name === name && f.kind === 'object');
  if (!field) throw new Error(`DERIVED_REFERENCES: ${model}.${name} is no relation`);
  return field;
}

function derivedReference(model: string, property: string, path: string[]): DerivedReference {
  // The models along the path: [WorkOrder, Asset, Location] for ['asset', 'location'].
  const models = [model];
  for (const name of path) models.push(relation(models.at(-1)!, name).type);
  const last = relation(models.at(-2)!, path.at(-1)!);
  const foreignKey = last.relationFromFields?.[0];
  if (!foreignKey) throw new Error(`DERIVED_REFERENCES: ${models.at(-2)}.${path.at(-1)} holds no foreign key`);
  const hops = path.slice(0, -1);
  // { asset: { select: { locationId: true } } }; deeper paths nest their selects.
  const select = hops.reduceRight<Tree>((inner, name) => ({ [name]: { select: inner } }), { [foreignKey]: true });
  const nested = (leaf: unknown) => path.reduceRight<unknown>((inner, name) => ({ [name]: inner }), leaf) as Tree;
  return {
    property,
    include: select,
    valueOf: (row) => [...hops, foreignKey].reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], row),
    orderBy: (direction) => nested({ [TITLE_FIELDS[models.at(-1)!] ?? 'id']: direction }),
  };
}

const cache = new Map<string, DerivedReference[]>();

export function derivedReferencesOf(model: string): DerivedReference[] {
  let found = cache.get(model);
  if (!found) {
    found = Object.entries(DERIVED_REFERENCES[model] ?? {}).map(([property, path]) => derivedReference(model, property, path));
    cache.set(model, found);
  }
  return found;
}

/** Two `include` trees as one (a title's include and a derived reference's may name the same relation). */
export function mergeIncludes(a: Tree | undefined, b: Tree | undefined): Tree | undefined {
  if (!a || !b) return a ?? b;
  const merged: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = merged[key];
    if (mine === undefined) merged[key] = value;
    // `true` loads every column of the relation, the foreign key included.
    else if (mine === true || value === true) merged[key] = true;
    else {
      const x = mine as Tree;
      const y = value as Tree;
      const part = x.select || y.select ? 'select' : 'include';
      merged[key] = { [part]: mergeIncludes((x.select ?? x.include) as Tree, (y.select ?? y.include) as Tree) };
    }
  }
  return merged;
}
