import 'reflect-metadata';
import { graphql } from 'graphql';
import { Arg, Directive, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { buildFederatedSchema } from '../federation';
import { normalizeArgs, normalizeText, normalizeValue, TextError, type TextShape } from '../text';

describe('normalizeText', () => {
  it('trims, composes to NFC and keeps inner new lines and tabs', () => {
    expect(normalizeText('  Jalan rusak\t di Tenggarong \n')).toBe('Jalan rusak\t di Tenggarong');
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
    expect(normalizeText('baris 1\r\nbaris 2\rbaris 3')).toBe('baris 1\nbaris 2\nbaris 3');
  });

  it('removes NUL, other C0 controls, DEL and C1 controls', () => {
    expect(normalizeText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef');
  });

  it('removes bidi embeddings, overrides and isolates', () => {
    expect(normalizeText('abc\u202Edcb\u202C \u2066x\u2069\u202A\u202B\u202D\u2067\u2068')).toBe('abcdcb x');
  });

  it('trims zero-width space, word joiner, BOM and NBSP at the edges only', () => {
    expect(normalizeText('\uFEFF\u200B\u00A0 judul \u2060')).toBe('judul');
    expect(normalizeText('a\u200Bb')).toBe('a\u200Bb');
  });

  it('keeps valid surrogate pairs (emoji) and refuses lone ones', () => {
    expect(normalizeText(' 😀 ')).toBe('😀');
    expect(() => normalizeText('a\uD800b', 'input.title')).toThrow(TextError);
    expect(() => normalizeText('\uDC00', 'x')).toThrow(expect.objectContaining({ field: 'x', reason: 'INVALID_CHARACTER' }));
    expect(() => normalizeText('end\uD83D')).toThrow(TextError);
  });
});

describe('normalizeValue / normalizeArgs', () => {
  const shape: TextShape = {
    kind: 'object',
    fields: {
      title: { kind: 'text', required: true },
      note: { kind: 'text', required: false },
      tags: { kind: 'list', of: { kind: 'text', required: true } },
      nested: { kind: 'object', fields: { name: { kind: 'text', required: false } } },
    },
  };

  it('cleans nested objects and lists in place', () => {
    const input = { title: ' A\u0000 ', note: '   ', tags: [' x ', 'y\u202E'], nested: { name: ' n ' }, other: ' kept ' };
    const args: Record<string, unknown> = { input, q: ' s ' };
    normalizeArgs(args, { input: shape, q: { kind: 'text', required: false } });
    expect(args.input).toBe(input);
    expect(input).toEqual({ title: 'A', note: '', tags: ['x', 'y'], nested: { name: 'n' }, other: ' kept ' });
    expect(args.q).toBe('s');
  });

  it('refuses whitespace-only required text, naming the field path', () => {
    expect(() => normalizeValue({ title: ' \t\n ' }, shape, 'input')).toThrow(expect.objectContaining({ field: 'input.title', reason: 'REQUIRED' }));
    expect(() => normalizeValue({ title: 'ok', tags: ['a', ' '] }, shape, 'input')).toThrow(expect.objectContaining({ field: 'input.tags[1]', reason: 'REQUIRED' }));
  });
});

@InputType()
class NoteInput {
  @Field(() => String)
  @MaxLength(5)
  title: string;

  @Field(() => String, { nullable: true })
  body?: string;

  @Field(() => String, { nullable: true })
  newPassword?: string;
}

@InputType()
class WindowInput {
  @Field(() => Date, { nullable: true })
  from?: Date;
}

@Resolver()
class EchoResolver {
  @Query(() => String)
  echo(@Arg('text', () => String) text: string, @Arg('id', () => ID, { nullable: true }) id?: string): string {
    return JSON.stringify({ text, id });
  }

  @Query(() => String)
  since(@Arg('filter', () => WindowInput, { nullable: true }) filter?: WindowInput, @Arg('at', () => Date, { nullable: true }) at?: Date): string {
    return JSON.stringify({ from: filter?.from?.toISOString(), at: at?.toISOString() });
  }

  @Query(() => String)
  signIn(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string): string {
    return JSON.stringify({ email, password });
  }

  @Mutation(() => String)
  note(@Arg('input', () => NoteInput) input: NoteInput, @Arg('list', () => [String], { nullable: true }) list?: string[]): string {
    return JSON.stringify({ ctor: input.constructor.name, ...input, list });
  }
}

describe('buildFederatedSchema text hygiene', () => {
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [EchoResolver] });
  });
  const run = (source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, variableValues });

  it('cleans plain string args and ID args', async () => {
    const r = await run('query($t: String!) { echo(text: $t, id: " 7 ") }', { t: ' Cafe\u0301\u0000 ' });
    expect(r.errors).toBeUndefined();
    expect(JSON.parse(r.data!.echo as string)).toEqual({ text: 'Caf\u00e9', id: '7' });
  });

  it('cleans input objects and lists before class-validator runs (MaxLength sees the trimmed title)', async () => {
    const r = await run('mutation($i: NoteInput!) { note(input: $i, list: [" a ", "b\u202e"]) }', { i: { title: '  12345  ', body: ' b ' } });
    expect(r.errors).toBeUndefined();
    expect(JSON.parse(r.data!.note as string)).toEqual({ ctor: 'NoteInput', title: '12345', body: 'b', list: ['a', 'b'] });
  });

  it('refuses a whitespace-only required field with BAD_USER_INPUT naming it', async () => {
    const r = await run('mutation($i: NoteInput!) { note(input: $i) }', { i: { title: ' \u3000 ' } });
    expect(r.errors?.[0].message).toBe('Title must not be empty or only spaces.');
    expect(r.errors?.[0].extensions).toMatchObject({ reason: 'REQUIRED', field: 'input.title', messageId: 'Judul tidak boleh kosong atau hanya berisi spasi.' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });

  it('refuses lone surrogates', async () => {
    const r = await run('query($t: String!) { echo(text: $t) }', { t: 'x\uDBFF' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('reports class-validator failures as one BAD_USER_INPUT error', async () => {
    const r = await run('mutation { note(input: { title: "123456" }) }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe('Title must be at most 5 characters long.');
    expect(r.errors?.[0].extensions).toMatchObject({ reason: 'TOO_LONG', field: 'title', max: 5, fields: [expect.objectContaining({ field: 'title', reason: 'TOO_LONG', max: 5 })] });
  });

  it('never touches passwords', async () => {
    const r = await run('query($p: String!) { signIn(email: " A@B.id ", password: $p) }', { p: ' rahasia\u0000 ' });
    expect(JSON.parse(r.data!.signIn as string)).toEqual({ email: 'A@B.id', password: ' rahasia\u0000 ' });
    const n = await run('mutation { note(input: { title: "t", newPassword: " p " }) }');
    expect(JSON.parse(n.data!.note as string).newPassword).toBe(' p ');
  });

  it('answers an invalid DateTime, as a variable or a literal, with BAD_USER_INPUT naming the argument', async () => {
    const ok = await run('{ since(filter: { from: "2026-01-31T00:00:00+08:00" }, at: "2026-02-01T00:00:00Z") }');
    expect(JSON.parse(ok.data!.since as string)).toEqual({ from: '2026-01-30T16:00:00.000Z', at: '2026-02-01T00:00:00.000Z' });
    const lit = await run('{ since(filter: { from: "2026-13-45" }) }');
    expect(lit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    expect(lit.errors?.[0].message).toMatch(/^filter.from must be an ISO-8601 date-time .*\(got "2026-13-45"\)\.$/);
    const v = await run('query($a: DateTime) { since(at: $a) }', { a: 'kemarin' });
    expect(v.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    const n = await run('query($a: DateTime) { since(at: $a) }', { a: { x: 1 } });
    expect(n.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const i = await run('{ since(at: 12) }');
    expect(i.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

@Directive('@key(fields: "id")')
@ObjectType('Thing')
class Thing {
  @Field(() => ID)
  id: string;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing, { nullable: true })
  thing(): Thing | null {
    return null;
  }
}

describe('_entities representations', () => {
  let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [ThingResolver] }, { Thing: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } });
  });
  const entities = (representations: unknown[]) =>
    graphql({ schema, source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }', variableValues: { r: representations } });

  it('resolves known entities', async () => {
    const r = await entities([{ __typename: 'Thing', id: '1' }]);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ _entities: [{ id: '1' }] });
  });

  it.each([
    [[{ __typename: 'Nope', id: '1' }], 'representations[0] names no entity type of this service ("Nope").'],
    [[{ __typename: 'Thing', id: '1' }, { id: '2' }], 'representations[1] names no entity type of this service (no __typename).'],
    [[{ __typename: 'Thing', id: { $ne: 1 } }], 'representations[0] of Thing needs its key field(s): id.'],
    [[{ __typename: 'Thing' }], 'representations[0] of Thing needs its key field(s): id.'],
    [['Thing'], 'representations[0] must be an object with __typename and the key fields.'],
  ])('refuses %j with BAD_USER_INPUT', async (reps, message) => {
    const r = await entities(reps);
    expect(r.errors?.[0].message).toBe(message);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
