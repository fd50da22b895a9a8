/**
 * Operation limits, the same in the gateway and in every subgraph (a direct call gains nothing):
 * depth, aliases, directives (graphql-armor validation rules), root fields (own rule: armor has none),
 * tokens (graphql-js's own lexer limit, applied while parsing), a cost limit where list fields multiply
 * by `first`, caps on every input list, and an execution time limit.
 *
 * Every refusal is a GraphQL error whose `extensions.code` names the limit, with `extensions.limit` (the
 * configured maximum) and `extensions.found` (the measured value where known), the catalogue's message
 * in the request's language (./errors), HTTP 400 (the timeout: 503 with `extensions.limitMs`).
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { RequestHandler, Response } from 'express';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  type ASTVisitor,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { Lang } from '@pantau/contract';
import { AppError, currentLang, errorExtensions, errorText } from './errors';
import { jsonErrorBody, langOf } from './http-errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

export type LimitCode =
  | 'MAX_DEPTH_EXCEEDED'
  | 'MAX_ALIASES_EXCEEDED'
  | 'MAX_ROOT_FIELDS_EXCEEDED'
  | 'MAX_TOKENS_EXCEEDED'
  | 'MAX_DIRECTIVES_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED';

export interface OperationLimits {
  /** Nesting of fields (fragments flattened; the introspection `__schema` field is not counted). */
  maxDepth: number;
  /** Aliased fields in the operation (fragments included, `__typename` too). */
  maxAliases: number;
  /** Fields selected at the root of the operation (aliases included; `__typename` is free). */
  maxRootFields: number;
  /** Lexical tokens in the document; parsing stops at the limit. */
  maxTokens: number;
  /** Directives used in the operation. */
  maxDirectives: number;
  /** Cost: every field 1 (analytics aggregates 10), list fields multiply their children by `first`. */
  maxCost: number;
  /** Items in any list argument or list variable (any depth of an input object). */
  maxListInput: number;
  /** Subgraphs: `_entities(representations:)` items (the gateway's query-plan fetches); at least maxCost / 2. */
  maxRepresentations: number;
  /** Execution time of one request; 0 turns the limit off. */
  operationTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<OperationLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 30,
  maxTokens: 2000,
  maxDirectives: 10,
  maxCost: 10000,
  maxListInput: 100,
  maxRepresentations: 5000,
  operationTimeoutMs: 10000,
});

/** The environment variable that changes each limit. */
export const LIMIT_ENV: Readonly<Record<keyof OperationLimits, string>> = Object.freeze({
  maxDepth: 'PANTAU_MAX_DEPTH',
  maxAliases: 'PANTAU_MAX_ALIASES',
  maxRootFields: 'PANTAU_MAX_ROOT_FIELDS',
  maxTokens: 'PANTAU_MAX_TOKENS',
  maxDirectives: 'PANTAU_MAX_DIRECTIVES',
  maxCost: 'PANTAU_MAX_COST',
  maxListInput: 'PANTAU_MAX_LIST_INPUT',
  maxRepresentations: 'PANTAU_MAX_REPRESENTATIONS',
  operationTimeoutMs: 'PANTAU_OPERATION_TIMEOUT_MS',
});

/** Limits from the environment (unset or empty: the default); a value that is not a positive integer stops the start. */
export function operationLimits(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof OperationLimits)[]) {
    const name = LIMIT_ENV[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    const min = key === 'operationTimeoutMs' ? 0 : 1;
    if (!Number.isSafeInteger(n) || n < min) {
      throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}".`);
    }
    out[key] = n;
  }
  return out;
}

// ------------------------------------------------------------------------------------------- errors

/** A refused operation: HTTP 400, `code` naming the limit, `limit` its configured maximum. */
export class LimitError extends AppError {
  constructor(code: LimitCode, limit: number, measured?: number) {
    super(code, { limit, ...(measured !== undefined ? { found: measured } : {}) }, { httpStatus: 400 });
    (this.extensions.http as { headers?: HeaderMap }).headers = new HeaderMap();
  }
}

/** An input list longer than its cap: BAD_USER_INPUT, HTTP 400. `where` is the argument or field, quoted. */
export class ListInputError extends AppError {
  constructor(where: string, limit: number, length: number) {
    super('BAD_USER_INPUT.TOO_MANY_ITEMS', { field: where.replace(/^"|"$/g, ''), max: limit, found: length }, { httpStatus: 400, extra: { limit, argument: where } });
    (this.extensions.http as { headers?: HeaderMap }).headers = new HeaderMap();
  }
}

export function timeoutBody(limitMs: number, lang: Lang = currentLang()) {
  return jsonErrorBody('OPERATION_TIMEOUT', { limitMs }, lang);
}

// graphql-js 16 writes "more that"; accept both spellings
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\. Parsing aborted\.$/;
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Apollo wraps validation and parse errors (GRAPHQL_VALIDATION_FAILED / GRAPHQL_PARSE_FAILED); this gives a
 * limit refusal its own code back. Returns the error to send, or undefined when the error is not a limit refusal.
 */
export function formatLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const original =
    error instanceof LimitError || error instanceof ListInputError
      ? error
      : error instanceof GraphQLError
        ? error.originalError
        : undefined;
  if (original instanceof LimitError || original instanceof ListInputError) {
    const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
    return { message: original.message, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions };
  }
  const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (tokens && formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED') {
    const e = new LimitError('MAX_TOKENS_EXCEEDED', Number(tokens[1]));
    const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
    return { message: e.message, extensions };
  }
  return undefined;
}

/** Drops "Did you mean …?" from an error message (suggestions reveal the schema to a client who guesses). */
export function stripSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '').trim() };
}

// ------------------------------------------------------------------------------------ measurement

/** Fields whose resolver runs an aggregate (analytics): they cost this much instead of 1. */
export const EXPENSIVE_FIELDS: Readonly<Record<string, number>> = Object.freeze({
  'Query.analyticsOverview': 10,
  'Query.maladministrationBreakdown': 10,
  'Query.responseTimeStats': 10,
  'Query.slaCompliance': 10,
  'Query.transparencyMetrics': 10,
  'Query.reportTrend': 10,
  'Query.agencyLeaderboard': 10,
  'Agency.performance': 10,
  'Region.reportStats': 10,
});

export interface CostOptions {
  /** Subgraph mode: `_entities(representations:)` multiplies by the number of representations. */
  subgraph?: boolean;
  maxRepresentations?: number;
}

/**
 * The cost of an operation with its variables: every field costs 1 (EXPENSIVE_FIELDS more), `__typename` and
 * introspection nothing; a field with a `first` argument costs 1 + first × (its selection), `first` absent =
 * the default page size, capped at the maximum page size; on a subgraph `_entities` multiplies by its
 * representations. Fragments are memoised per (fragment, type), so nested spreads cannot blow up the count.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  opts: CostOptions = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  const vars = coerced.coerced ?? {};
  const memo = new Map<string, number>();
  const maxReps = opts.maxRepresentations ?? DEFAULT_LIMITS.maxRepresentations;

  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!rootType) return 0;

  function multiplier(type: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const firstArg = field.args.find((a) => a.name === 'first');
    const entities = opts.subgraph && field.name === '_entities' && type === schema.getQueryType();
    if (!firstArg && !entities) return 1;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, node, vars);
    } catch {
      // A bad argument fails at execution with its own message; count the worst case here.
      return entities ? maxReps : MAX_PAGE_SIZE;
    }
    if (entities) {
      const reps = args.representations;
      return Array.isArray(reps) ? Math.min(reps.length, maxReps) : 1;
    }
    const first = args.first;
    if (typeof first !== 'number' || !Number.isFinite(first)) {
      const fallback = typeof firstArg?.defaultValue === 'number' ? firstArg.defaultValue : DEFAULT_PAGE_SIZE;
      return Math.min(fallback, MAX_PAGE_SIZE);
    }
    return Math.max(0, Math.min(Math.floor(first), MAX_PAGE_SIZE));
  }

  function selectionCost(set: SelectionSetNode, type: GraphQLCompositeType): number {
    let direct = 0;
    // Fragments on the parent type add up; fragments on other (possible) types exclude one another: the largest counts.
    const byType = new Map<string, number>();
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        direct += fieldCost(sel, type);
        continue;
      }
      let fragType: GraphQLCompositeType = type;
      let cost: number;
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (!t || !isCompositeType(t)) continue;
        fragType = t;
        cost = selectionCost(sel.selectionSet, fragType);
      } else {
        const frag = fragments.get(sel.name.value);
        if (!frag) continue;
        const t = schema.getType(frag.typeCondition.name.value);
        if (!t || !isCompositeType(t)) continue;
        fragType = t;
        const key = `${frag.name.value}@${type.name}`;
        const known = memo.get(key);
        if (known !== undefined) {
          cost = known;
        } else {
          memo.set(key, 0); // a cycle (refused by validation anyway) counts nothing
          cost = selectionCost(frag.selectionSet, fragType);
          memo.set(key, cost);
        }
      }
      if (fragType === type) direct += cost;
      else byType.set(fragType.name, (byType.get(fragType.name) ?? 0) + cost);
    }
    let widest = 0;
    for (const c of byType.values()) widest = Math.max(widest, c);
    // Every object fetched costs at least 1 (so `{ agency { __typename } }` costs what the subgraph's
    // `{ agency { __typename id } }` costs).
    return Math.max(1, direct + widest);
  }

  function fieldCost(node: FieldNode, parent: GraphQLCompositeType): number {
    const name = node.name.value;
    if (name.startsWith('__')) return 0; // __typename, __schema, __type
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[name];
    if (!field) return 0;
    const base = EXPENSIVE_FIELDS[`${parent.name}.${name}`] ?? 1;
    if (!node.selectionSet) return base;
    const child = getNamedType(field.type);
    if (!isCompositeType(child)) return base;
    return base + multiplier(parent, field, node) * selectionCost(node.selectionSet, child);
  }

  return selectionCost(operation.selectionSet, rootType);
}

/** Root fields of an operation (fragments on the root type included; `__typename` is free). */
export function countRootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += sel.name.value === '__typename' ? 0 : 1;
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const frag = fragments.get(sel.name.value);
        if (frag) n += count(frag.selectionSet);
      }
    }
    return n;
  };
  return count(operation.selectionSet);
}

/** Lexical tokens of a document (as graphql-js counts them for `maxTokens`). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

function maxRootFieldsRule(limit: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(node: OperationDefinitionNode) {
      const n = countRootFields(context.getDocument(), node);
      if (n > limit) context.reportError(new LimitError('MAX_ROOT_FIELDS_EXCEEDED', limit, n));
    },
  });
}

/** An operation type the schema does not have (e.g. `subscription`): a validation error, not a 500 at execution. */
function supportedOperationTypeRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      const schema = context.getSchema();
      const root =
        node.operation === 'query'
          ? schema.getQueryType()
          : node.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        const ext = errorExtensions('GRAPHQL_VALIDATION_FAILED.NO_OPERATION_TYPE', { operation: node.operation });
        context.reportError(new GraphQLError(errorText(ext).message, { nodes: [node], extensions: ext }));
      }
    },
  };
}

/**
 * Bracket nesting allowed in a document before parsing: graphql-js parses recursively and runs out of stack
 * at a list literal nested ~1,000 deep, below the token limit. Far above anything legitimate (depth 12 is
 * 13 braces), far below what the parser survives.
 */
export function nestingLimit(limits: Pick<OperationLimits, 'maxDepth'>): number {
  return Math.max(64, limits.maxDepth * 4);
}

/**
 * Before parsing: counts tokens (refusing past maxTokens) and bracket nesting (refusing past nestingLimit), in
 * one pass of graphql-js's lexer that stops at the first excess. A lexical error is left to the parser.
 */
export function checkSource(source: string, limits: Pick<OperationLimits, 'maxTokens' | 'maxDepth'>): void {
  const lexer = new Lexer(new Source(source));
  const maxNesting = nestingLimit(limits);
  let tokens = 0;
  let nesting = 0;
  let tooDeep = false;
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) {
      if (++tokens > limits.maxTokens) throw new LimitError('MAX_TOKENS_EXCEEDED', limits.maxTokens);
      if (t.kind === TokenKind.BRACE_L || t.kind === TokenKind.BRACKET_L || t.kind === TokenKind.PAREN_L) {
        if (++nesting > maxNesting) tooDeep = true;
      } else if (t.kind === TokenKind.BRACE_R || t.kind === TokenKind.BRACKET_R || t.kind === TokenKind.PAREN_R) {
        nesting--;
      }
    }
  } catch (err) {
    if (err instanceof LimitError) throw err;
    // a lexical error: the parser reports it (nesting up to here is checked below)
  }
  // the token count decides first (a document past both limits is "too long")
  if (tooDeep) throw new LimitError('MAX_DEPTH_EXCEEDED', limits.maxDepth);
}

const FOUND = /found (\d+)/;

/** The validation rules (armor's depth, aliases and directives, and root fields), each refusing with its code. */
export function limitValidationRules(limits: OperationLimits): ValidationRule[] {
  const reject = (code: LimitCode, limit: number) => [
    (ctx: ValidationContext | null, err: GraphQLError) => {
      const m = FOUND.exec(err.message);
      ctx?.reportError(new LimitError(code, limit, m ? Number(m[1]) : undefined));
    },
  ];
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: reject('MAX_DEPTH_EXCEEDED', limits.maxDepth),
    }),
    // allowList []: aliased `__typename` counts too (armor exempts it by default)
    maxAliasesRule({
      n: limits.maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: reject('MAX_ALIASES_EXCEEDED', limits.maxAliases),
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: reject('MAX_DIRECTIVES_EXCEEDED', limits.maxDirectives),
    }),
    maxRootFieldsRule(limits.maxRootFields),
    supportedOperationTypeRule,
  ];
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  directives: number;
  rootFields: number;
  tokens: number;
  cost: number;
}

/**
 * What each limit measures on an operation (the same rules that refuse), for tests and tooling. Throws when the
 * document does not validate against the schema.
 */
export function measureOperation(
  schema: GraphQLSchema,
  source: string,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  opts: CostOptions = {},
): OperationMeasure {
  const m = { depth: 0, aliases: 0, directives: 0 };
  const huge = 1e9;
  const accept = (key: keyof typeof m) => [(_ctx: unknown, d: { n: number }) => (m[key] = Math.max(m[key], d.n))];
  const errors = validate(schema, document, [
    maxDepthRule({ n: huge, flattenFragments: true, ignoreIntrospection: true, onAccept: accept('depth') }),
    maxAliasesRule({ n: huge, allowList: [], onAccept: accept('aliases') }),
    maxDirectivesRule({ n: huge, onAccept: accept('directives') }),
  ]);
  const specified = validate(schema, document);
  if (errors.length || specified.length) throw new Error([...errors, ...specified].map((e) => e.message).join('\n'));
  let rootFields = 0;
  let cost = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    rootFields = Math.max(rootFields, countRootFields(document, d));
    cost = Math.max(cost, operationCost(schema, document, d, variables, opts));
  }
  return { ...m, rootFields, tokens: countTokens(source), cost };
}

// ------------------------------------------------------------------------------------- list inputs

interface ListCheckOptions {
  maxListInput: number;
  /** Variables passed as `_entities(representations:)` get this cap instead (subgraphs). */
  maxRepresentations?: number;
  subgraph?: boolean;
}

/**
 * Refuses any list argument or list variable longer than its cap, at any depth of an input object. Literal
 * lists in the document and the request's variable values are both checked (iteratively: a deeply nested
 * JSON value cannot overflow the stack).
 */
export function checkListInputs(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  opts: ListCheckOptions,
): void {
  const representationVars = new Set<string>();
  const literalStack: { value: ValueNode; where: string; cap: number }[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const visited = new Set<string>();
  const sets: SelectionSetNode[] = [operation.selectionSet];
  while (sets.length) {
    const set = sets.pop()!;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (frag && !visited.has(frag.name.value)) {
          visited.add(frag.name.value);
          sets.push(frag.selectionSet);
        }
        continue;
      }
      if (sel.kind === Kind.FIELD) {
        for (const arg of sel.arguments ?? []) {
          const isReps = opts.subgraph && sel.name.value === '_entities' && arg.name.value === 'representations';
          if (isReps && arg.value.kind === Kind.VARIABLE) representationVars.add(arg.value.name.value);
          const cap = isReps ? (opts.maxRepresentations ?? DEFAULT_LIMITS.maxRepresentations) : opts.maxListInput;
          literalStack.push({ value: arg.value, where: `"${arg.name.value}"`, cap });
        }
      }
      if (sel.selectionSet) sets.push(sel.selectionSet);
    }
  }

  while (literalStack.length) {
    const { value, where, cap } = literalStack.pop()!;
    if (value.kind === Kind.LIST) {
      if (value.values.length > cap) throw new ListInputError(where, cap, value.values.length);
      for (const v of value.values) literalStack.push({ value: v, where, cap: opts.maxListInput });
    } else if (value.kind === Kind.OBJECT) {
      for (const f of value.fields) literalStack.push({ value: f.value, where: `"${f.name.value}"`, cap: opts.maxListInput });
    }
  }

  if (!variables) return;
  const valueStack: { value: unknown; where: string; cap: number }[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const cap = representationVars.has(name)
      ? (opts.maxRepresentations ?? DEFAULT_LIMITS.maxRepresentations)
      : opts.maxListInput;
    valueStack.push({ value, where: `"$${name}"`, cap });
  }
  while (valueStack.length) {
    const { value, where, cap } = valueStack.pop()!;
    if (Array.isArray(value)) {
      if (value.length > cap) throw new ListInputError(where, cap, value.length);
      for (const v of value) if (v !== null && typeof v === 'object') valueStack.push({ value: v, where, cap: opts.maxListInput });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (v !== null && typeof v === 'object') valueStack.push({ value: v, where: `"${k}"`, cap: opts.maxListInput });
      }
    }
  }
}

// ------------------------------------------------------------------------------------ Apollo wiring

export interface LimitPluginOptions {
  /** Subgraph: counts and caps `_entities(representations:)` (the gateway's fetches) by representations. */
  subgraph?: boolean;
}

function timeoutFieldError(limitMs: number): GraphQLError {
  return new AppError('OPERATION_TIMEOUT', { limitMs });
}

/**
 * Checks list inputs and cost once the operation is known (variables included), and stops resolving fields once
 * the request has run longer than the time limit (the HTTP answer itself comes from operationTimeout()).
 */
export function limitsPlugin<C extends BaseContext>(limits: OperationLimits, opts: LimitPluginOptions = {}): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async didResolveOperation(ctx: GraphQLRequestContextDidResolveOperation<C>) {
          const { document, operation } = ctx;
          if (!operation) return;
          checkListInputs(document, operation, ctx.request.variables, {
            maxListInput: limits.maxListInput,
            maxRepresentations: limits.maxRepresentations,
            subgraph: opts.subgraph,
          });
          const cost = operationCost(ctx.schema, document, operation, ctx.request.variables ?? {}, {
            subgraph: opts.subgraph,
            maxRepresentations: limits.maxRepresentations,
          });
          if (cost > limits.maxCost) throw new LimitError('COST_LIMIT_EXCEEDED', limits.maxCost, cost);
        },
        async executionDidStart() {
          if (!(limits.operationTimeoutMs > 0)) return;
          const deadline = started + limits.operationTimeoutMs;
          return {
            willResolveField() {
              if (Date.now() > deadline) throw timeoutFieldError(limits.operationTimeoutMs);
            },
          };
        },
      };
    },
  };
}

/**
 * The limits a subgraph applies: the same as the gateway's, except tokens (×2): the gateway's query plans add
 * `__typename` and key fields (`agency { name }` becomes `agency { __typename id }`), so a fetch can be up to
 * ~1.7× longer than the part of the client's document it serves;
 * and representations (at least maxCost / 2), so no fetch of an operation the gateway accepted is refused.
 */
export function subgraphLimits(limits: OperationLimits = operationLimits()): OperationLimits {
  return {
    ...limits,
    maxTokens: limits.maxTokens * 2,
    // Every entity the gateway fetches costs at least 2 in the operation it accepted (the field and its
    // selection), so an accepted operation causes at most maxCost / 2 representations in one fetch.
    maxRepresentations: Math.max(limits.maxRepresentations, Math.ceil(limits.maxCost / 2)),
  };
}

/** Apollo Server options carrying the limits: spread into `new ApolloServer({...})`. */
export function limitServerOptions<C extends BaseContext>(limits: OperationLimits, opts: LimitPluginOptions = {}) {
  return {
    validationRules: limitValidationRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    // "Did you mean …?" in validation errors would reveal the schema to a client who guesses.
    hideSchemaDetailsFromClientErrors: true,
    plugin: limitsPlugin<C>(limits, opts),
  };
}

/** The JSON body of a refusal made outside Apollo (the same shape formatError gives). */
export function limitErrorBody(error: LimitError | ListInputError) {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { errors: [{ message: error.message, extensions }] };
}

/**
 * Express middleware before Apollo's: checks the document's tokens and bracket nesting before Apollo parses it
 * (checkSource; a plugin hook cannot refuse at that stage without Apollo masking it as a 500). POST bodies
 * (also batches) and GET `?query=`.
 */
export function sourceGuard(limits: Pick<OperationLimits, 'maxTokens' | 'maxDepth'>): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    const sources: unknown[] = Array.isArray(body)
      ? body.map((b) => (b && typeof b === 'object' ? (b as Record<string, unknown>).query : undefined))
      : [body && typeof body === 'object' ? (body as Record<string, unknown>).query : undefined, req.method === 'GET' ? req.query?.query : undefined];
    try {
      for (const source of sources) if (typeof source === 'string') checkSource(source, limits);
    } catch (err) {
      if (err instanceof LimitError) {
        res.status(400).json(limitErrorBody(err));
        return;
      }
      throw err;
    }
    next();
  };
}

/**
 * Express middleware before Apollo's: after `operationTimeoutMs` the client gets OPERATION_TIMEOUT (HTTP 503);
 * whatever the handler tries to write later is dropped (no "headers already sent").
 */
export function operationTimeout(limits: Pick<OperationLimits, 'operationTimeoutMs'>): RequestHandler {
  const ms = limits.operationTimeoutMs;
  return (req, res, next) => {
    if (!(ms > 0)) return next();
    const lang = langOf(req);
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      const body = JSON.stringify(timeoutBody(ms, lang));
      res.statusCode = 503;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(body);
      silence(res);
    }, ms);
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** Turns every later write on an answered response into a no-op. */
function silence(res: Response): void {
  const self = () => res;
  const r = res as unknown as Record<string, unknown>;
  for (const name of ['setHeader', 'removeHeader', 'writeHead', 'status', 'set', 'header', 'send', 'json', 'end', 'type', 'append']) {
    r[name] = self;
  }
  r.write = () => true;
  r.flush = () => undefined;
}
