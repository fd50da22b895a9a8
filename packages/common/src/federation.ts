import { buildSubgraphSchema, printSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import {
  type DirectiveNode,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  GraphQLScalarType,
  Kind,
  print,
  type ValueNode,
  getNamedType,
  GraphQLID,
  GraphQLString,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  visit,
} from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type BuildSchemaOptions, createResolversMap, type ValidatorFn } from 'type-graphql';
import { formatError, IDEMPOTENCY_KEY_PATTERN, PHONE_PATTERN, REGION_CODE_PATTERN, TOPIC_CODE_PATTERN, type ErrorKey } from '@pantau/contract';
import { AppError, badInput, currentLang } from './errors';
import { InvalidScalarValue, normalizeArgs, TextError, textErrorToGraphQL, type TextShape } from './text';

/**
 * The federation version that introduced each federation directive (as defined by
 * @apollo/federation-internals' FEDERATION_VERSIONS; a unit test keeps the two in step).
 */
export const FEDERATION_DIRECTIVE_VERSIONS: Readonly<Record<string, string>> = {
  key: '2.0',
  extends: '2.0',
  external: '2.0',
  requires: '2.0',
  provides: '2.0',
  shareable: '2.0',
  override: '2.0',
  tag: '2.0',
  inaccessible: '2.0',
  composeDirective: '2.1',
  interfaceObject: '2.3',
  authenticated: '2.5',
  requiresScopes: '2.5',
  policy: '2.6',
  context: '2.8',
  fromContext: '2.8',
  cost: '2.9',
  listSize: '2.9',
  cacheTag: '2.12',
};

/** Another spec linked beside federation, e.g. the one defining a directive to compose into the supergraph. */
export interface SchemaLink {
  url: string;
  /** Element names as in `@link(import:)`, e.g. `['@custom']`. */
  import?: string[];
}

export interface FederationOptions {
  /** Federation directives to import although the printed SDL does not apply them (e.g. `['@tag']`). */
  extraImports?: string[];
  /** Further `@link`s on the schema (a custom directive's spec). */
  links?: SchemaLink[];
  /** Custom directives (`'@custom'`) kept in the supergraph with `@composeDirective` (needs their @link in `links`). */
  composeDirectives?: string[];
  /** Lowest federation version to declare (default 2.0). */
  minVersion?: string;
  /**
   * Descriptions of the root types (type-graphql has no decorator for them). Give every subgraph the same
   * text (PANTAU_ROOT_DESCRIPTIONS) so composition merges them without a hint.
   */
  rootDescriptions?: { query?: string; mutation?: string };
}

/** The supergraph's root type descriptions, shared by the Pantau subgraphs (issue 12: every public element described). */
export const PANTAU_ROOT_DESCRIPTIONS = {
  query:
    'Everything a client can read: the registry (regions, agencies, roads, topics), reports (public, by tracking ID, or as staff) and analytics figures.',
  mutation: 'Everything a client can change: staff sign-in and administration, report intake and the report lifecycle.',
} as const;

export interface FederationLinkChoice {
  version: string;
  /** Sorted, with the leading `@`. */
  imports: string[];
}

const versionNumber = (v: string) => {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new Error(`Not a federation version: ${v}`);
  return Number(m[1]) * 1000 + Number(m[2]);
};
const maxVersion = (a: string, b: string) => (versionNumber(b) > versionNumber(a) ? b : a);

/**
 * The federation `@link` a subgraph needs: the directives its SDL applies (plus `extraImports`), and the
 * lowest federation version that defines all of them and the features used (an `@override(label:)` needs
 * 2.7, `@key` on an interface 2.3, `@shareable` repeated on one element 2.2, `@composeDirective` 2.1).
 */
export function chooseFederationLink(sdl: string | DocumentNode, opts: FederationOptions = {}): FederationLinkChoice {
  const doc = typeof sdl === 'string' ? parse(sdl) : sdl;
  const used = new Set<string>();
  let version = opts.minVersion ?? '2.0';
  const need = (v: string) => (version = maxVersion(version, v));
  visit(doc, {
    enter(node) {
      const directives = (node as { directives?: readonly DirectiveNode[] }).directives;
      if (!directives?.length) return;
      let shareables = 0;
      for (const d of directives) {
        const name = d.name.value;
        if (!(name in FEDERATION_DIRECTIVE_VERSIONS)) continue;
        used.add(name);
        need(FEDERATION_DIRECTIVE_VERSIONS[name]);
        if (name === 'override' && d.arguments?.some((a) => a.name.value === 'label')) need('2.7');
        if (name === 'key' && (node.kind === Kind.INTERFACE_TYPE_DEFINITION || node.kind === Kind.INTERFACE_TYPE_EXTENSION)) need('2.3');
        if (name === 'shareable' && ++shareables > 1) need('2.2');
      }
    },
  });
  for (const extra of opts.extraImports ?? []) {
    const name = extra.replace(/^@/, '');
    if (!(name in FEDERATION_DIRECTIVE_VERSIONS)) throw new Error(`Unknown federation directive: ${extra}`);
    used.add(name);
    need(FEDERATION_DIRECTIVE_VERSIONS[name]);
  }
  if (opts.composeDirectives?.length) {
    used.add('composeDirective');
    need(FEDERATION_DIRECTIVE_VERSIONS.composeDirective);
  }
  return { version, imports: [...used].sort().map((n) => `@${n}`) };
}

/** The `extend schema @link(…)` header for a subgraph SDL (see chooseFederationLink). */
export function federationSchemaExtension(sdl: string | DocumentNode, opts: FederationOptions = {}): string {
  const { version, imports } = chooseFederationLink(sdl, opts);
  const link = (url: string, names?: string[]) =>
    `@link(url: ${JSON.stringify(url)}${names?.length ? `, import: [${names.map((n) => JSON.stringify(n)).join(', ')}]` : ''})`;
  const parts = [
    link(`https://specs.apollo.dev/federation/v${version}`, imports),
    ...(opts.links ?? []).map((l) => link(l.url, l.import)),
    ...(opts.composeDirectives ?? []).map((d) => `@composeDirective(name: ${JSON.stringify(d.startsWith('@') ? d : `@${d}`)})`),
  ];
  return `extend schema\n  ${parts.join('\n  ')}`;
}

/**
 * type-graphql has no federation API: build its schema (skipping the check that would reject
 * `_entities`-less entity types), print it with its directives under the federation @link chosen from the
 * directives it applies (chooseFederationLink; `federation` adds imports, links, composed directives), then let
 * `@apollo/subgraph` build the subgraph schema from that SDL plus type-graphql's resolvers and our
 * `__resolveReference`s.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: GraphQLResolverMap<any> = {},
  federation: FederationOptions = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: LenientDateTime }],
    ...options,
    // Arguments reach validateFn already normalised (see withTextHygiene); the service's own validateFn,
    // when given, replaces the default class-validator run.
    validateFn: options.validateFn ?? validateArgs,
    skipCheck: true,
  });
  const query = schema.getQueryType();
  if (query && federation.rootDescriptions?.query) query.description = federation.rootDescriptions.query;
  const mutation = schema.getMutationType();
  if (mutation && federation.rootDescriptions?.mutation) mutation.description = federation.rootDescriptions.mutation;
  const printed = printSchemaWithDirectives(schema);
  const typeDefs = parse(`${federationSchemaExtension(printed, federation)}\n${printed}`);
  const resolvers = withTextHygiene(schema, createResolversMap(schema) as GraphQLResolverMap<any>);
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...((resolvers[typeName] as object) ?? {}), ...(fields as object) } as any;
  }
  return guardEntities(buildSubgraphSchema([{ typeDefs, resolvers }]));
}

/**
 * graphql-scalars' DateTime, except that a value it cannot parse (as a variable or a literal) becomes an
 * InvalidScalarValue instead of failing request validation. The resolver wrapper (withTextHygiene) then
 * answers BAD_USER_INPUT naming the argument: a plain field error that the gateway forwards as it is,
 * where a subgraph's request-level 400 would reach the client as the gateway's INTERNAL_SERVER_ERROR.
 */
export const LenientDateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue(value) {
    try {
      return DateTimeResolver.parseValue(value);
    } catch {
      return new InvalidScalarValue('DateTime', value);
    }
  },
  parseLiteral(ast: ValueNode, variables) {
    try {
      return DateTimeResolver.parseLiteral(ast, variables);
    } catch {
      return new InvalidScalarValue('DateTime', ast.kind === Kind.STRING ? ast.value : print(ast));
    }
  },
});

/** Simple key fields of every entity type (`@key(fields: "id")`); null for a type with a nested key. */
function entityKeys(schema: GraphQLSchema): Map<string, string[][] | null> {
  const out = new Map<string, string[][] | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])].filter((n) => n !== null && n !== undefined);
    const keys: string[][] = [];
    let nested = false;
    for (const node of nodes) {
      for (const d of node.directives ?? []) {
        if (d.name.value !== 'key') continue;
        const arg = d.arguments?.find((a) => a.name.value === 'fields');
        if (arg?.value.kind !== Kind.STRING) continue;
        if (/[{}]/.test(arg.value.value)) nested = true;
        else keys.push(arg.value.value.trim().split(/[\s,]+/));
      }
    }
    if (keys.length || nested) out.set(type.name, nested ? null : keys);
  }
  return out;
}

const repField = (i: number) => `representations[${i}]`;

/**
 * `_entities` answers a representation of an unknown type, or without its key fields, with
 * BAD_USER_INPUT (@apollo/subgraph throws a plain Error there, which becomes INTERNAL_SERVER_ERROR).
 */
function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  const keys = entityKeys(schema);
  field.resolve = (root, args, ctx, info) => {
    const reps: unknown = args.representations;
    if (Array.isArray(reps)) {
      reps.forEach((rep, i) => {
        if (rep === null || typeof rep !== 'object' || Array.isArray(rep)) {
          throw badInput('REPRESENTATION_NOT_OBJECT', { field: repField(i) });
        }
        const typename = (rep as Record<string, unknown>).__typename;
        if (typeof typename !== 'string' || !keys.has(typename)) {
          throw badInput('UNKNOWN_ENTITY_TYPE', { field: repField(i), typename: preview(typename) });
        }
        const options = keys.get(typename);
        const ok =
          options === null ||
          options!.some((k) =>
            k.every((f) => {
              const v = (rep as Record<string, unknown>)[f];
              return (typeof v === 'string' && v.length > 0 && v.length <= 256) || (typeof v === 'number' && Number.isFinite(v));
            }),
          );
        if (!ok) {
          throw badInput('MISSING_KEY_FIELDS', { field: repField(i), typename, keyFields: options!.map((k) => k.join(' ')) });
        }
      });
    }
    return resolve(root, args, ctx, info);
  };
  return schema;
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'no __typename' : typeof v;
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Arguments and input fields never normalised: secrets are compared byte for byte. */
export const TEXT_EXEMPT = /password$/i;

/** The hygiene shape of a GraphQL input type (String and ID are text; other scalars and enums are left alone). */
function shapeOf(type: GraphQLInputType, cache: Map<string, TextShape>): TextShape {
  const required = isNonNullType(type);
  const inner = required ? type.ofType : type;
  if (isListType(inner)) {
    const of = shapeOf(inner.ofType, cache);
    return of.kind === 'skip' ? of : { kind: 'list', of };
  }
  const named = getNamedType(inner);
  if (named === GraphQLString || named === GraphQLID || named.name === 'String' || named.name === 'ID') {
    return { kind: 'text', required };
  }
  if (named.name === 'DateTime') return { kind: 'scalar' };
  if (isInputObjectType(named)) {
    const cached = cache.get(named.name);
    if (cached) return cached;
    const shape: TextShape = { kind: 'object', fields: {} };
    cache.set(named.name, shape); // before the fields: input types may refer to themselves
    for (const field of Object.values(named.getFields())) {
      if (TEXT_EXEMPT.test(field.name)) continue;
      const f = shapeOf(field.type, cache);
      if (f.kind !== 'skip') shape.fields[field.name] = f;
    }
    return shape;
  }
  return { kind: 'skip' };
}

function argShapes(args: readonly GraphQLArgument[], cache: Map<string, TextShape>): Record<string, TextShape> | null {
  const out: Record<string, TextShape> = {};
  for (const arg of args) {
    if (TEXT_EXEMPT.test(arg.name)) continue;
    const shape = shapeOf(arg.type, cache);
    if (shape.kind !== 'skip') out[arg.name] = shape;
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Wraps every resolver that takes text so that its `args` are cleaned in place (normalizeText: trimmed,
 * NFC, no control or bidi characters; lone surrogates and whitespace-only required text refused with
 * BAD_USER_INPUT) BEFORE type-graphql turns them into input class instances and runs validateFn.
 * This is done here and not in validateFn because type-graphql 2.0.0-rc.4 calls validateFn with the
 * value of each argument and then passes the ORIGINAL value on: a string argument cannot be replaced
 * from there, only objects could be modified in place.
 */
function withTextHygiene(schema: GraphQLSchema, resolvers: GraphQLResolverMap<any>): GraphQLResolverMap<any> {
  const cache = new Map<string, TextShape>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeResolvers = resolvers[type.name] as Record<string, unknown> | undefined;
    if (!typeResolvers) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = typeResolvers[field.name];
      if (typeof resolve !== 'function') continue;
      const shapes = argShapes(field.args, cache);
      if (!shapes) continue;
      const wrapped: GraphQLFieldResolver<unknown, unknown> = (root, args, ctx, info) => {
        try {
          normalizeArgs(args, shapes);
        } catch (err) {
          if (err instanceof TextError) throw textErrorToGraphQL(err);
          throw err;
        }
        return (resolve as GraphQLFieldResolver<unknown, unknown>)(root, args, ctx, info);
      };
      typeResolvers[field.name] = wrapped;
    }
  }
  return resolvers;
}

/** One refused input field: its path, the catalogue reason and the rule's parameters. */
export interface FieldProblem {
  field: string;
  reason: string;
  [param: string]: unknown;
}

const PATTERN_REASONS: Array<[RegExp, string]> = [
  [REGION_CODE_PATTERN, 'INVALID_REGION_CODE'],
  [PHONE_PATTERN, 'INVALID_PHONE'],
  [TOPIC_CODE_PATTERN, 'INVALID_TOPIC_CODE'],
  [IDEMPOTENCY_KEY_PATTERN, 'INVALID_IDEMPOTENCY_KEY'],
];

/**
 * The catalogue reason and parameters of one failed class-validator constraint, with the rule's own
 * numbers read from the decorator's metadata (so a limit is written once, in @pantau/contract).
 */
function problemOf(e: ValidationError, field: string, constraint: string): FieldProblem {
  const metas = e.target ? getMetadataStorage().getTargetValidationMetadatas(e.target.constructor, '', true, false) : [];
  const args = (name: string) => metas.find((m) => m.propertyName === e.property && m.name === name)?.constraints;
  const value = e.value as unknown;
  const length = typeof value === 'string' ? value.trim().length : Array.isArray(value) ? value.length : undefined;
  switch (constraint) {
    case 'isLength': {
      const [min, max] = (args('isLength') ?? []) as number[];
      if (min === undefined || max === undefined) break;
      return length !== undefined && length < min ? { field, reason: 'TOO_SHORT', min, max } : { field, reason: 'TOO_LONG', min, max };
    }
    case 'maxLength': {
      const [max] = (args('maxLength') ?? []) as number[];
      if (max !== undefined) return { field, reason: 'TOO_LONG', max };
      break;
    }
    case 'matches': {
      const [pattern] = (args('matches') ?? []) as RegExp[];
      const hit = PATTERN_REASONS.find(([p]) => pattern instanceof RegExp && p.source === pattern.source);
      return { field, reason: hit?.[1] ?? 'INVALID_VALUE' };
    }
    case 'isEmail':
      return { field, reason: 'INVALID_EMAIL' };
    case 'isInt':
      return { field, reason: 'NOT_INTEGER' };
    case 'isUuid':
      return { field, reason: 'INVALID_ID' };
    case 'min':
    case 'max': {
      const [min] = (args('min') ?? []) as number[];
      const [max] = (args('max') ?? []) as number[];
      if (min !== undefined && max !== undefined) return { field, reason: 'OUT_OF_RANGE', min, max };
      if (min !== undefined) return { field, reason: 'BELOW_MIN', min };
      break;
    }
    case 'arrayMaxSize': {
      const [max] = (args('arrayMaxSize') ?? []) as number[];
      if (max !== undefined) return { field, reason: 'TOO_MANY_ITEMS', max, found: length ?? 0 };
      break;
    }
    default:
      break;
  }
  return { field, reason: 'INVALID_VALUE' };
}

function flattenValidation(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const first = e.constraints ? Object.keys(e.constraints)[0] : undefined;
    const own = first ? [problemOf(e, field, first)] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/**
 * The default validateFn: class-validator on input objects (and lists of them), failing with ONE
 * BAD_USER_INPUT error: the first problem's reason and parameters, and `fields` with every problem
 * (`{field, reason, ...params, messages}`; `messages` is deprecated, the catalogue text in the request's language).
 */
export const validateArgs: ValidatorFn = async (argValue) => {
  if (argValue === null || typeof argValue !== 'object' || argValue instanceof Date) return;
  const items = Array.isArray(argValue) ? argValue.filter((v) => v !== null && typeof v === 'object') : [argValue];
  for (const item of items) {
    const errors = await validate(item as object, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length) {
      const lang = currentLang();
      const problems = flattenValidation(errors).map((p) => ({ ...p, messages: [formatError(lang, { code: 'BAD_USER_INPUT', ...p })] }));
      const { field: _f, reason, messages: _m, ...params } = problems[0];
      throw new AppError(`BAD_USER_INPUT.${reason}` as ErrorKey, { field: problems[0].field, ...params } as never, { extra: { fields: problems } });
    }
  }
};

/** The SDL that composition needs (with federation directives). */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
