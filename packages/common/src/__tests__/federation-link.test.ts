import { printSubgraphSchema } from '@apollo/subgraph';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import {
  buildFederatedSchema,
  chooseFederationLink,
  FEDERATION_DIRECTIVE_VERSIONS,
  federationSchemaExtension,
} from '../federation';

// @apollo/federation-internals is what @apollo/subgraph and composition use to define each federation version.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FEDERATION_VERSIONS } = require('@apollo/federation-internals') as {
  FEDERATION_VERSIONS: {
    versions(): Array<{ major: number; minor: number; toString(): string }>;
    find(v: unknown): { directiveSpecs(): Array<{ name: string }> } | undefined;
  };
};

describe('FEDERATION_DIRECTIVE_VERSIONS', () => {
  it('names, for every federation directive, the first version that defines it (per @apollo/federation-internals)', () => {
    const versions = [...FEDERATION_VERSIONS.versions()].sort((a, b) => a.major - b.major || a.minor - b.minor);
    const firstSeen: Record<string, string> = {};
    for (const v of versions) {
      for (const spec of FEDERATION_VERSIONS.find(v)!.directiveSpecs()) {
        firstSeen[spec.name] ??= `${v.major}.${v.minor}`;
      }
    }
    // every directive our table names is defined by federation from the version the table says
    for (const [name, version] of Object.entries(FEDERATION_DIRECTIVE_VERSIONS)) {
      expect({ name, version: firstSeen[name] }).toEqual({ name, version });
    }
    // and the table misses none of them
    expect(Object.keys(firstSeen).sort()).toEqual(Object.keys(FEDERATION_DIRECTIVE_VERSIONS).sort());
  });
});

describe('chooseFederationLink', () => {
  it('imports only what the SDL applies, at the lowest version defining it', () => {
    expect(chooseFederationLink('type A @key(fields: "id") { id: ID! } type Query { a: A }')).toEqual({ version: '2.0', imports: ['@key'] });
    expect(
      chooseFederationLink('type A @key(fields: "id") @shareable { id: ID! n: Int @tag(name: "x") } type Query { a: A @inaccessible }'),
    ).toEqual({ version: '2.0', imports: ['@inaccessible', '@key', '@shareable', '@tag'] });
    expect(chooseFederationLink('type Query { a: Int }')).toEqual({ version: '2.0', imports: [] });
  });

  it('raises the version for the features used', () => {
    expect(chooseFederationLink('type I @interfaceObject @key(fields: "id") { id: ID! }').version).toBe('2.3');
    expect(chooseFederationLink('interface I @key(fields: "id") { id: ID! }').version).toBe('2.3');
    expect(chooseFederationLink('type T { f: Int @override(from: "a", label: "percent(5)") }').version).toBe('2.7');
    expect(chooseFederationLink('type T { f: Int @override(from: "a") }').version).toBe('2.0');
    expect(chooseFederationLink('type T @shareable @shareable { f: Int }').version).toBe('2.2');
    expect(chooseFederationLink('type T { f: Int @cost(weight: 3) }').version).toBe('2.9');
    expect(chooseFederationLink('type T { f: Int }', { composeDirectives: ['@custom'] })).toEqual({ version: '2.1', imports: ['@composeDirective'] });
    expect(chooseFederationLink('type T { f: Int }', { minVersion: '2.5' }).version).toBe('2.5');
  });

  it('ignores directives that are not federation directives', () => {
    expect(chooseFederationLink('type T @custom { f: Int @deprecated }')).toEqual({ version: '2.0', imports: [] });
  });

  it('adds extra imports and refuses unknown ones', () => {
    expect(chooseFederationLink('type T @key(fields: "f") { f: Int }', { extraImports: ['@tag', 'shareable'] }).imports).toEqual([
      '@key',
      '@shareable',
      '@tag',
    ]);
    expect(() => chooseFederationLink('type T { f: Int }', { extraImports: ['@nope'] })).toThrow(/Unknown federation directive/);
  });

  it('writes the schema extension with further links and composed directives', () => {
    const ext = federationSchemaExtension('type T @key(fields: "f") @custom { f: Int }', {
      links: [{ url: 'https://myspecs.dev/myCustomDirective/v1.0', import: ['@custom'] }],
      composeDirectives: ['@custom'],
    });
    expect(ext).toBe(
      'extend schema\n' +
        '  @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@composeDirective", "@key"])\n' +
        '  @link(url: "https://myspecs.dev/myCustomDirective/v1.0", import: ["@custom"])\n' +
        '  @composeDirective(name: "@custom")',
    );
  });
});

@ObjectType()
@Directive('@key(fields: "id")')
class LinkThing {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @Directive('@tag(name: "internal")')
  note?: string;
}

@Resolver()
class LinkThingResolver {
  @Query(() => LinkThing, { nullable: true })
  linkThing(): LinkThing | null {
    return null;
  }
}

describe('buildFederatedSchema @link', () => {
  it('prints the chosen link (version and imports) in the subgraph SDL', async () => {
    const schema = await buildFederatedSchema({ resolvers: [LinkThingResolver] });
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.0", import: ["@key", "@tag"])');
    expect(sdl).toContain('note: String @tag(name: "internal")');
    expect(sdl).toContain('type LinkThing @key(fields: "id")'); // applied under their imported names
    expect(sdl).not.toContain('directive @federation__tag');
  });

  it('adds extra imports on request', async () => {
    const schema = await buildFederatedSchema({ resolvers: [LinkThingResolver] }, {}, { extraImports: ['@inaccessible'] });
    expect(printSubgraphSchema(schema)).toContain('import: ["@inaccessible", "@key", "@tag"]');
  });
});
