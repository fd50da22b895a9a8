import { ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PAGE_SIZE } from '@pantau/contract';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = PAGE_SIZE.max;
export const DEFAULT_PAGE_SIZE = PAGE_SIZE.default;

@Directive('@shareable')
@ObjectType({ description: 'Relay-style page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of this page's last edge: pass it as `after` for the next page. Null on an empty page." })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: the endCursor of the previous page.' })
  after?: string;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or (keysetPaginate) a promise made only when the field is read: COUNT runs only when selected. */
  totalCount: number | Promise<number>;
}

/**
 * Defines `totalCount` as a lazy, memoized getter: `count` runs the first time the field is read (GraphQL
 * reads it only when the operation selects it), at most once. Spreading the object reads it: don't.
 */
export function lazyTotalCount<C extends object>(connection: C, count: () => Promise<number>): C & { totalCount: Promise<number> } {
  let memo: Promise<number> | undefined;
  Object.defineProperty(connection, 'totalCount', {
    enumerable: false,
    configurable: true,
    get: () => (memo ??= count()),
  });
  return connection as C & { totalCount: Promise<number> };
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('OUT_OF_RANGE', { field: 'first', min: 0, max: MAX_PAGE_SIZE });
  }
  return first;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export const badCursor = () => badInput('INVALID_CURSOR', { field: 'after' });

const MAX_CURSOR_LENGTH = 1024;
/** A cursor value is a string, a finite number or null: never an object, array or boolean. */
const isCursorValue = (v: unknown): v is string | number | null =>
  v === null || (typeof v === 'string' && v.length <= MAX_CURSOR_LENGTH) || (typeof v === 'number' && Number.isFinite(v));

/**
 * The keys an `after` cursor carries: exactly `arity` strings, finite numbers or nulls. Anything else
 * (not base64url JSON, an object, nested arrays, the wrong number of keys) is BAD_USER_INPUT.
 */
export function decodeCursor(cursor: string, arity: number): Array<string | number | null> {
  if (typeof cursor === 'string' && cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]*={0,2}$/.test(cursor)) {
    try {
      const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(values) && values.length === arity && values.every(isCursorValue)) return values;
    } catch {
      /* fall through */
    }
  }
  throw badCursor();
}

/** An ISO timestamp from a cursor as a Date; anything else is a bad cursor. */
export function cursorDate(v: unknown): Date {
  const d = typeof v === 'string' ? new Date(v) : null;
  if (!d || !Number.isFinite(d.getTime())) throw badCursor();
  return d;
}

export interface SortKey<T> {
  /** SQL expression in the query builder, e.g. `r.submittedAt`. */
  column: string;
  /** Reads the key from a loaded row. */
  value: (row: T) => string | number | Date | null;
  direction: 'ASC' | 'DESC';
  /** Turns a cursor value back into a query parameter (e.g. an ISO string into a Date). */
  fromCursor?: (v: unknown) => unknown;
}

/**
 * Keyset pagination over a typeorm query: ordered by the keys (the last must be unique), `after`
 * encodes the last row's keys. totalCount counts the whole filtered list, only when it is read (selected),
 * with `opts.count` when given (e.g. a cached count).
 */
export async function keysetPaginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: { first?: number | null; after?: string | null },
  keys: SortKey<T>[],
  opts: { count?: (counter: SelectQueryBuilder<T>) => Promise<number> } = {},
): Promise<ConnectionResult<T> & { totalCount: Promise<number> }> {
  const counter = qb.clone();
  const { page, first } = keysetPageQuery(qb, args, keys);
  const rows = await page.take(first + 1).getMany();
  return lazyTotalCount(keysetConnection(rows, first, keys), () => (opts.count ? opts.count(counter) : counter.getCount()));
}

/**
 * The page part of keysetPaginate as a query (a clone of `qb` with the cursor condition and the order;
 * the caller adds LIMIT first + 1), for callers that run many pages in one statement (batched lists).
 */
export function keysetPageQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: { first?: number | null; after?: string | null },
  keys: SortKey<T>[],
): { page: SelectQueryBuilder<T>; first: number } {
  const first = pageSize(args.first);
  const page = qb.clone();
  if (args.after) {
    const values = decodeCursor(args.after, keys.length).map((v, i) => {
      const out = keys[i].fromCursor ? keys[i].fromCursor!(v) : v;
      if (out instanceof Date && !Number.isFinite(out.getTime())) throw badCursor();
      return out;
    });
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const ands = keys.slice(0, i).map((k, j) => `${k.column} = :ck${j}`);
      ands.push(`${key.column} ${key.direction === 'ASC' ? '>' : '<'} :ck${i}`);
      ors.push(`(${ands.join(' AND ')})`);
      params[`ck${i}`] = values[i];
    });
    page.andWhere(`(${ors.join(' OR ')})`, params);
  }
  keys.forEach((k, i) => (i === 0 ? page.orderBy(k.column, k.direction) : page.addOrderBy(k.column, k.direction)));
  return { page, first };
}

/** Orders loaded rows by the sort keys (JS side of keysetPageQuery, for rows gathered out of order). */
export function compareByKeys<T>(keys: SortKey<T>[]): (a: T, b: T) => number {
  const norm = (v: string | number | Date | null) => (v instanceof Date ? v.getTime() : v);
  return (a, b) => {
    for (const k of keys) {
      const x = norm(k.value(a));
      const y = norm(k.value(b));
      if (x === y) continue;
      const c = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return k.direction === 'ASC' ? c : -c;
    }
    return 0;
  };
}

/** Edges and pageInfo from up to first + 1 ordered rows (without totalCount). */
export function keysetConnection<T>(rows: T[], first: number, keys: SortKey<T>[]): { edges: Edge<T>[]; pageInfo: PageInfo } {
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => ({
    node,
    cursor: encodeCursor(keys.map((k) => {
      const v = k.value(node);
      return v instanceof Date ? v.toISOString() : v;
    })),
  }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}

/** Pagination over an in-memory list (small, already-ordered lists). */
export function paginateArray<T>(items: T[], args: { first?: number | null; after?: string | null }): ConnectionResult<T> {
  const first = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const [index] = decodeCursor(args.after, 1);
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) throw badCursor();
    start = index + 1;
  }
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, i) => ({ node, cursor: encodeCursor([start + i]) }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: { hasNextPage: start + first < items.length, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function ConnectionType<TNode extends object>(nodeName: string, NodeClass: new (...args: any[]) => TNode) {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => NodeClass, { description: `The ${nodeName} itself.` })
    node: TNode;

    @Field(() => String, { description: 'Opaque cursor of this edge: pass it as `after` to continue after it.' })
    cursor: string;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${nodeName} items (Relay-style connection).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page, in list order.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursor to fetch the next one.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole filtered list.' })
    totalCount: number;
  }
  return ConnectionClass;
}
