// Our layer over @adminjs/prisma. Filters and sorts arrive straight from the query string, so only
// properties the resource declares are honoured: anything else (a secret column, a typo) is dropped
// instead of reaching Prisma, where it would be a 500 or an oracle on data the screen never shows.
import { Resource } from '@adminjs/prisma';
import type { Filter } from 'adminjs';

type SortParams = { sortBy?: string; direction?: 'asc' | 'desc' };

export class CmmsPrismaResource extends Resource {
  override async count(filter: Filter): Promise<number> {
    return super.count(this.knownFiltersOnly(filter));
  }

  override async find(filter: Filter, params: { limit?: number; offset?: number; sort?: SortParams } = {}) {
    return super.find(this.knownFiltersOnly(filter), { ...params, sort: this.knownSortOnly(params.sort) });
  }

  private knownFiltersOnly(filter: Filter): Filter {
    if (!filter?.filters) return filter;
    for (const [path, element] of Object.entries(filter.filters))
      if (!element.property || !this.property(path.split('.')[0]!)) delete filter.filters[path];
    return filter;
  }

  private knownSortOnly(sort: SortParams = {}): SortParams {
    const direction = sort.direction === 'asc' ? 'asc' : 'desc';
    const known = sort.sortBy && this.property(sort.sortBy.split('.')[0]!);
    return known ? { sortBy: sort.sortBy, direction } : { direction };
  }
}
